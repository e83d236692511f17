/**
 * The sitemaps and robots.txt, from the store: one `<urlset>` of the home page and every public
 * article while they fit in one sitemap file, else a `<sitemapindex>` of files of articles by
 * position; and the Google News sitemap of the last two days, which changes with the clock too.
 */

import {
	NEWS_MAX_URLS,
	NEWS_WINDOW_MS,
	renderNewsSitemap,
	renderRobots,
	renderSitemap,
	renderSitemapIndex,
	SITEMAP_MAX_URLS,
} from "../render/sitemaps";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { articlesOf } from "../store/articleRows";
import { publicCollections } from "../store/collectionListings";
import { lastPublishedBefore, recentArticles, sitemapEntries } from "../store/sitemapListings";
import type { DocumentOutcome, DocumentSource } from "./documentOutcome";

/**
 * How the sitemap is laid out: one file while the home page and every public article fit in one,
 * else an index of `parts` files of articles by position (the home page is linked from all).
 */
export function sitemapLayout(
	publicCount: number,
	maxUrls = SITEMAP_MAX_URLS,
): { readonly index: false } | { readonly index: true; readonly parts: number } {
	return publicCount + 1 <= maxUrls
		? { index: false }
		: { index: true, parts: Math.ceil(publicCount / maxUrls) };
}

/** `/sitemap.xml`: the urlset itself while one file holds everything, else the index. */
export async function loadSitemap(
	source: DocumentSource,
	maxUrls = SITEMAP_MAX_URLS,
): Promise<DocumentOutcome> {
	const { site, db, state } = source;
	const layout = sitemapLayout(state.publicCount, maxUrls);
	const lastModified = state.publicChangedAt;
	if (layout.index) {
		const authors = (await publicCollections(db, "author", source.now, 1)).length > 0;
		const parts = [
			...Array.from({ length: layout.parts }, (_, i) => sitePaths.sitemapPart(i + 1)),
			...(authors ? [sitePaths.authorsSitemap] : []),
		].map((path) => ({ loc: absoluteUrl(site, path), lastmod: lastModified }));
		return sitemapDocument(renderSitemapIndex(parts), lastModified);
	}
	const entries = await sitemapEntries(db, 1, state.publicCount);
	const urls = [
		{ loc: absoluteUrl(site, sitePaths.home), lastmod: lastModified },
		...entries.map((entry) => ({
			loc: absoluteUrl(site, sitePaths.article(entry.slug)),
			lastmod: entry.changedAt,
		})),
	];
	return sitemapDocument(renderSitemap(urls), lastModified);
}

/** `/sitemaps/<n>.xml`: articles at positions ((n-1)·max, n·max], only while an index exists. */
export async function loadSitemapPart(
	source: DocumentSource,
	part: number,
	maxUrls = SITEMAP_MAX_URLS,
): Promise<DocumentOutcome> {
	const { site, db, state } = source;
	const layout = sitemapLayout(state.publicCount, maxUrls);
	if (!layout.index || part > layout.parts) return { status: 404 };
	const first = (part - 1) * maxUrls + 1;
	const entries = await sitemapEntries(db, first, Math.min(state.publicCount, part * maxUrls));
	const urls = entries.map((entry) => ({
		loc: absoluteUrl(site, sitePaths.article(entry.slug)),
		lastmod: entry.changedAt,
	}));
	return sitemapDocument(renderSitemap(urls), state.publicChangedAt);
}

/**
 * `/news-sitemap.xml`: the public articles of the last two days. Its bytes change when content
 * changes and when an article ages out, so Last-Modified counts the latest age-out too, and the
 * prepared answer expires when the oldest listed article ages out.
 */
export async function loadNewsSitemap(source: DocumentSource): Promise<DocumentOutcome> {
	const { site, db, state, now } = source;
	const since = now - NEWS_WINDOW_MS;
	const recent = await recentArticles(db, since, now, NEWS_MAX_URLS);
	const agedOut = await lastPublishedBefore(db, since);
	const lastModified = Math.max(
		state.publicChangedAt,
		agedOut === undefined ? 0 : agedOut + NEWS_WINDOW_MS,
	);
	const oldest = recent.at(-1)?.article.published.instant.getTime();
	const body = renderNewsSitemap(site, articlesOf(recent));
	return {
		...sitemapDocument(body, lastModified),
		...(oldest !== undefined && { expiresAt: oldest + NEWS_WINDOW_MS }),
	};
}

/**
 * `/sitemaps/authors.xml`: the page of every author with a public article (at most
 * SITEMAP_MAX_URLS), each dated by their newest article. A scheduled article's author is not
 * listed before its instant.
 */
export async function loadAuthorsSitemap(source: DocumentSource): Promise<DocumentOutcome> {
	const { site, db, state, now } = source;
	const authors = await publicCollections(db, "author", now, SITEMAP_MAX_URLS);
	// No author with a public article: no such sitemap (an empty <urlset> is not a valid one).
	if (authors.length === 0) return { status: 404 };
	const urls = authors.map((author) => ({
		loc: absoluteUrl(site, sitePaths.author(author.segment)),
		lastmod: author.lastPublished,
	}));
	return sitemapDocument(renderSitemap(urls), state.publicChangedAt);
}

/** robots.txt: what may be crawled, and every sitemap that exists now. */
export async function loadRobots(source: DocumentSource): Promise<DocumentOutcome> {
	const authors = (await publicCollections(source.db, "author", source.now, 1)).length > 0;
	const body = renderRobots(source.site, { authors });
	return {
		status: 200,
		document: { kind: "robots", body, lastModified: source.state.publicChangedAt },
	};
}

function sitemapDocument(body: string, lastModified: number) {
	return { status: 200, document: { kind: "sitemap", body, lastModified } } as const;
}
