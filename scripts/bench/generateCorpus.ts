#!/usr/bin/env node
/**
 * Writes synthetic archives in the import format: one ArticleInput as JSON per line
 * (`npm run import -- corpora/<size>.ndjson`), and beside each the search queries the scale bench
 * asks of it (`corpora/<size>.queries.json`). Output goes to corpora/ (gitignored).
 *
 *   npm run corpus -- [--sizes 1000,10000,100000] [--out corpora]
 *
 * Words are drawn, with a seeded PRNG, the way words occur in real copy: by Zipf's law (the word
 * of rank r about 1/r as often as the commonest), from the seed article's own words, commonest
 * first, followed by a long tail of Dutch-style compounds of two of its words (`asieloverleg`,
 * `kabinetspartijen`-like). A quarter of the time a word is followed by the word that follows it in
 * the seed text, so its phrases recur (`het kabinet`, `premier Rutte`). So a search finds what it
 * would in a real archive: `de` and `overleg` in most articles, a compound in a few, a phrase in
 * some. Every article has its own full timestamp, 30 minutes apart from 2015 on (100,000 articles
 * end in 2020), so no two Atom entries share an <updated>.
 */
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { ArticleInput, Block } from "../../src/content/articleSchema";
import { LIMITS } from "../../src/content/limits";

const SEED_ARTICLE = "content/articles/2023-07-kabinetsberaad-over-asiel.ts";
const TAGS = ["asiel", "kabinet", "politiek", "economie", "klimaat", "onderwijs", "zorg", "Europa"];
const START = Date.UTC(2015, 0, 1, 7, 0, 0);
const STEP_MS = 30 * 60 * 1000;
/** Changes whenever the text drawn changes: a corpus written by another version is written again. */
const GENERATOR = 2;
/** Compounds in the vocabulary's tail, after the seed article's own words. */
const COMPOUNDS = 30_000;
/** How often a word is followed by its successor in the seed text (a recurring phrase). */
const PHRASE_RATE = 0.25;

/** Mulberry32: small, fast and reproducible, so a corpus is the same on every machine. */
function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The seed article's words in text order, lower case: its long string literals, not its code. */
function seedWords(): string[] {
	const text = [...readFileSync(SEED_ARTICLE, "utf8").matchAll(/"([^"\n]{60,})"|'([^'\n]{60,})'/g)]
		.map((match) => match[1] ?? match[2])
		.join(" ");
	return (text.match(/\p{L}+/gu) ?? []).map((word) => word.toLowerCase());
}

interface Vocabulary {
	/** Every word, commonest first. */
	readonly words: readonly string[];
	/** Cumulative Zipf weights of `words`, for drawing by binary search. */
	readonly cumulative: Float64Array;
	/** Each seed word's successors in the seed text. */
	readonly next: ReadonlyMap<string, readonly string[]>;
}

function vocabulary(): Vocabulary {
	const seed = seedWords();
	const counts = new Map<string, number>();
	for (const word of seed) counts.set(word, (counts.get(word) ?? 0) + 1);
	// Commonest first; among equals, the one the seed uses first (Map keeps that order).
	const head = [...counts.keys()].filter((word) => word.length > 1);
	head.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
	const parts = head.filter((word) => word.length >= 4);
	const random = prng(GENERATOR);
	const compounds = new Set<string>();
	while (compounds.size < Math.min(COMPOUNDS, parts.length * (parts.length - 1))) {
		const first = parts[Math.floor(random() * parts.length)] ?? "";
		const second = parts[Math.floor(random() * parts.length)] ?? "";
		if (first !== second && !counts.has(first + second)) compounds.add(first + second);
	}
	const words = [...head, ...compounds];
	const cumulative = new Float64Array(words.length);
	let total = 0;
	words.forEach((_, rank) => {
		total += 1 / (rank + 1);
		cumulative[rank] = total;
	});
	const next = new Map<string, string[]>();
	seed.forEach((word, i) => {
		const following = seed[i + 1];
		if (following !== undefined) next.set(word, [...(next.get(word) ?? []), following]);
	});
	return { words, cumulative, next };
}

