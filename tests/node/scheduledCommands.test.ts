/**
 * What publish and import say of scheduled articles, as processes: each listed with its instant in
 * the site's time zone, and an instant more than SCHEDULE_HORIZON_DAYS ahead (a year typed wrong)
 * refused unless --far-future says it is meant. Every test works on a store of its own.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import siteInput from "../../content/site";
import { SCHEDULE_HORIZON_DAYS } from "../../src/content/limits";
import {
	articleFile,
	expectNoStackTrace,
	archiveLine as line,
	preparedStores,
	projectCopy,
	run,
	runIn,
} from "./support/commands";

const { folder, preparedStore } = preparedStores("edgewire-scheduled-");

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
