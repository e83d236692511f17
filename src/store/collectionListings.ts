/**
 * Collections of articles (migrations/0006): sections by tag and authors' pages. A collection's
 * public size, what it is called, and runs of its public articles by position (1 = its oldest).
 * Like the site's listings, each is a search on an index, so a page of a section of 30,000
 * articles costs what a page of one of 30 does. Everything is read from public rows only: nothing
 * a scheduled article carries shows before its instant.
 */
import type { Collection, CollectionKind, CollectionRef } from "../content/collections";
import { readArticles, type StoredArticle } from "./articleRows";
import { chunked, MAX_BOUND_PARAMETERS, placeholders } from "./boundParameters";
import { newestPositions } from "./listings";
import { listStatement, prepare, statement } from "./statements";

/** A section by tag. */
export type Section = Collection & { readonly kind: "tag" };

const SECTION = statement(
	"publicSection",
	"request",
	`SELECT
	(SELECT name FROM collection_members WHERE kind = 'tag' AND segment = ?1 AND published_at <= ?2
		ORDER BY published_at, article LIMIT 1) AS name,
	(SELECT position FROM collection_members WHERE kind = 'tag' AND segment = ?1 AND published_at <= ?2
		ORDER BY published_at DESC, article DESC LIMIT 1) AS public_count`,
);

const AUTHOR = statement(
	"publicAuthor",
	"request",
	`SELECT name, url, handle, position AS public_count FROM collection_members
	WHERE kind = 'author' AND segment = ?1 AND published_at <= ?2
	ORDER BY published_at DESC, article DESC LIMIT 1`,
);

interface CollectionRow {
	readonly name: string | null;
	readonly url?: string | null;
	readonly handle?: string | null;
	readonly public_count: number | null;
}

/** The collection as the public sees it at `now`, or undefined when it has no public article. */
export async function publicCollection(
	db: D1Database,
	kind: CollectionKind,
	segment: string,
	now: number,
): Promise<Collection | undefined> {
	const row = await prepare(db, kind === "tag" ? SECTION : AUTHOR)
		.bind(segment, now)
		.first<CollectionRow>();
	if (row === null || row.public_count === null || row.name === null) return undefined;
	return {
		kind,
		segment,
		name: row.name,
		...(row.url != null && { url: row.url }),
		...(row.handle != null && { handle: row.handle }),
		publicCount: row.public_count,
	};
}

const RANGE = statement(
	"collectionArticles",
	"request",
	`SELECT a.slug, a.document, a.published_at, a.revised_at
	FROM collection_members AS m JOIN articles AS a ON a.slug = m.article
	WHERE m.kind = ?1 AND m.segment = ?2 AND m.position > ?3 AND m.position <= ?4
	ORDER BY m.position DESC`,
);

/** The collection's articles at its positions `first..last` (inclusive), newest first. */
export async function collectionArticles(
	db: D1Database,
	collection: CollectionRef,
	first: number,
	last: number,
): Promise<StoredArticle[]> {
	if (last < first) return [];
	return readArticles(
		prepare(db, RANGE).bind(collection.kind, collection.segment, first - 1, last),
	);
}

/** The newest `count` of the collection's public articles, after skipping `skip` newer ones. */
export function newestInCollection(
	db: D1Database,
	collection: Collection,
	count: number,
	skip = 0,
): Promise<StoredArticle[]> {
	return collectionArticles(
		db,
		collection,
		...newestPositions(collection.publicCount, count, skip),
	);
}

const COLLECTIONS_OF = listStatement(
	"collectionsOf",
	"cron",
	(count) =>
		`SELECT DISTINCT kind, segment FROM collection_members WHERE article IN (${placeholders(count)})
	ORDER BY kind, segment`,
	MAX_BOUND_PARAMETERS,
);

/** The collections the articles `slugs` are in (their feeds change with them), sorted. */
export async function collectionsOf(
	db: D1Database,
	slugs: readonly string[],
): Promise<CollectionRef[]> {
	const found = new Map<string, CollectionRef>();
	for (const chunk of chunked(slugs)) {
		const { results } = await prepare(db, COLLECTIONS_OF, chunk.length)
			.bind(...chunk)
			.all<{ kind: CollectionKind; segment: string }>();
		for (const row of results) found.set(`${row.kind}:${row.segment}`, row);
	}
	return [...found.values()].sort(
		(a, b) => a.kind.localeCompare(b.kind) || a.segment.localeCompare(b.segment),
	);
}

const LIST = statement(
	"publicCollections",
	"request",
	`SELECT c.segment, c.name,
		(SELECT max(m.published_at) FROM collection_members AS m
			WHERE m.kind = c.kind AND m.segment = c.segment AND m.published_at <= ?2) AS last_published
	FROM collections AS c
	WHERE c.kind = ?1 AND EXISTS (SELECT 1 FROM collection_members AS m
		WHERE m.kind = c.kind AND m.segment = c.segment AND m.published_at <= ?2)
	ORDER BY c.segment LIMIT ?3`,
);

/** A collection in a list of them: its segment, its stored name, its newest public article (ms). */
export interface ListedCollection {
	readonly segment: string;
	readonly name: string;
	readonly lastPublished: number;
}

/**
 * The collections of `kind` with a public article at `now`, by URL segment, at most `limit`: what
 * the authors' sitemap and the feeds page list. A scheduled article's collection is not listed
 * before its instant.
 */
export async function publicCollections(
	db: D1Database,
	kind: CollectionKind,
	now: number,
	limit: number,
): Promise<ListedCollection[]> {
	const { results } = await prepare(db, LIST)
		.bind(kind, now, limit)
		.all<{ segment: string; name: string; last_published: number }>();
	return results.map((row) => ({
		segment: row.segment,
		name: row.name,
		lastPublished: row.last_published,
	}));
}
