/**
 * Sitemaps (sitemaps.org 0.9), the Google News sitemap and robots.txt, checked rule by rule as a
 * validator would: namespaces, required elements, W3C Datetime values, absolute entity-escaped
 * URLs, the 50,000-URL and 50 MB limits; withdrawn and scheduled articles never appear.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { ContentEntry } from "../../src/content/articleSchema";
import { parsePublicationDate } from "../../src/content/publicationDate";
import { loadSitemap, loadSitemapPart, sitemapLayout } from "../../src/publish/sitemapDocuments";
import {
	NEWS_NAMESPACE,
	NEWS_WINDOW_MS,
	newsDate,
	renderSitemap,
	SITEMAP_MAX_BYTES,
	SITEMAP_MAX_URLS,
	SITEMAP_NAMESPACE,
} from "../../src/render/sitemaps";
import { readContentState } from "../../src/store/contentState";
import { entry } from "../fixtures/articleInputs";
import { advanceClock, setClock, startClock } from "../support/clock";
import { fetchPath } from "../support/http";
import { child, childrenNamed, parseXml, type XmlElement } from "../support/parseXml";
import { site, url } from "../support/site";
import { emptyStore, publishEntries } from "../support/store";

/**
 * W3C Datetime (https://www.w3.org/TR/NOTE-datetime) as the sitemap schemas type it: xsd:date
 * (YYYY-MM-DD) or xsd:dateTime with seconds and a zone; not the year or month alone.
 */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?$/;

let now = 0;
const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();
const article = (
	slug: string,
	published: string,
	changes: Record<string, unknown> = {},
): ContentEntry =>
	entry(`content/articles/${slug}.ts`, {
		slug,
		headline: `Kop van ${slug}`,
		published,
		...changes,
	});

const corpus = () => [
	article("oud", "2023-07"),
	article("gisteren", hoursAgo(20), { headline: "Q&A: AT&T <en> H&M" }),
	article("eergisteren", hoursAgo(47)),
	article("te-oud-voor-nieuws", hoursAgo(49)),
	article("gepland", new Date(now + 3_600_000).toISOString()),
];

beforeEach(async () => {
	await emptyStore();
	now = startClock();
	await publishEntries([...corpus(), article("ingetrokken", hoursAgo(1))], now);
	await publishEntries(corpus(), now);
});

const locs = (urlset: XmlElement) =>
	childrenNamed(urlset, "url").map((entry) => child(entry, "loc").text);

describe("GET /robots.txt", () => {
	it("allows crawling, keeps previews out, and names both sitemaps by absolute URL", async () => {
		const response = await fetchPath("/robots.txt");
		expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
		const lines = (await response.text()).split("\n");
		expect(lines).toEqual(
			expect.arrayContaining([
				"User-agent: *",
				"Disallow: /preview",
				`Sitemap: ${url("/sitemap.xml")}`,
				`Sitemap: ${url("/news-sitemap.xml")}`,
			]),
		);
	});

	it("names no authors' sitemap while no author has a public article, and that sitemap is 404", async () => {
		expect(await (await fetchPath("/robots.txt")).text()).not.toContain("/sitemaps/authors.xml");
		expect((await fetchPath("/sitemaps/authors.xml")).status).toBe(404);
	});
});

