import { describe, expect, it } from "vitest";
import type { Article } from "../src/content/articleSchema";
import { formatDutchDate } from "../src/content/dutchDate";
import {
	machineReadableDate,
	type PublicationDate,
	parsePublicationDate,
	partialDateOffset,
} from "../src/content/publicationDate";
import { timeHtml } from "../src/render/publicationDateHtml";
import { entry } from "./fixtures/articleInputs";
import { fetchPath } from "./support/http";
import { child, childrenNamed, parseXml } from "./support/parseXml";
import { bodyOf, renderedDocuments } from "./support/render";
import { seedArticle, site } from "./support/site";
import { emptyStore, publishEntries } from "./support/store";

const AMSTERDAM = "Europe/Amsterdam";

/** Dates of an article whose slug is `datum`: its partial dates fall 41:56.588 after noon. */
function parsed(text: string, slug = "datum"): PublicationDate {
	const result = parsePublicationDate(text, slug);
	if (!result.ok) throw new Error(result.problems.join("; "));
	return result.value;
}

describe("the full-timestamp rule for partial dates (first day of the period, in the hour after 12:00 UTC)", () => {
	it.each([
		["2023", "year", "2023-01-01T12:41:56.588Z", "2023"],
		["2023-07", "month", "2023-07-01T12:41:56.588Z", "juli 2023"],
		["2023-07-07", "day", "2023-07-07T12:41:56.588Z", "7 juli 2023"],
		["2024-02-29", "day", "2024-02-29T12:41:56.588Z", "29 februari 2024"],
	])("%s has %s precision, feeds use %s, people read %s", (text, precision, instant, dutch) => {
		const date = parsed(text);
		expect(date.precision).toBe(precision);
		expect(date.instant.toISOString()).toBe(instant);
		expect(formatDutchDate(date)).toBe(dutch);
	});

	it("offsets each article by its slug alone: a whole number of milliseconds within the hour", () => {
		expect(partialDateOffset("datum")).toBe(41 * 60_000 + 56_588);
		expect(parsed("2023-07", "juli-een").instant.toISOString()).toBe("2023-07-01T12:30:24.014Z");
		expect(parsed("2023-07", "juli-twee").instant.toISOString()).toBe("2023-07-01T12:33:09.765Z");
		for (let i = 0; i < 2_000; i++) {
			const offset = partialDateOffset(`artikel-${i}`);
			expect(Number.isInteger(offset) && offset >= 0 && offset < 3_600_000, `artikel-${i}`).toBe(
				true,
			);
		}
	});

	it("gives 2,000 articles of one month 2,000 different instants", () => {
		const instants = new Set(
			Array.from({ length: 2_000 }, (_, i) => parsed("2023-07", `artikel-${i}`).instant.getTime()),
		);
		expect(instants.size).toBe(2_000);
	});

	it("never moves a full timestamp", () => {
		expect(parsed("2023-07-07T01:45:00+02:00", "juli-een").instant.toISOString()).toBe(
			"2023-07-06T23:45:00.000Z",
		);
	});

	it("keeps July 2023 inside 1 July in every zone from UTC-12 to UTC+11, at either end of the hour", () => {
		// The earliest and latest moments the rule can give: 12:00:00.000 and 12:59:59.999 UTC.
		const noon = Date.UTC(2023, 6, 1, 12);
		for (const instant of [noon, noon + 3_599_999, parsed("2023-07").instant.getTime()]) {
			for (let offsetHours = -12; offsetHours <= 11; offsetHours++) {
				const local = new Date(instant + offsetHours * 3_600_000);
				expect([local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()]).toEqual([
					2023, 7, 1,
				]);
			}
		}
	});

	it("shows people exactly the known precision in <time>", () => {
		expect(timeHtml(parsed("2023-07"), "ew-date", AMSTERDAM).toString()).toBe(
			'<time class="ew-date" datetime="2023-07">juli 2023</time>',
		);
	});
});

