/**
 * Sections by tag (migrations/0003): a section's name and public size, and runs of its public
 * articles by position (1 = its oldest). Like the site's listings, each is a search on an index,
 * so a page of a section of 30,000 articles costs what a page of one of 30 does.
 */
import { readArticles, type StoredArticle } from "./articleRows";
import { chunked, MAX_BOUND_PARAMETERS, placeholders } from "./boundParameters";
import { newestPositions } from "./listings";
import { listStatement, prepare, statement } from "./statements";

export interface Section {
	readonly slug: string;
	/** The spelling shown: that of its oldest article (docs/syndication.md, "Sections"). */
	readonly name: string;
	/** Public articles in the section, which hold its positions 1..publicCount. */
	readonly publicCount: number;
}

const SECTION = statement(
	"publicSection",
	"request",
	// The name is read from public rows only: nothing of a scheduled article shows before its instant.
	`SELECT t.slug,
	(SELECT name FROM article_tags WHERE tag = ?1 AND published_at <= ?2
		ORDER BY published_at, slug LIMIT 1) AS name,
	(SELECT position FROM article_tags WHERE tag = ?1 AND published_at <= ?2
		ORDER BY published_at DESC, slug DESC LIMIT 1) AS public_count
	FROM tags AS t WHERE t.slug = ?1`,
);

/** The section `slug` as the public sees it at `now`, or undefined when it has no public article. */
export async function publicSection(
	db: D1Database,
	slug: string,
	now: number,
): Promise<Section | undefined> {
	const row = await prepare(db, SECTION)
		.bind(slug, now)
		.first<{ slug: string; name: string | null; public_count: number | null }>();
	if (row === null || row.public_count === null || row.name === null) return undefined;
	return { slug: row.slug, name: row.name, publicCount: row.public_count };
}

const RANGE = statement(
	"sectionArticles",
	"request",
	`SELECT a.slug, a.document, a.published_at, a.revised_at
	FROM article_tags AS t JOIN articles AS a ON a.slug = t.slug
	WHERE t.tag = ?1 AND t.position > ?2 AND t.position <= ?3 ORDER BY t.position DESC`,
);

/** The section's articles at its positions `first..last` (inclusive), newest first. */
export async function sectionArticles(
	db: D1Database,
	tag: string,
	first: number,
	last: number,
): Promise<StoredArticle[]> {
	if (last < first) return [];
	return readArticles(prepare(db, RANGE).bind(tag, first - 1, last));
}

/** The newest `count` of the section's public articles, after skipping `skip` newer ones. */
export function newestInSection(
	db: D1Database,
	section: Section,
	count: number,
	skip = 0,
): Promise<StoredArticle[]> {
	return sectionArticles(db, section.slug, ...newestPositions(section.publicCount, count, skip));
}

const TAGS_OF = listStatement(
	"sectionsOf",
	"cron",
	(count) =>
		`SELECT DISTINCT tag FROM article_tags WHERE slug IN (${placeholders(count)}) ORDER BY tag`,
	MAX_BOUND_PARAMETERS,
);

/** The sections the articles `slugs` are in (their feeds change with them), sorted. */
export async function sectionsOf(db: D1Database, slugs: readonly string[]): Promise<string[]> {
	const tags = new Set<string>();
	for (const chunk of chunked(slugs)) {
		const { results } = await prepare(db, TAGS_OF, chunk.length)
			.bind(...chunk)
			.all<{ tag: string }>();
		for (const row of results) tags.add(row.tag);
	}
	return [...tags].sort();
}
