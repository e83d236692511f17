/**
 * What a search costs, at more articles than search_recent holds (docs/search.md): a query whose
 * words are common is ranked among the newest RECENT_ARTICLES articles, a selective one over the
 * whole archive, and the rows D1 reads for either (what D1 bills) stay under the bound the docs
 * state, whatever the number of articles. search_recent always holds exactly the newest
 * RECENT_ARTICLES public articles, through imports, withdrawals and back-dated articles, and a
 * rebuild in chunks makes the same index again.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { meteredDb } from "../../scripts/bench/meteredDb";
import { importArchive, readArchive } from "../../src/commands/importArchive";
import { rebuildSearchIndex } from "../../src/commands/rebuildSearch";
import { withdrawArticles } from "../../src/commands/withdrawArticles";
import { parseSearchQuery } from "../../src/content/searchQuery";
import { forgetPreparedSites } from "../../src/publish/preparedSite";
import { SELECTIVE_BELOW, searchArticles } from "../../src/store/articleSearch";
import { RECENT_ARTICLES } from "../../src/store/searchIndex";
import { REBUILD_CHUNK } from "../../src/store/searchRebuild";
import { validInput } from "../fixtures/articleInputs";
import { startClock } from "../support/clock";
import { fetchPath } from "../support/http";
import { allElements, attr, parseHtmlDocument, textOf } from "../support/parseHtml";
import { found, searchFor, searchPath, seen } from "../support/search";
import { emptyStore } from "../support/store";

/** More articles than search_recent holds: every one has the common words, a few a rare one. */
const COUNT = RECENT_ARTICLES + 300;
const PAGE_SIZE = 20;
const slug = (i: number) => (i < 0 ? `ouder-${-i}` : `bericht-${String(i).padStart(5, "0")}`);
/** Article i, one hour after article i - 1. */
function line(i: number, words = ""): string {
	return JSON.stringify({
		...validInput,
		slug: slug(i),
		headline: `Het kabinet vergadert ${i}`,
		published: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
		body: [{ type: "paragraph", text: `Het kabinet sprak over de begroting ${words}` }],
	});
}

async function importLines(name: string, lines: readonly string[]): Promise<void> {
	const archive = await readArchive(name, lines, Date.now());
	await importArchive(env.DB, name, archive.articles, archive.lines, { now: Date.now() });
	forgetPreparedSites();
}

/**
 * The bound docs/search.md states: the probe reads at most SELECTIVE_BELOW rows per word, the
 * ranking at most four per match (match, its id, the count, the sort) of at most RECENT_ARTICLES
 * matches, the page two per result, and one row whether search_recent holds every article.
 */
const bound = (words: number) => words * SELECTIVE_BELOW + 4 * RECENT_ARTICLES + 2 * PAGE_SIZE + 1;

beforeAll(async () => {
	await emptyStore();
	startClock();
	const lines = Array.from({ length: COUNT }, (_, i) =>
		line(i, i % 500 === 0 ? "en de zeldzame landbouwvlieger" : ""),
	);
	await importLines("veel.ndjson", lines);
}, 120_000);

