/**
 * `npm run deploy`: `wrangler deploy --env production`, once wrangler.toml's [env.production] is
 * filled in. Until then (the placeholder database_id, the example SITE_URL) it stops before
 * wrangler runs, so a first deploy never publishes a Worker whose feeds name news.example.org or
 * whose store is a database that does not exist.
 *
 *   npm run deploy [-- --config <file>] [-- <more wrangler deploy options>]
 *
 * Exits 2 while [env.production] is not ready (saying what to set), otherwise with wrangler's
 * own exit status.
 */
import { runInForeground, WRANGLER } from "./lib/foreground";
import { shown } from "./lib/shown";
import { runCommand, UsageError } from "./lib/usage";
import {
	checkProductionSetup,
	PRODUCTION,
	WRANGLER_TOML,
	wranglerConfig,
} from "./lib/wranglerConfig";

const HELP = `Usage: npm run deploy [-- --config <file>] [-- <wrangler deploy options>]

Deploys the Worker with wrangler.toml's [env.${PRODUCTION}]: \`wrangler deploy --env ${PRODUCTION}\`.
Stops first while [env.${PRODUCTION}] still has the placeholder database_id or the example SITE_URL.
  --config FILE  another wrangler configuration file (default: wrangler.toml)
Any other option goes to wrangler deploy as it is.
Exit status: wrangler's, or 2 when [env.${PRODUCTION}] is not filled in or on a usage error.`;

interface DeployArgs {
	readonly config: string;
	/** Options for wrangler deploy. */
	readonly rest: readonly string[];
}

/** The command line: `--config` and `--help` are ours, the rest is wrangler's. */
function deployArgs(argv: readonly string[]): DeployArgs | "help" {
	let config = WRANGLER_TOML;
	const rest: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? "";
		if (arg === "--help" || arg === "-h") return "help";
		if (arg === "--env" || arg === "-e" || arg.startsWith("--env=")) {
			throw new UsageError(`deploy always deploys [env.${PRODUCTION}]; leave out ${shown(arg)}`);
		}
		if (arg === "--config" || arg === "-c") {
			const value = argv[++i];
			if (value === undefined) throw new UsageError(`${arg} needs a file`);
			config = value;
		} else if (arg.startsWith("--config=")) {
			config = arg.slice("--config=".length);
		} else {
			rest.push(arg);
		}
	}
	return { config, rest };
}

await runCommand("deploy", async () => {
	const args = deployArgs(process.argv.slice(2));
	if (args === "help") {
		console.log(HELP);
		return 0;
	}
	checkProductionSetup(wranglerConfig({ remote: true, config: args.config }), "npm run deploy");
	return runInForeground([
		WRANGLER,
		"deploy",
		"--env",
		PRODUCTION,
		...(args.config === WRANGLER_TOML ? [] : ["--config", args.config]),
		...args.rest,
	]);
});
