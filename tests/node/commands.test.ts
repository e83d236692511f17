/**
 * The editor's commands as processes: what they print and how they exit (0 done, 1 content or
 * store problem, 2 usage), never with a stack trace. Every test works on a local store of its own
 * (`--persist-to`), made by the real commands, so each passes alone and in any order. What they say
 * of scheduled articles: scheduledCommands.test.ts.
 */
import { readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARCHIVE_LINE_MAX_BYTES } from "../../src/commands/archiveLines";
import {
	expectNoStackTrace,
	archiveLine as line,
	MIGRATIONS,
	migratedStore,
	preparedStores,
	type Run,
	run,
	storeDatabaseFile,
} from "./support/commands";

const SEED_SLUG = "kabinetsberaad-over-asiel-vandaag-verder-crisis-nog-niet-afgewend";
const SEED_FILE = "content/articles/2023-07-kabinetsberaad-over-asiel.ts";
const { folder, preparedStore } = preparedStores("edgewire-commands-");

describe("the store's migrations, asked of the store", { timeout: 120_000 }, () => {
	it("publish: exits 2 on a store with no migrations, naming each and `npm run db:migrate`", async () => {
		const state = await folder();
		const result = await run("publish.ts", "--persist-to", state);
		expect(result.code).toBe(2);
		expect(result.output).toContain(`lacks migrations ${MIGRATIONS.join(", ")}`);
		expect(result.output).toContain(`npm run db:migrate -- --persist-to ${state}`);
		expectNoStackTrace(result);
	});

	it("publish: exits 2 on a store migrated before 0004, naming only the migrations it lacks", async () => {
		const state = await migratedStore(await folder(), MIGRATIONS.slice(0, 3));
		const result = await run("publish.ts", "--persist-to", state);
		expect(result.code).toBe(2);
		expect(result.output).toContain(`lacks migrations ${MIGRATIONS.slice(3).join(", ")}:`);
		expect(result.output).not.toContain(MIGRATIONS[2]);
		expectNoStackTrace(result);
	});

	it("import and withdraw: say the same before reading anything", async () => {
		const state = await migratedStore(await folder(), MIGRATIONS.slice(0, 3));
		const file = join(state, "archief.ndjson");
		await writeFile(file, `${line("archief-een", "2001-05-04")}\n`);
		const commands: [string, ...string[]][] = [
			["import.ts", file],
			["withdraw.ts", "archief-een"],
		];
		for (const args of commands) {
			const result = await run(...args, "--persist-to", state);
			expect(result.code).toBe(2);
			expect(result.output).toContain(`lacks migrations ${MIGRATIONS.slice(3).join(", ")}:`);
		}
	});
});

