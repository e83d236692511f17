/**
 * Whether a store has every migration in migrations/, asked of the store itself: wrangler records
 * each migration it applies in a table of its own (`d1_migrations` unless wrangler.toml's
 * `migrations_table` names another; columns id, name, applied_at), one row per file name, and
 * applies the `.sql` files of the migrations directory in file-name order. A command compares
 * that record with the files, so a store that is behind is named as such, with the migrations it
 * lacks, before anything is read or written.
 */
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { withStoreRetry } from "../../src/commands/storeRetry";
import { projectRoot } from "./projectRoot";
import { UsageError } from "./usage";
import type { D1Config } from "./wranglerConfig";

/** wrangler's default name for its record of applied migrations. */
const DEFAULT_MIGRATIONS_TABLE = "d1_migrations";
const DEFAULT_MIGRATIONS_DIR = "migrations";
/** A table name that can be written into SQL as it is (wrangler does the same). */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The migration files, as wrangler orders them: every `.sql` file, sorted by name. */
export function migrationFiles(database: D1Config): string[] {
	const directory = resolve(projectRoot, database.migrations_dir ?? DEFAULT_MIGRATIONS_DIR);
	return readdirSync(directory)
		.filter((name) => name.endsWith(".sql"))
		.sort();
}

/** The names wrangler recorded as applied to `db` (none when it never applied one). */
export async function appliedMigrations(db: D1Database, database: D1Config): Promise<Set<string>> {
	const table = database.migrations_table ?? DEFAULT_MIGRATIONS_TABLE;
	if (!PLAIN_NAME.test(table)) {
		throw new UsageError(`wrangler.toml: migrations_table must be a plain table name`);
	}
	const doing = "reading which migrations are applied";
	const recorded = await withStoreRetry(
		() =>
			db
				.prepare("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?1")
				.bind(table)
				.first<{ found: number }>(),
		{ doing },
	);
	if (recorded === null) return new Set();
	const { results } = await withStoreRetry(
		() => db.prepare(`SELECT name FROM ${table}`).all<{ name: string }>(),
		{ doing },
	);
	return new Set(results.map((row) => row.name));
}

/** The migration files not applied to `db`, in the order they would be applied. */
export async function missingMigrations(db: D1Database, database: D1Config): Promise<string[]> {
	const applied = await appliedMigrations(db, database);
	return migrationFiles(database).filter((file) => !applied.has(file));
}
