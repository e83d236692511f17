/**
 * `npm run dev`: the store is prepared and published with the variables of the server it starts
 * (`--var`, `--persist-to`), wrangler dev gets every argument, signals and exit status pass
 * through, and a PREVIEW_TOKEN too short to be a secret stops it before anything starts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/localProcesses";
import { MIN_TOKEN_LENGTH } from "../../src/http/previewAccess";
import { expectNoStackTrace, projectCopy, run, runIn } from "./support/commands";
import { stubHub } from "./support/stubHub";

const folders: string[] = [];
const started: ChildProcess[] = [];

async function folder(): Promise<string> {
	const made = await mkdtemp(join(tmpdir(), "edgewire-dev-"));
	folders.push(made);
	return made;
}

afterAll(async () => {
	// Whatever is left of a started `npm run dev` (its own process group: wrangler, workerd).
	for (const child of started) {
		if (child.pid === undefined) continue;
		try {
			process.kill(-child.pid, "SIGKILL");
		} catch {
			// Already gone.
		}
	}
	await Promise.all(folders.map((made) => rm(made, { recursive: true, force: true })));
});

/** A copy of the project (node_modules linked) with `devVars` as its .dev.vars. */
async function projectWith(devVars: string): Promise<string> {
	const copy = await projectCopy(await folder());
	await writeFile(join(copy, ".dev.vars"), devVars);
	return copy;
}

describe("npm run dev: PREVIEW_TOKEN", { timeout: 120_000 }, () => {
	const SHORT = "geheim-maar-kort";

	it("stops with exit 2 before anything starts when --var gives a token under MIN_TOKEN_LENGTH, never printing it", async () => {
		const state = await folder();
		const result = await run("dev.ts", "--var", `PREVIEW_TOKEN:${SHORT}`, "--persist-to", state);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(
			`PREVIEW_TOKEN (--var) has ${SHORT.length} characters; at least ${MIN_TOKEN_LENGTH} are needed`,
		);
		expect(result.stderr).toContain("openssl rand -hex 32");
		expect(result.output).not.toContain(SHORT);
		// Nothing started: no migration, no store, no server.
		expect(result.output).not.toContain("migrations");
		expect(await readdir(state)).toEqual([]);
		expectNoStackTrace(result);
	});

	it("says the same for a short token in .dev.vars", async () => {
		const copy = await projectWith(`PREVIEW_TOKEN=${SHORT}\n`);
		const result = await runIn(copy, "dev.ts");
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`PREVIEW_TOKEN (.dev.vars) has ${SHORT.length} characters`);
		expect(result.output).not.toContain(SHORT);
	});

	it("starts with a token of MIN_TOKEN_LENGTH characters (and an unknown option goes to wrangler, whose exit status it passes on)", async () => {
		const state = await folder();
		const result = await run(
			"dev.ts",
			"--var",
			`PREVIEW_TOKEN:${"k".repeat(MIN_TOKEN_LENGTH)}`,
			"--persist-to",
			state,
			"--bogus-option",
		);
		// The store was prepared, then wrangler dev refused the option.
		expect(result.output).toContain("Published content version 1");
		expect(result.output).toContain("bogus-option");
		expect(result.code).toBe(1);
	});
});

describe("npm run dev: the server's variables", { timeout: 180_000 }, () => {
	it("publishes for the SITE_URL it serves (--var), pings the hub for that origin, and stops when told to", async () => {
		const hub = await stubHub(204);
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		const state = await folder();
		const child = spawn(
			process.execPath,
			[
				"scripts/run.mjs",
				"scripts/dev.ts",
				"--port",
				String(port),
				"--ip",
				"127.0.0.1",
				"--var",
				`SITE_URL:${origin}`,
				"--var",
				`WEBSUB_HUB:${hub.url}`,
				"--persist-to",
				state,
			],
			{ detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } },
		);
		started.push(child);
		let output = "";
		child.stdout?.on("data", (chunk: Buffer) => {
			output += chunk.toString();
		});
		child.stderr?.on("data", (chunk: Buffer) => {
			output += chunk.toString();
		});
		const exited = once(child, "exit");
		const deadline = Date.now() + 150_000;
		let feed = "";
		while (Date.now() < deadline && child.exitCode === null) {
			const answer = await fetch(`${origin}/feed.xml`).catch(() => undefined);
			if (answer?.status === 200) {
				feed = await answer.text();
				break;
			}
			await new Promise((resolveWait) => setTimeout(resolveWait, 500));
		}
		expect(feed, output).toContain(`${origin}/feed.xml`);
		// The publish at start-up told the hub about the feeds of the origin served (the site's,
		// then those of the seed article's sections), and of no other.
		const topics = hub.pings.map((ping) => ping.form.get("hub.url") ?? "");
		expect(topics.slice(0, 3)).toEqual([
			`${origin}/feed.xml`,
			`${origin}/atom.xml`,
			`${origin}/feed.json`,
		]);
		for (const topic of topics) expect(topic.startsWith(`${origin}/`), topic).toBe(true);
		expect(output).not.toContain("localhost:8787");
		// SIGTERM to npm run dev reaches wrangler dev: the server stops and the command exits.
		process.kill(child.pid ?? 0, "SIGTERM");
		await exited;
		expect(
			await fetch(`${origin}/feed.xml`).then(
				() => "answered",
				() => "stopped",
			),
		).toBe("stopped");
	});
});
