/**
 * Sitemaps (https://www.sitemaps.org/protocol.html), the Google News sitemap extension
 * (https://www.google.com/schemas/sitemap-news/0.9) and robots.txt. Every URL is absolute and
 * entity-escaped; every date is a W3C Datetime.
 */
import type { Article } from "../content/articleSchema";
import { machineReadableDate, type PublicationDate } from "../content/publicationDate";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { escapeHtml } from "./html";

export const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";
/** sitemaps.org: at most 50,000 URLs and 50 MB (uncompressed) per file. */
export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_MAX_BYTES = 50 * 1024 * 1024;
/** Google News: at most 1,000 articles, from the last two days. */
export const NEWS_MAX_URLS = 1_000;
export const NEWS_WINDOW_MS = 2 * 86_400_000;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** W3C Datetime in UTC to the second: `2026-11-30T10:48:12Z`. */
export function w3cDatetime(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface SitemapUrl {
	readonly loc: string;
	readonly lastmod?: number;
}

/** A `<urlset>`: one `<url>` per page with its `<lastmod>`. */
export function renderSitemap(urls: readonly SitemapUrl[]): string {
	const entries = urls.map(
		(url) =>
			`  <url><loc>${escapeHtml(url.loc)}</loc>${url.lastmod === undefined ? "" : `<lastmod>${w3cDatetime(url.lastmod)}</lastmod>`}</url>`,
	);
	return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NAMESPACE}">\n${entries.join("\n")}\n</urlset>\n`;
}

/** A `<sitemapindex>`: one `<sitemap>` per file with its `<lastmod>`. */
export function renderSitemapIndex(files: readonly SitemapUrl[]): string {
	const entries = files.map(
		(file) =>
			`  <sitemap><loc>${escapeHtml(file.loc)}</loc>${file.lastmod === undefined ? "" : `<lastmod>${w3cDatetime(file.lastmod)}</lastmod>`}</sitemap>`,
	);
	return `${XML_DECLARATION}\n<sitemapindex xmlns="${SITEMAP_NAMESPACE}">\n${entries.join("\n")}\n</sitemapindex>\n`;
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
	if (articles.length === 0) {
		return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NAMESPACE}" xmlns:news="${NEWS_NAMESPACE}">\n  <url><loc>${escapeHtml(absoluteUrl(site, sitePaths.home))}</loc></url>\n</urlset>\n`;
	}
	const entries = articles.map(
		(article) => `  <url>
    <loc>${escapeHtml(absoluteUrl(site, sitePaths.article(article.slug)))}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeHtml(site.title)}</news:name>
        <news:language>${escapeHtml(newsLanguage(article.language))}</news:language>
      </news:publication>
      <news:publication_date>${escapeHtml(newsDate(article.published))}</news:publication_date>
      <news:title>${escapeHtml(article.headline)}</news:title>
    </news:news>
  </url>`,
	);
	return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NAMESPACE}" xmlns:news="${NEWS_NAMESPACE}">\n${entries.join("\n")}\n</urlset>\n`;
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
export function renderRobots(site: Site): string {
	return `User-agent: *
Allow: /
Disallow: ${sitePaths.preview}

Sitemap: ${absoluteUrl(site, sitePaths.sitemap)}
Sitemap: ${absoluteUrl(site, sitePaths.newsSitemap)}
`;
}
