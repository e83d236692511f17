/**
 * Sections by tag: each tag has a page (/tags/<slug>, paginated like /) and its own RSS, Atom and
 * JSON Feed, with the main feed's entry ids, and autodiscovery links; URLs are stable lower-case
 * ASCII; tags that would share a URL are refused at publish.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { importArchive, readArchive } from "../../src/commands/importArchive";
import type { ContentEntry } from "../../src/content/articleSchema";
import { ContentError } from "../../src/content/contentError";
import { tagKey, tagSlug } from "../../src/content/tagSlug";
import { forgetPreparedSites } from "../../src/publish/preparedSite";
import { articleId } from "../../src/site/siteUrls";
import { entry, validInput } from "../fixtures/articleInputs";
import { advanceClock, startClock } from "../support/clock";
import { fetchPath } from "../support/http";
import { attr, elementsByTag, parseHtmlDocument } from "../support/parseHtml";
import { atomLinks, child, childrenNamed, parseXml } from "../support/parseXml";
import { site, url } from "../support/site";
import { bodyAt, emptyStore, publishEntries, siteWith } from "../support/store";

const article = (n: number, tags: readonly string[], changes: Record<string, unknown> = {}) =>
	entry(`content/articles/a${n}.ts`, {
		slug: `artikel-${n}`,
		headline: `Artikel ${n}`,
		published: `2024-01-${String(n).padStart(2, "0")}T09:00:00+01:00`,
		tags,
		...changes,
	});

const corpus: ContentEntry[] = [
	article(1, ["asiel", "kabinet-Rutte IV"]),
	article(2, ["Economie"]),
	article(3, ["asiel"]),
	article(4, ["Asiel", "Europa"]),
	article(5, ["economie"]),
];

beforeEach(async () => {
	await emptyStore();
	await publishEntries(corpus);
});

const ids = (feed: string) =>
	childrenNamed(child(parseXml(feed), "channel"), "item").map((item) => child(item, "guid").text);

describe("section URLs", () => {
	it("are stable, lower-case ASCII: accents dropped, other characters one hyphen", () => {
		expect(tagSlug("kabinet-Rutte IV")).toBe("kabinet-rutte-iv");
		expect(tagSlug("  Zuid-Holland ")).toBe("zuid-holland");
		expect(tagSlug("België")).toBe("belgie");
		expect(tagSlug("Straße 5")).toBe("strasse-5");
		expect(tagSlug("Curaçao  en   Aruba")).toBe("curacao-en-aruba");
		expect(tagSlug("أخبار")).toBe("");
	});

	it("compare tags case- and whitespace-insensitively", () => {
		expect(tagKey("Asiel")).toBe(tagKey(" asiel "));
		expect(tagKey("a  b")).toBe(tagKey("A b"));
		expect(tagKey("Rutte IV")).not.toBe(tagKey("Rutte-IV"));
	});
});

describe("GET /tags/<slug>", () => {
	it("lists the section's public articles, newest first, under the spelling of its oldest article", async () => {
		const response = await fetchPath("/tags/asiel");
		expect(response.status).toBe(200);
		const page = parseHtmlDocument(await response.text());
		const headings = elementsByTag(page, "h1").map(
			(h) => (h.childNodes[0] as { value?: string }).value,
		);
		// artikel-1 (the oldest) writes "asiel"; the newer artikel-4 writes "Asiel".
		expect(headings).toEqual(["asiel"]);
		const slugs = elementsByTag(page, "a")
			.map((a) => attr(a, "href") ?? "")
			.filter((href) => href.includes("/articles/"));
		expect(slugs).toEqual([
			url("/articles/artikel-4"),
			url("/articles/artikel-3"),
			url("/articles/artikel-1"),
		]);
	});

	it("offers the section's three feeds for autodiscovery", async () => {
		const page = parseHtmlDocument(await (await fetchPath("/tags/asiel")).text());
		const alternates = elementsByTag(page, "link")
			.filter((link) => attr(link, "rel") === "alternate")
			.map((link) => attr(link, "href"));
		expect(alternates).toEqual(
			expect.arrayContaining([
				url("/tags/asiel/feed.xml"),
				url("/tags/asiel/atom.xml"),
				url("/tags/asiel/feed.json"),
			]),
		);
	});

	it("is paginated like /, with rel=prev and rel=next", async () => {
		const small = siteWith({ pageSize: 2 });
		const first = await bodyAt(small, "/tags/asiel");
		const second = await bodyAt(small, "/tags/asiel/page/2");
		expect(first).toContain('rel="next" href="http://localhost:8787/tags/asiel/page/2"');
		expect(second).toContain('rel="prev" href="http://localhost:8787/tags/asiel"');
		expect(second).toContain("/articles/artikel-1");
		expect(await bodyAt(small, "/tags/asiel/page/3")).toBeUndefined();
		expect((await fetchPath("/tags/asiel/page/1")).status).toBe(404);
	});

	it("answers 404 for a tag no public article carries", async () => {
		for (const path of [
			"/tags/onbekend",
			"/tags/onbekend/feed.xml",
			"/tags/Asiel",
			"/tags/asiel-",
		]) {
			expect((await fetchPath(path)).status, path).toBe(404);
		}
	});
});

describe("section feeds", () => {
	it("carry the section's articles with the ids the main feed gives them", async () => {
		const section = await (await fetchPath("/tags/asiel/feed.xml")).text();
		const main = await (await fetchPath("/feed.xml")).text();
		const expected = ["artikel-4", "artikel-3", "artikel-1"].map((slug) => articleId(site, slug));
		expect(ids(section)).toEqual(expected);
		expect(ids(main)).toEqual(expect.arrayContaining(expected));
	});

	it("name themselves: their own title, page link, self URL and Atom id", async () => {
		const rss = child(parseXml(await (await fetchPath("/tags/asiel/feed.xml")).text()), "channel");
		expect(child(rss, "title").text).toBe("Edgewire: asiel");
		expect(child(rss, "link").text).toBe(url("/tags/asiel"));
		expect(atomLinks(rss).get("self")).toBe(url("/tags/asiel/feed.xml"));
		const atom = parseXml(await (await fetchPath("/tags/asiel/atom.xml")).text());
		expect(atomLinks(atom).get("self")).toBe(url("/tags/asiel/atom.xml"));
		expect(child(atom, "id").text).toBe("tag:edgewire.news,2026:tags/asiel");
		const json = (await (await fetchPath("/tags/asiel/feed.json")).json()) as {
			feed_url: string;
			home_page_url: string;
			items: { id: string }[];
		};
		expect(json.feed_url).toBe(url("/tags/asiel/feed.json"));
		expect(json.home_page_url).toBe(url("/tags/asiel"));
		expect(json.items.map((item) => item.id)).toEqual(
			["artikel-4", "artikel-3", "artikel-1"].map((slug) => articleId(site, slug)),
		);
	});

	it("are found from the article's page, which links its sections", async () => {
		const page = parseHtmlDocument(await (await fetchPath("/articles/artikel-1")).text());
		const hrefs = [...elementsByTag(page, "link"), ...elementsByTag(page, "a")].map((el) =>
			attr(el, "href"),
		);
		for (const path of [
			"/tags/asiel",
			"/tags/asiel/feed.xml",
			"/tags/kabinet-rutte-iv/atom.xml",
			"/tags/kabinet-rutte-iv/feed.json",
		]) {
			expect(hrefs, path).toContain(url(path));
		}
	});
});

describe("publishing sections", () => {
	it("refuses two tags of two files that would share a URL, naming both", async () => {
		const error = await publishEntries([...corpus, article(6, ["kabinet Rutte IV"])]).catch(
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(ContentError);
		expect(String(error)).toContain(
			'content/articles/a6.ts: tags[0]: "kabinet Rutte IV" would have the URL /tags/kabinet-rutte-iv of the tag "kabinet-Rutte IV" (content/articles/a1.ts)',
		);
	});

	it("refuses a tag that would take the URL of a published one written otherwise", async () => {
		await env.DB.prepare(
			"UPDATE articles SET origin = 'import:archief.ndjson' WHERE slug = 'artikel-1'",
		).run();
		const error = await publishEntries([
			...corpus.slice(1),
			article(6, ["kabinet Rutte IV"]),
		]).catch((e: unknown) => String(e));
		expect(error).toContain(
			'content/articles/a6.ts: tags[0]: "kabinet Rutte IV" would have the URL /tags/kabinet-rutte-iv of the published tag "kabinet-Rutte IV"',
		);
	});

	it("lets an editor correct a tag's spelling in every article that has it", async () => {
		const respelled = [article(1, ["asiel", "kabinet Rutte IV"]), ...corpus.slice(1)];
		const summary = await publishEntries(respelled);
		expect(summary.changed).toEqual(["artikel-1"]);
		const rss = child(
			parseXml(await (await fetchPath("/tags/kabinet-rutte-iv/feed.xml")).text()),
			"channel",
		);
		expect(child(rss, "title").text).toBe("Edgewire: kabinet Rutte IV");
	});

	it("treats spellings that differ only in case or spacing as one section", async () => {
		expect((await fetchPath("/tags/economie")).status).toBe(200);
		expect(ids(await (await fetchPath("/tags/economie/feed.xml")).text())).toEqual(
			["artikel-5", "artikel-2"].map((slug) => articleId(site, slug)),
		);
	});

	it("removes an article from its sections when it is withdrawn, and a section when it empties", async () => {
		await publishEntries(corpus.filter((e) => !e.file.endsWith("a4.ts")));
		expect(ids(await (await fetchPath("/tags/asiel/feed.xml")).text())).toEqual(
			["artikel-3", "artikel-1"].map((slug) => articleId(site, slug)),
		);
		expect((await fetchPath("/tags/europa")).status).toBe(404);
	});

	it("keeps each section's positions dense and in date order through inserts and withdrawals", async () => {
		const expectDense = async (asiel: string[]) => {
			const { results } = await env.DB.prepare(
				"SELECT segment AS tag, article AS slug, position FROM collection_members WHERE kind = 'tag' ORDER BY segment, position",
			).all<{ tag: string; slug: string; position: number }>();
			const byTag = new Map<string, number[]>();
			for (const row of results) byTag.set(row.tag, [...(byTag.get(row.tag) ?? []), row.position]);
			for (const [tag, positions] of byTag) {
				expect(positions, tag).toEqual(positions.map((_, i) => i + 1));
			}
			expect(results.filter((row) => row.tag === "asiel").map((row) => row.slug)).toEqual(asiel);
		};
		const backDated = article(0, ["asiel"], { published: "2023-12-31T09:00:00+01:00" });
		await publishEntries([...corpus, backDated]);
		await expectDense(["artikel-0", "artikel-1", "artikel-3", "artikel-4"]);
		await publishEntries([...corpus, backDated].filter((e) => !e.file.endsWith("a3.ts")));
		await expectDense(["artikel-0", "artikel-1", "artikel-4"]);
	});

	it("shows a section only once one of its articles is public", async () => {
		const now = startClock();
		await publishEntries(
			[...corpus, article(9, ["Gepland"], { published: new Date(now + 60_000).toISOString() })],
			now,
		);
		expect((await fetchPath("/tags/gepland")).status).toBe(404);
		advanceClock(60_000);
		expect((await fetchPath("/tags/gepland")).status).toBe(200);
	});
});

/** A section's articles as a reader finds them: its page and its three feeds, newest first. */
async function sectionListings(tag: string) {
	const page = parseHtmlDocument(await (await fetchPath(`/tags/${tag}`)).text());
	const rss = child(parseXml(await (await fetchPath(`/tags/${tag}/feed.xml`)).text()), "channel");
	const atom = parseXml(await (await fetchPath(`/tags/${tag}/atom.xml`)).text());
	const json = (await (await fetchPath(`/tags/${tag}/feed.json`)).json()) as {
		items: { id: string }[];
	};
	return {
		page: elementsByTag(page, "a")
			.map((a) => attr(a, "href") ?? "")
			.filter((href) => href.startsWith(url("/articles/"))),
		rss: childrenNamed(rss, "item").map((item) => child(item, "guid").text),
		atom: childrenNamed(atom, "entry").map((entry) => child(entry, "id").text),
		json: json.items.map((item) => item.id),
	};
}

