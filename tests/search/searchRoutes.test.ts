/**
 * Search over HTTP: `/search?q=` for people, `/search.json?q=` for programs, `/opensearch.xml` for
 * browsers, and the form and discovery link every page carries (docs/search.md).
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { rebuildSearchIndex } from "../../src/commands/rebuildSearch";
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from "../../src/content/searchQuery";
import { entry } from "../fixtures/articleInputs";
import { startClock } from "../support/clock";
import { cspDirectives, expectPreflightAllowed, fetchPath, sendPreflight } from "../support/http";
import {
	attr,
	elementsByTag,
	type HtmlNode,
	parseHtmlDocument,
	textOf,
} from "../support/parseHtml";
import { child, childrenNamed, parseXml } from "../support/parseXml";
import { searchFor, searchPath, slugsOf } from "../support/search";
import { seedArticle, url } from "../support/site";
import { damageStore, emptyStore, publishEntries } from "../support/store";

const content = (await readContentFiles()).entries;

/** 45 articles with the word, in two sections, one a day: three pages of results. */
const many = Array.from({ length: 45 }, (_, i) =>
	entry(`content/articles/veel-${i}.ts`, {
		slug: `veel-${String(i).padStart(2, "0")}`,
		headline: `Veerpont vaart weer ${i}`,
		published: new Date(Date.UTC(2024, 0, 1 + i, 9)).toISOString(),
		tags: [i % 3 === 0 ? "Waddeneilanden" : "vervoer"],
		body: [
			{
				type: "paragraph",
				text: "De veerpont naar het eiland vaart weer volgens de dienstregeling.",
			},
		],
	}),
);
/** An article whose text looks like markup, found by the word inside it. */
const markup = entry("content/articles/opmaak.ts", {
	slug: "opmaak",
	headline: `Kop met <b>fz & "aanhalingstekens"`,
	body: [
		{ type: "paragraph", text: "Zo schrijf je <script>alert(1)</script> in een veerboot-artikel." },
	],
});

await emptyStore();
startClock();
await publishEntries([...content, ...many, markup]);

/** The first of `elements`, which must be there. */
function first<T>(elements: readonly T[], what: string): T {
	const [element] = elements;
	if (element === undefined) throw new Error(`no ${what}`);
	return element;
}

const page = async (path: string): Promise<HtmlNode> =>
	parseHtmlDocument(await (await fetchPath(path)).text());
const links = (html: HtmlNode, rel: string) =>
	elementsByTag(html, "link")
		.filter((link) => attr(link, "rel") === rel)
		.map((link) => attr(link, "href"));

