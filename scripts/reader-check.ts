/**
 * A real feed reader against the real Worker: starts `wrangler dev` on a free local port, lets
 * newsboat (Debian package `newsboat`, not JavaScript) subscribe to /feed.xml and /atom.xml with
 * `newsboat -x reload` and its own throw-away config, cache and urls files, then reads newsboat's
 * cache (sqlite3 CLI) and checks, for every item of the JSON Feed, that both subscriptions stored
 * the same title, link, date and byline, and that every paragraph of the seed
 * (tests/fixtures/seed/nos-2023-07-asiel.txt) is in the stored text.
 *
 * Then the two rules readers care about (issue 17): the content is published again with one
 * correction appended to an article's log (tests/fixtures/correctionCorpus.ts), newsboat reloads,
 * and the corrected article must be the same item (same row, guid, link, title and publication
 * date), updated (its text holds the correction, and it is unread again), while every other item
 * is exactly as it was, still read.
 *
 * Bounded (every step has a deadline), cleans up its processes and files, exits non-zero on any
 * mismatch.   npm run test:reader   (needs: apt-get install -y newsboat sqlite3)
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { readContentFiles } from "../src/commands/contentFiles";
import { publishContent } from "../src/commands/publishContent";
import {
	CORRECTED_SLUG,
	correctionCorpus,
	NEW_CORRECTION,
} from "../tests/fixtures/correctionCorpus";
import { withStore } from "./lib/d1Store";
import { freePort, spawnGroup, wranglerDevOptions } from "./lib/localProcesses";
import { prepareLocalStore } from "./prepareLocalStore";

/** The JSON Feed fields compared with what newsboat stored. */
interface JsonFeed {
	readonly items: readonly {
		readonly id: string;
		readonly url: string;
		readonly title: string;
		readonly date_published: string;
		readonly date_modified: string;
		readonly authors: readonly { readonly name?: string }[];
	}[];
}

/** A row of newsboat's cache (`rss_item`), as `sqlite3 -json` prints it. */
interface StoredItem {
	readonly id: number;
	readonly unread: number;
	readonly feedurl: string;
	readonly title: string;
	readonly url: string;
	readonly guid: string;
	readonly pubDate: number;
	readonly author: string;
	readonly content: string;
}

const exec = promisify(execFile);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SEED = resolve(repo, "tests/fixtures/seed/nos-2023-07-asiel.txt");
const START_DEADLINE_MS = 60_000;
const READER_DEADLINE_MS = 60_000;

/** Publishes `stage` of the correction corpus into the local store in `persistTo`. */
async function publishStage(persistTo: string, stage: "before" | "after"): Promise<void> {
	const files = await readContentFiles();
	await withStore({ persistTo }, (store) =>
		publishContent(store.db, correctionCorpus(files.entries, stage), { now: Date.now() }),
	);
}

/** Starts wrangler dev on a store of its own in its own process group; waits until it answers. */
async function startWorker(port: number, persistTo: string): Promise<{ stop: () => void }> {
	const code = await prepareLocalStore({ persistTo });
	if (code !== 0) throw new Error("preparing the local store failed (see above)");
	await publishStage(persistTo, "before");
	const { child, output, stop } = spawnGroup(
		"npx",
		["wrangler", "dev", ...wranglerDevOptions(port, { persistTo })],
		{ cwd: repo },
	);
	const deadline = Date.now() + START_DEADLINE_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) break;
		const status = await fetch(`http://127.0.0.1:${port}/feed.xml`).then(
			(response) => response.status,
			() => 0,
		);
		if (status === 200) return { stop };
		await new Promise((r) => setTimeout(r, 500));
	}
	stop();
	throw new Error(
		`wrangler dev did not serve /feed.xml within ${START_DEADLINE_MS / 1000}s:\n${output().slice(-3000)}`,
	);
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
const ENTITIES: Readonly<Record<string, string>> = {
	amp: "&",
	lt: "<",
	gt: ">",
	quot: '"',
	apos: "'",
	"#39": "'",
};
/** The text a reader shows of stored HTML: tags dropped (as block breaks), entities decoded. */
function htmlText(html: string): string {
	return collapse(
		html
			.replace(/<[^>]*>/g, " ")
			.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name] ?? ""),
	);
}

