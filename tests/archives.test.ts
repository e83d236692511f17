/**
 * RFC 5005 §4 archived feeds: the current feeds carry the newest `feedSize` articles, and every
 * older article is in a full, numbered archive page that links to its neighbours and the current
 * feed. Built in the test from a corpus larger than feedSize.
 */
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import siteInput from "../content/site";
import type { Article, ContentEntry } from "../src/content/articleSchema";
import { ContentError } from "../src/content/contentError";
import { loadArticles } from "../src/content/loadContent";
import { documentRequest } from "../src/publish/documentPaths";
import { resolveSite } from "../src/site/resolveSite";
import { articleId } from "../src/site/siteUrls";
import { entry } from "./fixtures/articleInputs";
import {
	child,
	childrenNamed,
	atomLinks as links,
	parseXml,
	type XmlElement,
} from "./support/parseXml";
import { testEnv } from "./support/site";
import { bodyAt, publishEntries, siteWith } from "./support/store";

const FH = "http://purl.org/syndication/history/1.0";

const FEED_SIZE = 5;
const PAGE_SIZE = 4;
// The Worker's own store and renderers, with feeds small enough to fill archive pages quickly.
const prepared = siteWith({ feedSize: FEED_SIZE, archivePageSize: PAGE_SIZE });
const { site } = prepared;

/** `count` content files, one article a day from 1 January 2024, so each has its own date. */
function corpus(count: number): ContentEntry[] {
	return Array.from({ length: count }, (_, i) => {
		const day = new Date(Date.UTC(2024, 0, 1 + i, 9)).toISOString().slice(0, 19);
		return entry(`content/articles/a${i + 1}.ts`, {
			slug: `artikel-${i + 1}`,
			headline: `Artikel ${i + 1}`,
			published: `${day}+01:00`,
		});
	});
}

// 5 full pages of 4 (articles 1-20); 21-23 only in the feeds. Newest first, as the feeds are.
const articles: readonly Article[] = loadArticles(corpus(23));
const bodies = new Map<string, string | undefined>();

beforeAll(async () => {
	await publishEntries(corpus(23));
	const paths = ["/feed.xml", "/atom.xml"];
	for (let n = 0; n <= 6; n++) paths.push(`/archive/rss/${n}.xml`, `/archive/atom/${n}.xml`);
	for (const path of paths) bodies.set(path, await bodyAt(prepared, path));
});

function document(path: string): XmlElement {
	return parseXml(publishedBody(path));
}

/** The body published at `path`; throws when nothing is published there. */
function publishedBody(path: string): string {
	const body = bodies.get(path);
	if (body === undefined) throw new Error(`${path} is not published`);
	return body;
}

const url = (path: string) => `${site.origin}${path}`;

const channelOf = (rss: XmlElement) => child(rss, "channel");
const rssIds = (rss: XmlElement) =>
	childrenNamed(channelOf(rss), "item").map((item) => child(item, "guid").text);
const atomIds = (feed: XmlElement) =>
	childrenNamed(feed, "entry").map((entry) => child(entry, "id").text);
const isArchive = (parent: XmlElement) =>
	parent.children.some((el) => el.uri === FH && el.local === "archive");