describe("GET /search?q=", () => {
	it("answers a page in the site's language with the results, their dates and sections, never indexed", async () => {
		const response = await fetchPath(searchPath("veerpont", {}, "page"));
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
		expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
		expect(response.headers.get("Cache-Control")).toBe("public, max-age=45, stale-if-error=86400");
		const html = parseHtmlDocument(await response.text());
		expect(attr(first(elementsByTag(html, "html"), "html"), "lang")).toBe("nl");
		const robots = elementsByTag(html, "meta").find((meta) => attr(meta, "name") === "robots");
		expect(robots && attr(robots, "content")).toBe("noindex");
		const results = elementsByTag(html, "li").filter(
			(li) => attr(li, "class") === "ew-search-result",
		);
		expect(results).toHaveLength(20);
		const best = first(results, "result");
		expect(attr(first(elementsByTag(best, "a"), "link"), "href")).toBe(url("/articles/veel-44"));
		expect(attr(first(elementsByTag(best, "time"), "time"), "datetime")).toMatch(/^2024-02-14T/);
		expect(elementsByTag(best, "a").map((a) => attr(a, "href"))).toContain(url("/tags/vervoer"));
		expect(textOf(html)).toContain("45 artikelen gevonden voor");
	});

	it("marks the matched words, and escapes the text around them like every other text", async () => {
		const response = await fetchPath(searchPath("veerboot fz", {}, "page"));
		const body = await response.text();
		const html = parseHtmlDocument(body);
		const marks = elementsByTag(html, "mark").map(textOf);
		expect(marks).toEqual(expect.arrayContaining(["fz", "veerboot"]));
		// The article's markup-like text reads back as text: no element came from it.
		expect(elementsByTag(html, "b")).toEqual([]);
		expect(elementsByTag(html, "script")).toEqual([]);
		expect(textOf(html)).toContain("<script>alert(1)</script>");
		expect(body).toContain("&lt;b&gt;<mark>fz</mark> &amp; &quot;aanhalingstekens&quot;");
	});

	it("links the pages with rel=prev and rel=next, 20 to a page, and has no page past the last", async () => {
		const one = await page(searchPath("veerpont", {}, "page"));
		expect(links(one, "prev")).toEqual([]);
		expect(links(one, "next")).toEqual([url("/search?q=veerpont&page=2")]);
		const two = await page(searchPath("veerpont", { page: "2" }, "page"));
		expect(links(two, "prev")).toEqual([url("/search?q=veerpont")]);
		expect(links(two, "next")).toEqual([url("/search?q=veerpont&page=3")]);
		const three = await searchFor("veerpont", { page: "3" });
		expect(slugsOf(three)).toHaveLength(5);
		expect(three.next).toBeUndefined();
		expect((await fetchPath(searchPath("veerpont", { page: "4" }, "page"))).status).toBe(404);
		expect((await fetchPath(searchPath("veerpont", { page: "4" }))).status).toBe(404);
	});

	it("narrows to a section, and offers the sections of its results", async () => {
		const all = await page(searchPath("veerpont", {}, "page"));
		const offered = elementsByTag(all, "a").map((a) => attr(a, "href"));
		expect(offered).toContain(url("/search?q=veerpont&section=waddeneilanden"));
		const narrowed = await searchFor("veerpont", { section: "waddeneilanden" });
		expect(narrowed.total).toBe(15);
		expect(narrowed.section).toBe("waddeneilanden");
		expect(narrowed.results.every((result) => result.sections[0]?.name === "Waddeneilanden")).toBe(
			true,
		);
		expect((await searchFor("veerpont", { section: "bestaat-niet" })).total).toBe(0);
	});

	it("without a query, answers the search form's own page with what may be typed", async () => {
		for (const path of ["/search", "/search?q=", "/search?q=%20%20"]) {
			const response = await fetchPath(path);
			expect(response.status, path).toBe(200);
			const html = parseHtmlDocument(await response.text());
			expect(textOf(html), path).toContain("aanhalingstekens");
		}
	});

	it("answers the same query the same however it is spaced, and revalidates with a 304", async () => {
		const a = await fetchPath("/search?q=veerpont%20%20eiland");
		const b = await fetchPath("/search?q=%20veerpont%09eiland%20");
		expect(a.headers.get("ETag")).toBe(b.headers.get("ETag"));
		expect(await a.text()).toBe(await b.text());
		const again = await fetchPath("/search?q=veerpont%20eiland", {
			headers: { "If-None-Match": a.headers.get("ETag") ?? "" },
		});
		expect(again.status).toBe(304);
	});
});

describe("GET /search.json?q=", () => {
	it("answers the same results as JSON, readable by any origin's scripts", async () => {
		const response = await fetchPath(searchPath("veerpont"));
		expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
		expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
		expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
		const answer = await searchFor("veerpont");
		expect(answer).toMatchObject({
			query: "veerpont",
			page: 1,
			pages: 3,
			total: 45,
			searched: "all",
		});
		expect(answer.next).toBe(url("/search.json?q=veerpont&page=2"));
		expect(slugsOf(answer)).toEqual(
			many
				.map((article) => (article.input as { slug: string }).slug)
				.reverse()
				.slice(0, 20),
		);
		expect(answer.results[0]?.headline).toEqual([
			{ text: "Veerpont", match: true },
			{ text: " vaart weer 44", match: false },
		]);
		expectPreflightAllowed(await sendPreflight(url("/search.json?q=x")));
	});

	it("says the whole archive was searched for a prefix while every article is among the newest", async () => {
		const answer = await searchFor("veerpo*");
		expect(answer).toMatchObject({ total: 45, searched: "all" });
		expect(answer).not.toHaveProperty("newest");
		const page = await (await fetchPath(searchPath("veerpo*", {}, "page"))).text();
		expect(page).not.toContain("ew-search-note");
	});

	it("needs a query: without q it answers 400 with the reason", async () => {
		const response = await fetchPath("/search.json");
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ status: 400, error: "missing-query" });
	});
});

