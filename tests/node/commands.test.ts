/**
 * The editor's commands as processes: what they print and how they exit (0 done, 1 content or
 * store problem, 2 usage), never with a stack trace. Every test works on a local store of its own
 * (`--persist-to`), made by the real commands, so each passes alone and in any order.
 */
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import siteInput from "../../content/site";
import { ARCHIVE_LINE_MAX_BYTES } from "../../src/commands/archiveLines";
import { SCHEDULE_HORIZON_DAYS } from "../../src/content/limits";
import {
	articleFile,
	articleInput,
	expectNoStackTrace,
	MIGRATIONS,
	migratedStore,
	projectCopy,
	type Run,
	run,
	runIn,
	storeDatabaseFile,
} from "./support/commands";

const SEED_SLUG = "kabinetsberaad-over-asiel-vandaag-verder-crisis-nog-niet-afgewend";
const SEED_FILE = "content/articles/2023-07-kabinetsberaad-over-asiel.ts";
const folders: string[] = [];
/** A store with the migrations applied and content/ published, made once by `npm run db:prepare`. */
let prepared: string;

async function folder(): Promise<string> {
	const made = await mkdtemp(join(tmpdir(), "edgewire-commands-"));
	folders.push(made);
	return made;
}

/** A state folder of this test's own, holding a copy of the prepared store. */
async function preparedStore(): Promise<string> {
	const state = await folder();
	await cp(prepared, state, { recursive: true });
	return state;
}

beforeAll(async () => {
	prepared = await folder();
	const result = await run("prepareLocalStore.ts", "--persist-to", prepared);
	if (result.code !== 0) throw new Error(`db:prepare failed:\n${result.output}`);
}, 120_000);
afterAll(async () => {
	await Promise.all(folders.map((made) => rm(made, { recursive: true, force: true })));
});

/** One line of an archive to import. */
const line = (slug: string, published: string) => JSON.stringify(articleInput(slug, published));

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

/** `ms` as the site's pages show an instant, worked out by Intl's own Dutch (not the code's). */
function inSiteZone(ms: number): string {
	const parts = new Intl.DateTimeFormat("nl-NL", {
		timeZone: siteInput.timeZone,
		day: "numeric",
		month: "long",
		year: "numeric",
		hour: "2-digit",
		minute: "2-digit",
		hourCycle: "h23",
	}).formatToParts(new Date(ms));
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		parts.find((candidate) => candidate.type === type)?.value;
	return `${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")}`;
}

const DAY_MS = 86_400_000;

/** An instant `days` from now at 10:22 UTC, written with the +00:00 offset, and its time. */
function daysAhead(days: number): { readonly text: string; readonly ms: number } {
	const at = new Date(Date.now() + days * DAY_MS);
	at.setUTCHours(10, 22, 0, 0);
	return { text: at.toISOString().replace(".000Z", "+00:00"), ms: at.getTime() };
}

