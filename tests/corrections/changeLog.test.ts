/**
 * Corrections and updates: an article's log of changes after publication, shown where people read
 * it (in the newsroom's time zone, corrections marked), moving the article's update time in every
 * format while its id and link stay, and only ever growing once published.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { ContentError } from "../../src/content/contentError";
import { loadArticles } from "../../src/content/loadContent";
import { articleId } from "../../src/site/siteUrls";
import { entry } from "../fixtures/articleInputs";
import { advanceClock, startClock } from "../support/clock";
import { fetchPath } from "../support/http";
import {
	attr,
	elementsByTag,
	parseHtmlDocument,
	parseHtmlFragment,
	textOf,
} from "../support/parseHtml";
import { child, childrenNamed, parseXml } from "../support/parseXml";
import { site, url } from "../support/site";
import { emptyStore, publishEntries } from "../support/store";

const content = (await readContentFiles()).entries;
const CORRECTION = {
	at: "2024-03-06T09:30:00+01:00",
	kind: "correction",
	note: "De naam van de minister was verkeerd gespeld.",
};
// Written in UTC; the newsroom reads it as 14:00 in Amsterdam (CET, +01:00, in March).
const UPDATE = {
	at: "2024-03-07T13:00:00Z",
	kind: "update",
	note: "Reactie van het ministerie toegevoegd.",
};
const ID = articleId(site, "gecorrigeerd");

const corrected = (changes: readonly object[], more: Record<string, unknown> = {}) =>
	entry("content/articles/gecorrigeerd.ts", {
		slug: "gecorrigeerd",
		headline: "Een gecorrigeerd artikel",
		published: "2024-03-05T09:00:00+01:00",
		changes,
		...more,
	});
const untouched = entry("content/articles/ongewijzigd.ts", {
	slug: "ongewijzigd",
	headline: "Een ongewijzigd artikel",
	published: "2024-03-04T09:00:00+01:00",
});

/** Every date a reader of each format can see for `id`: Atom updated and published, RSS pubDate, JSON Feed's two. */
async function datesOf(id: string) {
	const atom = parseXml(await (await fetchPath("/atom.xml")).text());
	const entryElement = childrenNamed(atom, "entry").find((e) => child(e, "id").text === id);
	const rss = parseXml(await (await fetchPath("/feed.xml")).text());
	const item = childrenNamed(child(rss, "channel"), "item").find(
		(i) => child(i, "guid").text === id,
	);
	const json = await (await fetchPath("/feed.json")).json<{
		items: { id: string; url: string; date_published: string; date_modified: string }[];
	}>();
	const jsonItem = json.items.find((i) => i.id === id);
	return {
		atomUpdated: entryElement && child(entryElement, "updated").text,
		atomPublished: entryElement && child(entryElement, "published").text,
		atomLink: entryElement && child(entryElement, "link").attributes.href,
		rssPubDate: item && child(item, "pubDate").text,
		rssLink: item && child(item, "link").text,
		jsonPublished: jsonItem?.date_published,
		jsonModified: jsonItem?.date_modified,
		jsonUrl: jsonItem?.url,
	};
}

beforeEach(async () => {
	await emptyStore();
	startClock();
	await publishEntries([...content, untouched, corrected([CORRECTION, UPDATE])], Date.now());
});

function problemsOf(changes: unknown): string[] {
	try {
		loadArticles([corrected(changes as object[])], { now: Date.parse("2024-06-01T00:00:00Z") });
	} catch (error) {
		if (error instanceof ContentError) return error.problems.map((p) => `${p.path}: ${p.message}`);
		throw error;
	}
	return [];
}

describe("a log entry in content", () => {
	it.each([
		[
			"a day without a time",
			{ ...CORRECTION, at: "2024-03-06" },
			"changes[0].at: 2024-03-06 is not an instant: give the moment of the change, such as 2024-03-06T09:30:00+02:00",
		],
		[
			"a time before publication",
			{ ...CORRECTION, at: "2024-03-05T08:00:00+01:00" },
			"changes[0].at: 2024-03-05T08:00:00+01:00 is before the article's publication (2024-03-05T09:00:00+01:00)",
		],
		[
			"a time in the future",
			{ ...CORRECTION, at: "2024-07-01T09:00:00Z" },
			"changes[0].at: 2024-07-01T09:00:00Z is in the future: a log entry records a change already made",
		],
		[
			"another kind",
			{ ...CORRECTION, kind: "erratum" },
			'changes[0].kind: expected "correction" or "update", got "erratum"',
		],
		[
			"a note of two lines",
			{ ...CORRECTION, note: "Eén\nTwee" },
			"changes[0].note: must be a single line",
		],
		[
			"a note of 501 characters",
			{ ...CORRECTION, note: "n".repeat(501) },
			"changes[0].note: must be at most 500 characters, got 501",
		],
	])("is refused with %s", (_, change, problem) => {
		expect(problemsOf([change])).toEqual([problem]);
	});

	it("is refused out of order: the log is kept oldest first", () => {
		expect(problemsOf([UPDATE, CORRECTION])).toEqual([
			"changes[1].at: 2024-03-06T09:30:00+01:00 is before the entry above it (2024-03-07T13:00:00Z): the log is kept oldest first, and a new entry goes at its end",
		]);
	});
});

