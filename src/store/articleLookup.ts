/**
 * One article by slug, as the public sees it at `now`: public, withdrawn (410), or nothing (404).
 * A scheduled article is "nothing" until its instant, exactly like a slug never published.
 */
import {
	ARTICLE_COLUMNS,
	type ArticleRow,
	readArticleRow,
	type StoredArticle,
} from "./articleRows";
import { prepare, statement } from "./statements";

export type ArticleLookup =
	| { readonly state: "public"; readonly stored: StoredArticle }
	| {
			readonly state: "withdrawn";
			/** When (ms), and the headline it had then (absent for withdrawals before migration 0007). */
			readonly at: number;
			readonly headline?: string;
	  }
	| { readonly state: "unknown" };

interface LookupRow extends Partial<ArticleRow> {
	readonly withdrawn_at: number | null;
	readonly withdrawn_headline: string | null;
}

// One round trip: the article row and the withdrawal record, either of which may be absent.
const LOOKUP = statement(
	"publicArticle",
	"request",
	`SELECT a.${ARTICLE_COLUMNS.split(", ").join(", a.")}, w.withdrawn_at,
		w.headline AS withdrawn_headline
	FROM (SELECT ?1 AS slug) AS wanted
	LEFT JOIN articles AS a ON a.slug = wanted.slug
	LEFT JOIN withdrawn AS w ON w.slug = wanted.slug`,
);

export async function publicArticle(
	db: D1Database,
	slug: string,
	now: number,
): Promise<ArticleLookup> {
	const row = await prepare(db, LOOKUP).bind(slug).first<LookupRow>();
	if (row?.document != null && row.published_at != null && row.published_at <= now) {
		return { state: "public", stored: readArticleRow(row as ArticleRow) };
	}
	if (row?.withdrawn_at != null) {
		return {
			state: "withdrawn",
			at: row.withdrawn_at,
			...(row.withdrawn_headline != null && { headline: row.withdrawn_headline }),
		};
	}
	return { state: "unknown" };
}

const ANY = statement(
	"storedArticle",
	"request",
	`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE slug = ?1`,
);

/** The article whether public or scheduled (for previews); undefined when there is none. */
export async function storedArticle(
	db: D1Database,
	slug: string,
): Promise<StoredArticle | undefined> {
	const row = await prepare(db, ANY).bind(slug).first<ArticleRow>();
	return row === null ? undefined : readArticleRow(row);
}
