/**
 * `npm run dev`: prepares the local store (migrations, then a publish of content/) for the server
 * it is about to start, then starts `wrangler dev --test-scheduled` with every argument it was
 * given. The publish uses that server's variables: wrangler.toml's [vars], .dev.vars, and the
 * `--var NAME:VALUE` arguments over them, so a publish-time WebSub ping names the origin the
 * server serves (`--var SITE_URL:...`), and `--persist-to` is the store both use.
 *
 *   npm run dev [-- <wrangler dev options>]
 *   npm run dev -- --port 8790 --var SITE_URL:http://127.0.0.1:8790
 *
 * wrangler dev reads .dev.vars only when it starts, so this command watches it: when the
 * variables in it change (a PREVIEW_TOKEN set, changed or removed), it says so in one line and
 * restarts wrangler dev with the same arguments, on the same port and store; a new token that is
 * too short is refused in one line, and the server keeps the variables it has.
 *
 * Exits 2 before anything starts on a PREVIEW_TOKEN shorter than MIN_TOKEN_LENGTH (naming its
 * source and length, never its value) or an unusable --var; with the publish's status when content
 * is invalid; otherwise with wrangler dev's own exit status. Signals sent to this command reach
 * wrangler dev.
 */
import { MIN_TOKEN_LENGTH } from "../src/http/previewAccess";
import { watchDevVars } from "./lib/devVarsWatch";
import { runInForeground, WRANGLER } from "./lib/foreground";
import { projectRoot } from "./lib/projectRoot";
import { shown, shownBare } from "./lib/shown";
import { isEntry, runCommand, UsageError } from "./lib/usage";
import { localWorkerVars } from "./lib/wranglerConfig";
import { prepareLocalStore } from "./prepareLocalStore";

/** What `npm run dev` reads of wrangler dev's arguments; all of them go on to wrangler dev. */
export interface DevArgs {
	/** `--var NAME:VALUE`, in order (a later one wins, as in wrangler). */
	readonly vars: Readonly<Record<string, string>>;
	readonly port: string | undefined;
	readonly persistTo: string | undefined;
	readonly help: boolean;
}

/** A variable name wrangler accepts in `--var` (what the Worker reads as a binding). */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads `--var`, `--port` and `--persist-to` (also as `--name=value`) from wrangler dev's
 * arguments. `--var` takes every following argument that is not an option, as wrangler does.
 */
export function devArgs(argv: readonly string[]): DevArgs {
	const vars: Record<string, string> = {};
	let port: string | undefined;
	let persistTo: string | undefined;
	let help = false;
	const optionValue = (name: string, index: number): [string, number] => {
		const arg = argv[index] ?? "";
		if (arg.startsWith(`${name}=`)) return [arg.slice(name.length + 1), index];
		const value = argv[index + 1];
		if (value === undefined) throw new UsageError(`option ${name} needs a value`);
		return [value, index + 1];
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? "";
		if (arg === "--help" || arg === "-h") help = true;
		else if (arg === "--port" || arg.startsWith("--port=")) [port, i] = optionValue("--port", i);
		else if (arg === "--persist-to" || arg.startsWith("--persist-to=")) {
			[persistTo, i] = optionValue("--persist-to", i);
		} else if (arg === "--var" || arg.startsWith("--var=")) {
			const values: string[] = [];
			if (arg.startsWith("--var=")) values.push(arg.slice("--var=".length));
			while (i + 1 < argv.length && !(argv[i + 1] ?? "").startsWith("-")) {
				values.push(argv[++i] ?? "");
			}
			if (values.length === 0) throw new UsageError("option --var needs NAME:VALUE");
			for (const value of values) {
				const colon = value.indexOf(":");
				const name = colon === -1 ? "" : value.slice(0, colon);
				if (!VARIABLE_NAME.test(name)) {
					throw new UsageError(`--var takes NAME:VALUE, got ${shown(value)}`);
				}
				vars[name] = value.slice(colon + 1);
			}
		}
	}
	return { vars, port, persistTo, help };
}

