/**
 * What a publish reads before it plans: the current version and the stored articles it may touch.
 * Read in one batch (one transaction), so the parts agree with each other; the version then
 * guards the writes (publishWrites.ts).
 */

import { type CollectionRef, collectionKey } from "../content/collections";
import { chunked, MAX_BOUND_PARAMETERS, placeholders } from "./boundParameters";
import { listStatement, prepare, statement } from "./statements";

/** A stored article as a publish compares it with content. */
export interface StoredSummary {
	readonly slug: string;
	readonly origin: string;
	readonly contentHash: string;
	readonly publishedAt: number;
}

export interface PublishSnapshot {
	readonly version: number;
	/** Rows in `articles`, public and scheduled: the highest position. */
	readonly count: number;
	/** The key of the highest position: a new article after it is a pure append. */
	readonly newest: { readonly publishedAt: number; readonly slug: string } | undefined;
	/** Stored articles by slug: every row from content files, and every row named in `slugs`. */
	readonly rows: ReadonlyMap<string, StoredSummary>;
	/** Of `slugs`, those withdrawn (their URL answers 410). */
	readonly withdrawn: ReadonlySet<string>;
	/**
	 * Stored collections (sections, authors' pages) by `collectionKey`, with their stored spelling:
	 * those named in `collections`.
	 */
	readonly collections: ReadonlyMap<string, string>;
}

interface SummaryRow {
	readonly slug: string;
	readonly origin: string;
	readonly content_hash: string;
	readonly published_at: number;
}

/** Origins of content files sort in [CONTENT_FILES, CONTENT_FILES_END): a range on the index. */
const CONTENT_FILES = "content/";
const CONTENT_FILES_END = "content0";

/** Whether a row's origin is a file of content/ (else an imported archive). */
export function isContentFile(origin: string): boolean {
	return origin.startsWith(CONTENT_FILES);
}

const VERSION = statement("latestVersion", "command", "SELECT max(id) AS id FROM versions");
const VERSION_EXISTS = statement(
	"versionExists",
	"command",
	"SELECT 1 AS taken FROM versions WHERE id = ?1",
);

/** The newest content version (0 before the first command). */
export async function latestVersion(db: D1Database): Promise<number> {
	return (await prepare(db, VERSION).first<number | null>("id")) ?? 0;
}

/**
 * Whether content version `id` exists: after a failed publish batch, whether another command
 * committed that version first (the version guard fired), as the store says it, not as an error
 * message words it.
 */
export async function versionExists(db: D1Database, id: number): Promise<boolean> {
	return (await prepare(db, VERSION_EXISTS).bind(id).first()) !== null;
}
const NEWEST = statement(
	"newestPosition",
	"command",
	"SELECT position, published_at, slug FROM articles ORDER BY position DESC LIMIT 1",
);
const FILE_ROWS = statement(
	"contentFileRows",
	"command",
	`SELECT slug, origin, content_hash, published_at FROM articles
	WHERE origin >= ?1 AND origin < ?2`,
);
const ALL_ROWS = statement(
	"allRows",
	"command",
	"SELECT slug, origin, content_hash, published_at FROM articles",
	{ fullScan: "an import compares every line with every stored article" },
);
const ALL_WITHDRAWN = statement("allWithdrawn", "command", "SELECT slug FROM withdrawn", {
	fullScan: "an import brings back any withdrawn slug it contains",
});
const ROWS_BY_SLUG = listStatement(
	"rowsBySlug",
	"command",
	(count) => `SELECT slug, origin, content_hash, published_at FROM articles
	WHERE slug IN (${placeholders(count)})`,
	MAX_BOUND_PARAMETERS,
);
const COLLECTIONS_BY_KEY = listStatement(
	"collectionsByKey",
	"command",
	(count) => `SELECT kind, segment, name FROM collections
	WHERE (kind, segment) IN (VALUES ${Array.from({ length: count }, (_, i) => `(${placeholders(2, 2 * i + 1)})`).join(", ")})`,
	MAX_BOUND_PARAMETERS / 2,
);

const WITHDRAWN_BY_SLUG = listStatement(
	"withdrawnBySlug",
	"command",
	(count) => `SELECT slug FROM withdrawn
	WHERE slug IN (${placeholders(count)})`,
	MAX_BOUND_PARAMETERS,
);

/**
 * Reads the snapshot: the rows of content files, or every row (`"all rows"`, for an import), plus
 * any row whose slug is in `slugs` (to find slugs owned elsewhere) and which of those are withdrawn.
 */
