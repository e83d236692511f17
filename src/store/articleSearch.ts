/**
 * Searching the index (migrations/0008, searchIndex.ts): one page of the articles that match a query,
 * best first, with how many match. docs/search.md gives the design and the measured costs.
 *
 * Ranking is FTS5's bm25 with the column weights of RANK_WEIGHTS (headline above summary above
 * body), then the newer article first. bm25 scores every match and counts, for each phrase, every
 * article that holds it, so its cost grows with how common the query's words are. Two bounds keep
 * every query's cost fixed, whatever the size of the archive:
 *
 * - a query is ranked over the whole archive when each of its phrases holds a word found in fewer
 *   than SELECTIVE_BELOW articles (a phrase of one common word may join them): then it has fewer
 *   matches than that, and every count bm25 makes stops there too;
 * - any other query (every word common, a common phrase, any prefix) is ranked among the newest
 *   RECENT_ARTICLES articles only (`search_recent`), where every count is bounded by its size.
 *
 * One probe decides which: how many articles hold each word, counted up to SELECTIVE_BELOW.
 */
import {
	foldWord,
	MAX_QUERY_WORDS,
	type SearchPhrase,
	type SearchQuery,
} from "../content/searchQuery";
import { type ArticleRow, readArticleRow, type StoredArticle } from "./articleRows";
import { listStatement, prepare, statement } from "./statements";

/** A word found in fewer articles than this makes a query selective enough for the whole archive. */
export const SELECTIVE_BELOW = 1_000;

/**
 * bm25 weights of the columns (headline, summary, body, tags, authors): a word in the headline
 * counts eight times one in the body, in the summary (the lead paragraph, unless the editor wrote
 * one) four times, in a tag or an author's name twice.
 */
export const RANK_WEIGHTS = { headline: 8, summary: 4, body: 1, tags: 2, authors: 2 } as const;

const BM25_WEIGHTS = Object.values(RANK_WEIGHTS)
	.map((weight) => weight.toFixed(1))
	.join(", ");

/** An FTS5 string (FTS5 §3.1): the text inside double quotes, a quote doubled. Always data. */
function ftsString(text: string): string {
	return `"${text.replaceAll('"', '""')}"`;
}

/**
 * The FTS5 query for `phrases`: each a quoted string of its words, `*` after it for a prefix (FTS5
 * §3.3: the last token), all of them required. Built only from the words, never from the text typed.
 */
export function matchExpression(phrases: readonly SearchPhrase[]): string {
	return phrases
		.map((phrase) => `${ftsString(phrase.words.join(" "))}${phrase.prefix ? " *" : ""}`)
		.join(" AND ");
}

/** How many articles hold each of up to MAX_QUERY_WORDS words, counted up to ?1 each. */
const WORD_COUNTS = listStatement(
	"searchWordCounts",
	"request",
	(count) =>
		`SELECT ${Array.from(
			{ length: count },
			(_, i) =>
				`(SELECT count(*) FROM (SELECT 1 FROM search_archive WHERE search_archive MATCH ?${i + 2} LIMIT ?1)) AS n${i}`,
		).join(", ")}`,
	MAX_QUERY_WORDS,
	{ matchBound: "each word's MATCH stops at LIMIT ?1 (SELECTIVE_BELOW) rows" },
);

/** Which index a query is ranked in: the whole archive, or the newest articles. */
export type SearchScope = "archive" | "recent";

/**
 * Whether search_recent holds every indexed article (the oldest one is among the newest): then a
 * query ranked there has searched the whole archive. One row, read by search_documents_by_age.
 */
const HOLDS_ALL = "SELECT recent FROM search_documents ORDER BY published_at, slug LIMIT 1";

/**
 * One page of matches, best first, each row with how many match in all. From `search_archive` or
 * `search_recent`; with `section`, only the articles of that section (a lookup per match, so
 * bounded by the matches). The matches are ranked on the index and its ids alone; the articles'
 * documents are read for the page's rows only.
 */
