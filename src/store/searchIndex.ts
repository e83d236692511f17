/**
 * What enters and leaves the search index (migrations/0008_search.sql), as statements for the
 * batches that write articles: a publish, import or withdrawal changes the index in the same D1
 * batch as the articles, so the index and the site never disagree.
 *
 * Every article written goes to `search_pending` first; `indexDueStatements(at)` then moves the
 * pending articles whose instant is at or before `at` into the index. A command's batch ends with
 * it (its own clock), so public articles are searchable as soon as they are served; a scheduled one
 * stays pending, out of every index statistic, until its instant, when the cron (every minute), a
 * search (src/publish/preparedSite.ts) or the next command indexes it, whichever comes first.
 *
 * The index text is read from the stored document itself (INDEXED_TEXT), so a rebuild
 * (searchRebuild.ts) makes the whole index again from `articles` alone.
 */
import { prepare, statement } from "./statements";

/**
 * How many of the newest public articles `search_recent` holds: a query too common to rank over the
 * whole archive is ranked among them (store/articleSearch.ts, docs/search.md).
 */
export const RECENT_ARTICLES = 2_000;

/**
 * The indexed columns of the article `a` (headline, summary, body, tags, authors), from its stored
 * document: the summary is the lead paragraph unless the editor wrote one (articleDocument.ts stores
 * it only then); the body is every block's text and every caption, in order.
 */
export const INDEXED_TEXT = `json_extract(a.document, '$.headline'),
		coalesce(json_extract(a.document, '$.summary'),
			(SELECT json_extract(b.value, '$.text') FROM json_each(a.document, '$.body') AS b
				WHERE json_extract(b.value, '$.type') = 'paragraph' ORDER BY b.key LIMIT 1)),
		(SELECT group_concat(coalesce(json_extract(b.value, '$.text'), json_extract(b.value, '$.caption')), ' ' ORDER BY b.key)
			FROM json_each(a.document, '$.body') AS b),
		(SELECT group_concat(t.value, ' ' ORDER BY t.key) FROM json_each(a.document, '$.tags') AS t),
		(SELECT group_concat(json_extract(t.value, '$.name'), ' ' ORDER BY t.key)
			FROM json_each(a.document, '$.authors') AS t)`;

/** The columns of an index row: its id (search_documents.id) and the indexed fields. */
export const INDEXED_COLUMNS = "rowid, headline, summary, body, tags, authors";

// An article leaves the index before it changes or goes: its rows in both tables, its id, and its
// place in the queue if it was still waiting.
const FORGET_ARCHIVED = statement(
	"searchForgetArchived",
	"command",
	"DELETE FROM search_archive WHERE rowid = (SELECT id FROM search_documents WHERE slug = ?1)",
);
const FORGET_RECENT = statement(
	"searchForgetRecent",
	"command",
	"DELETE FROM search_recent WHERE rowid = (SELECT id FROM search_documents WHERE slug = ?1 AND recent = 1)",
);
const FORGET_DOCUMENT = statement(
	"searchForgetDocument",
	"command",
	"DELETE FROM search_documents WHERE slug = ?1",
);
const FORGET_PENDING = statement(
	"searchForgetPending",
	"command",
	"DELETE FROM search_pending WHERE slug = ?1",
);
const QUEUE = statement(
	"searchQueue",
	"command",
	"INSERT INTO search_pending (slug, published_at) SELECT slug, published_at FROM articles WHERE slug = ?1",
);

/** Takes the article `slug` out of the index (and the queue): before it is rewritten or withdrawn. */
export function forgetStatements(db: D1Database, slug: string): D1PreparedStatement[] {
	return [FORGET_ARCHIVED, FORGET_RECENT, FORGET_DOCUMENT, FORGET_PENDING].map((forget) =>
		prepare(db, forget).bind(slug),
	);
}

/** Queues the article `slug` as just written, for `indexDueStatements` to index at its instant. */
export function queueStatement(db: D1Database, slug: string): D1PreparedStatement {
	return prepare(db, QUEUE).bind(slug);
}

// The same for an import's staged rows (publishWrites.ts promotes them in one statement).
const STAGED_IDS = `SELECT d.id FROM search_documents AS d
	WHERE d.slug IN (SELECT slug FROM import_staging WHERE import_id = ?1)`;
const FORGET_STAGED_ARCHIVED = statement(
	"searchForgetStagedArchived",
	"command",
	`DELETE FROM search_archive WHERE rowid IN (${STAGED_IDS})`,
);
const FORGET_STAGED_RECENT = statement(
	"searchForgetStagedRecent",
	"command",
	`DELETE FROM search_recent WHERE rowid IN (${STAGED_IDS} AND d.recent = 1)`,
);
const FORGET_STAGED_DOCUMENTS = statement(
	"searchForgetStagedDocuments",
	"command",
	"DELETE FROM search_documents WHERE slug IN (SELECT slug FROM import_staging WHERE import_id = ?1)",
);
const QUEUE_STAGED = statement(
	"searchQueueStaged",
	"command",
	`INSERT INTO search_pending (slug, published_at) SELECT slug, published_at FROM import_staging
	WHERE import_id = ?1 ON CONFLICT (slug) DO UPDATE SET published_at = excluded.published_at`,
);

