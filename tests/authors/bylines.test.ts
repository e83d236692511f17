/**
 * Bylines: an article may name its authors; each is credited in every format beside the source
 * (which stays), and has a page of their own with its feeds, like a section.
 */
import { beforeAll, describe, expect, it } from "vitest";
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
const ANNA = {
	name: "Anna de Vries",
	url: "https://annadevries.example/",
	handle: "@anna@nos.social",
};
const PIET = { name: "Piet Jansen" };

const article = (n: number, changes: Record<string, unknown> = {}) =>
	entry(`content/articles/a${n}.ts`, {
		slug: `artikel-${n}`,
		headline: `Artikel ${n}`,
		published: `2024-01-${String(n).padStart(2, "0")}T09:00:00+01:00`,
		...changes,
	});

const corpus = [
	...content,
	article(1, { authors: [ANNA, PIET] }),
	article(2, { authors: [PIET] }),
	article(3),
];

beforeAll(async () => {
	await emptyStore();
	await publishEntries(corpus);
});

function problemsOf(authors: unknown): string[] {
	try {
		loadArticles([entry("content/articles/x.ts", { authors })]);
	} catch (error) {
		if (error instanceof ContentError) return error.problems.map((p) => `${p.path}: ${p.message}`);
		throw error;
	}
	return [];
}

describe("authors in content", () => {
	it("accept a name, an own page and a fediverse handle", () => {
		expect(problemsOf([ANNA, PIET])).toEqual([]);
	});

	it.each([
		["no user", "@nos.social"],
		["no host", "@anna"],
		["a URL", "https://nos.social/@anna"],
		["a space", "@anna de vries@nos.social"],
	])("refuse a handle with %s", (_, handle) => {
		expect(problemsOf([{ name: "Anna", handle }])).toEqual([
			`authors[0].handle: expected a fediverse handle such as "@naam@mastodon.social", got ${JSON.stringify(handle)}`,
		]);
	});

	it("refuse two spellings that would share a page, and a repeated name", () => {
		expect(problemsOf([{ name: "Anna de Vries" }, { name: "Anna-de-Vries" }])).toEqual([
			'authors[1].name: "Anna-de-Vries" would have the page /authors/anna-de-vries of authors[0]: write the name the same way',
		]);
		expect(problemsOf([{ name: "Anna de Vries" }, { name: "anna  de vries" }])).toEqual([
			"authors[1].name: repeats authors[0]",
		]);
	});

	it("refuse a spelling that would take another article's author's page, naming file and field", async () => {
		const error = await publishEntries([
			...corpus,
			article(4, { authors: [{ name: "Piet-Jansen" }] }),
		]).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(ContentError);
		expect((error as ContentError).problems).toEqual([
			{
				file: "content/articles/a4.ts",
				path: "authors[0].name",
				message:
					'"Piet-Jansen" would have the URL /authors/piet-jansen of the author "Piet Jansen" (content/articles/a1.ts): write it the same way',
			},
		]);
	});
});

describe("the byline where people read the article", () => {
	it("names each author with a link to their page, and keeps the source's credit", async () => {
		const fragment = parseHtmlFragment(
			await (await fetchPath("/articles/artikel-1/fragment")).text(),
		);
		const byline = elementsByTag(fragment, "p").find((p) => attr(p, "class") === "ew-byline");
		expect(byline && textOf(byline)).toBe("Door Anna de Vries en Piet Jansen");
		const links = elementsByTag(fragment, "a").filter((a) => attr(a, "rel") === "author");
		expect(links.map((a) => attr(a, "href"))).toEqual([
			url("/authors/anna-de-vries"),
			url("/authors/piet-jansen"),
		]);
		expect(textOf(fragment)).toContain("Bron: NOS");
	});

	it("names the handle for Mastodon's link previews, and the authors as Persons in JSON-LD", async () => {
		const page = parseHtmlDocument(await (await fetchPath("/articles/artikel-1")).text());
		const creators = elementsByTag(page, "meta")
			.filter((meta) => attr(meta, "name") === "fediverse:creator")
			.map((meta) => attr(meta, "content"));
		expect(creators).toEqual(["@anna@nos.social"]);
		const script = elementsByTag(page, "script").find(
			(s) => attr(s, "type") === "application/ld+json",
		);
		const data = JSON.parse(script ? textOf(script) : "{}");
		expect(data.author).toEqual([
			{
				"@type": "Person",
				name: "Anna de Vries",
				url: url("/authors/anna-de-vries"),
				sameAs: ["https://annadevries.example/", "https://nos.social/@anna"],
			},
			{ "@type": "Person", name: "Piet Jansen", url: url("/authors/piet-jansen") },
		]);
		expect(data.sourceOrganization.name).toBe("NOS");
	});

	it("credits the source alone when no author is named", async () => {
		const fragment = await (await fetchPath("/articles/artikel-3/fragment")).text();
		expect(fragment).not.toContain("ew-byline");
		expect(fragment).toContain("Bron: <a");
	});
});

