/**
 * `npm run dev`: the store is prepared and published with the variables of the server it starts
 * (`--var`, `--persist-to`), wrangler dev gets every argument, signals and exit status pass
 * through, a PREVIEW_TOKEN too short to be a secret stops it before anything starts, and a token
 * set or changed in .dev.vars while it runs reaches /preview without a restart by hand.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, wranglerDevOptions } from "../../scripts/lib/localProcesses";
import { MIN_TOKEN_LENGTH } from "../../src/http/previewAccess";
import { articleFile, expectNoStackTrace, projectCopy, run, runIn } from "./support/commands";
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

/** A running `npm run dev` of the project in `project`, with everything it printed so far. */
interface RunningDev {
	readonly child: ChildProcess;
	readonly exited: Promise<unknown>;
	output(): string;
}

/** Starts `npm run dev -- <args>` in `project`, in its own process group (afterAll ends it). */
function startDev(project: string, args: readonly string[]): RunningDev {
	const child = spawn(
		process.execPath,
		[join(project, "scripts", "run.mjs"), join(project, "scripts", "dev.ts"), ...args],
		{ detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } },
	);
	started.push(child);
	let output = "";
	const collect = (chunk: Buffer) => {
		output += chunk.toString();
	};
	child.stdout?.on("data", collect);
	child.stderr?.on("data", collect);
	return { child, exited: once(child, "exit"), output: () => output };
}

/** Resolves once `done` is true, checking every half second, or at the deadline. */
async function until(done: () => boolean | Promise<boolean>, ms: number): Promise<void> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline && !(await done())) {
		await new Promise((resolveWait) => setTimeout(resolveWait, 500));
	}
}

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
		const dev = startDev(
			".",
			wranglerDevOptions(port, { vars: { WEBSUB_HUB: hub.url }, persistTo: state }),
		);
		let feed = "";
		await until(async () => {
			const answer = await fetch(`${origin}/feed.xml`).catch(() => undefined);
			if (answer?.status === 200) feed = await answer.text();
			return feed !== "" || dev.child.exitCode !== null;
		}, 150_000);
		const output = dev.output();
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
		process.kill(dev.child.pid ?? 0, "SIGTERM");
		await dev.exited;
		expect(
			await fetch(`${origin}/feed.xml`).then(
				() => "answered",
				() => "stopped",
			),
		).toBe("stopped");
	});
});

describe("npm run dev: .dev.vars changed while it runs", { timeout: 300_000 }, () => {
	const SLUG = "gepland-bericht";
	const RESTARTING = "dev: .dev.vars changed; restarting wrangler dev so that the Worker reads it";
	const FIRST = "a".repeat(MIN_TOKEN_LENGTH);
	const SECOND = "b".repeat(MIN_TOKEN_LENGTH + 8);
	const SHORT = "geheim-maar-kort";

	it("restarts wrangler dev, saying so, so /preview takes a token set or changed there; a short one is refused and the server keeps its token", async () => {
		const project = await projectCopy(await folder());
		const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
		await writeFile(
			join(project, "content", "articles", "gepland.ts"),
			articleFile(SLUG, inAMonth),
		);
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		const dev = startDev(project, wranglerDevOptions(port, { persistTo: await folder() }));
		const status = (path: string, token?: string) =>
			fetch(`${origin}${path}`, {
				headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
			}).then(
				(answer) => answer.status,
				() => 0,
			);
		const preview = (token: string) => status(`/preview/${SLUG}`, token);
		const restarts = () =>
			dev
				.output()
				.split("\n")
				.filter((line) => line === RESTARTING).length;

		await until(async () => (await status("/feed.xml")) === 200, 150_000);
		expect(await status("/feed.xml"), dev.output()).toBe(200);
		// No .dev.vars: previews are off.
		expect(await status("/preview")).toBe(404);

		// A token set while it runs.
		await writeFile(join(project, ".dev.vars"), `PREVIEW_TOKEN=${FIRST}\n`);
		await until(async () => (await preview(FIRST)) === 200, 90_000);
		expect(await preview(FIRST), dev.output()).toBe(200);
		expect(restarts()).toBe(1);

		// The token changed: the new one is taken, the old one refused.
		await writeFile(join(project, ".dev.vars"), `# rotated\nPREVIEW_TOKEN=${SECOND}\n`);
		await until(async () => (await preview(SECOND)) === 200, 90_000);
		expect(await preview(SECOND), dev.output()).toBe(200);
		expect(await preview(FIRST)).toBe(404);
		expect(restarts()).toBe(2);

		// Saved again unchanged: nothing happens.
		await writeFile(join(project, ".dev.vars"), `# rotated\nPREVIEW_TOKEN=${SECOND}\n`);
		await new Promise((resolveWait) => setTimeout(resolveWait, 2_000));
		expect(restarts()).toBe(2);
		// A token too short: one line, and the server keeps the one it has.
		await writeFile(join(project, ".dev.vars"), `PREVIEW_TOKEN=${SHORT}\n`);
		const refused = `dev: .dev.vars changed, but PREVIEW_TOKEN (.dev.vars) has ${SHORT.length} characters; at least ${MIN_TOKEN_LENGTH} are needed`;
		await until(() => dev.output().includes(refused), 30_000);
		expect(dev.output()).toContain(refused);
		expect(await preview(SECOND)).toBe(200);
		expect(restarts()).toBe(2);

		for (const token of [FIRST, SECOND, SHORT]) expect(dev.output()).not.toContain(token);
		expectNoStackTrace({ output: dev.output() });
		process.kill(dev.child.pid ?? 0, "SIGTERM");
		await dev.exited;
		expect(await status("/feed.xml")).toBe(0);
	});
});
