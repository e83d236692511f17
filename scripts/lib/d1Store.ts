/**
 * The D1 database a command writes to: wrangler's local simulation by default (the SQLite file
 * `npm run dev` serves from, under .wrangler/state), or the deployed database with `--remote`
 * (wrangler.toml's [env.production]). Both are reached through wrangler's getPlatformProxy, so a
 * command's batch is a D1 batch, one transaction, locally and remotely alike.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Miniflare } from "miniflare";
import { getPlatformProxy } from "wrangler";
import { missingMigrations } from "./migrations";
import { projectRoot } from "./projectRoot";
import { PATH_SHOWN, shownBare } from "./shown";
import type { StoreTarget } from "./usage";
import { CommandFailure, UsageError } from "./usage";
import {
	checkProductionSetup,
	type D1Config,
	localWorkerVars,
	PRODUCTION,
	STORE_BINDING,
	storeDatabase,
	type WranglerConfig,
	wranglerConfig,
} from "./wranglerConfig";

/** The Worker's variables as a command sees them (wrangler.toml's vars, .dev.vars locally). */
export type WorkerVars = Readonly<Record<string, unknown>>;

/** An open store: its database, where it is (for messages), the Worker's variables there. */
export interface Store {
	readonly db: D1Database;
	readonly where: string;
	readonly vars: WorkerVars;
	/** The binding's settings in wrangler.toml (its migrations). */
	readonly database: D1Config;
	close(): Promise<void>;
}

/**
 * Opens the store. `remote`: the deployed database of [env.production] (needs `npx wrangler
 * login` and that environment filled in). `persistTo`: a local state directory other than
 * .wrangler/state (as `wrangler dev --persist-to`).
 */
export async function openStore({
	remote = false,
	persistTo,
}: Partial<StoreTarget> = {}): Promise<Store> {
	const config = wranglerConfig({ remote });
	const database = storeDatabase(config, remote);
	if (!remote) return openLocal(config, database, persistTo);
	checkProductionSetup(config, "--remote");
	// The production binding, marked remote: getPlatformProxy then proxies it to the deployed
	// database. (Marking it remote in wrangler.toml would make `wrangler dev --env production`
	// write to production too.)
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
	const where = `remote D1 "${database.database_name}" (${database.database_id}, [env.${PRODUCTION}])`;
	return { db: proxy.env.DB, where, vars: config.vars, database, close: () => proxy.dispose() };
}

/**
 * The local store, as `wrangler dev` keeps it: Miniflare's D1 (SQLite, keyed by the database id)
 * under `<persistTo>/v3/d1`, with the Worker's variables from wrangler.toml and .dev.vars. Miniflare
 * is started here rather than through getPlatformProxy so that the command owns workerd's output:
 * getPlatformProxy copies it to the terminal, where a failing D1 call leaves an internal error
 * with native stack frames for every attempt, and the command reports the failure itself, in one
 * line. Nor does it fetch a `Request.cf` object from the network (`cf: false`).
 */
async function openLocal(
	config: WranglerConfig,
	database: D1Config,
	persistTo: string | undefined,
): Promise<Store> {
	const state =
		persistTo === undefined ? join(projectRoot, ".wrangler", "state") : resolve(persistTo);
	const miniflare = new Miniflare({
		modules: true,
		script: "export default {};",
		compatibilityDate: config.compatibility_date,
		d1Databases: {
			[STORE_BINDING]: database.preview_database_id ?? database.database_id ?? STORE_BINDING,
		},
		d1Persist: join(state, "v3", "d1"),
		cf: false,
		handleRuntimeStdio(stdout, stderr) {
			stdout.resume();
			stderr.resume();
		},
	});
	try {
		const db = await miniflare.getD1Database(STORE_BINDING);
		const vars = localWorkerVars(config);
		const folder = persistTo === undefined ? ".wrangler/state" : shownBare(persistTo, PATH_SHOWN);
		const where = `local D1 "${database.database_name}" (${folder})`;
		return { db, where, vars, database, close: () => miniflare.dispose() };
	} catch (error) {
		await miniflare.dispose().catch(() => undefined);
		throw new CommandFailure(`the local D1 database could not be started: ${firstLine(error)}`);
	}
}

/**
 * Opens the store, checks that it has every migration, runs `work(store)`, and closes the store
 * whatever happens. A store that lacks a migration is a UsageError naming the migrations and the
 * command that applies them.
 */
export async function withStore<T>(
	target: Partial<StoreTarget>,
	work: (store: Store) => Promise<T>,
): Promise<T> {
	const store = await openStore(target);
	try {
		const missing = await missingMigrations(store.db, store.database);
		if (missing.length > 0) throw new UsageError(unmigratedMessage(store, target, missing));
		return await work(store);
	} finally {
		await store.close();
	}
}

/** The first line of what went wrong, escaped and cut: never the driver's frames. */
function firstLine(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return shownBare((message.split("\n")[0] ?? "").trim(), 300);
}

function unmigratedMessage(
	store: Store,
	{ remote = false, persistTo }: Partial<StoreTarget>,
	missing: readonly string[],
): string {
	const lacks = `${store.where} lacks ${missing.length === 1 ? "migration" : "migrations"} ${missing.join(", ")}`;
	if (remote) {
		return `${lacks}: run \`npx wrangler d1 migrations apply ${STORE_BINDING} --remote --env ${PRODUCTION}\``;
	}
	const command =
		persistTo === undefined
			? "`npm run db:migrate` (`npm run dev` does it for you)"
			: `\`npm run db:migrate -- --persist-to ${shownBare(persistTo, PATH_SHOWN)}\``;
	return `${lacks}: run ${command}`;
}