/** Takes an import's staged articles out of the index, before they are promoted. */
export function forgetStagedStatements(db: D1Database, importId: string): D1PreparedStatement[] {
	return [FORGET_STAGED_ARCHIVED, FORGET_STAGED_RECENT, FORGET_STAGED_DOCUMENTS].map((forget) =>
		prepare(db, forget).bind(importId),
	);
}

/** Queues an import's staged articles, for `indexDueStatements` at the end of the same batch. */
export function queueStagedStatement(db: D1Database, importId: string): D1PreparedStatement {
	return prepare(db, QUEUE_STAGED).bind(importId);
}

// Indexing: each due article gets an id (the next integer), its row in the archive, and leaves the
// queue. Run by commands, by the cron and by a search that finds a release not yet indexed.
const NUMBER_DUE = statement(
	"searchNumberDue",
	"request",
	`INSERT INTO search_documents (slug, published_at)
	SELECT slug, published_at FROM search_pending WHERE published_at <= ?1 ORDER BY published_at, slug`,
);
const ARCHIVE_DUE = statement(
	"searchArchiveDue",
	"request",
	`INSERT INTO search_archive (${INDEXED_COLUMNS})
	SELECT d.id, ${INDEXED_TEXT}
	FROM search_pending AS p
	CROSS JOIN search_documents AS d ON d.slug = p.slug
	CROSS JOIN articles AS a ON a.slug = p.slug
	WHERE p.published_at <= ?1`,
);
const UNQUEUE_DUE = statement(
	"searchUnqueueDue",
	"request",
	"DELETE FROM search_pending WHERE published_at <= ?1",
);

// search_recent holds the RECENT_ARTICLES newest indexed articles: after any change, the articles
// older than the newest RECENT_ARTICLES leave it and the newest ones not in it enter (after a
// withdrawal, the next older one). Each statement reads at most RECENT_ARTICLES rows by index.
const WINDOW = `WITH edge (published_at, slug) AS (
		SELECT * FROM (SELECT published_at, slug FROM search_documents
			ORDER BY published_at DESC, slug DESC LIMIT 1 OFFSET ?1 - 1)
		UNION ALL SELECT -9223372036854775808, '' LIMIT 1)`;
const LEAVE_RECENT = statement(
	"searchLeaveRecent",
	"request",
	`${WINDOW}
	DELETE FROM search_recent WHERE rowid IN (SELECT id FROM search_documents
		WHERE recent = 1 AND (published_at, slug) < (SELECT published_at, slug FROM edge))`,
);
const MARK_LEFT = statement(
	"searchMarkLeft",
	"request",
	`${WINDOW}
	UPDATE search_documents SET recent = 0
	WHERE recent = 1 AND (published_at, slug) < (SELECT published_at, slug FROM edge)`,
);
const ENTER_RECENT = statement(
	"searchEnterRecent",
	"request",
	`${WINDOW}
	INSERT INTO search_recent (${INDEXED_COLUMNS})
	SELECT d.id, ${INDEXED_TEXT}
	FROM search_documents AS d CROSS JOIN articles AS a ON a.slug = d.slug
	WHERE d.recent = 0 AND (d.published_at, d.slug) >= (SELECT published_at, slug FROM edge)`,
);
const MARK_ENTERED = statement(
	"searchMarkEntered",
	"request",
	`${WINDOW}
	UPDATE search_documents SET recent = 1
	WHERE recent = 0 AND (published_at, slug) >= (SELECT published_at, slug FROM edge)`,
);

/**
 * Indexes every queued article whose instant is at or before `at` (ms), and moves the window of
 * recent articles along: for the end of a batch that wrote articles, and for releases.
 */
export function indexDueStatements(db: D1Database, at: number): D1PreparedStatement[] {
	return [
		prepare(db, NUMBER_DUE).bind(at),
		prepare(db, ARCHIVE_DUE).bind(at),
		prepare(db, UNQUEUE_DUE).bind(at),
		...[LEAVE_RECENT, MARK_LEFT, ENTER_RECENT, MARK_ENTERED].map((step) =>
			prepare(db, step).bind(RECENT_ARTICLES),
		),
	];
}

const NEXT_DUE = statement(
	"searchNextDue",
	"request",
	"SELECT min(published_at) AS at FROM search_pending",
);

/**
 * Indexes the articles whose instant has come by `now` (ms), in one batch: what the cron does every
 * minute, and a search that finds a release not yet indexed. Returns whether anything was due.
 */
export async function indexReleases(db: D1Database, now: number): Promise<boolean> {
	const next = await prepare(db, NEXT_DUE).first<number | null>("at");
	if (next === null || next > now) return false;
	await db.batch(indexDueStatements(db, now));
	return true;
}