function searchStatement(table: "search_archive" | "search_recent", section: boolean) {
	const inSection = (alias: string) =>
		section
			? `AND EXISTS (SELECT 1 FROM collection_members AS m
				WHERE m.kind = 'tag' AND m.segment = ?4 AND m.article = ${alias}.slug)`
			: "";
	const name = `search${table === "search_archive" ? "Archive" : "Recent"}${section ? "InSection" : ""}`;
	const matchBound =
		table === "search_recent"
			? "search_recent holds RECENT_ARTICLES articles (searchIndex.ts), so no MATCH yields more"
			: "run only for a query every phrase of which holds a word in fewer than SELECTIVE_BELOW articles (searchScope), so it matches fewer";
	// Ranked among the newest: whether those are every article, in the same call (HOLDS_ALL).
	const holdsAll = table === "search_recent" ? `, (${HOLDS_ALL}) AS holds_all` : "";
	return statement(
		name,
		"request",
		`SELECT a.slug, a.document, a.published_at, a.revised_at, r.total${holdsAll}
	FROM (
		SELECT d.slug, d.published_at, bm25(${table}, ${BM25_WEIGHTS}) AS score,
			(SELECT count(*) FROM ${table}${section ? ` CROSS JOIN search_documents AS e ON e.id = ${table}.rowid` : ""}
				WHERE ${table} MATCH ?1 ${inSection("e")}) AS total
		FROM ${table} CROSS JOIN search_documents AS d ON d.id = ${table}.rowid
		WHERE ${table} MATCH ?1 ${inSection("d")}
		ORDER BY score, d.published_at DESC, d.slug DESC LIMIT ?2 OFFSET ?3) AS r
	CROSS JOIN articles AS a ON a.slug = r.slug
	ORDER BY r.score, r.published_at DESC, r.slug DESC`,
		{ matchBound },
	);
}

const SEARCH = {
	archive: {
		all: searchStatement("search_archive", false),
		section: searchStatement("search_archive", true),
	},
	recent: {
		all: searchStatement("search_recent", false),
		section: searchStatement("search_recent", true),
	},
} as const;

/** HOLDS_ALL on its own, for a query that matched nothing among the newest (no row to carry it). */
const RECENT_HOLDS_ALL = statement("searchRecentHoldsAll", "request", HOLDS_ALL);

export interface SearchPage {
	/**
	 * What was searched: every public article (ranked over the archive, or over search_recent when
	 * that holds them all), or the newest RECENT_ARTICLES only.
	 */
	readonly scope: SearchScope;
	/** How many articles match in that scope. */
	readonly total: number;
	/** This page's articles, best first. */
	readonly articles: readonly StoredArticle[];
}

/**
 * The scope `query` is ranked in, given how many articles hold each of its words (capped at
 * SELECTIVE_BELOW). A prefix always goes to the newest articles: FTS5 gathers every word it
 * begins before it can rank or count any of them.
 */
export function searchScope(
	query: SearchQuery,
	articlesWith: ReadonlyMap<string, number>,
): SearchScope {
	if (query.phrases.some((phrase) => phrase.prefix)) return "recent";
	const rare = (phrase: SearchPhrase) =>
		phrase.words.some((word) => (articlesWith.get(foldWord(word)) ?? 0) < SELECTIVE_BELOW);
	const selective =
		query.phrases.some(rare) &&
		query.phrases.every((phrase) => rare(phrase) || phrase.words.length === 1);
	return selective ? "archive" : "recent";
}

/**
 * Page `page` (from 1) of `pageSize` articles matching `query`, optionally in the section
 * `section` (a tag's URL segment). A query without words matches nothing.
 */
export async function searchArticles(
	db: D1Database,
	query: SearchQuery,
	options: { readonly section?: string; readonly page: number; readonly pageSize: number },
): Promise<SearchPage> {
	const none = (scope: SearchScope): SearchPage => ({ scope, total: 0, articles: [] });
	if (query.phrases.length === 0) return none("archive");
	let scope: SearchScope = "recent";
	if (!query.phrases.some((phrase) => phrase.prefix)) {
		const words = [...new Map(query.phrases.flatMap((p) => p.words).map((w) => [foldWord(w), w]))];
		const row = await prepare(db, WORD_COUNTS, words.length)
			.bind(SELECTIVE_BELOW, ...words.map(([, word]) => ftsString(word)))
			.first<Record<string, number>>();
		const counts = new Map(words.map(([folded], i) => [folded, row?.[`n${i}`] ?? 0]));
		// A word no article holds: nothing can match, wherever it is ranked.
		if ([...counts.values()].some((count) => count === 0)) return none("archive");
		scope = searchScope(query, counts);
	}
	const { section, page, pageSize } = options;
	const search = SEARCH[scope][section === undefined ? "all" : "section"];
	const bound = [matchExpression(query.phrases), pageSize, (page - 1) * pageSize];
	const rows = await prepare(db, search)
		.bind(...bound, ...(section === undefined ? [] : [section]))
		.all<ArticleRow & { readonly total: number; readonly holds_all?: number | null }>();
	// An archive no larger than search_recent was searched whole, wherever the query was ranked.
	if (scope === "recent") {
		const [first] = rows.results;
		const holdsAll =
			first === undefined
				? await prepare(db, RECENT_HOLDS_ALL).first<number | null>("recent")
				: first.holds_all;
		if (holdsAll !== 0) scope = "archive";
	}
	return {
		scope,
		total: rows.results[0]?.total ?? 0,
		articles: rows.results.map(readArticleRow),
	};
}
