/**
 * What an isolate needs to know to decide whether its prepared documents are current: the content
 * version, how many articles are public now, when public content last changed, and when the next
 * scheduled article goes public, and whether search has articles to index. One statement of six
 * index lookups (plans in docs/performance.md); the isolate asks at most once per freshness interval (src/publish/).
 */
import { prepare, statement } from "./statements";
import { StoreError } from "./storeError";

export interface ContentState {
	/** The newest content version (0 before the first publish). */
	readonly version: number;
	/** Public articles, which hold positions 1..publicCount. */
	readonly publicCount: number;
	/**
	 * When public content last changed (ms): the newest version that changed public articles, or the
	 * newest release of a scheduled article, whichever is later. Listings' Last-Modified.
	 */
	readonly publicChangedAt: number;
	/** The next scheduled article's instant (ms), if one is waiting. */
	readonly nextReleaseAt: number | undefined;
	/**
	 * The earliest instant of an article not yet in the search index (ms): a scheduled one, or one
	 * whose release the cron has not indexed yet (a search indexes it first: preparedSite.ts).
	 */
	readonly searchQueuedAt: number | undefined;
}

interface StateRow {
	readonly version: number | null;
	readonly version_changed_at: number | null;
	readonly public_count: number | null;
	readonly newest_public_at: number | null;
	readonly next_release_at: number | null;
	readonly search_queued_at: number | null;
}

/** One statement, every part an index search (`npm run query-plans` shows its plan). */
const CONTENT_STATE = statement(
	"contentState",
	"request",
	`SELECT
	(SELECT max(id) FROM versions) AS version,
	(SELECT public_changed_at FROM versions
		WHERE id = (SELECT max(id) FROM versions)) AS version_changed_at,
	(SELECT position FROM articles WHERE published_at <= ?1
		ORDER BY published_at DESC, slug DESC LIMIT 1) AS public_count,
	(SELECT published_at FROM articles WHERE published_at <= ?1
		ORDER BY published_at DESC, slug DESC LIMIT 1) AS newest_public_at,
	(SELECT published_at FROM articles WHERE published_at > ?1
		ORDER BY published_at ASC LIMIT 1) AS next_release_at,
	(SELECT min(published_at) FROM search_pending) AS search_queued_at`,
);

/** The content state as of `now` (ms). */
export async function readContentState(db: D1Database, now: number): Promise<ContentState> {
	let row: StateRow | null;
	try {
		row = await prepare(db, CONTENT_STATE).bind(now).first<StateRow>();
	} catch (error) {
		throw new StoreError(
			`D1 content state unreadable (are the migrations applied? npm run db:migrate): ${String(error)}`,
		);
	}
	if (row === null) throw new StoreError("D1 content state query returned no row");
	return {
		version: row.version ?? 0,
		publicCount: row.public_count ?? 0,
		publicChangedAt: Math.max(row.version_changed_at ?? 0, row.newest_public_at ?? 0),
		nextReleaseAt: row.next_release_at ?? undefined,
		searchQueuedAt: row.search_queued_at ?? undefined,
	};
}

/** Two states name the same public content when version and public count agree. */
export function sameContent(a: ContentState, b: ContentState): boolean {
	return a.version === b.version && a.publicCount === b.publicCount;
}
