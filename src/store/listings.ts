/**
 * Runs of public articles by position (1 = oldest): the current feeds (the newest), the pages of
 * `/` and the RFC 5005 archive pages. Every listing is one range search on articles_by_position,
 * so its cost depends on the page size, never on the number of articles.
 */
import { ARTICLE_COLUMNS, readArticles, type StoredArticle } from "./articleRows";
import { prepare, statement } from "./statements";

const RANGE = statement(
	"articlesByPosition",
	"request",
	`SELECT ${ARTICLE_COLUMNS} FROM articles
	WHERE position > ?1 AND position <= ?2 ORDER BY position DESC`,
);

/** Articles at positions `first..last` (inclusive), newest first. */
export async function articlesByPosition(
	db: D1Database,
	first: number,
	last: number,
): Promise<StoredArticle[]> {
	if (last < first) return [];
	return readArticles(prepare(db, RANGE).bind(first - 1, last));
}

/**
 * The positions of the newest `count` of `publicCount` public articles after skipping `skip`
 * newer ones (public articles hold positions 1..publicCount): `[first, last]`, inclusive.
 */
export function newestPositions(publicCount: number, count: number, skip = 0): [number, number] {
	const last = publicCount - skip;
	return [Math.max(1, last - count + 1), last];
}

/** The newest `count` of the `publicCount` public articles, newest first (a feed, page 1 of `/`). */
export function newestArticles(
	db: D1Database,
	publicCount: number,
	count: number,
	skip = 0,
): Promise<StoredArticle[]> {
	return articlesByPosition(db, ...newestPositions(publicCount, count, skip));
}