/** What the scale bench searches a corpus for: each query's text and how many articles hold it. */
export interface CorpusQueries {
	readonly generator: number;
	readonly articles: number;
	readonly common: CorpusQuery;
	readonly rare: CorpusQuery;
	readonly phrase: CorpusQuery;
	readonly prefix: CorpusQuery;
}

export interface CorpusQuery {
	readonly text: string;
	readonly articles: number;
}

/** Articles of a corpus, counting how many of them hold each word and each of the seed's phrases. */
function* corpus(
	size: number,
	random: () => number,
	{ words, cumulative, next }: Vocabulary,
	counted: { readonly words: Map<string, number>; readonly phrases: Map<string, number> },
): Generator<ArticleInput> {
	const total = cumulative[cumulative.length - 1] ?? 1;
	const zipf = () => {
		const target = random() * total;
		let [low, high] = [0, cumulative.length - 1];
		while (low < high) {
			const middle = (low + high) >>> 1;
			if ((cumulative[middle] ?? 0) < target) low = middle + 1;
			else high = middle;
		}
		return words[low] ?? "";
	};
	const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
	let drawn: string[] = [];
	/** `count` words, fewer if they would take more than `max` characters (a heading's limit). */
	const run = (count: number, max = Number.POSITIVE_INFINITY) => {
		const run: string[] = [];
		let length = -1;
		for (let i = 0; i < count; i++) {
			const previous = run.at(-1);
			const following = previous === undefined ? undefined : next.get(previous);
			const phrase = following !== undefined && random() < PHRASE_RATE;
			const word = (phrase ? pick(following) : undefined) ?? zipf();
			length += word.length + 1;
			if (length > max) break;
			run.push(word);
		}
		drawn.push(...run, "");
		return run.join(" ");
	};
	const sentence = (max?: number) => {
		const text = run(6 + Math.floor(random() * 14), max);
		return `${text.slice(0, 1).toUpperCase()}${text.slice(1)}.`;
	};
	const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 5) }, sentence).join(" ");
	for (let index = 0; index < size; index++) {
		drawn = [];
		// Offsets alternate between +01:00 and +02:00, like Amsterdam's winter and summer time.
		const offsetHours = index % 2 === 0 ? 1 : 2;
		const instant = new Date(START + index * STEP_MS);
		const local = new Date(instant.getTime() + offsetHours * 3600_000).toISOString().slice(0, 19);
		const published = `${local}+0${offsetHours}:00`;
		const slug = `bericht-${index + 1}-${[zipf(), zipf()].join("-")}`
			.replace(/[^a-z0-9]+/g, "-")
			.replace(/-+/g, "-")
			.replace(/-$/, "");
		const headline = run(5 + Math.floor(random() * 8), LIMITS.headline).replace(/^./, (c) =>
			c.toUpperCase(),
		);
		const body: ArticleInput["body"] = [
			{ type: "paragraph", text: paragraph() },
			{ type: "heading", text: sentence(LIMITS.heading).slice(0, -1) },
			...Array.from(
				{ length: 2 + Math.floor(random() * 3) },
				(): Block => ({ type: "paragraph", text: paragraph() }),
			),
			...(random() < 0.5
				? [{ type: "mediaCaption", media: "video", caption: sentence(), credit: "NOS" } as const]
				: []),
		];
		const tags = [...new Set([pick(TAGS) ?? "asiel", pick(TAGS) ?? "asiel"])];
		count(counted.words, new Set(drawn.filter((word) => word !== "")));
		const phrases = drawn.slice(1).flatMap((word, i) => {
			const previous = drawn[i] ?? "";
			return next.get(previous)?.includes(word) === true ? [`${previous} ${word}`] : [];
		});
		count(counted.phrases, new Set(phrases));
		yield {
			slug,
			headline,
			published,
			language: "nl",
			source: { name: "NOS", url: "https://nos.nl/" },
			tags,
			body,
		};
	}
}

