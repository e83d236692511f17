/**
 * A rebuild of the search index from `articles` alone (migrations/0009): for an index that is ever
 * out of step with the articles, and for a store restored from a backup, which holds no index
 * (docs/search.md). src/commands/rebuildSearch.ts runs these statements in order:
 *
 * 1. the `search_rebuild_*` tables are emptied;
 * 2. the public articles are indexed into them REBUILD_CHUNK at a time, in (published_at, slug)
 *    order, one batch each: no statement reads or indexes more than that many articles, so none
 *    comes near D1's limit on a statement's duration, whatever the size of the archive. Searches go
 *    on reading the index in use meanwhile;
 * 3. the newest RECENT_ARTICLES of them get their rows in the new `search_recent` too;
 * 4. one batch, carrying the content version guard, swaps the two: the tables are renamed (the new
 *    index becomes the one in use, the old one takes its place in `search_rebuild_*`), their ids are
 *    copied into `search_documents`, and the articles after the rebuild's instant are queued. So the
 *    index is replaced whole or not at all; a rebuild that fails or is interrupted before the swap
 *    leaves the index in use as it was.
 * 5. the old index, now in `search_rebuild_*`, is emptied (step 1 of the next rebuild does it too).
 */
import { INDEXED_COLUMNS, INDEXED_TEXT, RECENT_ARTICLES } from "./searchIndex";
import { prepare, statement } from "./statements";

/** Articles indexed per batch: a few MB of text, well under a second of SQLite's work here. */
export const REBUILD_CHUNK = 1_000;

/** Where a rebuild has got to: the last article indexed, in (published_at, slug) order. */
export interface RebuildCursor {
	readonly publishedAt: number;
	readonly slug: string;
}

/** Before every article (published_at is ms since the epoch, well inside the safe integers). */
export const REBUILD_START: RebuildCursor = { publishedAt: Number.MIN_SAFE_INTEGER, slug: "" };

// Emptied by FTS5's own command and SQLite's truncation: no row is read.
const CLEAR = [
	statement(
		"searchRebuildClearArchive",
		"command",
		"INSERT INTO search_rebuild_archive (search_rebuild_archive) VALUES ('delete-all')",
	),
	statement(
		"searchRebuildClearRecent",
		"command",
		"INSERT INTO search_rebuild_recent (search_rebuild_recent) VALUES ('delete-all')",
	),
	statement("searchRebuildClearDocuments", "command", "DELETE FROM search_rebuild_documents"),
];

/** Empties the rebuild's tables: before a rebuild, and after one has swapped the old index in. */
export function clearRebuildStatements(db: D1Database): D1PreparedStatement[] {
	return CLEAR.map((clear) => prepare(db, clear));
}

// Positions are dense in (published_at, slug) order, so the newest public article's position is
// how many are public (store.md), and the articles after an instant are a range of the index.
const PUBLIC_COUNT = statement(
	"searchRebuildPublicCount",
	"command",
	`SELECT
	(SELECT position FROM articles WHERE published_at <= ?1
		ORDER BY published_at DESC, slug DESC LIMIT 1) AS public,
	(SELECT count(*) FROM articles WHERE published_at > ?1) AS scheduled`,
);

/** How many articles are public at `at` (ms), and how many are scheduled after it. */
export async function articleCounts(
	db: D1Database,
	at: number,
): Promise<{ readonly public: number; readonly scheduled: number }> {
	const row = await prepare(db, PUBLIC_COUNT)
		.bind(at)
		.first<{ public: number | null; scheduled: number }>();
	return { public: row?.public ?? 0, scheduled: row?.scheduled ?? 0 };
}

const CHUNK_END = statement(
	"searchRebuildChunkEnd",
	"command",
	`SELECT published_at, slug FROM (SELECT published_at, slug FROM articles
		WHERE published_at <= ?1 AND (published_at, slug) > (?2, ?3)
		ORDER BY published_at, slug LIMIT ?4)
	ORDER BY published_at DESC, slug DESC LIMIT 1`,
);

/**
 * The last article of the next chunk of REBUILD_CHUNK public articles (public at `at`) after
 * `after`, or undefined when none is left.
 */
export async function nextChunkEnd(
	db: D1Database,
	at: number,
	after: RebuildCursor,
): Promise<RebuildCursor | undefined> {
	const row = await prepare(db, CHUNK_END)
		.bind(at, after.publishedAt, after.slug, REBUILD_CHUNK)
		.first<{ published_at: number; slug: string }>();
	return row === null ? undefined : { publishedAt: row.published_at, slug: row.slug };
}