describe("the byline in every feed format", () => {
	const item = async (slug: string) => {
		const rss = parseXml(await (await fetchPath("/feed.xml")).text());
		return childrenNamed(child(rss, "channel"), "item").find(
			(i) => child(i, "guid").text === articleId(site, slug),
		);
	};

	it("RSS: one dc:creator per author, then the source; no <author> without an e-mail", async () => {
		const found = await item("artikel-1");
		expect(found && childrenNamed(found, "dc:creator").map((c) => c.text)).toEqual([
			"Anna de Vries",
			"Piet Jansen",
			"NOS",
		]);
		expect(found && childrenNamed(found, "author")).toEqual([]);
	});

	it("Atom: one <author> each, linking their page, the source last", async () => {
		const atom = parseXml(await (await fetchPath("/atom.xml")).text());
		const entry = childrenNamed(atom, "entry").find(
			(e) => child(e, "id").text === articleId(site, "artikel-1"),
		);
		expect(
			entry &&
				childrenNamed(entry, "author").map((a) => [child(a, "name").text, child(a, "uri").text]),
		).toEqual([
			["Anna de Vries", url("/authors/anna-de-vries")],
			["Piet Jansen", url("/authors/piet-jansen")],
			["NOS", "https://nos.nl/"],
		]);
	});

	it("JSON Feed: 1.1 authors and 1.0 author, for readers that know only that", async () => {
		const feed = await (await fetchPath("/feed.json")).json<{
			items: { id: string; authors: { name: string }[]; author: { name: string } }[];
		}>();
		const found = feed.items.find((i) => i.id === articleId(site, "artikel-1"));
		expect(found?.authors.map((a) => a.name)).toEqual(["Anna de Vries", "Piet Jansen", "NOS"]);
		expect(found?.author.name).toBe("Anna de Vries");
		const plain = feed.items.find((i) => i.id === articleId(site, "artikel-3"));
		expect(plain?.author.name).toBe("NOS");
	});

	it("oEmbed: the byline as author, the source still credited in the html", async () => {
		const answer = await (
			await fetchPath(`/oembed?url=${encodeURIComponent(url("/articles/artikel-1"))}`)
		).json<{ author_name: string; author_url: string; html: string }>();
		expect(answer.author_name).toBe("Anna de Vries en Piet Jansen");
		expect(answer.author_url).toBe(url("/authors/anna-de-vries"));
		expect(answer.html).toContain("Bron: <a");
	});
});

describe("GET /authors/<author>", () => {
	it("lists the author's public articles, newest first, with their feeds for autodiscovery", async () => {
		const response = await fetchPath("/authors/piet-jansen");
		expect(response.status).toBe(200);
		const page = parseHtmlDocument(await response.text());
		expect(elementsByTag(page, "h1").map(textOf)).toEqual(["Piet Jansen"]);
		const articles = elementsByTag(page, "a")
			.map((a) => attr(a, "href") ?? "")
			.filter((href) => href.includes("/articles/"));
		expect(articles).toEqual([url("/articles/artikel-2"), url("/articles/artikel-1")]);
		const feeds = elementsByTag(page, "link")
			.filter((link) => attr(link, "rel") === "alternate")
			.map((link) => attr(link, "href"));
		expect(feeds).toEqual(
			expect.arrayContaining([
				url("/authors/piet-jansen/feed.xml"),
				url("/authors/piet-jansen/atom.xml"),
				url("/authors/piet-jansen/feed.json"),
			]),
		);
	});

	it("links the author's own page and account with rel=me, so their profile can verify it", async () => {
		const page = parseHtmlDocument(await (await fetchPath("/authors/anna-de-vries")).text());
		const me = elementsByTag(page, "a")
			.filter((a) => attr(a, "rel") === "me")
			.map((a) => attr(a, "href"));
		expect(me).toEqual(["https://annadevries.example/", "https://nos.social/@anna"]);
	});

	it("has RSS, Atom and JSON Feed named after the author, with the site's entry ids", async () => {
		const rss = child(
			parseXml(await (await fetchPath("/authors/piet-jansen/feed.xml")).text()),
			"channel",
		);
		expect(child(rss, "title").text).toBe("Edgewire: Piet Jansen");
		expect(childrenNamed(rss, "item").map((i) => child(i, "guid").text)).toEqual(
			["artikel-2", "artikel-1"].map((slug) => articleId(site, slug)),
		);
		const atom = parseXml(await (await fetchPath("/authors/piet-jansen/atom.xml")).text());
		expect(child(atom, "id").text).toBe("tag:edgewire.news,2026:authors/piet-jansen");
		const json = await (await fetchPath("/authors/piet-jansen/feed.json")).json<{
			title: string;
		}>();
		expect(json.title).toBe("Edgewire: Piet Jansen");
	});

	it("answers 404 for an author with no public article", async () => {
		expect((await fetchPath("/authors/niemand")).status).toBe(404);
		expect((await fetchPath("/authors/niemand/feed.xml")).status).toBe(404);
	});

	it("is in the authors' sitemap, which robots.txt names", async () => {
		const sitemap = parseXml(await (await fetchPath("/sitemaps/authors.xml")).text());
		expect(childrenNamed(sitemap, "url").map((u) => child(u, "loc").text)).toEqual([
			url("/authors/anna-de-vries"),
			url("/authors/piet-jansen"),
		]);
		expect(await (await fetchPath("/robots.txt")).text()).toContain(
			`Sitemap: ${url("/sitemaps/authors.xml")}`,
		);
	});
});

describe("a scheduled article's authors", () => {
	it("show nowhere before its instant: no page, no feed, no sitemap entry", async () => {
		const start = startClock();
		await publishEntries(
			[
				...corpus,
				article(9, {
					published: new Date(start + 3_600_000).toISOString(),
					authors: [{ name: "Nieuwe Auteur" }],
				}),
			],
			start,
		);
		expect((await fetchPath("/authors/nieuwe-auteur")).status).toBe(404);
		expect((await fetchPath("/authors/nieuwe-auteur/feed.xml")).status).toBe(404);
		expect(await (await fetchPath("/sitemaps/authors.xml")).text()).not.toContain("nieuwe-auteur");
		advanceClock(3_600_000);
		expect((await fetchPath("/authors/nieuwe-auteur")).status).toBe(200);
		expect(await (await fetchPath("/sitemaps/authors.xml")).text()).toContain("nieuwe-auteur");
		await publishEntries(corpus, Date.now());
	});
});
