/**
 * RFC 5005 §4 archived feeds. The current feeds carry the newest `feedSize` articles; every
 * article also falls into a numbered archive page of `archivePageSize`, counted from the oldest
 * (page 1 holds positions 1..archivePageSize, the first articles ever published). Only full pages
 * are published, so a page's entries change only when an older article is withdrawn or a
 * back-dated one added. The newest, not yet full page has fewer than `archivePageSize` ≤
 * `feedSize` articles, all of which the current feed carries.
 */
import type { FeedHistory } from "../render/feedHistory";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";

/** How many full archive pages `publicCount` articles fill. */
export function archivePageCount(publicCount: number, pageSize: number): number {
	return Math.floor(publicCount / pageSize);
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
