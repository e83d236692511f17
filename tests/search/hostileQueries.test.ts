/**
 * Any query is safe: whatever is typed reaches FTS5 only as data (src/content/searchQuery.ts,
 * src/store/articleSearch.ts). Every query below answers 200 with results or none, or 400 with a
 * short reason; never a 500, never an FTS5 syntax error, and nothing typed comes back as markup.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { normalizeQueryText } from "../../src/content/searchQuery";
import { parseSearchRequest } from "../../src/http/searchRequest";
import { searchArticles } from "../../src/store/articleSearch";
import { HOSTILE_QUERIES, MARKER } from "../fixtures/hostileQueries";
import { startClock } from "../support/clock";
import { fetchPath } from "../support/http";
import { elementsByTag, parseHtmlDocument } from "../support/parseHtml";
import { emptyStore, publishEntries } from "../support/store";

await emptyStore();
startClock();
await publishEntries((await readContentFiles()).entries);

describe.each(["/search", "/search.json"])("%s with a hostile query", (path) => {
	it.each(HOSTILE_QUERIES.map((query, i) => [i, query]))(
		"query %i answers 200 or 400 and echoes nothing as markup",
		async (_, query) => {
			const params = new URLSearchParams({ q: query });
			const response = await fetchPath(`${path}?${params}`);
			expect([200, 400], JSON.stringify(query.slice(0, 60))).toContain(response.status);
			const body = await response.text();
			if (path === "/search.json") {
				// JSON carries the query back as a string value, nothing more.
				const answer = JSON.parse(body) as { query?: unknown };
				// As sent: a URL carries a lone surrogate as U+FFFD.
				const sent = new URLSearchParams(params.toString()).get("q") ?? "";
				if (response.status === 200) expect(answer.query).toBe(normalizeQueryText(sent));
			} else {
				expect(body).not.toContain(MARKER);
				const html = parseHtmlDocument(body);
				expect(elementsByTag(html, "script")).toEqual([]);
				expect(elementsByTag(html, "b")).toEqual([]);
			}
		},
	);
});

describe("a hostile query that passes the checks, straight to the store", () => {
	it("is searched without an error, whatever it holds", async () => {
		let searched = 0;
		for (const query of HOSTILE_QUERIES) {
			const request = parseSearchRequest("json", new URLSearchParams({ q: query }));
			if (!request.ok) continue;
			const page = await searchArticles(env.DB, request.value.query, { page: 1, pageSize: 20 });
			expect(page.total, JSON.stringify(query.slice(0, 60))).toBeGreaterThanOrEqual(0);
			searched++;
		}
		expect(searched).toBeGreaterThan(HOSTILE_QUERIES.length - 5);
	});
});

describe("percent-encoding that does not decode", () => {
	it.each(["%E0%A4%A", "%zz", "%", "%00", "%C0%AF", "%ED%A0%80"])(
		"q=%s answers 200 or 400",
		async (raw) => {
			for (const path of ["/search", "/search.json"]) {
				const response = await fetchPath(`${path}?q=${raw}`);
				expect([200, 400], `${path} ${raw}`).toContain(response.status);
				await response.arrayBuffer();
			}
		},
	);
});