/** What sectionListings must find for the articles `slugs`, newest first. */
const listed = (...slugs: string[]) => {
	const ids = slugs.map((slug) => articleId(site, slug));
	return { page: slugs.map((slug) => url(`/articles/${slug}`)), rss: ids, atom: ids, json: ids };
};

describe("GET /tags/<slug> and its feeds, after a back-dated publish", () => {
	// The corpus is public; each test publishes again, as an editor adds or edits a file later.
	const backDated = (tags: readonly string[]) =>
		article(0, tags, { slug: "terug-gedateerd", published: "2024-01-02T12:00:00+01:00" });

	it("lists a back-dated article in its section, in date order", async () => {
		await publishEntries([...corpus, backDated(["asiel"])]);
		expect(await sectionListings("asiel")).toEqual(
			listed("artikel-4", "artikel-3", "terug-gedateerd", "artikel-1"),
		);
	});

	it("lists it in every section it is in, an old one or one it opens", async () => {
		await publishEntries([...corpus, backDated(["Economie", "Binnenland"])]);
		expect(await sectionListings("economie")).toEqual(
			listed("artikel-5", "terug-gedateerd", "artikel-2"),
		);
		expect(await sectionListings("binnenland")).toEqual(listed("terug-gedateerd"));
	});

	it("moves it with its tags when a later publish changes them", async () => {
		await publishEntries([...corpus, backDated(["asiel"])]);
		await publishEntries([...corpus, backDated(["Europa"])]);
		expect(await sectionListings("asiel")).toEqual(listed("artikel-4", "artikel-3", "artikel-1"));
		expect(await sectionListings("europa")).toEqual(listed("artikel-4", "terug-gedateerd"));
	});
});

