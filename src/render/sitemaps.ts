/**
 * Sitemaps (https://www.sitemaps.org/protocol.html), the Google News sitemap extension
 * (https://www.google.com/schemas/sitemap-news/0.9) and robots.txt. The sitemaps are built as
 * trees and written by the XML serializer (xmlDocument.ts), which escapes; every URL is absolute,
 * every date a W3C Datetime.
 */
import type { Article } from "../content/articleSchema";
import { machineReadableDate, type PublicationDate } from "../content/publicationDate";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { serializeXmlDocument } from "./xmlDocument";
import { element, type XmlElement } from "./xmlTree";

export const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";
/** sitemaps.org: at most 50,000 URLs and 50 MB (uncompressed) per file. */
export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_MAX_BYTES = 50 * 1024 * 1024;
/** Google News: at most 1,000 articles, from the last two days. */
export const NEWS_MAX_URLS = 1_000;
export const NEWS_WINDOW_MS = 2 * 86_400_000;

/** W3C Datetime in UTC to the second: `2026-11-30T10:48:12Z`. */
export function w3cDatetime(ms: number): string {
	const date = new Date(ms);
	date.setUTCMilliseconds(0);
	return date.toISOString().replace(".000Z", "Z");
}

export interface SitemapUrl {
	readonly loc: string;
	readonly lastmod?: number;
}

/** A `<urlset>`: one `<url>` per page with its `<lastmod>`. */
export function renderSitemap(urls: readonly SitemapUrl[]): string {
	return sitemapXml(
		element(
			"urlset",
			{ xmlns: SITEMAP_NAMESPACE },
			urls.map((url) => located("url", url)),
		),
	);
}

/** A `<sitemapindex>`: one `<sitemap>` per file with its `<lastmod>`. */
export function renderSitemapIndex(files: readonly SitemapUrl[]): string {
	return sitemapXml(
		element(
			"sitemapindex",
			{ xmlns: SITEMAP_NAMESPACE },
			files.map((file) => located("sitemap", file)),
		),
	);
}

/** `<url>` or `<sitemap>`: its `<loc>` and, when known, its `<lastmod>`. */
function located(name: string, url: SitemapUrl): XmlElement {
	return element(name, {}, [
		element("loc", {}, [url.loc]),
		...(url.lastmod === undefined ? [] : [element("lastmod", {}, [w3cDatetime(url.lastmod)])]),
	]);
}

function sitemapXml(root: XmlElement): string {
	return serializeXmlDocument(root, { encoding: "UTF-8", indent: "  " });
}

/** ISO 639 language of the publication (Google News: `nl`, `en`, but `zh-cn` and `zh-tw`). */
export function newsLanguage(language: string): string {
	const lower = language.toLowerCase();
	if (lower === "zh-tw" || lower === "zh-hant" || lower.startsWith("zh-hant-")) return "zh-tw";
	if (lower.startsWith("zh")) return "zh-cn";
	return lower.split("-")[0] ?? lower;
}

/**
 * The Google News sitemap: the articles of the last two days, newest first. With none, it lists
 * the home page alone, without news tags: a `<urlset>` must hold at least one `<url>`.
 */
export function renderNewsSitemap(site: Site, articles: readonly Article[]): string {
	const attributes = { xmlns: SITEMAP_NAMESPACE, "xmlns:news": NEWS_NAMESPACE };
	if (articles.length === 0) {
		return sitemapXml(
			element("urlset", attributes, [
				element("url", {}, [element("loc", {}, [absoluteUrl(site, sitePaths.home)])]),
			]),
		);
	}
	return sitemapXml(
		element(
			"urlset",
			attributes,
			articles.map((article) =>
				element("url", {}, [
					element("loc", {}, [absoluteUrl(site, sitePaths.article(article.slug))]),
					element("news:news", {}, [
						element("news:publication", {}, [
							element("news:name", {}, [site.title]),
							element("news:language", {}, [newsLanguage(article.language)]),
						]),
						element("news:publication_date", {}, [newsDate(article.published)]),
						element("news:title", {}, [article.headline]),
					]),
				]),
			),
		),
	);
}

/**
 * A publication date the News schema accepts (xsd:date or xsd:dateTime): the day or instant as
 * written; a date known only to the month or year gets the instant feeds use for it.
 */
export function newsDate(date: PublicationDate): string {
	if (date.precision === "instant" || date.precision === "day") return machineReadableDate(date);
	return w3cDatetime(date.instant.getTime());
}

/** robots.txt: everything may be crawled but previews; where the sitemaps are. */
export function renderRobots(site: Site, options: { readonly authors: boolean }): string {
	const sitemaps = [
		sitePaths.sitemap,
		sitePaths.newsSitemap,
		// Only while an author has a public article: an empty <urlset> is not a valid sitemap.
		...(options.authors ? [sitePaths.authorsSitemap] : []),
	];
	return `User-agent: *
Allow: /
Disallow: ${sitePaths.preview}

${sitemaps.map((path) => `Sitemap: ${absoluteUrl(site, path)}\n`).join("")}`;
}