describe("npm run db:prepare and publish", { timeout: 120_000 }, () => {
	it("db:prepare: applies the migrations and publishes content/, exit 0", async () => {
		const state = await folder();
		const result = await run("prepareLocalStore.ts", "--persist-to", state);
		expect(result.code).toBe(0);
		expect(result.output).toContain("Local D1 database: migrations applied.");
		expect(result.output).toMatch(/Published content version 1 .*1 added/);
	});

	it("publish: a second run writes nothing and says so, exit 0", async () => {
		const state = await preparedStore();
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

	it("publish: a store that fails every call ends in one line, without the driver's frames", async () => {
		const state = await preparedStore();
		// Not a database any more: every D1 call fails, through all of the command's retries.
		const database = await storeDatabaseFile(state);
		await writeFile(database, "kapot ".repeat(10_000));
		await rm(`${database}-wal`, { force: true });
		await rm(`${database}-shm`, { force: true });
		const result = await run("publish.ts", "--persist-to", state);
		expect(result.code).toBe(1);
		expect(result.output.trim().split("\n")).toEqual([
			expect.stringMatching(/^publish: the database did not answer while .* nothing was written/),
		]);
		expectNoStackTrace(result);
	});
});

describe("npm run import and withdraw", { timeout: 120_000 }, () => {
	it("import: exits 1 naming every bad line and field, and writes nothing", async () => {
		const state = await preparedStore();
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
		expect(listed.stderr).toBe("withdraw: no such article: archief-een\n");
	});

	it("import: names an oversized line by its number and length, without reading it whole", async () => {
		const state = await folder();
		const file = join(state, "groot.ndjson");
		// One 50 MB line: 25 times the bound a line may have (ARCHIVE_LINE_MAX_BYTES).
		const bytes = 50 * 1024 * 1024;
		await writeFile(
			file,
			`{"slug":"${"a".repeat(bytes - 11)}"}\n${line("archief-twee", "2001-05-05")}\n`,
		);
		const result = await run("import.ts", file, "--persist-to", state);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(
			`groot.ndjson:1: (line): is ${bytes.toLocaleString("en")} bytes long; an article's line is at most ${ARCHIVE_LINE_MAX_BYTES.toLocaleString("en")}`,
		);
		// Only that problem: the line was never parsed, and the next one was read as usual.
		expect(result.stderr).toContain("Invalid content (1 problem)");
		expect(result.ms).toBeLessThan(60_000);
		expectNoStackTrace(result);
	});

	it("import: loads a valid archive once; importing it again writes nothing", async () => {
		const state = await preparedStore();
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
		const state = await preparedStore();
		const file = join(state, "archief.ndjson");
		await writeFile(file, `${line("archief-een", "2001-05-04")}\n`);
		expect((await run("import.ts", file, "--persist-to", state)).code).toBe(0);
		const done = await run("withdraw.ts", "archief-een", "--persist-to", state);
		expect(done.code).toBe(0);
		expect(done.output).toMatch(/Withdrew \(content version 3\) .*archief-een/);
		const refused = await run("withdraw.ts", SEED_SLUG, "--persist-to", state);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toBe(
			`withdraw: ${SEED_SLUG} is written in ${SEED_FILE}: remove that file and run \`npm run publish\`\n`,
		);
		const usage = await run("withdraw.ts");
		expect(usage.code).toBe(2);
	});
});

describe("what withdraw says of a slug it cannot take down", { timeout: 120_000 }, () => {
	it("an unknown slug: one line `no such article: <slug>`, exit 1, nothing written", async () => {
		const state = await preparedStore();
		const file = join(state, "archief.ndjson");
		await writeFile(file, `${line("archief-een", "2001-05-04")}\n`);
		expect((await run("import.ts", file, "--persist-to", state)).code).toBe(0);
		const result = await run(
			"withdraw.ts",
			"archief-een",
			"nergens-te-vinden",
			"--persist-to",
			state,
		);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe("");
		expect(result.stderr).toBe("withdraw: no such article: nergens-te-vinden\n");
		// archief-een, named with it, is still there: withdrawing it alone works.
		const alone = await run("withdraw.ts", "archief-een", "--persist-to", state);
		expect(alone.code).toBe(0);
		expect(alone.stdout).toMatch(/^Withdrew \(content version 3\) from .*: archief-een\n/);
	});

	it("several slugs it cannot take down: one line each, under one that says nothing was withdrawn", async () => {
		const result = await run(
			"withdraw.ts",
			"nergens",
			SEED_SLUG,
			"--persist-to",
			await preparedStore(),
		);
		expect(result.code).toBe(1);
		expect(result.stderr.split("\n")).toEqual([
			"withdraw: nothing withdrawn (2 slugs cannot be):",
			"  no such article: nergens",
			`  ${SEED_SLUG} is written in ${SEED_FILE}: remove that file and run \`npm run publish\``,
			"",
		]);
	});

	it("a slug already withdrawn: says so and exits 0, writing nothing", async () => {
		const state = await preparedStore();
		const file = join(state, "archief.ndjson");
		await writeFile(file, `${line("archief-een", "2001-05-04")}\n`);
		expect((await run("import.ts", file, "--persist-to", state)).code).toBe(0);
		expect((await run("withdraw.ts", "archief-een", "--persist-to", state)).code).toBe(0);
		const again = await run("withdraw.ts", "archief-een", "--persist-to", state);
		expect(again.code).toBe(0);
		expect(again.stderr).toBe("");
		expect(again.stdout).toMatch(
			/^Nothing to withdraw: archief-een is already withdrawn; local D1 "edgewire" \(.*\) stays at content version 3\.\n$/,
		);
	});
});

describe("what the commands echo of their input", { timeout: 120_000 }, () => {
	const ESC = "\u001b";
	const EVIL = `${ESC}[2J${ESC}[31mEVIL`;
	/** As long as one argument may be (Linux: 128 KiB); a 20 MB one cannot even be passed. */
	const LONG = "a".repeat(100_000);

	function expectShownSafely(result: Run): void {
		expect(result.output).not.toContain(ESC);
		expect(result.output).not.toContain("a".repeat(200));
		expect(result.output.length).toBeLessThan(2_000);
		expectNoStackTrace(result);
	}

	it("withdraw: slugs with escape codes or 100,000 characters are refused, escaped and cut", async () => {
		const result = await run("withdraw.ts", EVIL, LONG, "--persist-to", await preparedStore());
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('"\\x1B[2J\\x1B[31mEVIL"');
		expect(result.stderr).toContain(`"${"a".repeat(80)}…"`);
		expectShownSafely(result);
	});

	it("publish: an unknown option is named escaped and cut", async () => {
		for (const option of [`--${EVIL}`, `--${LONG}`, `--persist-tox=${LONG}`]) {
			const result = await run("publish.ts", option);
			expect(result.code).toBe(2);
			expect(result.stderr).toMatch(/^publish: unknown option "--/);
			expectShownSafely(result);
		}
	});

	it("import: a file name with escape codes is named escaped, in the usage error and in every problem", async () => {
		const state = await folder();
		const missing = await run("import.ts", join(state, `${EVIL}.ndjson`), "--persist-to", state);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain("no such file:");
		expect(missing.stderr).toContain("\\x1B[2J\\x1B[31mEVIL.ndjson");
		expectShownSafely(missing);
		const file = join(state, `${EVIL}.ndjson`);
		await writeFile(file, `${JSON.stringify({ [EVIL]: 1, slug: LONG })}\n`);
		const invalid = await run("import.ts", file, "--persist-to", state);
		expect(invalid.code).toBe(1);
		expect(invalid.stderr).toContain("\\x1B[2J\\x1B[31mEVIL.ndjson:1: slug:");
		expectShownSafely(invalid);
	});
});

describe("--remote: the deployment of wrangler.toml [env.production]", { timeout: 60_000 }, () => {
	it("publish, import and withdraw stop with exit 2 while it has the placeholder id and example origin", async () => {
		const state = await folder();
		const file = join(state, "archief.ndjson");
		await writeFile(file, `${line("archief-een", "2001-05-04")}\n`);
		const commands: [string, ...string[]][] = [
			["publish.ts"],
			["import.ts", file],
			["withdraw.ts", "archief-een"],
		];
		for (const args of commands) {
			const result = await run(...args, "--remote");
			expect(result.code).toBe(2);
			expect(result.output).toContain("[env.production]");
			expect(result.output).toContain("database_id is still the placeholder");
			expect(result.output).toContain("SITE_URL is still the example https://news.example.org");
			expectNoStackTrace(result);
		}
		// Nothing was created locally on the way.
		expect(await readdir(state)).toEqual(["archief.ndjson"]);
	});
});