describe(`a store of ${COUNT} articles`, () => {
	it("ranks a common word among the newest articles only, a rare one over the whole archive", async () => {
		const common = await searchFor("kabinet");
		expect(common.searched).toBe("newest");
		expect(common.newest).toBe(RECENT_ARTICLES);
		expect(common.total).toBe(RECENT_ARTICLES);
		const rare = await searchFor("landbouwvlieger");
		expect(rare.searched).toBe("all");
		expect(rare.total).toBe(Math.ceil(COUNT / 500));
		// A rare word with a common one is still ranked over the archive.
		expect((await searchFor("kabinet landbouwvlieger")).total).toBe(Math.ceil(COUNT / 500));
		// Nothing found among the newest: still says that only they were searched.
		const none = await searchFor("kabinetzzq*");
		expect(none.total).toBe(0);
		expect(none.searched).toBe("newest");
	});

	it("tells a person when only the newest articles were searched, and what reaches further back", async () => {
		const note = async (q: string, params: Record<string, string> = {}) => {
			const page = await fetchPath(searchPath(q, params, "page"));
			expect(page.status, q).toBe(200);
			const notes = allElements(parseHtmlDocument(await page.text())).filter(
				(element) => attr(element, "class") === "ew-search-note",
			);
			return notes[0] === undefined ? undefined : textOf(notes[0]);
		};
		expect(await note("kabinet")).toBe(
			"Deze woorden staan in zoveel artikelen dat alleen de nieuwste 2.000 zijn doorzocht. Voeg een zeldzamer woord toe om verder terug te zoeken.",
		);
		expect(await note("kabinet", { section: "test" })).toContain("alleen de nieuwste 2.000");
		expect(await note("kabin*")).toBe(
			"Een woord met een sterretje doorzoekt alleen de nieuwste 2.000 artikelen. Typ het hele woord om verder terug te zoeken.",
		);
		// The advice holds: with a rarer word, the whole archive is searched and no note is shown.
		expect(await note("kabinet landbouwvlieger")).toBeUndefined();
	});

	it.each([
		["a common word", "kabinet", 1],
		["two common words", "kabinet begroting", 2],
		["a common phrase", '"het kabinet"', 2],
		["a prefix", "kabin*", 0],
		["a rare word", "landbouwvlieger", 1],
		["a rare word with a common one", "landbouwvlieger kabinet", 2],
	])("reads at most the stated rows for %s", async (_, query, probed) => {
		const { db, rowsRead } = meteredDb(env.DB);
		await searchArticles(db, parseSearchQuery(query), { page: 1, pageSize: PAGE_SIZE });
		expect(rowsRead()).toBeGreaterThan(0);
		expect(rowsRead()).toBeLessThanOrEqual(bound(probed));
	});

	it("keeps search_recent to the newest articles through withdrawals and back-dated articles", async () => {
		const newest = slug(COUNT - 1);
		const oldestRecent = slug(COUNT - RECENT_ARTICLES);
		const justOutside = slug(COUNT - RECENT_ARTICLES - 1);
		const pageOf = async (page: number) => found("kabinet", { page: String(page) });
		const last = Math.ceil(RECENT_ARTICLES / PAGE_SIZE);
		expect((await pageOf(1))[0]).toBe(newest);
		expect(await pageOf(last)).toContain(oldestRecent);
		expect(await pageOf(last)).not.toContain(justOutside);

		// Withdrawn, the newest leaves; the next older article takes its place among the newest.
		await withdrawArticles(env.DB, [newest], { now: Date.now() });
		forgetPreparedSites();
		expect((await searchFor("kabinet")).total).toBe(RECENT_ARTICLES);
		expect(await pageOf(1)).not.toContain(newest);
		expect(await pageOf(last)).toContain(justOutside);

		// Newer articles push as many of the oldest out: the newest are still exactly that many.
		await importLines("nieuw.ndjson", [line(COUNT), line(COUNT + 1)]);
		expect((await searchFor("kabinet")).total).toBe(RECENT_ARTICLES);
		expect((await pageOf(1)).slice(0, 2)).toEqual([slug(COUNT + 1), slug(COUNT)]);
		expect(await pageOf(last)).not.toContain(justOutside);

		// A back-dated article is in the archive, not among the newest.
		await importLines("oud.ndjson", [line(-5000, "landbouwvlieger")]);
		expect(await found("landbouwvlieger")).toContain(slug(-5000));
		expect(await pageOf(last)).not.toContain(slug(-5000));
	});

	it(`rebuilds in chunks of ${REBUILD_CHUNK}: the same answers, byte for byte, over more articles than one chunk`, async () => {
		const queries = ["kabinet", "landbouwvlieger", "kabin*", '"het kabinet"'].flatMap((q) => [
			searchPath(q),
			searchPath(q, { page: String(Math.ceil(RECENT_ARTICLES / PAGE_SIZE)) }),
		]);
		const before = await Promise.all(queries.map(seen));
		const summary = await rebuildSearchIndex(env.DB, { now: Date.now() });
		forgetPreparedSites();
		expect(summary.indexed).toBeGreaterThan(2 * REBUILD_CHUNK);
		expect(await Promise.all(queries.map(seen))).toEqual(before);
	});
});