describe("full RFC 3339 timestamps", () => {
	it("keeps the instant of a timestamp with an offset", () => {
		const date = parsed("2023-07-07T01:45:00+02:00");
		expect(date.precision).toBe("instant");
		expect(date.instant.toISOString()).toBe("2023-07-06T23:45:00.000Z");
		expect(formatDutchDate(date)).toBe("7 juli 2023, 01:45");
	});

	it("tells apart the two 02:30s of the night summer time ends in Amsterdam (29 Oct 2023)", () => {
		// 02:00-03:00 happens twice: first at +02:00 (CEST), then at +01:00 (CET).
		const first = parsed("2023-10-29T02:30:00+02:00");
		const second = parsed("2023-10-29T02:30:00+01:00");
		expect(first.instant.toISOString()).toBe("2023-10-29T00:30:00.000Z");
		expect(second.instant.toISOString()).toBe("2023-10-29T01:30:00.000Z");
		expect(formatDutchDate(second)).toBe("29 oktober 2023, 02:30");
	});

	it("accepts the first minute of summer time (26 Mar 2023, 03:00+02:00)", () => {
		expect(parsed("2023-03-26T03:00:00+02:00").instant.toISOString()).toBe(
			"2023-03-26T01:00:00.000Z",
		);
	});

	it("accepts Z and fractional seconds, and normalises a lower-case t and z", () => {
		expect(parsed("2023-07-07T01:45:00.5Z").instant.toISOString()).toBe("2023-07-07T01:45:00.500Z");
		expect(parsed("2023-07-07t01:45:00z").text).toBe("2023-07-07T01:45:00Z");
	});

	it("uses the writer's offset in the datetime attribute", () => {
		expect(timeHtml(parsed("2023-07-07T01:45:00+02:00"), "ew-date", AMSTERDAM).toString()).toBe(
			'<time class="ew-date" datetime="2023-07-07T01:45:00+02:00">7 juli 2023, 01:45</time>',
		);
	});

	it("shows people an instant in the newsroom's zone, whatever offset it was written with", () => {
		// 10:22 UTC is 11:22 in Amsterdam in winter (CET) and 12:22 in summer (CEST).
		expect(timeHtml(parsed("2026-12-04T10:22:00+00:00"), "ew-date", AMSTERDAM).toString()).toBe(
			'<time class="ew-date" datetime="2026-12-04T10:22:00+00:00">4 december 2026, 11:22</time>',
		);
		expect(timeHtml(parsed("2026-07-04T10:22:00Z"), "ew-date", AMSTERDAM).toString()).toBe(
			'<time class="ew-date" datetime="2026-07-04T10:22:00Z">4 juli 2026, 12:22</time>',
		);
		// The date moves too when the zone's clock is past midnight.
		expect(timeHtml(parsed("2026-12-04T23:30:00Z"), "ew-date", AMSTERDAM).toString()).toContain(
			">5 december 2026, 00:30<",
		);
		expect(
			timeHtml(parsed("2026-12-04T10:22:00Z"), "ew-date", "America/New_York").toString(),
		).toContain(">4 december 2026, 05:22<");
	});

	it("keeps a partial date partial in any zone", () => {
		expect(timeHtml(parsed("2023-07-07"), "ew-date", "Pacific/Kiritimati").toString()).toBe(
			'<time class="ew-date" datetime="2023-07-07">7 juli 2023</time>',
		);
	});
});

