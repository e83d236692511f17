import { type ParseArgsConfig, parseArgs } from "node:util";

/**
 * What every command shares: usage errors (exit 2), one-line failures (exit 1), and output that
 * never carries a stack trace or a terminal control sequence from data.
 */

/** A wrong or missing argument or setting: the command exits 2 with this message. */
export class UsageError extends Error {
	override readonly name = "UsageError";
}

/** The options every command that writes the store takes. */
export const STORE_OPTIONS = {
	remote: { type: "boolean", default: false },
	"dry-run": { type: "boolean", default: false },
	"persist-to": { type: "string" },
	help: { type: "boolean", short: "h", default: false },
} as const;

/** `parseArgs` (strict), with what it refuses as a UsageError. */
export function commandArgs<T extends ParseArgsConfig>(
	config: T,
): ReturnType<typeof parseArgs<T & { strict: true }>> {
	try {
		return parseArgs({ ...config, strict: true });
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
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

/** Prints what went wrong (never a stack trace) and returns the exit code. */
function reportFailure(name: string, error: unknown): number {
	const usage = error instanceof UsageError;
	const message = error instanceof Error ? error.message : String(error);
	console.error(`${name}: ${firstLines(message)}`);
	if (usage) console.error(`Run \`npm run ${name} -- --help\` for usage.`);
	return usage ? 2 : 1;
}

/** Seconds, for summaries. */
export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}
