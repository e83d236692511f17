import { type ParseArgsConfig, parseArgs } from "node:util";
import { PublishConflictError } from "../../src/commands/applyPlan";
import { StoreUnavailableError } from "../../src/commands/storeRetry";
import { WithdrawRefused } from "../../src/commands/withdrawArticles";
import { ContentError } from "../../src/content/contentError";
import { printable } from "../../src/websub/notifyHub";
import { shown } from "./shown";

/**
 * What every command shares: usage errors (exit 2), one-line failures (exit 1), and output that
 * never carries a stack trace or a terminal control sequence from data.
 */

/** A wrong or missing argument or setting: the command exits 2 with this message. */
export class UsageError extends Error {
	override readonly name = "UsageError";
}

/** A step of a command failed; the message says which and what it printed (exit 1). */
export class CommandFailure extends Error {
	override readonly name = "CommandFailure";
}

/** The options every command that writes the store takes. */
export const STORE_OPTIONS = {
	remote: { type: "boolean", default: false },
	"dry-run": { type: "boolean", default: false },
	"persist-to": { type: "string" },
	help: { type: "boolean", short: "h", default: false },
} as const;

/**
 * `parseArgs` (strict), with what it refuses as a UsageError. Node's own messages quote the
 * offending argument raw and whole (escape sequences, megabytes); this one names it as every
 * message shows input (`shown`: escaped, cut), and never repeats a positional argument, which may
 * be a URL with credentials.
 */
export function commandArgs<T extends ParseArgsConfig>(
	config: T,
): ReturnType<typeof parseArgs<T & { strict: true }>> {
	try {
		return parseArgs({ ...config, strict: true });
	} catch {
		throw new UsageError(argumentProblem(config));
	}
}

/**
 * The arguments of a command that has `--help`: parsed as commandArgs does, or undefined once
 * `help` has been printed (the command then exits 0).
 */
export function argumentsOrHelp<T extends ParseArgsConfig>(
	config: T,
	help: string,
): ReturnType<typeof commandArgs<T>> | undefined {
	const parsed = commandArgs(config);
	if ((parsed.values as { readonly help?: unknown }).help !== true) return parsed;
	console.log(help);
	return undefined;
}

/** What is wrong with the arguments strict parsing refused, read from the parser's tokens. */
function argumentProblem(config: ParseArgsConfig): string {
	const { tokens } = parseArgs({ ...config, strict: false, tokens: true });
	for (const token of tokens) {
		if (token.kind === "positional" && config.allowPositionals !== true) {
			return "unexpected argument: this command takes options only (see --help)";
		}
		if (token.kind !== "option") continue;
		const option = config.options?.[token.name];
		if (option === undefined) return `unknown option ${shown(token.rawName)}`;
		if (option.type === "string" && token.value === undefined) {
			return `option ${shown(token.rawName)} needs a value`;
		}
		if (option.type === "boolean" && token.inlineValue === true) {
			return `option ${shown(token.rawName)} takes no value`;
		}
	}
	return "the arguments cannot be read (see --help)";
}

/**
 * The one file a command is given (`npm run import -- <file>`); a UsageError without one or with
 * more. `what` names it in the message: "the file to import".
 */
export function oneFile(positionals: readonly string[], what: string): string {
	const [file, ...more] = positionals;
	if (file === undefined) throw new UsageError(`name ${what}`);
	if (more.length > 0) throw new UsageError(`name one file only: ${what}`);
	return file;
}

/** Where a store command writes: `--persist-to` is for the local database only. */
export interface StoreTarget {
	readonly remote: boolean;
	readonly persistTo: string | undefined;
}

/** The store a command's common options name; `--persist-to` with `--remote` is a UsageError. */
export function storeTarget(values: {
	readonly remote: boolean;
	readonly "persist-to"?: string | undefined;
}): StoreTarget {
	const persistTo = values["persist-to"];
	if (values.remote && persistTo !== undefined) {
		throw new UsageError("--persist-to is for the local database; it cannot go with --remote");
	}
	return { remote: values.remote, persistTo };
}

/** At most `limit` lines of a long message, then how many more there were. */
export function firstLines(text: string, limit = 60): string {
	const lines = text.split("\n");
	if (lines.length <= limit) return lines.join("\n");
	return `${lines.slice(0, limit).join("\n")}\n  ... and ${lines.length - limit} more`;
}

/**
 * Runs a command's `main` and sets the process's exit status: see commandStatus.
 */
export async function runCommand(name: string, main: () => Promise<number>): Promise<void> {
	process.exitCode = await commandStatus(name, main);
}

/**
 * Runs a command's `main`, turning every failure into a message and an exit status: 2 for a
 * UsageError, 1 for anything else. Never prints a stack trace.
 */
export async function commandStatus(name: string, main: () => Promise<number>): Promise<number> {
	try {
		return await main();
	} catch (error) {
		return reportFailure(name, error);
	}
}

/**
 * Whether the module at `filename` (its `import.meta.filename`) is the command being run
 * (`node scripts/run.mjs <it>`), rather than imported by another command or a test.
 */
export function isEntry(filename: string): boolean {
	return process.argv[1] === filename;
}

/**
 * Errors whose whole message is for the person running the command: ours, written to be read
 * (a UsageError, every content problem with file and field, a store that stayed unavailable, a
 * publish that kept losing its race, a step that failed with what it printed, slugs a withdraw
 * cannot take down).
 */
const READABLE_ERRORS: readonly (abstract new (...args: never[]) => Error)[] = [
	UsageError,
	CommandFailure,
	ContentError,
	StoreUnavailableError,
	PublishConflictError,
	WithdrawRefused,
];

/** Longest line of an unexpected error's message that is printed. */
const UNEXPECTED_MAX = 300;

/**
 * Prints what went wrong and returns the exit code. Never a stack trace: an error that is not
 * ours (the D1 driver's, wrangler's, Miniflare's) is printed as its first line, escaped and cut,
 * since their messages carry stack frames and text from the store.
 */
function reportFailure(name: string, error: unknown): number {
	const usage = error instanceof UsageError;
	if (READABLE_ERRORS.some((type) => error instanceof type) && error instanceof Error) {
		console.error(`${name}: ${firstLines(error.message)}`);
	} else {
		console.error(`${name}: unexpected error: ${oneLine(error)}`);
	}
	if (usage) console.error(`Run \`npm run ${name} -- --help\` for usage.`);
	return usage ? 2 : 1;
}

/** An error's first line, control characters escaped, cut. */
function oneLine(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const line = (message.split("\n")[0] ?? "").trim();
	return printable(line.length > UNEXPECTED_MAX ? `${line.slice(0, UNEXPECTED_MAX)}…` : line);
}

/** Seconds, for summaries. */
export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}
