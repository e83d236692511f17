#!/usr/bin/env node
/**
 * Writes synthetic corpora in the real content format: content/articles/<date>-<slug>.ts files,
 * each `export default {...} satisfies ArticleInput`, registered in content/articles/index.ts,
 * beside a copy of content/site.ts. Output goes to corpora/ (gitignored), never into content/.
 *
 *   node scripts/bench/generateCorpus.mjs [--sizes 100,1000,10000] [--out corpora]
 *
 * Text is drawn, with a seeded PRNG, from the seed article's own words, so it compresses about as
 * well as real news copy (not as well as one repeated paragraph would). Every article has its own
 * full timestamp, three hours apart, so no two Atom entries share an <updated>.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const SEED_ARTICLE = "content/articles/2023-07-kabinetsberaad-over-asiel.ts";
const TAGS = ["asiel", "kabinet", "politiek", "economie", "klimaat", "onderwijs", "zorg", "Europa"];
const START = Date.UTC(2015, 0, 1, 7, 0, 0);
const STEP_MS = 3 * 60 * 60 * 1000;

/** Mulberry32: small, fast and reproducible, so a corpus is the same on every machine. */
function prng(seed) {
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
const vocabulary = [...new Set(seedText.match(/\p{L}[\p{L}-]*/gu) ?? [])].filter(
	(word) => word.length > 1,
);

function corpus(size, random) {
	const pick = (list) => list[Math.floor(random() * list.length)];
	const words = (count) => Array.from({ length: count }, () => pick(vocabulary)).join(" ");
	const sentence = () => {
		const text = words(6 + Math.floor(random() * 14));
		return `${text[0].toUpperCase()}${text.slice(1)}.`;
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
		const body = [
			{ type: "paragraph", text: paragraph() },
			{ type: "heading", text: sentence().slice(0, -1) },
			...Array.from({ length: 2 + Math.floor(random() * 3) }, () => ({
				type: "paragraph",
				text: paragraph(),
			})),
			...(random() < 0.5
				? [{ type: "mediaCaption", media: "video", caption: sentence(), credit: "NOS" }]
				: []),
		];
		const input = {
			slug,
			headline: sentence().slice(0, -1),
			published,
			language: "nl",
			source: { name: "NOS", url: "https://nos.nl/" },
			tags: [...new Set([pick(TAGS), pick(TAGS)])],
			body,
		};
		return { file: `${local.slice(0, 10)}-${slug}.ts`, input };
	});
}

function articleModule(input) {
	return `import type { ArticleInput } from "../../src/content/articleSchema";

/** Synthetic article for scale benchmarks (scripts/bench/generateCorpus.mjs). */
export default ${JSON.stringify(input, null, "\t")} satisfies ArticleInput;
`;
}

function indexModule(articles) {
	const imports = articles.map(({ file }, i) => `import a${i} from "./${file.slice(0, -3)}";`);
	const entries = articles.map(
		({ file }, i) => `\t{ file: "content/articles/${file}", input: a${i} },`,
	);
	return `import type { ContentEntry } from "../../src/content/articleSchema";
${imports.join("\n")}

export const articleEntries: readonly ContentEntry[] = [
${entries.join("\n")}
];
`;
}

/** Writes one corpus of `size` articles under `dir` (its content/ folder is replaced). */
export function writeCorpus(size, dir) {
	const articles = corpus(size, prng(size));
	const content = join(dir, "content");
	rmSync(content, { recursive: true, force: true });
	mkdirSync(join(content, "articles"), { recursive: true });
	writeFileSync(join(content, "site.ts"), readFileSync("content/site.ts"));
	for (const { file, input } of articles) {
		writeFileSync(join(content, "articles", file), articleModule(input));
	}
	writeFileSync(join(content, "articles", "index.ts"), indexModule(articles));
	return { dir, articles: articles.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({
		options: {
			sizes: { type: "string", default: "100,1000,10000" },
			out: { type: "string", default: "corpora" },
		},
	});
	for (const size of values.sizes.split(",").map(Number)) {
		const { dir } = writeCorpus(size, join(values.out, String(size)));
		console.log(`${size} articles -> ${dir}/content`);
	}
}