function count(counts: Map<string, number>, keys: Iterable<string>): void {
	for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * The bench's queries, from how many articles hold each word and phrase: the commonest word of at
 * least seven letters (a content word, not `de`); a word held by about one article in a thousand
 * (at least one); the commonest seed phrase of two such words; the common word's first six letters
 * as a prefix. Long words, so that the bench can spell each many ways (scale.ts: every spelling is
 * a query the Worker has not answered yet).
 */
function corpusQueries(
	size: number,
	counted: { readonly words: Map<string, number>; readonly phrases: Map<string, number> },
	{ words }: Vocabulary,
): CorpusQueries {
	const held = (word: string) => counted.words.get(word) ?? 0;
	const long = (word: string) => word.length >= 7;
	const common = [...counted.words.keys()].filter(long).sort((a, b) => held(b) - held(a))[0] ?? "";
	const target = Math.max(1, Math.round(size / 1000));
	const rare =
		[...counted.words.keys()]
			.filter((word) => word.length >= 10)
			.sort((a, b) => Math.abs(held(a) - target) - Math.abs(held(b) - target))[0] ?? "";
	const phrase =
		[...counted.phrases.keys()]
			.filter((pair) => pair.split(" ").every((word) => word.length >= 3 && !word.includes("-")))
			.sort((a, b) => (counted.phrases.get(b) ?? 0) - (counted.phrases.get(a) ?? 0))[0] ?? "";
	const prefix = common.slice(0, 6);
	const prefixed = new Set(words.filter((word) => word.startsWith(prefix)));
	return {
		generator: GENERATOR,
		articles: size,
		common: { text: common, articles: held(common) },
		rare: { text: rare, articles: held(rare) },
		phrase: { text: `"${phrase}"`, articles: counted.phrases.get(phrase) ?? 0 },
		// At least as many as hold the commonest word it begins (the prefix's exact count is a search).
		prefix: {
			text: `${prefix}*`,
			articles: Math.max(...[...prefixed].map(held)),
		},
	};
}

/** Where the queries of the archive `file` are written. */
export function queriesFile(file: string): string {
	return file.replace(/\.ndjson$/, ".queries.json");
}

/**
 * The queries of an archive written by this generator, or undefined when the archive or its
 * queries are missing or were written by another version of it (then write it again).
 */
export function readCorpusQueries(file: string): CorpusQueries | undefined {
	const queries = queriesFile(file);
	if (!existsSync(file) || !existsSync(queries)) return undefined;
	const read = JSON.parse(readFileSync(queries, "utf8")) as Partial<CorpusQueries>;
	return read.generator === GENERATOR ? (read as CorpusQueries) : undefined;
}

/**
 * Writes an archive of `size` articles to `file` (NDJSON) and its queries beside it; resolves when
 * both are on disk.
 */
export async function writeArchive(size: number, file: string): Promise<CorpusQueries> {
	mkdirSync(dirname(file), { recursive: true });
	const out = createWriteStream(file);
	const words = vocabulary();
	const counted = { words: new Map<string, number>(), phrases: new Map<string, number>() };
	for (const input of corpus(size, prng(size), words, counted)) {
		if (!out.write(`${JSON.stringify(input)}\n`)) await once(out, "drain");
	}
	out.end();
	await once(out, "finish");
	const queries = corpusQueries(size, counted, words);
	writeFileSync(queriesFile(file), `${JSON.stringify(queries, null, 2)}\n`);
	return queries;
}

if (process.argv[1] === import.meta.filename) {
	const { values } = parseArgs({
		options: {
			sizes: { type: "string", default: "1000,10000,100000" },
			out: { type: "string", default: "corpora" },
		},
	});
	for (const size of values.sizes.split(",").map(Number)) {
		const file = join(values.out, `${size}.ndjson`);
		const queries = await writeArchive(size, file);
		const shown = (["common", "rare", "phrase", "prefix"] as const)
			.map((shape) => `${shape} ${queries[shape].text} (${queries[shape].articles})`)
			.join(", ");
		console.log(`${size} articles -> ${file}; ${shown}`);
	}
}
