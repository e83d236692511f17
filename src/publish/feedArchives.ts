/**
 * RFC 5005 §4 archived feeds. The current feeds carry the newest `feedSize` articles; every
 * article also falls into a numbered archive page of `archivePageSize`, counted from the oldest
 * (page 1 holds the first articles ever published). Only full pages are published: a page's set
 * of entries then never changes, so its URL can be cached for long. The newest, not yet full page
 * has fewer than `archivePageSize` ≤ `feedSize` articles, all of which the current feed carries.
 */
import type { Article } from "../content/articleSchema";
import type { FeedHistory } from "../render/feedHistory";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";

/** One full archive page: its number (1 = oldest) and its articles, newest first. */
export interface ArchivePage {
	readonly number: number;
	readonly articles: readonly Article[];
}

/** The full archive pages of `articles` (given newest first, as `loadArticles` returns them). */
export function archivePages(articles: readonly Article[], pageSize: number): ArchivePage[] {
	const oldestFirst = [...articles].reverse();
	const full = Math.floor(oldestFirst.length / pageSize);
	return Array.from({ length: full }, (_, index) => ({
		number: index + 1,
		articles: oldestFirst.slice(index * pageSize, (index + 1) * pageSize).reverse(),
	}));
}

export type ArchiveFormat = "rss" | "atom";

const PATHS = {
	rss: { current: sitePaths.rss, archive: sitePaths.rssArchive },
	atom: { current: sitePaths.atom, archive: sitePaths.atomArchive },
} as const;

export function archivePath(format: ArchiveFormat, page: number): string {
	return PATHS[format].archive(page);
}

/** The current feed's history: a prev-archive link to the newest full page, if there is one. */
export function currentFeedHistory(site: Site, format: ArchiveFormat, pages: number): FeedHistory {
	return pages === 0 ? {} : { prevArchive: absoluteUrl(site, archivePath(format, pages)) };
}

/**
 * An archive page's history: its own URL, the current feed, and its neighbours. next-archive is
 * added to the newest page once the page after it fills; its entries never change.
 */
export function archiveHistory(
	site: Site,
	format: ArchiveFormat,
	page: number,
	pages: number,
): FeedHistory {
	return {
		archive: {
			self: absoluteUrl(site, archivePath(format, page)),
			current: absoluteUrl(site, PATHS[format].current),
		},
		...(page > 1 && { prevArchive: absoluteUrl(site, archivePath(format, page - 1)) }),
		...(page < pages && { nextArchive: absoluteUrl(site, archivePath(format, page + 1)) }),
	};
}