const IN_CHUNK = "(published_at, slug) > (?1, ?2) AND (published_at, slug) <= (?3, ?4)";
// A chunk's batch first removes what an earlier try of it may have written (a batch whose answer
// was lost may have committed), so trying it again is always safe.
const FORGET_CHUNK = [
	statement(
		"searchRebuildForgetChunkRows",
		"command",
		`DELETE FROM search_rebuild_archive
	WHERE rowid IN (SELECT id FROM search_rebuild_documents WHERE ${IN_CHUNK})`,
	),
	statement(
		"searchRebuildForgetChunkIds",
		"command",
		`DELETE FROM search_rebuild_documents WHERE ${IN_CHUNK}`,
	),
];
// Ids in (published_at, slug) order, so the index is written in rowid order, as FTS5 likes it.
const NUMBER_CHUNK = statement(
	"searchRebuildNumberChunk",
	"command",
	`INSERT INTO search_rebuild_documents (slug, published_at)
	SELECT slug, published_at FROM articles WHERE ${IN_CHUNK} ORDER BY published_at, slug`,
);
/** Indexes into `table` the articles of the new ids `d` that `where` picks. */
const indexInto = (table: string, where: string) =>
	`INSERT INTO ${table} (${INDEXED_COLUMNS})
	SELECT d.id, ${INDEXED_TEXT}
	FROM search_rebuild_documents AS d CROSS JOIN articles AS a ON a.slug = d.slug
	WHERE ${where}`;
const INDEX_CHUNK = statement(
	"searchRebuildIndexChunk",
	"command",
	indexInto(
		"search_rebuild_archive",
		"(d.published_at, d.slug) > (?1, ?2) AND (d.published_at, d.slug) <= (?3, ?4)",
	),
);

/** Indexes the articles after `after`, up to and including `last`, into the new index: one batch. */
export function indexChunkStatements(
	db: D1Database,
	after: RebuildCursor,
	last: RebuildCursor,
): D1PreparedStatement[] {
	const range = [after.publishedAt, after.slug, last.publishedAt, last.slug];
	return [...FORGET_CHUNK, NUMBER_CHUNK, INDEX_CHUNK].map((step) =>
		prepare(db, step).bind(...range),
	);
}

const NEWEST = `SELECT id FROM search_rebuild_documents ORDER BY published_at DESC, slug DESC LIMIT ?1`;
const ENTER_RECENT = statement(
	"searchRebuildEnterRecent",
	"command",
	indexInto("search_rebuild_recent", `d.id IN (${NEWEST})`),
);
const MARK_RECENT = statement(
	"searchRebuildMarkRecent",
	"command",
	`UPDATE search_rebuild_documents SET recent = 1 WHERE id IN (${NEWEST})`,
);

/** The newest RECENT_ARTICLES of the new index enter its `search_recent`: one batch. */
export function recentStatements(db: D1Database): D1PreparedStatement[] {
	return [ENTER_RECENT, MARK_RECENT].map((step) => prepare(db, step).bind(RECENT_ARTICLES));
}

// The swap. Each pair of FTS5 tables changes places by three renames (FTS5 renames its shadow
// tables with it); within the batch's transaction, so a search sees one index or the other.
const ROTATE = (["archive", "recent"] as const).flatMap((index) => {
	const [live, next, old] = [`search_${index}`, `search_rebuild_${index}`, `search_old_${index}`];
	const why = `the new ${index} index takes the place of ${live}, and the old one that of ${next}`;
	const rename = (from: string, to: string, step: string) =>
		statement(
			`searchSwap${index === "archive" ? "Archive" : "Recent"}${step}`,
			"command",
			`ALTER TABLE ${from} RENAME TO ${to}`,
			{
				schemaChange: why,
			},
		);
	return [rename(live, old, "Retire"), rename(next, live, "Promote"), rename(old, next, "Return")];
});
const CLEAR_DOCUMENTS = statement("searchSwapClearIds", "command", "DELETE FROM search_documents");
const COPY_DOCUMENTS = statement(
	"searchSwapCopyIds",
	"command",
	`INSERT INTO search_documents (id, slug, published_at, recent)
	SELECT id, slug, published_at, recent FROM search_rebuild_documents`,
	{ fullScan: "the swap copies every id the rebuild gave, one per public article" },
);
const CLEAR_PENDING = statement("searchSwapClearQueue", "command", "DELETE FROM search_pending");
const QUEUE_LATER = statement(
	"searchSwapQueueLater",
	"command",
	`INSERT INTO search_pending (slug, published_at)
	SELECT slug, published_at FROM articles WHERE published_at > ?1`,
);

/**
 * The swap of a rebuild of the articles public at `at` (ms): for one batch after the content
 * version guard. The articles after `at` are queued, as any command queues scheduled articles: the
 * cron (or a search) indexes each at its instant, including one whose instant passed during the
 * rebuild.
 */
export function swapStatements(db: D1Database, at: number): D1PreparedStatement[] {
	return [
		...ROTATE.map((rename) => prepare(db, rename)),
		prepare(db, CLEAR_DOCUMENTS),
		prepare(db, COPY_DOCUMENTS),
		prepare(db, CLEAR_PENDING),
		prepare(db, QUEUE_LATER).bind(at),
	];
}
