#!/usr/bin/env node
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
import { parseArgs } from "node:util";
import { projectRoot } from "./lib/sourceModules.mjs";
import { runCommand, UsageError } from "./lib/usage.mjs";

const WRANGLER = join(projectRoot, "node_modules", "wrangler", "bin", "wrangler.js");
const PUBLISH = join(projectRoot, "scripts", "publish.mjs");

/** Runs a Node script; resolves with its exit code and what it printed. */
function runNode(args, { quiet }) {
	return new Promise((resolveRun, reject) => {
		// CI=true: wrangler's confirmation prompt takes its non-interactive answer (apply).
		const child = spawn(process.execPath, args, {
			cwd: projectRoot,
			stdio: ["ignore", quiet ? "pipe" : "inherit", quiet ? "pipe" : "inherit"],
			env: { ...process.env, CI: "true" },
		});
		let output = "";
		child.stdout?.on("data", (chunk) => {
			output += chunk;
		});
		child.stderr?.on("data", (chunk) => {
			output += chunk;
		});
		child.on("error", reject);
		child.on("close", (code) => resolveRun({ code: code ?? 1, output }));
	});
}

/** Applies the migrations and publishes content/ to the local store (or the one in `persistTo`). */
export async function prepareLocalStore({ persistTo } = {}) {
	const persist = persistTo === undefined ? [] : ["--persist-to", persistTo];
	const migrate = await runNode(
		[WRANGLER, "d1", "migrations", "apply", "DB", "--local", ...persist],
		{
			quiet: true,
		},
	);
	if (migrate.code !== 0) {
		throw new Error(
			`applying migrations/ to the local D1 database failed:\n${migrate.output.trim()}`,
		);
	}
	const applied = /No migrations to apply/.test(migrate.output) ? "up to date" : "applied";
	console.log(`Local D1 database: migrations ${applied}.`);
	const publish = await runNode([PUBLISH, ...persist], { quiet: false });
	// publish.mjs has already said what was wrong, with file and field.
	if (publish.code !== 0) return publish.code;
	return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	await runCommand("db:prepare", async () => {
		let values;
		try {
			({ values } = parseArgs({
				args: process.argv.slice(2),
				options: { "persist-to": { type: "string" } },
				strict: true,
			}));
		} catch (error) {
			throw new UsageError(error.message);
		}
		return prepareLocalStore({ persistTo: values["persist-to"] });
	});
}
