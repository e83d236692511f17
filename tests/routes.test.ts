import { describe, expect, it } from "vitest";
import { fetchPath as get } from "./support/http";
import {
	allElements,
	attr,
	elementsByTag,
	parseHtmlDocument,
	parseHtmlFragment,
	textOf,
} from "./support/parseHtml";
import { child, childrenNamed, parseXml } from "./support/parseXml";
import { articles, seedArticle, site, url } from "./support/site";

const articleUrl = url(`/articles/${seedArticle.slug}`);
const tagId = `tag:edgewire.news,2026:articles/${seedArticle.slug}`;

describe("GET /feed.xml", () => {
	it("answers RSS 2.0 with the site's channel and one item per article", async () => {
		const response = await get("/feed.xml");
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("application/rss+xml; charset=utf-8");
		const rss = parseXml(await response.text());
		expect(rss.name).toBe("rss");
		expect(rss.attributes.version).toBe("2.0");
		const channel = child(rss, "channel");
		expect(child(channel, "title").text).toBe(site.title);
		expect(child(channel, "link").text).toBe(url("/"));
		expect(child(channel, "language").text).toBe("nl");
		expect(child(channel, "lastBuildDate").text).toBe("Sat, 01 Jul 2023 12:59:50 GMT");
		const self = child(channel, "atom:link");
		expect(self.uri).toBe("http://www.w3.org/2005/Atom");
		expect(self.attributes).toMatchObject({ rel: "self", href: url("/feed.xml") });
		expect(childrenNamed(channel, "item")).toHaveLength(articles.length);
	});

	it("tells readers to poll no sooner than its Cache-Control allows: <ttl> is max-age in whole minutes, rounded up", async () => {
		const response = await get("/feed.xml");
		const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get("Cache-Control") ?? "")?.[1]);
		expect(maxAge).toBe(45);
		const channel = child(parseXml(await response.text()), "channel");
		expect(child(channel, "ttl").text).toBe(String(Math.ceil(maxAge / 60)));
		expect(child(channel, "ttl").text).toBe("1");
	});

	it("gives the item a host-independent guid, its link, date, summary, content and NOS as creator", async () => {
		const channel = child(parseXml(await (await get("/feed.xml")).text()), "channel");
		const item = child(channel, "item");
		expect(child(item, "title").text).toBe(seedArticle.headline);
		expect(child(item, "link").text).toBe(articleUrl);
		expect(child(item, "guid").text).toBe(tagId);
		expect(child(item, "guid").attributes.isPermaLink).toBe("false");
		expect(child(item, "pubDate").text).toBe("Sat, 01 Jul 2023 12:59:50 GMT");
		expect(textOf(parseHtmlFragment(child(item, "description").text))).toBe(seedArticle.summary);
		expect(child(item, "content:encoded").uri).toBe("http://purl.org/rss/1.0/modules/content/");
		const creator = child(item, "dc:creator");
		expect([creator.uri, creator.text]).toEqual(["http://purl.org/dc/elements/1.1/", "NOS"]);
		// RSS 2.0 <author> must be an e-mail address; NOS has none to give.
		expect(childrenNamed(item, "author")).toHaveLength(0);
		expect(childrenNamed(item, "category").map((c) => c.text)).toEqual(seedArticle.tags);
	});
});