export async function readPublishSnapshot(
	db: D1Database,
	rowsOf: "content files" | "all rows",
	slugs: readonly string[],
	collections: readonly CollectionRef[] = [],
): Promise<PublishSnapshot> {
	// An import reads every row anyway; content files look up only the slugs they name.
	const chunks = rowsOf === "content files" ? chunked(slugs) : [];
	const distinct = new Map(
		collections.map((collection) => [collectionKey(collection), collection]),
	);
	const collectionChunks = chunked([...distinct.values()], COLLECTIONS_BY_KEY.maxCount);
	const statements = [
		...collectionChunks.map((chunk) =>
			prepare(db, COLLECTIONS_BY_KEY, chunk.length).bind(
				...chunk.flatMap((collection) => [collection.kind, collection.segment]),
			),
		),
		prepare(db, VERSION),
		prepare(db, NEWEST),
		rowsOf === "content files"
			? prepare(db, FILE_ROWS).bind(CONTENT_FILES, CONTENT_FILES_END)
			: prepare(db, ALL_ROWS),
		...chunks.map((chunk) => prepare(db, ROWS_BY_SLUG, chunk.length).bind(...chunk)),
		...(rowsOf === "all rows"
			? [prepare(db, ALL_WITHDRAWN)]
			: chunks.map((chunk) => prepare(db, WITHDRAWN_BY_SLUG, chunk.length).bind(...chunk))),
	];
	const results = await db.batch<Record<string, unknown>>(statements);
	const stored = new Map<string, string>();
	for (const result of results.splice(0, collectionChunks.length)) {
		for (const row of (result?.results ?? []) as unknown as (CollectionRef & { name: string })[]) {
			stored.set(collectionKey(row), row.name);
		}
	}
	const [version, newest, owned, ...rest] = results;
	const versionRow = version?.results[0] as { id: number } | undefined;
	const newestRow = newest?.results[0] as
		| { position: number; published_at: number; slug: string }
		| undefined;
	const rows = new Map<string, StoredSummary>();
	const summaryRows = [owned, ...rest.slice(0, chunks.length)];
	for (const result of summaryRows) {
		for (const row of (result?.results ?? []) as unknown as SummaryRow[]) {
			rows.set(row.slug, {
				slug: row.slug,
				origin: row.origin,
				contentHash: row.content_hash,
				publishedAt: row.published_at,
			});
		}
	}
	const withdrawn = new Set<string>();
	for (const result of rest.slice(chunks.length)) {
		// Rows of the withdrawn table: all of them for an import, the named slugs otherwise.
		for (const row of (result?.results ?? []) as unknown as { slug: string }[]) {
			withdrawn.add(row.slug);
		}
	}
	return {
		version: versionRow?.id ?? 0,
		count: newestRow?.position ?? 0,
		newest:
			newestRow === undefined
				? undefined
				: { publishedAt: newestRow.published_at, slug: newestRow.slug },
		rows,
		withdrawn,
		collections: stored,
	};
}

const MEMBERS = statement(
	"collectionMembers",
	"command",
	"SELECT article FROM collection_members WHERE kind = ?1 AND segment = ?2",
);

/** The articles in a collection (to tell whether a publish empties it of another spelling). */
export async function collectionMembers(
	db: D1Database,
	collection: CollectionRef,
): Promise<string[]> {
	const { results } = await prepare(db, MEMBERS)
		.bind(collection.kind, collection.segment)
		.all<{ article: string }>();
	return results.map((row) => row.article);
}

const DOCUMENTS = listStatement(
	"storedDocuments",
	"command",
	(count) => `SELECT slug, document FROM articles WHERE slug IN (${placeholders(count)})`,
	MAX_BOUND_PARAMETERS,
);

/** The stored documents of the articles `slugs` (for what a publish must keep of them). */
export async function storedDocuments(
	db: D1Database,
	slugs: readonly string[],
): Promise<Map<string, string>> {
	const documents = new Map<string, string>();
	// A thousand documents a round trip: a few MB at most, however many an import rewrites.
	for (const group of chunked(chunked(slugs), 10)) {
		const results = await db.batch<{ slug: string; document: string }>(
			group.map((chunk) => prepare(db, DOCUMENTS, chunk.length).bind(...chunk)),
		);
		for (const result of results) {
			for (const row of result.results) documents.set(row.slug, row.document);
		}
	}
	return documents;
}
