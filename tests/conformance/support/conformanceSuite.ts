/**
 * Every conformance check, for any published site: used for the real content and for each case of
 * the hostile corpus. It walks every document the site publishes (so extra feeds, archives and
 * pages that are added later are checked too) instead of naming paths.
 */
import { expect, it } from "vitest";
import type { Article } from "../../../src/content/articleSchema";
import type { DocumentKind } from "../../../src/site/documentKind";
import { parseHtmlDocument, parseHtmlFragment, textOf } from "../../support/parseHtml";
import { parseXml } from "../../support/parseXml";
import { collapseWhitespace } from "../../support/seed";
import { type ExpectedItem, expectedItem } from "./expectedItem";
import { activeContent, htmlProblems, invalidTimeDatetimes } from "./htmlChecks";
import { feedIconProblems, imageFileProblems, pageIconProblems } from "./imageChecks";
import {
	type FeedFormat,
	type ItemField,
	parsersFor,
	parsersReading,
	type ReadItem,
} from "./independentParsers";
import { jsonFeedProblems } from "./jsonFeedSchema";
import type { ImageKind, Publication } from "./publish";
import { sitemapProblems } from "./sitemapSchema";
import { W3C_FEED_VALIDATOR, w3cFeedProblems } from "./w3cFeedValidator";

const FEED_FORMATS: Partial<Record<DocumentKind | ImageKind, FeedFormat>> = {
	rss: "rss",
	atom: "atom",
	jsonFeed: "jsonFeed",
};

const FIELDS: readonly ItemField[] = [
	"title",
	"link",
	"id",
	"published",
	"language",
	"author",
	"contentHtml",
	"image",
];

/** A read item reduced to the fields compared, with the content as text. */
function comparable(item: ReadItem | ExpectedItem, skip: readonly ItemField[] = []) {
	const all = comparableFields(item);
	for (const field of skip) delete all[field === "contentHtml" ? "contentText" : field];
	return all;
}

function comparableFields(item: ReadItem | ExpectedItem): Record<string, string | undefined> {
	const contentText =
		"contentText" in item
			? item.contentText
			: item.contentHtml === undefined
				? undefined
				: textOf(parseHtmlFragment(item.contentHtml));
	return {
		title: item.title,
		link: item.link,
		id: item.id,
		// RSS dates (RFC 822) carry whole seconds only.
		published: item.published?.replace(/\.\d{3}Z$/, ".000Z"),
		language: item.language,
		author: item.author,
		contentText: contentText === undefined ? undefined : collapseWhitespace(contentText),
		image: item.image,
	};
}

function feeds(publication: Publication): [string, FeedFormat, string][] {
	return [...publication.documents].flatMap(([path, document]) => {
		const format = FEED_FORMATS[document.kind];
		return format === undefined
			? []
			: [[path, format, document.body] as [string, FeedFormat, string]];
	});
}

function documentsOf(
	publication: Publication,
	kind: "page" | "fragment" | "sitemap",
): [string, string][] {
	return [...publication.documents]
		.filter(([, document]) => document.kind === kind)
		.map(([path, document]) => [path, document.body]);
}

