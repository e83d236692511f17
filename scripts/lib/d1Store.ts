/**
 * The D1 database a command writes to: wrangler's local simulation by default (the SQLite file
 * `npm run dev` serves from, under .wrangler/state), or the deployed database with `--remote`.
 * Both are reached through wrangler's getPlatformProxy, so a command's batch is a D1 batch, one
 * transaction, locally and remotely alike.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { getPlatformProxy, type Unstable_Config, unstable_readConfig } from "wrangler";
import { projectRoot } from "./projectRoot";
import type { StoreTarget } from "./usage";
import { UsageError } from "./usage";

const CONFIG = join(projectRoot, "wrangler.toml");
const BINDING = "DB";
/** wrangler.toml ships with this id so that local development needs no account. */
export const PLACEHOLDER_DATABASE_ID = "00000000-0000-4000-8000-000000000000";

type D1Config = Unstable_Config["d1_databases"][number];

/** The Worker's variables as a command sees them (wrangler.toml [vars], .dev.vars). */
export type WorkerVars = Readonly<Record<string, unknown>>;

/** An open store: its database, where it is (for messages), the Worker's variables there. */
export interface Store {
	readonly db: D1Database;
	readonly where: string;
	readonly vars: WorkerVars;
	close(): Promise<void>;
}

/** wrangler.toml as wrangler reads it. */
export function wranglerConfig(): Unstable_Config {
	return unstable_readConfig({ config: CONFIG });
}

function databaseConfig(config: Unstable_Config): D1Config {
	const database = config.d1_databases.find((d1) => d1.binding === BINDING);
	if (database === undefined) {
		throw new UsageError(`wrangler.toml has no [[d1_databases]] with binding = "${BINDING}"`);
	}
	return database;
}

/**
 * Opens the store. `remote`: the deployed database (needs `npx wrangler login` and the real
 * database_id in wrangler.toml). `persistTo`: a local state directory other than .wrangler/state
 * (as `wrangler dev --persist-to`).
 */
export async function openStore({
	remote = false,
	persistTo,
}: Partial<StoreTarget> = {}): Promise<Store> {
	const config = wranglerConfig();
	const database = databaseConfig(config);
	if (!remote) {
		const proxy = await getPlatformProxy<Record<string, unknown> & { DB: D1Database }>({
			configPath: CONFIG,
			remoteBindings: false,
			...(persistTo !== undefined && { persist: { path: resolve(persistTo, "v3") } }),
		});
		const where = `local D1 "${database.database_name}" (${persistTo ?? ".wrangler/state"})`;
		return { db: proxy.env[BINDING], where, vars: proxy.env, close: () => proxy.dispose() };
	}
	if (database.database_id === undefined || database.database_id === PLACEHOLDER_DATABASE_ID) {
		throw new UsageError(
			"wrangler.toml: [[d1_databases]] database_id is still the local placeholder: create the database with `npx wrangler d1 create edgewire` and put the id it prints there",
		);
	}
	// The same binding, marked remote: getPlatformProxy then proxies it to the deployed database.
	const directory = join(projectRoot, ".wrangler", "remote");
	mkdirSync(directory, { recursive: true });
	const remoteConfig = join(directory, "wrangler.json");
	writeFileSync(
		remoteConfig,
		JSON.stringify({
			name: config.name,
			compatibility_date: config.compatibility_date,
			compatibility_flags: config.compatibility_flags,
			d1_databases: [{ ...database, migrations_dir: undefined, remote: true }],
		}),
	);
	const proxy = await getPlatformProxy<{ DB: D1Database }>({
		configPath: remoteConfig,
		remoteBindings: true,
	});
	const where = `remote D1 "${database.database_name}" (${database.database_id})`;
	return { db: proxy.env[BINDING], where, vars: config.vars, close: () => proxy.dispose() };
}

/**
 * Opens the store, runs `work(store)`, and closes the store whatever happens. A store without its
 * tables becomes a UsageError saying which migration command to run.
 */
export async function withStore<T>(
	target: Partial<StoreTarget>,
	work: (store: Store) => Promise<T>,
): Promise<T> {
	const store = await openStore(target);
	try {
		return await work(store);
	} catch (error) {
		const unmigrated = unmigratedStore(error, target.remote === true);
		throw unmigrated === undefined ? error : new UsageError(unmigrated);
	} finally {
		await store.close();
	}
}

/** A message for a store that has no tables yet, or undefined when `error` is something else. */
function unmigratedStore(error: unknown, remote: boolean): string | undefined {
	const message = error instanceof Error ? error.message : String(error);
	if (!/no such table|are the migrations applied/.test(message)) return undefined;
	return remote
		? "the remote D1 database has no tables yet: run `npx wrangler d1 migrations apply DB --remote`"
		: "the local D1 database has no tables yet: run `npm run db:migrate` (`npm run dev` does it for you)";
}
