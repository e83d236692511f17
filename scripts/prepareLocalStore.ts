/**
 * `npm run db:prepare` (run by `npm run dev` first): brings the local D1 database up to date with
 * migrations/ and content/, so that a fresh clone serves the seed article with no manual step.
 *
 *   npm run db:prepare [-- --persist-to <dir>]
 *
 * Exits 0 when the local store is ready, 1 when a migration or the publish failed (its message
 * names what), 2 on a usage error.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "./lib/projectRoot";
import { CommandFailure, commandArgs, commandStatus, isEntry, runCommand } from "./lib/usage";
import { publish } from "./publish";

const WRANGLER = join(projectRoot, "node_modules", "wrangler", "bin", "wrangler.js");

/** Runs a Node script quietly; resolves with its exit code and what it printed. */
function runNode(args: readonly string[]): Promise<{ code: number; output: string }> {
	return new Promise((resolveRun, reject) => {
		// CI=true: wrangler's confirmation prompt takes its non-interactive answer (apply).
		const child = spawn(process.execPath, args, {
			cwd: projectRoot,
			stdio: ["ignore", "pipe", "pipe"],
			env: { ...process.env, CI: "true" },
		});
		let output = "";
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
		};
		child.stdout.on("data", collect);
		child.stderr.on("data", collect);
		child.on("error", reject);
		child.on("close", (code) => resolveRun({ code: code ?? 1, output }));
	});
}

export interface PrepareOptions {
	/** A state directory other than .wrangler/state (as `wrangler dev --persist-to`). */
	readonly persistTo?: string | undefined;
	/** The variables of the server the store is prepared for (publish.ts, `serverVars`). */
	readonly serverVars?: Readonly<Record<string, string>>;
}

/**
 * Applies the migrations and publishes content/ to the local store (or the one in `persistTo`).
 * Resolves to the exit status; the publish step prints its own summary or problems.
 */
export async function prepareLocalStore({
	persistTo,
	serverVars,
}: PrepareOptions = {}): Promise<number> {
	const persist = persistTo === undefined ? [] : ["--persist-to", persistTo];
	const migrate = await runNode([
		WRANGLER,
		"d1",
		"migrations",
		"apply",
		"DB",
		"--local",
		...persist,
	]);
	if (migrate.code !== 0) {
		throw new CommandFailure(
			`applying migrations/ to the local D1 database failed:\n${migrate.output.trim()}`,
		);
	}
	const applied = /No migrations to apply/.test(migrate.output) ? "up to date" : "applied";
	console.log(`Local D1 database: migrations ${applied}.`);
	// The publish reports its own failures, with file and field, as `npm run publish` does.
	return commandStatus("publish", () =>
		publish(persist, serverVars === undefined ? {} : { serverVars }),
	);
}

if (isEntry(import.meta.filename)) {
	await runCommand("db:prepare", async () => {
		const { values } = commandArgs({
			args: process.argv.slice(2),
			options: { "persist-to": { type: "string" } },
		});
		return prepareLocalStore({ persistTo: values["persist-to"] });
	});
}
