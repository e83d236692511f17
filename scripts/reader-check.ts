/**
 * A real feed reader against the real Worker: starts `wrangler dev` on a free local port, lets
 * newsboat (Debian package `newsboat`, not JavaScript) subscribe to /feed.xml and /atom.xml with
 * `newsboat -x reload` and its own throw-away config, cache and urls files, then reads newsboat's
 * cache (sqlite3 CLI) and checks, for every item of the JSON Feed, that both subscriptions stored
 * the same title, link, date and author, and that every paragraph of the seed
 * (tests/fixtures/seed/nos-2023-07-asiel.txt) is in the stored text.
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
import { freePort, spawnGroup, wranglerDevOptions } from "./lib/localProcesses";
import { prepareLocalStore } from "./prepareLocalStore";

/** The JSON Feed fields compared with what newsboat stored. */
interface JsonFeed {
	readonly items: readonly {
		readonly id: string;
		readonly url: string;
		readonly title: string;
		readonly date_published: string;
		readonly authors: readonly { readonly name?: string }[];
	}[];
}

/** A row of newsboat's cache (`rss_item`), as `sqlite3 -json` prints it. */
interface StoredItem {
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

/** Starts wrangler dev on a store of its own in its own process group; waits until it answers. */
async function startWorker(port: number, persistTo: string): Promise<{ stop: () => void }> {
	const code = await prepareLocalStore({ persistTo });
	if (code !== 0) throw new Error("preparing the local store failed (see above)");
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

async function main(): Promise<number> {
	const seedText = await readFile(SEED, "utf8");
	const seedParagraphs = seedText
		.replace(/^\s*date \S+\s+/, "")
		.split(/\n\s*\n/)
		.map(collapse)
		.filter(Boolean);
	const seedDate = /^\s*date (\S+)/.exec(seedText)?.[1];

	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const work = await mkdtemp(join(tmpdir(), "edgewire-reader-"));
	const worker = await startWorker(port, join(work, "state"));
	const problems: string[] = [];
	try {
		const jsonFeed = (await (await fetch(`${origin}/feed.json`)).json()) as JsonFeed;
		const feeds = [`${origin}/feed.xml`, `${origin}/atom.xml`];
		await writeFile(join(work, "config"), "reload-threads 1\n");
		// One cache per subscription: newsboat keys items by guid across all feeds, and RSS and Atom
		// deliberately share ids, so one cache would keep each article once.
		const stored: StoredItem[] = [];
		const started = Date.now();
		for (const [i, feed] of feeds.entries()) {
			await writeFile(join(work, `urls-${i}`), `${feed}\n`);
			const cache = join(work, `cache-${i}.db`);
			await exec(
				"newsboat",
				["-x", "reload", "-u", join(work, `urls-${i}`), "-c", cache, "-C", join(work, "config")],
				{ timeout: READER_DEADLINE_MS, env: { ...process.env, HOME: work } },
			);
			const { stdout } = await exec(
				"sqlite3",
				[
					"-json",
					cache,
					"SELECT feedurl, title, url, guid, pubDate, author, content FROM rss_item",
				],
				{ timeout: 10_000 },
			);
			if (stdout.trim() !== "") stored.push(...(JSON.parse(stdout) as StoredItem[]));
		}
		console.log(
			`newsboat ${feeds.length} feeds, ${stored.length} items stored in ${Date.now() - started} ms`,
		);

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
				check("author", item.author, expected.authors[0]?.name);
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
	} finally {
		worker.stop();
		await rm(work, { recursive: true, force: true });
	}
	for (const problem of problems) console.error(`FAIL ${problem}`);
	console.log(
		problems.length === 0
			? "newsboat reads both feeds as published: 1 passed, 0 failed"
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
