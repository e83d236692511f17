#!/usr/bin/env node
/**
 * Writes synthetic archives in the import format: one ArticleInput as JSON per line
 * (`npm run import -- corpora/<size>.ndjson`). Output goes to corpora/ (gitignored).
 *
 *   npm run corpus -- [--sizes 1000,10000,100000] [--out corpora]
 *
 * Text is drawn, with a seeded PRNG, from the seed article's own words, so it compresses about as
 * well as real news copy (not as well as one repeated paragraph would). Every article has its own
 * full timestamp, 30 minutes apart from 2015 on (100,000 articles end in 2020), so no two Atom
 * entries share an <updated>.
 */
import { once } from "node:events";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { ArticleInput, Block } from "../../src/content/articleSchema";

const SEED_ARTICLE = "content/articles/2023-07-kabinetsberaad-over-asiel.ts";
const TAGS = ["asiel", "kabinet", "politiek", "economie", "klimaat", "onderwijs", "zorg", "Europa"];
const START = Date.UTC(2015, 0, 1, 7, 0, 0);
const STEP_MS = 30 * 60 * 1000;

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

// The words of the seed article's text (its long string literals), not of its code.
const seedText = [
	...readFileSync(SEED_ARTICLE, "utf8").matchAll(/"([^"\n]{60,})"|'([^'\n]{60,})'/g),
]
	.map((match) => match[1] ?? match[2])
	.join(" ");
// Words as people write them: the slug in the seed file is one long hyphenated "word", left out.
const vocabulary = [...new Set(seedText.match(/\p{L}[\p{L}-]*/gu) ?? [])].filter(
	(word) => word.length > 1 && word.length <= 20,
);

function corpus(size: number, random: () => number): { input: ArticleInput }[] {
	const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] ?? "";
	const words = (count: number) => Array.from({ length: count }, () => pick(vocabulary)).join(" ");
	const sentence = () => {
		const text = words(6 + Math.floor(random() * 14));
		return `${text.slice(0, 1).toUpperCase()}${text.slice(1)}.`;
	};
	const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 5) }, sentence).join(" ");
	return Array.from({ length: size }, (_, index) => {
		// Offsets alternate between +01:00 and +02:00, like Amsterdam's winter and summer time.
		const offsetHours = index % 2 === 0 ? 1 : 2;
		const instant = new Date(START + index * STEP_MS);
		const local = new Date(instant.getTime() + offsetHours * 3600_000).toISOString().slice(0, 19);
		const published = `${local}+0${offsetHours}:00`;
		const slug = `bericht-${index + 1}-${words(2)
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, "-")}`
			.replace(/-+/g, "-")
			.replace(/-$/, "");
		const body: ArticleInput["body"] = [
			{ type: "paragraph", text: paragraph() },
			{ type: "heading", text: sentence().slice(0, -1) },
			...Array.from(
				{ length: 2 + Math.floor(random() * 3) },
				(): Block => ({
					type: "paragraph",
					text: paragraph(),
				}),
			),
			...(random() < 0.5
				? [{ type: "mediaCaption", media: "video", caption: sentence(), credit: "NOS" } as const]
				: []),
		];
		const input: ArticleInput = {
			slug,
			headline: words(5 + Math.floor(random() * 8)).replace(/^./, (c) => c.toUpperCase()),
			published,
			language: "nl",
			source: { name: "NOS", url: "https://nos.nl/" },
			tags: [...new Set([pick(TAGS), pick(TAGS)])],
			body,
		};
		return { input };
	});
}

/** Writes an archive of `size` articles to `file` (NDJSON); resolves when it is on disk. */
export async function writeArchive(
	size: number,
	file: string,
): Promise<{ file: string; articles: number }> {
	mkdirSync(dirname(file), { recursive: true });
	const out = createWriteStream(file);
	for (const { input } of corpus(size, prng(size))) {
		if (!out.write(`${JSON.stringify(input)}\n`)) await once(out, "drain");
	}
	out.end();
	await once(out, "finish");
	return { file, articles: size };
}

if (process.argv[1] === import.meta.filename) {
	const { values } = parseArgs({
		options: {
			sizes: { type: "string", default: "1000,10000,100000" },
			out: { type: "string", default: "corpora" },
		},
	});
	for (const size of values.sizes.split(",").map(Number)) {
		const { file } = await writeArchive(size, join(values.out, `${size}.ndjson`));
		console.log(`${size} articles -> ${file}`);
	}
}