describe("GET /atom.xml", () => {
	it("answers Atom 1.0 in the site's language with self and alternate links", async () => {
		const response = await get("/atom.xml");
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
		const feed = parseXml(await response.text());
		expect([feed.local, feed.uri]).toEqual(["feed", "http://www.w3.org/2005/Atom"]);
		expect(feed.attributes["xml:lang"]).toBe("nl");
		expect(child(feed, "id").text).toBe("tag:edgewire.news,2026:feed");
		expect(child(feed, "updated").text).toBe("2023-07-01T12:59:50.315Z");
		const links = childrenNamed(feed, "link").map((link) => link.attributes);
		expect(links).toContainEqual({ rel: "self", href: url("/atom.xml") });
		expect(links).toContainEqual({ rel: "alternate", href: url("/") });
	});

	it("gives the entry the same id as RSS, a plain-text title, both dates and NOS as author", async () => {
		const feed = parseXml(await (await get("/atom.xml")).text());
		const entry = child(feed, "entry");
		expect(child(entry, "id").text).toBe(tagId);
		const title = child(entry, "title");
		// RFC 4287 §3.1.1: no type means text; readers that ignore `type` then show it right too.
		expect(title.attributes.type).toBeUndefined();
		expect(title.text).toBe(seedArticle.headline);
		expect(child(entry, "link").attributes.href).toBe(articleUrl);
		expect(child(entry, "published").text).toBe("2023-07-01T12:59:50.315Z");
		expect(child(entry, "updated").text).toBe("2023-07-01T12:59:50.315Z");
		const author = child(entry, "author");
		expect(child(author, "name").text).toBe("NOS");
		expect(child(author, "uri").text).toBe("https://nos.nl/");
		expect(child(entry, "summary").attributes.type).toBe("html");
		expect(child(entry, "content").attributes.type).toBe("html");
	});
});

describe("GET /feed.json", () => {
	it("answers JSON Feed 1.1 with the feed's URLs, language and authors", async () => {
		const response = await get("/feed.json");
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("application/feed+json; charset=utf-8");
		const feed = await response.json<Record<string, unknown>>();
		expect(feed).toMatchObject({
			version: "https://jsonfeed.org/version/1.1",
			title: site.title,
			home_page_url: url("/"),
			feed_url: url("/feed.json"),
			language: "nl",
			authors: [{ name: "NOS", url: "https://nos.nl/" }],
		});
		expect(feed).not.toHaveProperty("hubs");
	});

	it("gives the item the same id as RSS and Atom, RFC 3339 dates and NOS as author", async () => {
		const feed = await (await get("/feed.json")).json<{ items: Record<string, unknown>[] }>();
		expect(feed.items).toHaveLength(articles.length);
		expect(feed.items[0]).toMatchObject({
			id: tagId,
			url: articleUrl,
			title: seedArticle.headline,
			summary: seedArticle.summary,
			date_published: "2023-07-01T12:59:50.315Z",
			date_modified: "2023-07-01T12:59:50.315Z",
			authors: [{ name: "NOS", url: "https://nos.nl/" }],
			tags: [...seedArticle.tags],
			language: "nl",
		});
		expect(typeof feed.items[0]?.content_html).toBe("string");
	});
});

describe("GET /articles/:slug", () => {
	it("answers a complete HTML document with title, description, canonical and feed autodiscovery", async () => {
		const response = await get(`/articles/${seedArticle.slug}`);
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
		const body = await response.text();
		expect(body.startsWith("<!DOCTYPE html>")).toBe(true);
		const document = parseHtmlDocument(body);
		expect(attr(elementsByTag(document, "html")[0] ?? fail(), "lang")).toBe("nl");
		// The headline and site name together exceed the 70 characters a title shows.
		expect(textOf(elementsByTag(document, "title")[0] ?? fail())).toBe(`${seedArticle.headline}`);
		const metas = elementsByTag(document, "meta");
		const description = metas.find((meta) => attr(meta, "name") === "description");
		expect(attr(description ?? fail(), "content")).toBe(seedArticle.summary);
		const links = elementsByTag(document, "link").map((link) => ({
			rel: attr(link, "rel"),
			type: attr(link, "type"),
			href: attr(link, "href"),
		}));
		expect(links).toContainEqual({ rel: "canonical", type: undefined, href: articleUrl });
		expect(links).toContainEqual({
			rel: "alternate",
			type: "application/rss+xml",
			href: url("/feed.xml"),
		});
		expect(links).toContainEqual({
			rel: "alternate",
			type: "application/atom+xml",
			href: url("/atom.xml"),
		});
		expect(links).toContainEqual({
			rel: "alternate",
			type: "application/feed+json",
			href: url("/feed.json"),
		});
	});

	it("contains the embeddable fragment unchanged", async () => {
		const page = await (await get(`/articles/${seedArticle.slug}`)).text();
		const fragment = await (await get(`/articles/${seedArticle.slug}/fragment`)).text();
		// An empty fragment would be "contained" in any page.
		expect(elementsByTag(parseHtmlFragment(fragment), "article")).toHaveLength(1);
		expect(page).toContain(fragment.trim());
	});

	it("answers 404 with a short HTML page for an unknown slug", async () => {
		const response = await get("/articles/bestaat-niet");
		expect(response.status).toBe(404);
		expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
		expect(textOf(parseHtmlDocument(await response.text()))).toContain("Niet gevonden");
	});
});

