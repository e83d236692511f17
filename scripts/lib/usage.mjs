import { parseArgs } from "node:util";
import { closeSources } from "./sourceModules.mjs";

/**
 * What every command shares: usage errors (exit 2), one-line failures (exit 1), and output that
 * never carries a stack trace or a terminal control sequence from data.
 */

/** A wrong or missing argument or setting: the command exits 2 with this message. */
export class UsageError extends Error {}

/** The options every command that writes the store takes. */
const STORE_OPTIONS = {
	remote: { type: "boolean", default: false },
	"dry-run": { type: "boolean", default: false },
	"persist-to": { type: "string" },
	help: { type: "boolean", short: "h", default: false },
};

/**
 * A store command's arguments: the common options plus `options`, and positional arguments when
 * `positionals` is true. Anything else, or `--persist-to` with `--remote`, is a UsageError.
 */
export function storeCommandArgs(argv, { options = {}, positionals = false } = {}) {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			options: { ...STORE_OPTIONS, ...options },
			strict: true,
			allowPositionals: positionals,
		});
	} catch (error) {
		throw new UsageError(error.message);
	}
	if (parsed.values.remote && parsed.values["persist-to"] !== undefined) {
		throw new UsageError("--persist-to is for the local database; it cannot go with --remote");
	}
	return parsed;
}

/** At most `limit` lines of a long message, then how many more there were. */
export function firstLines(text, limit = 60) {
	const lines = String(text).split("\n");
	if (lines.length <= limit) return lines.join("\n");
	return `${lines.slice(0, limit).join("\n")}\n  ... and ${lines.length - limit} more`;
}

/**
 * Runs a command's `main`, turning every failure into a message and an exit code: 2 for a
 * UsageError, 1 for anything else. Never prints a stack trace.
 */
export async function runCommand(name, main) {
	try {
		process.exitCode = (await main()) ?? 0;
	} catch (error) {
		process.exitCode = reportFailure(name, error);
	} finally {
		await closeSources().catch(() => undefined);
	}
}

/** Prints what went wrong (never a stack trace) and returns the exit code. */
function reportFailure(name, error) {
	const usage = error instanceof UsageError;
	const message = error instanceof Error ? error.message : String(error);
	console.error(`${name}: ${firstLines(message)}`);
	if (usage) console.error(`Run \`npm run ${name} -- --help\` for usage.`);
	return usage ? 2 : 1;
}

/** Seconds, for summaries. */
export function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}