/** Registers the conformance tests for a publication (call inside `describe`). */
export function conformanceSuite(publication: () => Publication): void {
	it("every feed is read by at least two independent parsers that agree with the content", async () => {
		const { site, articles } = publication();
		const expected = new Map(articles.map((a) => [expectedItem(site.origin, a).id, a]));
		const seen = new Map<FeedFormat, Set<string>>();
		for (const [path, format, body] of feeds(publication())) {
			const parsers = parsersFor(format);
			for (const field of FIELDS) {
				expect(parsersReading(format, field).length, `${format} ${field}`).toBeGreaterThanOrEqual(
					2,
				);
			}
			for (const parser of parsers) {
				const items = await parser.read(body, format);
				expect(items.length, `${parser.name} on ${path}`).toBeGreaterThan(0);
				for (const item of items) {
					const article: Article | undefined = expected.get(item.id ?? "");
					expect(article, `${parser.name} on ${path}: unknown id ${item.id}`).toBeDefined();
					if (article === undefined) continue;
					const expectation = expectedItem(site.origin, article);
					const literal = /[<&]/.test(expectation.title + expectation.contentText);
					const skip: ItemField[] = [
						...(parser.cannotRead?.[format] ?? []),
						...(parser.decodesEntitiesTwice && literal ? (["title", "contentHtml"] as const) : []),
					];
					expect(comparable(item, skip), `${parser.name} reading ${path}`).toEqual(
						comparable(expectation, skip),
					);
					const ids = seen.get(format) ?? new Set();
					seen.set(format, ids.add(article.slug));
				}
			}
		}
		// Every article the feeds should carry is in every format (articles are newest first).
		const carried = articles.slice(0, site.feedSize).map((article) => article.slug);
		for (const format of ["rss", "atom", "jsonFeed"] as const) {
			expect([...(seen.get(format) ?? [])].sort(), format).toEqual(expect.arrayContaining(carried));
		}
	});

	it("every XML document is well-formed, namespace-aware XML 1.0", () => {
		const xml = feeds(publication()).filter(([, format]) => format !== "jsonFeed");
		expect(xml.length).toBeGreaterThanOrEqual(2);
		for (const [path, , body] of xml) {
			expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>'), path).toBe(true);
			expect(() => parseXml(body), path).not.toThrow();
		}
	});

	it("every sitemap is sitemaps.org XML naming only this site's pages, with W3C Datetimes", () => {
		const { site } = publication();
		const sitemaps = documentsOf(publication(), "sitemap");
		// robots.txt names both; the crawl reached them from there.
		expect(sitemaps.map(([path]) => path)).toEqual(
			expect.arrayContaining(["/sitemap.xml", "/news-sitemap.xml"]),
		);
		for (const [path, body] of sitemaps) {
			expect(sitemapProblems(body, site.origin), path).toEqual([]);
		}
	});

	it.skipIf(W3C_FEED_VALIDATOR === undefined)(
		"every XML feed passes the W3C Feed Validation Service with no error and no warning",
		async () => {
			const { site } = publication();
			const xml = feeds(publication()).filter(([, format]) => format !== "jsonFeed");
			const reports = await Promise.all(
				xml.map(async ([path, , body]) => ({
					path,
					problems: await w3cFeedProblems(W3C_FEED_VALIDATOR ?? "", body, `${site.origin}${path}`),
				})),
			);
			for (const { path, problems } of reports) expect(problems, path).toEqual([]);
		},
		120_000,
	);

	it("every JSON Feed matches JSON Feed 1.1 field by field", () => {
		const json = feeds(publication()).filter(([, format]) => format === "jsonFeed");
		expect(json.length).toBeGreaterThanOrEqual(1);
		for (const [path, , body] of json) {
			expect(jsonFeedProblems(JSON.parse(body)), path).toEqual([]);
		}
	});

	it("every image is the file its media type says, and every feed names the icon as its format asks", () => {
		const { site, documents } = publication();
		const images = [...documents.values()].filter((document) => document.bytes !== undefined);
		expect(images.map((image) => image.kind).sort()).toEqual(
			expect.arrayContaining(["icoImage", "pngImage", "svgImage"]),
		);
		expect(imageFileProblems(documents)).toEqual([]);
		for (const [path, document] of documents) {
			if (FEED_FORMATS[document.kind] === undefined) continue;
			expect(feedIconProblems(documents, site.origin, path, document), path).toEqual([]);
		}
	});

	it("every page passes html-validate (recommended and document rules) and has valid <time> dates", async () => {
		const { site, articles } = publication();
		const pages = documentsOf(publication(), "page");
		// The home page and one page per article, at least: an empty list would check nothing.
		expect(pages.map(([path]) => path)).toEqual(
			expect.arrayContaining(["/", ...articles.map((article) => `/articles/${article.slug}`)]),
		);
		for (const [path, body] of pages) {
			expect(await htmlProblems(body, "page", site.origin), path).toEqual([]);
			expect(invalidTimeDatetimes(body), path).toEqual([]);
			expect(textOf(parseHtmlDocument(body)), path).not.toBe("");
			expect(pageIconProblems(publication().documents, site.origin, body), path).toEqual([]);
		}
	});

	it("every fragment passes html-validate, has valid <time> dates and contains nothing active", async () => {
		const { site, articles } = publication();
		const fragments = documentsOf(publication(), "fragment");
		expect(fragments.length).toBe(articles.length);
		for (const [path, body] of fragments) {
			expect(await htmlProblems(body, "fragment", site.origin), path).toEqual([]);
			expect(invalidTimeDatetimes(body), path).toEqual([]);
			expect(activeContent(body), path).toEqual([]);
		}
	});

	it("every fragment reads back as the article's text", () => {
		const { site, articles } = publication();
		for (const article of articles) {
			const fragment = publication().documents.get(`/articles/${article.slug}/fragment`);
			expect(fragment, article.slug).toBeDefined();
			const text = textOf(parseHtmlFragment(fragment?.body ?? ""));
			const { title, contentText } = expectedItem(site.origin, article);
			expect(text.startsWith(collapseWhitespace(title)), article.slug).toBe(true);
			for (const block of article.body) {
				const blockText = block.type === "mediaCaption" ? block.caption : block.text;
				expect(text, article.slug).toContain(collapseWhitespace(blockText));
			}
			// NOS is credited in the fragment itself (the expected item's content says so too).
			expect(contentText).toContain(`Bron: ${article.source.name}`);
			expect(text, article.slug).toContain(`Bron: ${collapseWhitespace(article.source.name)}`);
		}
	});
}
