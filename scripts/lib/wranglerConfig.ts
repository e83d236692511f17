/**
 * wrangler.toml as wrangler reads it, for the target a command works on: the top level for local
 * development (`npm run dev`, the commands without --remote), `[env.production]` for the
 * deployment (`npm run deploy`, every command's --remote). Variables and bindings are not
 * inherited between them (wrangler's rule), so each has its own SITE_URL, WEBSUB_HUB and DB.
 */
import { join } from "node:path";
import { type Unstable_Config, unstable_getVarsForDev, unstable_readConfig } from "wrangler";
import { projectRoot } from "./projectRoot";
import { UsageError } from "./usage";

export const WRANGLER_TOML = join(projectRoot, "wrangler.toml");
/** The deployment's environment in wrangler.toml. */
export const PRODUCTION = "production";
/** The binding the Worker and the commands read the article store through. */
export const STORE_BINDING = "DB";
/** wrangler.toml ships with this id so that local development needs no account. */
export const PLACEHOLDER_DATABASE_ID = "00000000-0000-4000-8000-000000000000";
/** The example origin wrangler.toml's [env.production.vars] ships with. */
export const EXAMPLE_SITE_URL = "https://news.example.org";

export type WranglerConfig = Unstable_Config;
export type D1Config = WranglerConfig["d1_databases"][number];

/**
 * wrangler.toml (or the configuration file `config`) for local development (`remote` false) or
 * for the deployment.
 */
export function wranglerConfig({
	remote = false,
	config = WRANGLER_TOML,
}: {
	readonly remote?: boolean;
	readonly config?: string;
} = {}): WranglerConfig {
	return remote
		? unstable_readConfig({ config, env: PRODUCTION })
		: unstable_readConfig({ config });
}

/**
 * The Worker's variables as `wrangler dev` gives them, before any `--var`: wrangler.toml's
 * [vars], then .dev.vars (or .env) over them.
 */
export function localWorkerVars(
	config: WranglerConfig = wranglerConfig(),
): Record<string, unknown> {
	const bindings = unstable_getVarsForDev(WRANGLER_TOML, undefined, config.vars, undefined, true);
	return Object.fromEntries(
		Object.entries(bindings).map(([name, binding]) => [name, binding.value]),
	);
}

/** The article store's binding in `config`; a UsageError naming the section when it is missing. */
export function storeDatabase(config: WranglerConfig, remote: boolean): D1Config {
	const database = config.d1_databases.find((d1) => d1.binding === STORE_BINDING);
	if (database === undefined) {
		const section = remote ? `[[env.${PRODUCTION}.d1_databases]]` : "[[d1_databases]]";
		throw new UsageError(`wrangler.toml has no ${section} with binding = "${STORE_BINDING}"`);
	}
	return database;
}

/**
 * What still has to be filled in before anything may reach the deployment: the database id of
 * `wrangler d1 create`, and the public origin. Empty when [env.production] is ready.
 */
export function productionSetupProblems(config: WranglerConfig): string[] {
	const problems: string[] = [];
	const database = config.d1_databases.find((d1) => d1.binding === STORE_BINDING);
	const id = database?.database_id;
	if (id === undefined || id === PLACEHOLDER_DATABASE_ID) {
		problems.push(
			`[[env.${PRODUCTION}.d1_databases]] database_id is still the placeholder ${PLACEHOLDER_DATABASE_ID}: create the database with \`npx wrangler d1 create edgewire\` and put the id it prints there`,
		);
	}
	const site = config.vars.SITE_URL;
	if (site === undefined || site === EXAMPLE_SITE_URL || site === `${EXAMPLE_SITE_URL}/`) {
		problems.push(
			`[env.${PRODUCTION}.vars] SITE_URL is still the example ${EXAMPLE_SITE_URL}: set it to the origin the site is served from`,
		);
	}
	return problems;
}

/** A UsageError listing what [env.production] still needs, for `what` (e.g. "--remote"). */
export function checkProductionSetup(config: WranglerConfig, what: string): void {
	const problems = productionSetupProblems(config);
	if (problems.length === 0) return;
	throw new UsageError(
		`${what} needs wrangler.toml's [env.${PRODUCTION}] filled in (README, "Deploying"):\n${problems.map((problem) => `  ${problem}`).join("\n")}`,
	);
}