describe("what a search cannot answer", () => {
	it.each([
		["a query over the length limit", { q: "a".repeat(MAX_QUERY_LENGTH + 1) }, "query-too-long"],
		["10 KB of text", { q: "veerpont ".repeat(1200) }, "query-too-long"],
		[
			"too many words",
			{ q: Array.from({ length: MAX_QUERY_WORDS + 1 }, (_, i) => `w${i}`).join(" ") },
			"too-many-words",
		],
		["a page that is no page number", { q: "veerpont", page: "01" }, "bad-page"],
		["page 0", { q: "veerpont", page: "0" }, "bad-page"],
		[
			"a section that is no URL segment",
			{ q: "veerpont", section: "Wadden Eilanden" },
			"bad-section",
		],
	])("answers 400 to %s, saying why and echoing nothing", async (_, params, problem) => {
		const json = await fetchPath(`/search.json?${new URLSearchParams(params)}`);
		expect(json.status).toBe(400);
		expect(await json.json()).toMatchObject({ error: problem });
		const html = await fetchPath(`/search?${new URLSearchParams(params)}`);
		expect(html.status).toBe(400);
		const text = await html.text();
		expect(text).toContain("Ongeldige zoekvraag");
		expect(text).not.toContain(params.q.slice(0, 40));
	});

	it("takes a query of exactly the length limit", async () => {
		expect((await fetchPath(searchPath("a".repeat(MAX_QUERY_LENGTH)))).status).toBe(200);
	});

	it("answers other methods 405, and OPTIONS with what is allowed", async () => {
		for (const path of ["/search", "/search.json"]) {
			expect((await fetchPath(`${path}?q=x`, { method: "POST" })).status, path).toBe(405);
			const options = await fetchPath(`${path}?q=x`, { method: "OPTIONS" });
			expect(options.status).toBe(204);
			expect(options.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
		}
	});
});

describe("the search on every page", () => {
	const PAGES = [
		"/",
		`/articles/${seedArticle.slug}`,
		"/tags/vervoer",
		"/search?q=veerpont",
		"/bestaat-niet",
	];

	it.each(PAGES)(
		"%s has the search form in its header and links the OpenSearch description",
		async (path) => {
			const response = await fetchPath(path);
			const html = parseHtmlDocument(await response.text());
			const form = first(
				elementsByTag(first(elementsByTag(html, "header"), "header"), "form"),
				"form",
			);
			expect(attr(form, "action")).toBe(url("/search"));
			expect(attr(form, "method")).toBe("get");
			expect(elementsByTag(form, "input").map((input) => attr(input, "name"))).toEqual(["q"]);
			const search = elementsByTag(html, "link").find((link) => attr(link, "rel") === "search");
			expect(search && attr(search, "type")).toBe("application/opensearchdescription+xml");
			expect(search && attr(search, "href")).toBe(url("/opensearch.xml"));
			// The page's CSP lets that form go to the search, and nowhere else.
			const csp = cspDirectives(response.headers.get("Content-Security-Policy"));
			expect(csp.get("form-action")).toBe(url("/search"));
		},
	);

	it("fills the box with the query on a page of results", async () => {
		const html = await page("/search?q=%22veerpont%20vaart%22");
		const input = elementsByTag(html, "input").find((element) => attr(element, "name") === "q");
		expect(input && attr(input, "value")).toBe('"veerpont vaart"');
	});
});

describe("GET /opensearch.xml", () => {
	it("is an OpenSearch 1.1 description naming both search URLs", async () => {
		const response = await fetchPath("/opensearch.xml");
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe(
			"application/opensearchdescription+xml; charset=utf-8",
		);
		const root = parseXml(await response.text());
		expect(root.uri).toBe("http://a9.com/-/spec/opensearch/1.1/");
		expect(root.local).toBe("OpenSearchDescription");
		expect([...child(root, "ShortName").text].length).toBeLessThanOrEqual(16);
		expect(child(root, "Description").text.length).toBeGreaterThan(0);
		const urls = childrenNamed(root, "Url").map((element) => element.attributes);
		const template = (type: string) =>
			urls.find((attributes) => attributes.type === type)?.template;
		expect(template("text/html")).toBe(url("/search?q={searchTerms}"));
		expect(template("application/json")).toBe(url("/search.json?q={searchTerms}"));
		expect(template("application/opensearchdescription+xml")).toBe(url("/opensearch.xml"));
		// A browser fills in the template and gets the results.
		const filled = (template("text/html") ?? "").replace("{searchTerms}", "veerpont");
		expect((await fetchPath(new URL(filled).pathname + new URL(filled).search)).status).toBe(200);
	});
});

describe("the answers an isolate keeps", () => {
	it("answers a query it has answered from memory, under its normalised form, until content changes", async () => {
		const asked = await searchFor("veerpont eiland");
		// The index is emptied behind the isolate's back: only a kept answer can still list results.
		await damageStore("INSERT INTO search_archive (search_archive) VALUES ('delete-all')");
		expect(await searchFor("  veerpont   eiland ")).toEqual(asked);
		expect((await searchFor("veerpont dienstregeling")).total).toBe(0);
		await rebuildSearchIndex(env.DB, { now: Date.now() });
		await publishEntries([...content, ...many, markup]);
	});
});