/**
 * Refuses a PREVIEW_TOKEN that is too short to be a secret, before the server starts: the Worker
 * would keep previews off with only a log line. Names where it came from and its length, never
 * the token.
 */
export function checkPreviewToken(token: unknown, source: string): void {
	if (token === undefined || token === "") return;
	const length = String(token).length;
	if (length >= MIN_TOKEN_LENGTH) return;
	throw new UsageError(
		`PREVIEW_TOKEN (${source}) has ${length} characters; at least ${MIN_TOKEN_LENGTH} are needed: make one with \`openssl rand -hex 32\`, or leave it out to keep previews off`,
	);
}

/** A SITE_URL on another port than the one served makes every feed link point elsewhere. */
function portWarning(port: string | undefined, site: unknown): string | undefined {
	if (port === undefined || !/^\d+$/.test(port) || typeof site !== "string") return undefined;
	let served: URL;
	try {
		served = new URL(site);
	} catch {
		return undefined;
	}
	const sitePort = served.port || (served.protocol === "https:" ? "443" : "80");
	if (sitePort === port) return undefined;
	return `dev: serving on port ${port}, but SITE_URL is ${shown(site)}: feeds and pages will link there; to match, add --var SITE_URL:http://localhost:${port}`;
}

const HELP = `Usage: npm run dev [-- <wrangler dev options>]

Applies migrations/ to the local store, publishes content/ with the server's variables
(wrangler.toml [vars], .dev.vars, then --var NAME:VALUE), then runs
\`wrangler dev --test-scheduled\` with the same options (--port, --var, --persist-to, ...).
While it runs, saving .dev.vars with changed variables (a new PREVIEW_TOKEN) restarts wrangler dev.
Exit status: wrangler dev's; 1 when content is invalid; 2 on a short PREVIEW_TOKEN or a bad --var.`;

if (isEntry(import.meta.filename)) await runCommand("dev", main);

async function main(): Promise<number> {
	const argv = process.argv.slice(2);
	const args = devArgs(argv);
	if (args.help) {
		console.log(HELP);
		return 0;
	}
	const fromFiles = localWorkerVars();
	checkServerToken(args, fromFiles);
	const warning = portWarning(args.port, args.vars.SITE_URL ?? fromFiles.SITE_URL);
	if (warning !== undefined) console.warn(warning);
	const prepared = await prepareLocalStore({ persistTo: args.persistTo, serverVars: args.vars });
	if (prepared !== 0) return prepared;
	// The Worker reads nothing from request.cf: wrangler need not download its sample (offline).
	return runInForeground(
		[WRANGLER, "dev", "--test-scheduled", ...argv],
		{ ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false" },
		(restart) => watchDevVars(projectRoot, devVarsSeen, () => reloadDevVars(args, restart)),
	);
}

/** The token the server gets, from --var over .dev.vars, checked as checkPreviewToken does. */
function checkServerToken(args: DevArgs, fromFiles: Readonly<Record<string, unknown>>): void {
	if (args.vars.PREVIEW_TOKEN !== undefined) checkPreviewToken(args.vars.PREVIEW_TOKEN, "--var");
	else checkPreviewToken(fromFiles.PREVIEW_TOKEN, ".dev.vars");
}

/** The local variables as wrangler dev would load them now, to compare (never printed). */
function devVarsSeen(): string {
	try {
		return JSON.stringify(localWorkerVars());
	} catch {
		// wrangler.toml unreadable (half-written): a change, and reloadDevVars says why.
		return "";
	}
}

/** .dev.vars changed: restart wrangler dev so the Worker gets it, unless its token is too short. */
function reloadDevVars(args: DevArgs, restart: () => void): void {
	try {
		checkServerToken(args, localWorkerVars());
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const reason = shownBare(message.split("\n")[0] ?? "", 300);
		console.warn(
			`dev: .dev.vars changed, but ${reason}; wrangler dev keeps running with the variables it had`,
		);
		return;
	}
	console.log("dev: .dev.vars changed; restarting wrangler dev so that the Worker reads it");
	restart();
}
