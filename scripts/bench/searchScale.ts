/**
 * Search at scale, for `npm run bench:scale`: for each query shape of a corpus (a common word, a
 * rare word, a phrase, a prefix: generateCorpus.ts), the latency of /search.json and /search in a
 * warm isolate, the rows D1 reads to answer it, and what the index takes on disk.
 *
 * The Worker keeps the answer to each normalised query (SEARCH_LIMITS), so asking the same query
 * twice would time a memory lookup. Each request therefore spells the query another way that
 * searches alike (case, and a diaeresis on a vowel: FTS5 folds both), so every one is answered
 * from D1, as a query the isolate has never seen.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { parseSearchQuery } from "../../src/content/searchQuery";
import { searchArticles } from "../../src/store/articleSearch";
import { openStore } from "../lib/d1Store";
import { percentile } from "./articlePages";
import type { CorpusQueries } from "./generateCorpus";
import type { LoadGenerator } from "./load";
import { meteredDb } from "./meteredDb";
import { d1PersistPath } from "./runtime";

export const SHAPES = ["common", "rare", "phrase", "prefix"] as const;
export type Shape = (typeof SHAPES)[number];

export interface Latency {
	readonly requests: number;
	readonly p50Ms: number | undefined;
	readonly p99Ms: number | undefined;
	readonly maxMs: number | undefined;
}

export interface SearchFigures {
	readonly shape: Shape;
	readonly query: string;
	/** Articles of the corpus that hold it (for a prefix: that hold its commonest word, at least). */
	readonly articles: number;
	/** Where it was ranked: the whole archive, or the newest articles (articleSearch.ts). */
	readonly scope: string;
	readonly total: number;
	/** D1's rows_read over every statement of one search (page 1). */
	readonly rowsRead: number;
	readonly json: Latency;
	readonly page: Latency;
}

const VOWELS: Readonly<Record<string, string>> = { a: "ä", e: "ë", i: "ï", o: "ö", u: "ü" };

/**
 * `count` spellings of `text` that FTS5 reads as the same query: each letter lower or upper case,
 * each vowel also with a diaeresis (unicode61 with remove_diacritics folds it away). The first is
 * `text` itself. A short text that has fewer such spellings gets them again with a trailing ` -`,
 * ` --`, ...: a run of hyphens holds no word, so the query is the same, but its normalised text
 * (the answers' cache key) is not.
 */
export function spellings(text: string, count: number): string[] {
	const choices = [...text].map((char) =>
		/\p{L}/u.test(char)
			? [
					char,
					char.toUpperCase(),
					...(VOWELS[char] ? [VOWELS[char], VOWELS[char].toUpperCase()] : []),
				]
			: [char],
	);
	const possible = choices.reduce((product, options) => product * options.length, 1);
	return Array.from({ length: count }, (_, n) => {
		let rest = n % possible;
		const round = Math.floor(n / possible);
		const spelled = choices
			.map((options) => {
				const choice = options[rest % options.length] ?? "";
				rest = Math.floor(rest / options.length);
				return choice;
			})
			.join("");
		return round === 0 ? spelled : `${spelled} ${"-".repeat(round)}`;
	});
}

/**
 * /search.json, then /search, for each shape: `warmup` requests, then `samples` timed, one after
 * another on one keep-alive connection, each a spelling not asked before; before any of them, every
 * shape `warmup` times on both routes. Every answer must be a 200.
 */
