/**
 * What the sitemaps list (sitemaps.org; Google News sitemaps): every public article's URL with
 * its last change, by position ranges; and the articles of the last two days, for news.
 */
import { ARTICLE_COLUMNS, readArticles, type StoredArticle } from "./articleRows";
import { prepare, statement } from "./statements";

export interface SitemapEntry {
	readonly slug: string;
	/** When its page last changed (ms): its revision, or its release if later. */
	readonly changedAt: number;
}

const RANGE = statement(
	"sitemapEntries",
	"request",
	`SELECT slug, published_at, revised_at FROM articles
	WHERE position > ?1 AND position <= ?2 ORDER BY position`,
);

/** Articles at positions `first..last`, oldest first: one sitemap file's worth. */
export async function sitemapEntries(
	db: D1Database,
	first: number,
	last: number,
): Promise<SitemapEntry[]> {
	if (last < first) return [];
	const { results } = await prepare(db, RANGE)
		.bind(first - 1, last)
		.all<{ slug: string; published_at: number; revised_at: number }>();
	return results.map((row) => ({
		slug: row.slug,
		changedAt: Math.max(row.published_at, row.revised_at),
	}));
}

const RECENT = statement(
	"recentArticles",
	"request",
	`SELECT ${ARTICLE_COLUMNS} FROM articles
	WHERE published_at > ?1 AND published_at <= ?2
	ORDER BY published_at DESC, slug DESC LIMIT ?3`,
);

/** Public articles published after `since` (ms), newest first, at most `limit`. */
export async function recentArticles(
	db: D1Database,
	since: number,
	now: number,
	limit: number,
): Promise<StoredArticle[]> {
	return readArticles(prepare(db, RECENT).bind(since, now, limit));
}

const LAST_BEFORE = statement(
	"lastPublishedBefore",
	"request",
	`SELECT published_at FROM articles WHERE published_at <= ?1
	ORDER BY published_at DESC, slug DESC LIMIT 1`,
);

/** The newest publication instant at or before `instant` (ms), if any. */
export async function lastPublishedBefore(
	db: D1Database,
	instant: number,
): Promise<number | undefined> {
	const row = await prepare(db, LAST_BEFORE).bind(instant).first<{ published_at: number }>();
	return row?.published_at ?? undefined;
}