describe("fractional seconds", () => {
	const nanoseconds = "2023-08-09T10:11:12.123456789+02:00";

	it("keeps the text as written, and writes at most three digits wherever a machine reads it", () => {
		const date = parsed(nanoseconds);
		expect(date.text).toBe(nanoseconds);
		expect(machineReadableDate(date)).toBe("2023-08-09T10:11:12.123+02:00");
		expect(date.instant.toISOString()).toBe("2023-08-09T08:11:12.123Z");
	});

	it("gives <time datetime> a valid global date and time string (HTML: 1-3 fraction digits)", () => {
		expect(timeHtml(parsed(nanoseconds), "ew-date", AMSTERDAM).toString()).toBe(
			'<time class="ew-date" datetime="2023-08-09T10:11:12.123+02:00">9 augustus 2023, 10:11</time>',
		);
	});

	it("truncates, never rounding up into the next second", () => {
		const date = parsed("2023-12-31T23:59:59.9999999Z");
		expect(machineReadableDate(date)).toBe("2023-12-31T23:59:59.999Z");
		expect(date.instant.toISOString()).toBe("2023-12-31T23:59:59.999Z");
	});

	it("gives each feed its own format: RSS whole seconds, Atom and JSON Feed milliseconds in UTC", () => {
		const article: Article = { ...seedArticle, published: parsed(nanoseconds) };
		const documents = renderedDocuments(site, [article]);
		const body = (path: string) => bodyOf(documents, path);
		const rssItem = child(child(parseXml(body("/feed.xml")), "channel"), "item");
		expect(child(rssItem, "pubDate").text).toBe("Wed, 09 Aug 2023 08:11:12 GMT");
		const entry = child(parseXml(body("/atom.xml")), "entry");
		expect(child(entry, "published").text).toBe("2023-08-09T08:11:12.123Z");
		const feed = JSON.parse(body("/feed.json")) as { items: { date_published: string }[] };
		expect(feed.items[0]?.date_published).toBe("2023-08-09T08:11:12.123Z");
	});

	it("leaves one to three digits, and dates without seconds' fractions, as they are", () => {
		for (const text of ["2023-07-07T01:45:00.5Z", "2023-07-07T01:45:00.120+01:00", "2023-07"]) {
			expect(machineReadableDate(parsed(text))).toBe(text);
		}
	});
});

describe("malformed and impossible dates", () => {
	it.each([
		["2023-7", "expected YYYY, YYYY-MM, YYYY-MM-DD"],
		["juli 2023", "expected YYYY, YYYY-MM, YYYY-MM-DD"],
		["2023-07-07T01:45:00", "expected YYYY, YYYY-MM, YYYY-MM-DD"],
		["2023-13", "month 13 does not exist"],
		["2023-02-29", "day 29 does not exist in 2023-02"],
		["2023-04-31", "day 31 does not exist in 2023-04"],
		["0000", "year 0000 does not exist"],
		["2023-07-07T24:00:00Z", "time of day out of range"],
		["2023-07-07T01:45:00+25:00", "offset out of range"],
	])("rejects %s", (text, message) => {
		const result = parsePublicationDate(text, "datum");
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.join("; ")).toContain(message);
	});
});

describe("articles sharing a partial date (two of 2023-07), served from the store", () => {
	const julyArticle = (slug: string) =>
		entry(`content/articles/${slug}.ts`, {
			slug,
			headline: `Artikel ${slug}`,
			published: "2023-07",
		});
	const entries = [julyArticle("juli-een"), julyArticle("juli-twee")];

	it("gives each Atom entry its own updated and published, newest first, whatever the content order", async () => {
		await publishEntries(entries);
		const first = await (await fetchPath("/atom.xml")).text();
		const feed = parseXml(first);
		const dated = childrenNamed(feed, "entry").map((entry) => ({
			id: child(entry, "id").text,
			updated: child(entry, "updated").text,
			published: child(entry, "published").text,
		}));
		// juli-twee falls at 12:33:09.765, juli-een at 12:30:24.014: distinct, and never 1 July at 00:00.
		expect(dated).toEqual([
			{
				id: "tag:edgewire.news,2026:articles/juli-twee",
				updated: "2023-07-01T12:33:09.765Z",
				published: "2023-07-01T12:33:09.765Z",
			},
			{
				id: "tag:edgewire.news,2026:articles/juli-een",
				updated: "2023-07-01T12:30:24.014Z",
				published: "2023-07-01T12:30:24.014Z",
			},
		]);
		await emptyStore();
		await publishEntries([...entries].reverse());
		expect(await (await fetchPath("/atom.xml")).text()).toBe(first);
	});

	it("shows people the month only", async () => {
		await publishEntries(entries);
		const fragment = await (await fetchPath("/articles/juli-een/fragment")).text();
		expect(fragment).toContain('<time class="ew-date" datetime="2023-07">juli 2023</time>');
	});
});