/** Reloads each feed into its own cache (unless `reloadFirst` is false) and reads every row. */
async function reload(
	work: string,
	feeds: readonly string[],
	{ reloadFirst = true } = {},
): Promise<StoredItem[]> {
	// One cache per subscription: newsboat keys items by guid across all feeds, and RSS and Atom
	// deliberately share ids, so one cache would keep each article once.
	const stored: StoredItem[] = [];
	for (const [i, feed] of feeds.entries()) {
		await writeFile(join(work, `urls-${i}`), `${feed}\n`);
		const cache = join(work, `cache-${i}.db`);
		if (reloadFirst) {
			await exec(
				"newsboat",
				["-x", "reload", "-u", join(work, `urls-${i}`), "-c", cache, "-C", join(work, "config")],
				{ timeout: READER_DEADLINE_MS, env: { ...process.env, HOME: work } },
			);
		}
		const { stdout } = await exec(
			"sqlite3",
			[
				"-json",
				cache,
				"SELECT id, unread, feedurl, title, url, guid, pubDate, author, content FROM rss_item ORDER BY id",
			],
			{ timeout: 10_000 },
		);
		if (stdout.trim() !== "") stored.push(...(JSON.parse(stdout) as StoredItem[]));
	}
	return stored;
}

/** Waits until the Worker serves the correction (isolates refresh every 15 s). */
async function servedCorrection(origin: string): Promise<void> {
	const want = new Date(NEW_CORRECTION.at).toISOString().replace(".000Z", "Z");
	const deadline = Date.now() + START_DEADLINE_MS;
	while (Date.now() < deadline) {
		const feed = (await (await fetch(`${origin}/feed.json`)).json()) as JsonFeed;
		const item = feed.items.find((candidate) =>
			candidate.url.endsWith(`/articles/${CORRECTED_SLUG}`),
		);
		if (item?.date_modified === want) return;
		await new Promise((r) => setTimeout(r, 1_000));
	}
	throw new Error(`the Worker did not serve the correction within ${START_DEADLINE_MS / 1000} s`);
}

/**
 * What newsboat keeps of a byline (newsboat 2.21): Atom's authors joined by ", "; of RSS's
 * dc:creators only the last, the source (a newsboat limit; the feed names every author).
 */
function storedByline(feed: string, names: readonly string[]): string | undefined {
	return feed.endsWith("/atom.xml") ? names.join(", ") : names[names.length - 1];
}

/** Every item as the JSON Feed says, and the seed verbatim, in both subscriptions. */
function publishedAsExpected(
	feeds: readonly string[],
	stored: readonly StoredItem[],
	jsonFeed: JsonFeed,
	seedText: string,
): string[] {
	const problems: string[] = [];
	const seedParagraphs = seedText
		.replace(/^\s*date \S+\s+/, "")
		.split(/\n\s*\n/)
		.map(collapse)
		.filter(Boolean);
	const seedDate = /^\s*date (\S+)/.exec(seedText)?.[1];
	for (const feed of feeds) {
		const items = stored.filter((item) => item.feedurl === feed);
		if (items.length !== jsonFeed.items.length) {
			problems.push(
				`${feed}: newsboat stored ${items.length} items, the JSON Feed has ${jsonFeed.items.length}`,
			);
		}
		for (const expected of jsonFeed.items) {
			const item = items.find((candidate) => candidate.url === expected.url);
			if (item === undefined) {
				problems.push(`${feed}: no item with link ${expected.url}`);
				continue;
			}
			const check = (field: string, actual: unknown, want: unknown) => {
				if (actual !== want)
					problems.push(
						`${feed} ${expected.url}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(want)}`,
					);
			};
			check("title", item.title, expected.title);
			// newsboat keeps whole seconds (and RSS has no more): compare to the second.
			check(
				"date",
				new Date(item.pubDate * 1000).toISOString(),
				new Date(Math.floor(Date.parse(expected.date_published) / 1000) * 1000).toISOString(),
			);
			const names = expected.authors.map((author) => author.name ?? "");
			check("author", item.author, storedByline(feed, names));
			check("guid", item.guid, expected.id);
		}
		// The seed article: every paragraph verbatim, and its July 2023 date.
		const first = seedParagraphs[0] ?? "";
		const seedItem = items.find((item) => htmlText(item.content).includes(first));
		if (seedItem === undefined) {
			problems.push(`${feed}: no stored item contains the seed's first paragraph`);
			continue;
		}
		const text = htmlText(seedItem.content);
		for (const paragraph of seedParagraphs) {
			if (!text.includes(paragraph))
				problems.push(`${feed}: seed paragraph missing: ${paragraph.slice(0, 60)}...`);
		}
		const date = new Date(seedItem.pubDate * 1000).toISOString();
		if (seedDate !== undefined && !date.startsWith(seedDate))
			problems.push(`${feed}: seed item dated ${date}, seed says ${seedDate}`);
		if (!/Bron: NOS/.test(text)) problems.push(`${feed}: the seed item does not credit NOS`);
	}
	return problems;
}