export async function searchLatencies(
	origin: string,
	queries: CorpusQueries,
	{
		warmup,
		samples,
		loadGenerator,
	}: { readonly warmup: number; readonly samples: number; readonly loadGenerator: LoadGenerator },
): Promise<Record<Shape, { json: Latency; page: Latency }>> {
	const ask = async (path: string, texts: readonly string[]) => {
		const urls = texts.map((q) => `${origin}${path}?${new URLSearchParams({ q })}`);
		const results = await loadGenerator.sequence(urls);
		const failed = results.findIndex((result) => result.status !== 200);
		if (failed !== -1) throw new Error(`${urls[failed]} answered ${results[failed]?.status}`);
		return results;
	};
	const timed = async (path: string, texts: readonly string[]): Promise<Latency> => {
		const ms = (await ask(path, texts)).slice(warmup).map((result) => result.ms);
		return {
			requests: ms.length,
			p50Ms: percentile(ms, 50),
			p99Ms: percentile(ms, 99),
			maxMs: Math.max(...ms),
		};
	};
	const each = warmup + samples;
	const asked = Object.fromEntries(
		SHAPES.map((shape) => [shape, spellings(queries[shape].text, 2 * each + 2 * warmup)]),
	) as Record<Shape, string[]>;
	// First every shape on both routes, `warmup` times each, with spellings not timed later: the
	// first shape timed does not pay alone for the index's first reads in this runtime.
	for (const shape of SHAPES) {
		const first = asked[shape].slice(2 * each);
		await ask("/search.json", first.slice(0, warmup));
		await ask("/search", first.slice(warmup));
	}
	const figures: Partial<Record<Shape, { json: Latency; page: Latency }>> = {};
	for (const shape of SHAPES) {
		const all = asked[shape];
		const json = await timed("/search.json", all.slice(0, each));
		const page = await timed("/search", all.slice(each, 2 * each));
		figures[shape] = { json, page };
	}
	return figures as Record<Shape, { json: Latency; page: Latency }>;
}

/**
 * What each shape's first page costs in D1, asked of the store in `persistTo` as the Worker asks
 * it (store/articleSearch.ts): rows read, where it is ranked, how many match. No Worker may be
 * running on the store.
 */
export async function searchCosts(
	persistTo: string,
	queries: CorpusQueries,
	pageSize: number,
): Promise<Record<Shape, { scope: string; total: number; rowsRead: number }>> {
	const store = await openStore({ persistTo });
	try {
		const costs: Partial<Record<Shape, { scope: string; total: number; rowsRead: number }>> = {};
		for (const shape of SHAPES) {
			const { db, rowsRead } = meteredDb(store.db);
			const found = await searchArticles(db, parseSearchQuery(queries[shape].text), {
				page: 1,
				pageSize,
			});
			costs[shape] = { scope: found.scope, total: found.total, rowsRead: rowsRead() };
		}
		return costs as Record<Shape, { scope: string; total: number; rowsRead: number }>;
	} finally {
		await store.close();
	}
}

/** Bytes of the search index and of the articles, in pages of the store's SQLite file. */
export interface IndexSize {
	/** Every search table (FTS5's own tables under them) and index: `search_%`. */
	readonly searchBytes: number;
	/** The `articles` table and its indexes, for scale. */
	readonly articleBytes: number;
}

/**
 * What the index takes on disk, from SQLite's dbstat (the pages of each table and index), read with
 * the `sqlite3` command-line shell, when it is installed, from the store's file (no Worker may be
 * running on it). Undefined without sqlite3.
 */
export function indexSize(persistTo: string): IndexSize | undefined {
	const directory = join(d1PersistPath(persistTo), "miniflare-D1DatabaseObject");
	const [file] = readdirSync(directory).filter(
		(name) => name.endsWith(".sqlite") && name !== "metadata.sqlite",
	);
	if (file === undefined) return undefined;
	let output: string;
	try {
		output = execFileSync(
			"sqlite3",
			[
				"-readonly",
				join(directory, file),
				`SELECT
					sum(CASE WHEN name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%' THEN pgsize END),
					sum(CASE WHEN name LIKE 'articles%' OR name = 'sqlite_autoindex_articles_1' THEN pgsize END)
				FROM dbstat`,
			],
			{ encoding: "utf8" },
		);
	} catch {
		return undefined;
	}
	const [searchBytes = Number.NaN, articleBytes = Number.NaN] = output
		.trim()
		.split("|")
		.map(Number);
	return { searchBytes, articleBytes };
}
