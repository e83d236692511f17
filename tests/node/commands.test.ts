/**
 * The editor's commands as processes, on a throw-away local store: what they print and how they
 * exit (0 done, 1 content or store problem, 2 usage), never with a stack trace.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const NODE = process.execPath;
let state: string;

beforeAll(async () => {
	state = await mkdtemp(join(tmpdir(), "edgewire-commands-"));
});
afterAll(async () => {
	await rm(state, { recursive: true, force: true });
});

interface Run {
	readonly code: number;
	readonly output: string;
}

function run(script: string, ...args: string[]): Promise<Run> {
	return new Promise((resolveRun) => {
		execFile(
			NODE,
			["scripts/run.mjs", join("scripts", script), ...args],
			{ env: { ...process.env, CI: "true", NO_COLOR: "1" }, timeout: 60_000 },
			(error, stdout, stderr) => {
				const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
				resolveRun({ code, output: `${stdout}${stderr}` });
			},
		);
	});
}

function expectNoStackTrace(result: Run): void {
	expect(result.output).not.toMatch(/\n\s+at [\w.<>]+ \(|node:internal/);
}

const line = (slug: string, published: string) =>
	JSON.stringify({
		slug,
		headline: `Archief ${slug}`,
		published,
		language: "nl",
		source: { name: "NOS", url: "https://nos.nl/" },
		tags: ["archief"],
		body: [{ type: "paragraph", text: "Een alinea uit het archief." }],
	});

describe("npm run publish, import and withdraw, as processes", { timeout: 120_000 }, () => {
	it("publish: exits 2 naming the fix when the local store has no tables yet", async () => {
		const result = await run("publish.ts", "--persist-to", state);
		expect(result.code).toBe(2);
		expect(result.output).toContain("npm run db:migrate");
		expectNoStackTrace(result);
	});

	it("db:prepare: applies the migrations and publishes content/, exit 0", async () => {
		const result = await run("prepareLocalStore.ts", "--persist-to", state);
		expect(result.code).toBe(0);
		expect(result.output).toMatch(/Published content version 1 .*1 added/);
	});

	it("publish: a second run writes nothing and says so, exit 0", async () => {
		const result = await run("publish.ts", "--persist-to", state);
		expect(result.code).toBe(0);
		expect(result.output).toMatch(
			/Nothing to publish: 0 added, 0 changed, 0 withdrawn, 1 unchanged/,
		);
		expect(result.output).toMatch(/\(\d+\.\d s\)/);
	});

	it("publish: exits 2 on an unknown option, and 0 with --help", async () => {
		const bad = await run("publish.ts", "--bogus");
		expect(bad.code).toBe(2);
		expectNoStackTrace(bad);
		const help = await run("publish.ts", "--help");
		expect(help.code).toBe(0);
		expect(help.output).toContain("Usage: npm run publish");
	});

	it("import: exits 1 naming every bad line and field, and writes nothing", async () => {
		const file = join(state, "kapot.ndjson");
		await writeFile(
			file,
			`${line("archief-een", "2001-05-04")}\n{ kapot\n${line("archief-drie", "2001-02-30")}\n`,
		);
		const result = await run("import.ts", file, "--persist-to", state);
		expect(result.code).toBe(1);
		expect(result.output).toContain("kapot.ndjson:2: (line): is not valid JSON");
		expect(result.output).toContain("kapot.ndjson:3: published: day 30 does not exist in 2001-02");
		expectNoStackTrace(result);
		const listed = await run("withdraw.ts", "archief-een", "--persist-to", state);
		expect(listed.output).toContain("archief-een: slug: no such article");
	});

	it("import: loads a valid archive once; importing it again writes nothing", async () => {
		const file = join(state, "archief.ndjson");
		await writeFile(
			file,
			`${line("archief-een", "2001-05-04")}\n${line("archief-twee", "2001-05-05")}\n`,
		);
		const first = await run("import.ts", file, "--persist-to", state);
		expect(first.code).toBe(0);
		expect(first.output).toMatch(/Imported archief\.ndjson as content version 2 .*2 added/);
		const again = await run("import.ts", file, "--persist-to", state);
		expect(again.code).toBe(0);
		expect(again.output).toMatch(/Nothing to import: 0 added, 0 changed, 2 unchanged/);
	});

	it("withdraw: takes down an imported article; refuses one written in content/", async () => {
		const done = await run("withdraw.ts", "archief-een", "--persist-to", state);
		expect(done.code).toBe(0);
		expect(done.output).toMatch(/Withdrew \(content version 3\) .*archief-een/);
		const refused = await run(
			"withdraw.ts",
			"kabinetsberaad-over-asiel-vandaag-verder-crisis-nog-niet-afgewend",
			"--persist-to",
			state,
		);
		expect(refused.code).toBe(1);
		expect(refused.output).toContain("remove that file and run npm run publish");
		const usage = await run("withdraw.ts");
		expect(usage.code).toBe(2);
	});
});