/**
 * The corrected article is the same row (id, guid, link, title, publication date), with the
 * correction in its text and unread again; every other row is exactly as it was, still read.
 * (newsboat keeps no update time, so "newer update time" is for the conformance suite's readers.)
 */
function correctedAsExpected(
	feeds: readonly string[],
	origin: string,
	before: readonly StoredItem[],
	after: readonly StoredItem[],
): string[] {
	const problems: string[] = [];
	const correctedUrl = `${origin}/articles/${CORRECTED_SLUG}`;
	for (const feed of feeds) {
		const was = before.filter((item) => item.feedurl === feed);
		const now = after.filter((item) => item.feedurl === feed);
		if (now.length !== was.length) {
			problems.push(`${feed}: ${was.length} items before the correction, ${now.length} after`);
		}
		for (const old of was) {
			const item = now.find((candidate) => candidate.id === old.id);
			if (item === undefined) {
				problems.push(`${feed}: the row of ${old.url} is gone after the correction`);
				continue;
			}
			if (old.url !== correctedUrl) {
				if (JSON.stringify(item) !== JSON.stringify(old))
					problems.push(`${feed}: ${old.url} changed although its article did not`);
				continue;
			}
			for (const field of ["guid", "url", "title", "pubDate"] as const) {
				if (item[field] !== old[field])
					problems.push(
						`${feed}: the corrected item's ${field} changed: ${old[field]} -> ${item[field]}`,
					);
			}
			if (!htmlText(item.content).includes(NEW_CORRECTION.note))
				problems.push(`${feed}: the corrected item's text lacks the correction`);
			if (item.unread !== 1) problems.push(`${feed}: the corrected item is not unread again`);
		}
		if (!was.some((item) => item.url === correctedUrl))
			problems.push(`${feed}: no item for ${correctedUrl}`);
	}
	return problems;
}

async function main(): Promise<number> {
	const seedText = await readFile(SEED, "utf8");
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const work = await mkdtemp(join(tmpdir(), "edgewire-reader-"));
	const state = join(work, "state");
	const worker = await startWorker(port, state);
	const problems: string[] = [];
	const feeds = [`${origin}/feed.xml`, `${origin}/atom.xml`];
	// newsboat marks an item unread again when its content changes (reset-unread-on-update).
	await writeFile(
		join(work, "config"),
		`reload-threads 1\nreset-unread-on-update ${feeds.map((feed) => `"${feed}"`).join(" ")}\n`,
	);
	try {
		const jsonFeed = (await (await fetch(`${origin}/feed.json`)).json()) as JsonFeed;
		const started = Date.now();
		const stored = await reload(work, feeds);
		console.log(
			`newsboat ${feeds.length} feeds, ${stored.length} items stored in ${Date.now() - started} ms`,
		);
		problems.push(...publishedAsExpected(feeds, stored, jsonFeed, seedText));

		// As if a person had read everything, then a correction is published.
		for (const i of feeds.keys()) {
			await exec("sqlite3", [join(work, `cache-${i}.db`), "UPDATE rss_item SET unread = 0"], {
				timeout: 10_000,
			});
		}
		const before = await reload(work, feeds, { reloadFirst: false });
		await publishStage(state, "after");
		await servedCorrection(origin);
		const after = await reload(work, feeds);
		problems.push(...correctedAsExpected(feeds, origin, before, after));
	} finally {
		worker.stop();
		await rm(work, { recursive: true, force: true });
	}
	for (const problem of problems) console.error(`FAIL ${problem}`);
	console.log(
		problems.length === 0
			? "newsboat reads both feeds as published, and a correction as the same item updated: 1 passed, 0 failed"
			: `${problems.length} problems: 0 passed, 1 failed`,
	);
	return problems.length === 0 ? 0 : 1;
}

await main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
