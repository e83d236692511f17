/**
 * Ranking (src/store/articleSearch.ts, docs/search.md): bm25 with the column weights RANK_WEIGHTS,
 * a match in the headline above one in the summary, above one in a tag, above one in the body; of
 * equal matches the newer article first. On a small fixed corpus where every article has fields of
 * the same lengths, so that only where the word stands decides.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import type { ContentEntry } from "../../src/content/articleSchema";
import { RANK_WEIGHTS } from "../../src/store/articleSearch";
import { entry } from "../fixtures/articleInputs";
import { startClock } from "../support/clock";
import { found, searchFor } from "../support/search";
import { emptyStore, publishEntries } from "../support/store";

const content = (await readContentFiles()).entries;
const WORD = "windmolen";

/**
 * An article whose headline, summary, body and tag have four, four, four and one words; `where`
 * puts WORD in place of one of them.
 */
function ranked(
	slug: string,
	where: "headline" | "summary" | "body" | "tag" | "nowhere",
	published: string,
): ContentEntry {
	const four = (field: string) => (where === field ? `Een ${WORD} bij Urk` : "Een dijk bij Urk");
	return entry(`content/articles/${slug}.ts`, {
		slug,
		published,
		headline: four("headline"),
		summary: four("summary"),
		tags: [where === "tag" ? WORD : "kust"],
		body: [{ type: "paragraph", text: four("body") }],
	});
}

const corpus = [
	ranked("in-de-tekst-oud", "body", "2024-01-01"),
	ranked("in-een-tag", "tag", "2024-01-02"),
	ranked("in-de-kop", "headline", "2024-01-03"),
	ranked("in-de-tekst-nieuw", "body", "2024-01-04"),
	ranked("in-de-samenvatting", "summary", "2024-01-05"),
	ranked("nergens", "nowhere", "2024-01-06"),
];

beforeEach(async () => {
	await emptyStore();
	startClock();
	await publishEntries([...content, ...corpus]);
});

describe("the order of results", () => {
	it("weighs the headline above the summary, above tags and bylines, above the body", () => {
		expect(RANK_WEIGHTS.headline).toBeGreaterThan(RANK_WEIGHTS.summary);
		expect(RANK_WEIGHTS.summary).toBeGreaterThan(RANK_WEIGHTS.tags);
		expect(RANK_WEIGHTS.tags).toBe(RANK_WEIGHTS.authors);
		expect(RANK_WEIGHTS.tags).toBeGreaterThan(RANK_WEIGHTS.body);
	});

	it("puts a match in the headline first, then summary, tag and body; equal matches newest first", async () => {
		expect(await found(WORD)).toEqual([
			"in-de-kop",
			"in-de-samenvatting",
			"in-een-tag",
			"in-de-tekst-nieuw",
			"in-de-tekst-oud",
		]);
	});

	it("pages equal matches newest first: page 1 the 20 newest, page 2 the rest", async () => {
		const ties = Array.from({ length: 25 }, (_, i) =>
			ranked(
				`gelijk-${String(i + 1).padStart(2, "0")}`,
				"body",
				`2023-02-${String(i + 1).padStart(2, "0")}`,
			),
		);
		await publishEntries([...content, ...ties]);
		const newestFirst = ties.map((tie) => (tie.input as { slug: string }).slug).reverse();
		expect(await found(WORD)).toEqual(newestFirst.slice(0, 20));
		expect(await found(WORD, { page: "2" })).toEqual(newestFirst.slice(20));
	});

	it("keeps to the section chosen", async () => {
		const answer = await searchFor(WORD, { section: WORD });
		expect(answer.results.map((result) => new URL(result.url).pathname)).toEqual([
			"/articles/in-een-tag",
		]);
	});

	it("ranks a phrase only where its words stand in a row", async () => {
		expect(await found(`"dijk bij"`)).toHaveLength(6);
		expect(await found(`"bij dijk"`)).toEqual([]);
		expect(await found(`"een ${WORD}"`)).toEqual([
			"in-de-kop",
			"in-de-samenvatting",
			"in-de-tekst-nieuw",
			"in-de-tekst-oud",
		]);
	});
});