describe("GET /tags/<slug> and its feeds, after an article joins the section", () => {
	it("lists the article in date order, and keeps it in its own section", async () => {
		await publishEntries([
			article(2, ["Economie", "asiel"]),
			...corpus.filter((e) => !e.file.endsWith("a2.ts")),
		]);
		expect(await sectionListings("asiel")).toEqual(
			listed("artikel-4", "artikel-3", "artikel-2", "artikel-1"),
		);
		expect(await sectionListings("economie")).toEqual(listed("artikel-5", "artikel-2"));
	});
});

describe("GET /tags/<slug> and its feeds, after an import", () => {
	/** Imports `inputs` as `npm run import` does an NDJSON archive of them. */
	async function importLines(inputs: readonly Record<string, unknown>[]) {
		const now = Date.now();
		const lines = inputs.map((input) => JSON.stringify({ ...validInput, ...input }));
		const { articles, lines: count } = await readArchive("archief.ndjson", lines, now);
		await importArchive(env.DB, "archief.ndjson", articles, count, { now });
		forgetPreparedSites();
	}
	const archived = (tags: readonly string[]) => ({
		slug: "uit-het-archief",
		headline: "Uit het archief",
		published: "2024-01-02T12:00:00+01:00",
		tags,
	});

	it("lists a back-dated imported article in its section, in date order", async () => {
		await importLines([archived(["asiel"])]);
		expect(await sectionListings("asiel")).toEqual(
			listed("artikel-4", "artikel-3", "uit-het-archief", "artikel-1"),
		);
	});

	it("moves it with its tags when a later import changes them", async () => {
		await importLines([archived(["asiel"])]);
		await importLines([archived(["Europa"])]);
		expect(await sectionListings("asiel")).toEqual(listed("artikel-4", "artikel-3", "artikel-1"));
		expect(await sectionListings("europa")).toEqual(listed("artikel-4", "uit-het-archief"));
	});
});