describe("GET /sitemap.xml", () => {
	it("is a urlset in the sitemaps.org namespace: home and every public article, nothing else", async () => {
		const response = await fetchPath("/sitemap.xml");
		expect(response.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
		const body = await response.text();
		expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
		const urlset = parseXml(body);
		expect(urlset.local).toBe("urlset");
		expect(urlset.uri).toBe(SITEMAP_NAMESPACE);
		expect(locs(urlset).sort()).toEqual(
			[
				url("/"),
				...["oud", "gisteren", "eergisteren", "te-oud-voor-nieuws"].map((s) =>
					url(`/articles/${s}`),
				),
			].sort(),
		);
	});

	it("gives every URL an absolute http(s) <loc> of this site and a W3C Datetime <lastmod>", async () => {
		const urlset = parseXml(await (await fetchPath("/sitemap.xml")).text());
		// The home page and the four public articles.
		expect(childrenNamed(urlset, "url")).toHaveLength(5);
		for (const entry of childrenNamed(urlset, "url")) {
			const loc = child(entry, "loc").text;
			expect(new URL(loc).origin).toBe(site.origin);
			expect(loc.length).toBeLessThan(2048);
			expect(child(entry, "lastmod").text).toMatch(W3C_DATETIME);
			expect(
				entry.children.map((c) => c.local).every((name) => ["loc", "lastmod"].includes(name)),
			).toBe(true);
		}
	});

	it("entity-escapes what it writes (a URL with & stays well-formed and reads back)", () => {
		const xml = renderSitemap([{ loc: "https://news.example.org/zoek?q=a&b='c'", lastmod: 0 }]);
		expect(xml).toContain("<loc>https://news.example.org/zoek?q=a&amp;b='c'</loc>");
		expect(locs(parseXml(xml))).toEqual(["https://news.example.org/zoek?q=a&b='c'"]);
	});
});

describe("a sitemap index once one file is not enough", () => {
	it("keeps the protocol's limits: 50,000 URLs and 50 MB per file, even for the longest URLs", () => {
		expect(SITEMAP_MAX_URLS).toBe(50_000);
		expect(SITEMAP_MAX_BYTES).toBe(52_428_800);
		const longest = url(`/articles/${"a".repeat(120)}`);
		const one = renderSitemap([{ loc: longest, lastmod: now }]).length;
		const empty = renderSitemap([]).length;
		expect(empty + (one - empty) * SITEMAP_MAX_URLS).toBeLessThan(SITEMAP_MAX_BYTES);
		// The home page and 49,999 articles fit one file; one more article needs an index.
		expect(sitemapLayout(SITEMAP_MAX_URLS - 1)).toEqual({ index: false });
		expect(sitemapLayout(SITEMAP_MAX_URLS)).toEqual({ index: true, parts: 1 });
		expect(sitemapLayout(SITEMAP_MAX_URLS + 1)).toEqual({ index: true, parts: 2 });
		expect(sitemapLayout(3 * SITEMAP_MAX_URLS)).toEqual({ index: true, parts: 3 });
	});

	it("lists its parts with W3C Datetime lastmods, and the parts hold every article once", async () => {
		const source = { site, db: env.DB, state: await readContentState(env.DB, now), now };
		const index = await loadSitemap(source, 2);
		if (index.status !== 200) throw new Error("no sitemap");
		const root = parseXml(index.document.body);
		expect(root.local).toBe("sitemapindex");
		expect(root.uri).toBe(SITEMAP_NAMESPACE);
		const parts = childrenNamed(root, "sitemap");
		expect(parts.map((part) => child(part, "loc").text)).toEqual([
			url("/sitemaps/1.xml"),
			url("/sitemaps/2.xml"),
		]);
		for (const part of parts) expect(child(part, "lastmod").text).toMatch(W3C_DATETIME);
		const listed: string[] = [];
		for (const n of [1, 2]) {
			const part = await loadSitemapPart(source, n, 2);
			if (part.status !== 200) throw new Error(`no part ${n}`);
			const urls = locs(parseXml(part.document.body));
			expect(urls.length).toBeLessThanOrEqual(2);
			listed.push(...urls);
		}
		expect(listed.sort()).toEqual(
			["oud", "gisteren", "eergisteren", "te-oud-voor-nieuws"]
				.map((s) => url(`/articles/${s}`))
				.sort(),
		);
		expect((await loadSitemapPart(source, 3, 2)).status).toBe(404);
		expect((await fetchPath("/sitemaps/1.xml")).status).toBe(404);
	});
});

describe("GET /news-sitemap.xml", () => {
	it("lists the articles of the last two days with Google News tags, newest first", async () => {
		const urlset = parseXml(await (await fetchPath("/news-sitemap.xml")).text());
		expect(urlset.uri).toBe(SITEMAP_NAMESPACE);
		expect(locs(urlset)).toEqual([url("/articles/gisteren"), url("/articles/eergisteren")]);
		for (const entry of childrenNamed(urlset, "url")) {
			const news = child(entry, "news:news");
			expect(news.uri).toBe(NEWS_NAMESPACE);
			const publication = child(news, "news:publication");
			expect(child(publication, "news:name").text).toBe("Edgewire");
			expect(child(publication, "news:language").text).toBe("nl");
			expect(child(news, "news:publication_date").text).toMatch(W3C_DATETIME);
		}
		const titles = childrenNamed(urlset, "url").map(
			(e) => child(child(e, "news:news"), "news:title").text,
		);
		expect(titles[0]).toBe("Q&A: AT&T <en> H&M");
	});

	it("writes each publication date as the schema types it: a day, or an instant with its zone", () => {
		const parsed = (text: string) => {
			const result = parsePublicationDate(text, "een-artikel");
			if (!result.ok) throw new Error(result.problems.join("; "));
			return result.value;
		};
		expect(newsDate(parsed("2026-11-29"))).toBe("2026-11-29");
		expect(newsDate(parsed("2026-11-29T18:00:00.123456+01:00"))).toBe(
			"2026-11-29T18:00:00.123+01:00",
		);
		expect(newsDate(parsed("2026-11"))).toMatch(/^2026-11-01T12:\d{2}:\d{2}Z$/);
		for (const text of ["2026-11-29", "2026-11-29T18:00:00+01:00", "2026-11", "2026"]) {
			expect(newsDate(parsed(text)), text).toMatch(W3C_DATETIME);
		}
	});

	it("drops an article once it is two days old, and moves Last-Modified then", async () => {
		// Without the scheduled article, so that no release happens at the same instant.
		await publishEntries(
			corpus().filter((e) => !e.file.endsWith("gepland.ts")),
			now,
		);
		const before = await fetchPath("/news-sitemap.xml");
		expect(locs(parseXml(await before.text()))).toEqual([
			url("/articles/gisteren"),
			url("/articles/eergisteren"),
		]);
		const agesOut = now + 3_600_000; // eergisteren, published 47 hours ago, turns 48 hours old
		setClock(agesOut + 1);
		const later = await fetchPath("/news-sitemap.xml");
		expect(locs(parseXml(await later.text()))).toEqual([url("/articles/gisteren")]);
		expect(later.headers.get("Last-Modified")).toBe(new Date(agesOut).toUTCString());
		advanceClock(NEWS_WINDOW_MS);
		const empty = parseXml(await (await fetchPath("/news-sitemap.xml")).text());
		// A urlset needs one <url>: with no news, the home page alone, without news tags.
		expect(locs(empty)).toEqual([url("/")]);
	});

	it("lists a scheduled article from its instant on, newest first", async () => {
		await (await fetchPath("/news-sitemap.xml")).text();
		setClock(now + 3_600_000);
		expect(locs(parseXml(await (await fetchPath("/news-sitemap.xml")).text()))).toEqual([
			url("/articles/gepland"),
			url("/articles/gisteren"),
		]);
	});
});