describe("scheduled articles: what publish and import say", { timeout: 180_000 }, () => {
	const FAR = "2062-07-04T10:22:00+02:00";

	it("import: lists each scheduled article with its instant in the site's zone, not the offset it was written in", async () => {
		const state = await preparedStore();
		const soon = daysAhead(30);
		const file = join(state, "gepland.ndjson");
		await writeFile(
			file,
			`${line("archief-een", "2001-05-04")}\n${line("archief-later", soon.text)}\n`,
		);
		const result = await run("import.ts", file, "--persist-to", state);
		expect(result.code).toBe(0);
		const shown = inSiteZone(soon.ms);
		// Written as 10:22 UTC; Amsterdam reads 11:22 or 12:22.
		expect(shown).not.toContain("10:22");
		expect(result.stdout.split("\n")).toContain(`  scheduled  archief-later  ${shown}`);
		expect(result.stdout).not.toContain("archief-een  ");
		const listed = await run("publish.ts", "--list-scheduled", "--persist-to", state);
		expect(listed.stdout.split("\n")).toEqual([
			`1 scheduled (times in ${siteInput.timeZone}):`,
			`  scheduled  archief-later  ${shown}  (import:gepland.ndjson)`,
			"",
		]);
	});

	it(`import: refuses an article more than ${SCHEDULE_HORIZON_DAYS} days ahead, naming line and field, and writes nothing`, async () => {
		const state = await preparedStore();
		const file = join(state, "ver.ndjson");
		const inside = daysAhead(SCHEDULE_HORIZON_DAYS - 1);
		const beyond = daysAhead(SCHEDULE_HORIZON_DAYS + 1);
		await writeFile(
			file,
			[
				line("archief-een", "2001-05-04"),
				line("binnen-de-horizon", inside.text),
				line("voorbij-de-horizon", beyond.text),
				line("tikfout-in-het-jaar", FAR),
			].join("\n"),
		);
		const result = await run("import.ts", file, "--persist-to", state);
		expect(result.code).toBe(1);
		expect(result.stderr.split("\n")).toEqual([
			"import: Invalid content (2 problems):",
			`  ver.ndjson:3: published: ${beyond.text} is more than ${SCHEDULE_HORIZON_DAYS} days ahead; pass --far-future to import it anyway`,
			`  ver.ndjson:4: published: ${FAR} is more than ${SCHEDULE_HORIZON_DAYS} days ahead; pass --far-future to import it anyway`,
			"",
		]);
		expectNoStackTrace(result);
		const listed = await run("publish.ts", "--list-scheduled", "--persist-to", state);
		expect(listed.stdout).toBe("No article is scheduled.\n");
		const withdrawn = await run("withdraw.ts", "archief-een", "--persist-to", state);
		expect(withdrawn.stderr).toBe("withdraw: no such article: archief-een\n");
	});

	it("import --far-future: schedules it, and importing the file again needs no flag", async () => {
		const state = await preparedStore();
		const file = join(state, "ver.ndjson");
		await writeFile(file, `${line("tikfout-in-het-jaar", FAR)}\n`);
		const result = await run("import.ts", file, "--far-future", "--persist-to", state);
		expect(result.code).toBe(0);
		expect(result.stdout.split("\n")).toContain(
			"  scheduled  tikfout-in-het-jaar  4 juli 2062, 10:22",
		);
		const again = await run("import.ts", file, "--persist-to", state);
		expect(again.code).toBe(0);
		expect(again.stdout).toMatch(/Nothing to import: 0 added, 0 changed, 1 unchanged/);
	});

	it("publish: lists added, changed and scheduled articles; refuses a far-future one without --far-future; takes it with", async () => {
		const state = await preparedStore();
		const copy = await projectCopy(await folder());
		const articles = join(copy, "content", "articles");
		const soon = daysAhead(30);
		await writeFile(join(articles, "gepland.ts"), articleFile("gepland-bericht", soon.text));
		await writeFile(join(articles, "ver.ts"), articleFile("ver-vooruit", FAR));

		const refused = await runIn(copy, "publish.ts", "--persist-to", state);
		expect(refused.code).toBe(1);
		expect(refused.stderr.split("\n")).toEqual([
			"publish: Invalid content (1 problem):",
			`  content/articles/ver.ts: published: ${FAR} is more than ${SCHEDULE_HORIZON_DAYS} days ahead; pass --far-future to publish it anyway`,
			"",
		]);
		expectNoStackTrace(refused);
		const none = await runIn(copy, "publish.ts", "--list-scheduled", "--persist-to", state);
		expect(none.stdout).toBe("No article is scheduled.\n");

		const taken = await runIn(copy, "publish.ts", "--far-future", "--persist-to", state);
		expect(taken.code).toBe(0);
		const lines = taken.stdout.split("\n");
		expect(lines[0]).toMatch(
			/^Published content version 2 to .*: 2 added, 0 changed, 0 withdrawn, 1 unchanged \(\d+\.\d s\)\.$/,
		);
		expect(lines.slice(1, 4)).toEqual([
			`  scheduled  gepland-bericht  ${inSiteZone(soon.ms)}`,
			"  scheduled  ver-vooruit  4 juli 2062, 10:22",
			"  (only scheduled articles changed: nothing public changes until their instant)",
		]);

		// Confirmed once: a later publish that changes its text asks no flag again; moving it does.
		await writeFile(
			join(articles, "ver.ts"),
			articleFile("ver-vooruit", FAR, "Een alinea die veel later verschijnt."),
		);
		const later = daysAhead(31);
		await writeFile(join(articles, "gepland.ts"), articleFile("gepland-bericht", later.text));
		const changed = await runIn(copy, "publish.ts", "--persist-to", state);
		expect(changed.code).toBe(0);
		expect(changed.stdout.split("\n").slice(1, 3)).toEqual([
			`  scheduled  gepland-bericht  ${inSiteZone(later.ms)} (moved from ${inSiteZone(soon.ms)})`,
			"  scheduled  ver-vooruit  4 juli 2062, 10:22 (changed)",
		]);
		await writeFile(
			join(articles, "ver.ts"),
			articleFile("ver-vooruit", "2063-07-04T10:22:00+02:00"),
		);
		const moved = await runIn(copy, "publish.ts", "--persist-to", state);
		expect(moved.code).toBe(1);
		expect(moved.stderr).toContain(
			"content/articles/ver.ts: published: 2063-07-04T10:22:00+02:00 is more than",
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