describe("the log where people read the article", () => {
	it("lists each entry with its time in the newsroom's zone, corrections marked", async () => {
		const fragment = parseHtmlFragment(
			await (await fetchPath("/articles/gecorrigeerd/fragment")).text(),
		);
		const entries = elementsByTag(fragment, "li").filter((li) =>
			(attr(li, "class") ?? "").startsWith("ew-change"),
		);
		expect(entries.map((li) => [attr(li, "class"), textOf(li)])).toEqual([
			["ew-change ew-change-correction", `Correctie 6 maart 2024, 09:30: ${CORRECTION.note}`],
			["ew-change ew-change-update", `Update 7 maart 2024, 14:00: ${UPDATE.note}`],
		]);
		const times = elementsByTag(fragment, "time").map((time) => attr(time, "datetime"));
		expect(times).toContain("2024-03-07T13:00:00Z");
		expect(textOf(fragment)).toContain("bijgewerkt 7 maart 2024, 14:00");
	});

	it("gives JSON-LD the last change as dateModified and each correction as a CorrectionComment", async () => {
		const page = parseHtmlDocument(await (await fetchPath("/articles/gecorrigeerd")).text());
		const script = elementsByTag(page, "script").find(
			(s) => attr(s, "type") === "application/ld+json",
		);
		const data = JSON.parse(script ? textOf(script) : "{}");
		expect(data.dateModified).toBe("2024-03-07T13:00:00Z");
		expect(data.correction).toEqual([
			{ "@type": "CorrectionComment", text: CORRECTION.note, datePublished: CORRECTION.at },
		]);
	});
});

describe("the log in the feeds", () => {
	it("moves the update time to the last entry, keeping id, link and publication date", async () => {
		expect(await datesOf(ID)).toEqual({
			atomUpdated: "2024-03-07T13:00:00.000Z",
			atomPublished: "2024-03-05T08:00:00.000Z",
			atomLink: url("/articles/gecorrigeerd"),
			rssPubDate: "Tue, 05 Mar 2024 08:00:00 GMT",
			rssLink: url("/articles/gecorrigeerd"),
			jsonPublished: "2024-03-05T08:00:00Z",
			jsonModified: "2024-03-07T13:00:00Z",
			jsonUrl: url("/articles/gecorrigeerd"),
		});
	});

	it("carries the log in the entry's content, so a reader sees what changed", async () => {
		const feed = await (await fetchPath("/feed.json")).json<{
			items: { id: string; content_html: string }[];
		}>();
		const html = feed.items.find((i) => i.id === ID)?.content_html ?? "";
		expect(html).toContain(CORRECTION.note);
		expect(html).toContain("Correctie");
	});
});

describe("publishing again", () => {
	it("takes a new entry at the end: the same item, updated", async () => {
		const before = await datesOf(ID);
		const later = {
			at: "2024-03-08T10:00:00+01:00",
			kind: "correction",
			note: "Een datum was fout.",
		};
		advanceClock(2_000);
		await publishEntries(
			[...content, untouched, corrected([CORRECTION, UPDATE, later])],
			Date.now(),
		);
		const after = await datesOf(ID);
		expect(after).toEqual({
			...before,
			atomUpdated: "2024-03-08T09:00:00.000Z",
			jsonModified: "2024-03-08T09:00:00Z",
		});
	});

	it.each([
		["removes an entry", [UPDATE], "changes", /^removes the published entry changes\[0\]/],
		[
			"rewrites an entry's note",
			[{ ...CORRECTION, note: "Een andere tekst." }, UPDATE],
			"changes[0]",
			/^rewrites a published entry/,
		],
		["empties the log", [], "changes", /^removes the published entry changes\[0\]/],
		[
			"puts a new entry before a published one",
			[CORRECTION, { ...UPDATE, at: "2024-03-06T12:00:00+01:00", note: "Tussendoor." }, UPDATE],
			"changes[1]",
			/^is a new entry before published ones: new entries go at the end$/,
		],
	])("is refused when it %s, naming file and field", async (_, changes, path, message) => {
		const error = await publishEntries(
			[...content, untouched, corrected(changes)],
			Date.now(),
		).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(ContentError);
		const [problem] = (error as ContentError).problems;
		expect(problem?.file).toBe("content/articles/gecorrigeerd.ts");
		expect(problem?.path).toBe(path);
		expect(problem?.message).toMatch(message);
	});

	it("allows a silent fix of the text, which keeps every date readers see", async () => {
		const before = await datesOf(ID);
		advanceClock(2_000);
		await publishEntries(
			[
				...content,
				untouched,
				corrected([CORRECTION, UPDATE], { headline: "Een gecorrigeerd artikel, stil verbeterd" }),
			],
			Date.now(),
		);
		expect(await datesOf(ID)).toEqual(before);
	});

	it("keeps every date of an article that did not change", async () => {
		const before = await datesOf(articleId(site, "ongewijzigd"));
		advanceClock(2_000);
		const later = { at: "2024-03-08T10:00:00+01:00", kind: "update", note: "Nog iets." };
		await publishEntries(
			[...content, untouched, corrected([CORRECTION, UPDATE, later])],
			Date.now(),
		);
		expect(await datesOf(articleId(site, "ongewijzigd"))).toEqual(before);
	});
});
