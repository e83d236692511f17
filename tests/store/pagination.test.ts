/**
 * `/` shows the newest articles, pageSize at a time; older ones are on /page/2, /page/3, ...,
 * linked with rel="prev" (newer) and rel="next" (older) in the head and in a visible nav.
 */
import { beforeAll, describe, expect, it } from "vitest";
import siteInput from "../../content/site";
import { entry } from "../fixtures/articleInputs";
import { fetchPath } from "../support/http";
import { attr, elementsByTag, parseHtmlDocument } from "../support/parseHtml";
import { url } from "../support/site";
import { emptyStore, publishEntries } from "../support/store";

const PAGE = siteInput.pageSize;
const COUNT = PAGE * 2 + 3; // two full pages and a third of 3

/** `count` articles, one an hour: artikel-1 the oldest. */
const corpus = (count: number) =>
	Array.from({ length: count }, (_, i) =>
		entry(`content/articles/a${i + 1}.ts`, {
			slug: `artikel-${i + 1}`,
			headline: `Artikel ${i + 1}`,
			published: new Date(Date.UTC(2024, 0, 1, 9 + i)).toISOString().replace(".000Z", "Z"),
		}),
	);

beforeAll(async () => {
	await emptyStore();
	await publishEntries(corpus(COUNT));
});

async function page(path: string) {
	const response = await fetchPath(path);
	const html = parseHtmlDocument(await response.text());
	const links = (rel: string) =>
		[...elementsByTag(html, "link"), ...elementsByTag(html, "a")]
			.filter((element) => attr(element, "rel") === rel)
			.map((element) => attr(element, "href"));
	const articles = elementsByTag(html, "a")
		.map((a) => attr(a, "href") ?? "")
		.filter((href) => href.includes("/articles/"))
		.map((href) => Number(href.replace(/.*artikel-/, "")));
	const canonical = elementsByTag(html, "link").find((l) => attr(l, "rel") === "canonical");
	return {
		status: response.status,
		articles,
		links,
		canonical: canonical && attr(canonical, "href"),
	};
}

describe("the paginated home page", () => {
	it("shows the newest pageSize articles on /, newest first", async () => {
		const home = await page("/");
		expect(home.status).toBe(200);
		expect(home.articles).toEqual(Array.from({ length: PAGE }, (_, i) => COUNT - i));
		expect(home.links("prev")).toEqual([]);
		expect(new Set(home.links("next"))).toEqual(new Set([url("/page/2")]));
		expect(home.canonical).toBe(url("/"));
	});

	it("continues on /page/2 with rel=prev to / and rel=next to /page/3", async () => {
		const second = await page("/page/2");
		expect(second.articles).toEqual(Array.from({ length: PAGE }, (_, i) => COUNT - PAGE - i));
		expect(new Set(second.links("prev"))).toEqual(new Set([url("/")]));
		expect(new Set(second.links("next"))).toEqual(new Set([url("/page/3")]));
		expect(second.canonical).toBe(url("/page/2"));
	});

	it("ends with the oldest articles and no rel=next", async () => {
		const last = await page("/page/3");
		expect(last.articles).toEqual([3, 2, 1]);
		expect(last.links("next")).toEqual([]);
		expect(new Set(last.links("prev"))).toEqual(new Set([url("/page/2")]));
	});

	it("answers 404 past the last page, for /page/1 (which is /) and for malformed numbers", async () => {
		for (const path of [
			"/page/4",
			"/page/1",
			"/page/0",
			"/page/02",
			"/page/-1",
			"/page/x",
			"/page/",
		]) {
			expect((await fetchPath(path)).status, path).toBe(404);
		}
	});

	it("keeps every page's size bounded by pageSize however many articles there are", async () => {
		for (const path of ["/", "/page/2", "/page/3"]) {
			expect((await page(path)).articles.length, path).toBeLessThanOrEqual(PAGE);
		}
		// Many more: every page but the last holds exactly pageSize, and each article is on one page.
		const many = PAGE * 5 + 1;
		await publishEntries(corpus(many));
		const shown: number[] = [];
		for (const path of ["/", "/page/2", "/page/3", "/page/4", "/page/5", "/page/6"]) {
			const listed = (await page(path)).articles;
			expect(listed.length, path).toBe(path === "/page/6" ? 1 : PAGE);
			shown.push(...listed);
		}
		expect(shown).toEqual(Array.from({ length: many }, (_, i) => many - i));
		expect((await fetchPath("/page/7")).status).toBe(404);
	});
});