describe("GET /articles/:slug/fragment", () => {
	it("answers one <article lang> with headline, date at its precision, credit and canonical link", async () => {
		const response = await get(`/articles/${seedArticle.slug}/fragment`);
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
		const fragment = parseHtmlFragment(await response.text());
		const [article, ...others] = elementsByTag(fragment, "article");
		expect(others).toHaveLength(0);
		if (article === undefined) return fail();
		expect(attr(article, "lang")).toBe("nl");
		expect(textOf(elementsByTag(article, "h1")[0] ?? fail())).toBe(seedArticle.headline);
		expect(elementsByTag(article, "h2").map(textOf)).toEqual([
			"Waar gaan de onderhandelingen over?",
		]);
		const time = elementsByTag(article, "time")[0] ?? fail();
		expect([attr(time, "datetime"), textOf(time)]).toEqual(["2023-07", "juli 2023"]);
		expect(textOf(article)).toContain("Bron: NOS");
		const hrefs = elementsByTag(article, "a").map((a) => attr(a, "href"));
		expect(hrefs).toContain("https://nos.nl/");
		expect(hrefs).toContain(articleUrl);
		// The caption of a video that is not published with it: a labelled paragraph, no figure.
		const caption = elementsByTag(article, "p").find(
			(p) => attr(p, "class") === "ew-media-caption ew-media-video",
		);
		expect(caption && textOf(caption)).toMatch(
			/^Bij een video die hier niet te zien is: Na uren overleg .* wordt\. - NOS$/,
		);
		expect(elementsByTag(article, "figure")).toEqual([]);
		expect(elementsByTag(article, "blockquote")).toEqual([]);
	});

	it("is inert: no script, no style or on* attributes, only absolute http(s) links, prefixed classes", async () => {
		const fragment = parseHtmlFragment(
			await (await get(`/articles/${seedArticle.slug}/fragment`)).text(),
		);
		const elements = allElements(fragment);
		expect(elements.map((element) => element.tagName)).not.toContain("script");
		// The checks below must have links and classes to look at.
		const names = elements.flatMap((element) => element.attrs.map(({ name }) => name));
		expect(names).toContain("href");
		expect(names).toContain("class");
		for (const element of elements) {
			for (const { name, value } of element.attrs) {
				expect(name === "style" || name.startsWith("on"), `${element.tagName}[${name}]`).toBe(
					false,
				);
				if (name === "href") expect(new URL(value).protocol).toMatch(/^https?:$/);
				if (name === "class") for (const c of value.split(" ")) expect(c).toMatch(/^ew-/);
			}
		}
	});

	it("answers 404 for an unknown slug", async () => {
		expect((await get("/articles/bestaat-niet/fragment")).status).toBe(404);
	});
});

describe("GET /", () => {
	it("lists every article, newest first, linking to its page", async () => {
		const response = await get("/");
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
		const document = parseHtmlDocument(await response.text());
		const teasers = elementsByTag(document, "h2").map(textOf);
		expect(teasers).toEqual(articles.map((article) => article.headline));
		const hrefs = elementsByTag(document, "a").map((a) => attr(a, "href"));
		expect(hrefs).toContain(articleUrl);
	});
});

describe("unknown paths", () => {
	it("answers 404 as JSON for a .json path", async () => {
		const response = await get("/nothing-here.json");
		expect(response.status).toBe(404);
		expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
		expect(await response.json()).toMatchObject({ status: 404 });
	});
});

function fail(): never {
	throw new Error("expected element is missing");
}