describe.each([
	{
		format: "rss",
		current: "/feed.xml",
		archive: "/archive/rss",
		container: channelOf,
		ids: rssIds,
	},
	{
		format: "atom",
		current: "/atom.xml",
		archive: "/archive/atom",
		container: (f: XmlElement) => f,
		ids: atomIds,
	},
])("$format archives", ({ current, archive, container, ids }) => {
	const page = (n: number) => `${archive}/${n}.xml`;

	it("keeps the current feed bounded to feedSize, newest first, and not marked as an archive", () => {
		const feed = document(current);
		const expected = articles.slice(0, FEED_SIZE).map((a) => articleId(site, a.slug));
		expect(ids(feed)).toEqual(expected);
		expect(isArchive(container(feed))).toBe(false);
	});

	it("links the current feed to the newest full archive page with prev-archive", () => {
		expect(links(container(document(current))).get("prev-archive")).toBe(url(page(5)));
	});

	it("publishes only full pages, oldest first, each with archivePageSize entries", () => {
		const oldestFirst = [...articles].reverse();
		for (let n = 1; n <= 5; n++) {
			const expected = oldestFirst
				.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE)
				.reverse()
				.map((a) => articleId(site, a.slug));
			expect(ids(document(page(n)))).toEqual(expected);
		}
		expect(bodies.get(page(6))).toBeUndefined();
		expect(bodies.get(page(0))).toBeUndefined();
	});

	it("marks each archive with fh:archive and links self, current and its neighbours", () => {
		for (let n = 1; n <= 5; n++) {
			const parent = container(document(page(n)));
			expect(isArchive(parent)).toBe(true);
			const rels = links(parent);
			expect(rels.get("self")).toBe(url(page(n)));
			expect(rels.get("current")).toBe(url(current));
			expect(rels.get("prev-archive")).toBe(n > 1 ? url(page(n - 1)) : undefined);
			expect(rels.get("next-archive")).toBe(n < 5 ? url(page(n + 1)) : undefined);
			expect(rels.has("hub")).toBe(false);
		}
	});

	it("puts every feed-level element before the first item or entry (W3C MisplacedItem)", () => {
		for (const path of [current, page(1), page(5)]) {
			const children = container(document(path)).children.map((el) => el.local);
			const firstItem = children.findIndex((name) => name === "item" || name === "entry");
			expect(firstItem).toBeGreaterThan(0);
			const afterItems = children.slice(firstItem);
			expect(afterItems.filter((name) => name !== "item" && name !== "entry")).toEqual([]);
		}
	});

	it("reaches every article by following prev-archive, each archived exactly once", () => {
		// The current feed may repeat the newest archived entries; readers reconcile by id (§4.2).
		const reached = new Set(ids(document(current)));
		const archived: string[] = [];
		let next = links(container(document(current))).get("prev-archive");
		while (next !== undefined) {
			const doc = document(new URL(next).pathname);
			archived.push(...ids(doc));
			next = links(container(doc)).get("prev-archive");
		}
		for (const id of archived) reached.add(id);
		expect(new Set(archived).size).toBe(archived.length);
		expect(archived).toHaveLength(20);
		expect([...reached].sort()).toEqual(articles.map((a) => articleId(site, a.slug)).sort());
	});

	it("never changes a full page's entries when newer articles arrive", async () => {
		await publishEntries(corpus(27)); // page 6 fills
		const later = siteWith({ feedSize: FEED_SIZE, archivePageSize: PAGE_SIZE });
		/** Each item or entry as written, byte for byte. */
		const entries = (xml: string) => xml.match(/<(item|entry)[\s>][\s\S]*?<\/\1>/g) ?? [];
		try {
			for (let n = 1; n <= 5; n++) {
				// publishedBody() throws for a missing page, so two missing pages cannot compare equal.
				const before = publishedBody(page(n));
				const body = await bodyAt(later, page(n));
				expect(ids(parseXml(body ?? ""))).toEqual(ids(parseXml(before)));
				expect(entries(before)).toHaveLength(PAGE_SIZE);
				expect(entries(body ?? "")).toEqual(entries(before));
			}
			expect(await bodyAt(later, page(6))).toBeDefined();
		} finally {
			await publishEntries(corpus(23));
		}
	});
});

describe("Atom archive entries", () => {
	it("give every entry its own <updated> (W3C DuplicateUpdated)", () => {
		for (let n = 1; n <= 5; n++) {
			const feed = document(`/archive/atom/${n}.xml`);
			const updated = childrenNamed(feed, "entry").map((e) => child(e, "updated").text);
			expect(updated).toHaveLength(PAGE_SIZE);
			expect(new Set(updated).size).toBe(updated.length);
		}
	});

	it("keep the current feed's id, so a reader knows they are the same feed (RFC 5005 §4)", () => {
		const id = (path: string) => child(document(path), "id").text;
		expect(id("/archive/atom/1.xml")).toBe(id("/atom.xml"));
	});
});

describe("prepared archive responses", () => {
	it("are served as feeds, kept no longer than the feeds (a withdrawal must leave them in time)", async () => {
		const headers = async (path: string) => {
			const request = documentRequest(path);
			const answer = request && (await prepared.document(path, request, Date.now()));
			return answer?.status === 200 ? answer.response.headers : new Headers();
		};
		const rss = await headers("/archive/rss/1.xml");
		expect(rss.get("Content-Type")).toMatch(/^application\/rss\+xml/);
		expect((await headers("/archive/atom/1.xml")).get("Content-Type")).toMatch(
			/^application\/atom\+xml/,
		);
		expect(rss.get("Cache-Control")).toBe((await headers("/feed.xml")).get("Cache-Control"));
	});
});

describe("GET /archive/rss/:page with fewer articles than a page", () => {
	it("answers 404 while no page is full", async () => {
		await publishEntries(corpus(3));
		try {
			const response = await SELF.fetch(url("/archive/rss/1.xml"));
			expect(response.status).toBe(404);
			const feed = parseXml(await (await SELF.fetch(url("/feed.xml"))).text());
			expect(links(channelOf(feed)).has("prev-archive")).toBe(false);
		} finally {
			await publishEntries(corpus(23));
		}
	});
});

describe("archivePageSize", () => {
	it("must not exceed feedSize, so the newest, unarchived articles all fit in the feeds", () => {
		expect(() =>
			resolveSite({ ...siteInput, feedSize: 3, archivePageSize: 4 }, testEnv),
		).toThrowError(ContentError);
		expect(() =>
			resolveSite({ ...siteInput, feedSize: 3, archivePageSize: 4 }, testEnv),
		).toThrowError(/archivePageSize/);
	});
});
