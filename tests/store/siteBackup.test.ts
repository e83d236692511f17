/**
 * Backups as functions (src/commands/backupSite.ts, src/store/siteBackup.ts; the commands as
 * processes: tests/node/backup.test.ts). A backup holds every row of the site's tables and leaves
 * out only tables whose rows are made again or are not the site's; restored into an empty store, the
 * site answers every document and every search as before. A file cut short or made by another
 * version is refused, naming the line; an export that a publish overtakes is taken again.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { checkBackup, exportSite, holdsASite, restoreSite } from "../../src/commands/backupSite";
import { readContentFiles } from "../../src/commands/contentFiles";
import { forgetPreparedSites } from "../../src/publish/preparedSite";
import { sitePaths } from "../../src/site/siteUrls";
import { BACKUP_TABLES, LEFT_OUT_OF_BACKUPS } from "../../src/store/siteBackup";
import { notifyReleases } from "../../src/websub/releaseNotifier";
import { article, paragraph } from "../fixtures/searchArticles";
import { advanceClock, startClock } from "../support/clock";
import { searchPath, seen } from "../support/search";
import { emptyStore, publishEntries, wipeStore } from "../support/store";

const content = (await readContentFiles()).entries;

const withByline = article("met-auteur", {
	tags: ["Binnenland", "Verkeer"],
	authors: [{ name: "Fenna Hoogstraten", handle: "@fenna@nos.social" }],
	body: [paragraph("De veerpont vaart weer.")],
});
const plain = article("gewoon", { published: "2024-01-02", body: [paragraph("Een veerpont.")] });
const gone = article("verdwenen", { body: [paragraph("Over de zandmotor.")] });

/**
 * A site with a bit of everything a backup holds: sections and an author, a withdrawn article, a
 * release the cron has noticed with the hub still to be told, an article scheduled for later.
 */
async function buildSite(): Promise<void> {
	const start = Date.now();
	await publishEntries([...content, withByline, plain, gone]);
	const soon = article("vrijgegeven", {
		published: new Date(start + 60_000).toISOString(),
		body: [paragraph("De veerpont in de nacht.")],
	});
	const later = article("later", {
		published: new Date(start + 86_400_000).toISOString(),
		body: [paragraph("Het getijdenpark.")],
	});
	await publishEntries([...content, withByline, plain, soon, later]);
	advanceClock(61_000);
	const refusingHub = (async () => new Response(null, { status: 503 })) as typeof fetch;
	await notifyReleases(
		{ ...env, WEBSUB_HUB: "https://hub.example/websub" },
		Date.now(),
		refusingHub,
	);
	forgetPreparedSites();
}

const PATHS = [
	sitePaths.home,
	sitePaths.rss,
	sitePaths.atom,
	sitePaths.jsonFeed,
	sitePaths.article("met-auteur"),
	sitePaths.article("gewoon"),
	sitePaths.article("vrijgegeven"),
	sitePaths.article("verdwenen"),
	sitePaths.article("later"),
	sitePaths.tag("binnenland"),
	sitePaths.author("fenna-hoogstraten"),
	sitePaths.sitemap,
	searchPath("veerpont"),
	searchPath("veerpont", {}, "page"),
	searchPath("zandmotor"),
	searchPath("getijdenpark"),
	searchPath("hoogstraten"),
];

/** Exports the store; returns the file's lines and how many times the export was begun. */
async function exported(during?: (line: number) => Promise<void>) {
	let lines: string[] = [];
	let attempts = 0;
	const summary = await exportSite(
		env.DB,
		["0001_test.sql"],
		async () => {
			attempts++;
			lines = [];
			return {
				async line(text) {
					lines.push(text);
					await during?.(lines.length);
				},
			};
		},
		Date.now(),
	);
	return { lines, attempts, summary };
}

/** Every row of every table a backup holds, in rowid order. */
async function siteRows(): Promise<Record<string, unknown[]>> {
	const rows: Record<string, unknown[]> = {};
	for (const table of BACKUP_TABLES) {
		const { results } = await env.DB.prepare(
			`SELECT ${table.columns.join(", ")} FROM ${table.name} ORDER BY rowid`,
		).all();
		rows[table.name] = results;
	}
	return rows;
}

beforeEach(async () => {
	await emptyStore();
	startClock();
});

describe("a backup", () => {
	it("holds every table of the schema or says why not, with each table's columns", async () => {
		const { results } = await env.DB.prepare(
			"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
		).all<{ name: string }>();
		const names = results.map((row) => row.name);
		const undecided = names.filter(
			(name) =>
				!BACKUP_TABLES.some((table) => table.name === name) &&
				!LEFT_OUT_OF_BACKUPS.some(({ tables }) => tables.test(name)),
		);
		expect(undecided).toEqual([]);
		for (const table of BACKUP_TABLES) {
			expect(names).toContain(table.name);
			const { results: columns } = await env.DB.prepare(`PRAGMA table_info(${table.name})`).all<{
				name: string;
			}>();
			expect(columns.map((column) => column.name)).toEqual(table.columns);
		}
	});

	it("restored into an empty store, gives back every row, and the site answers every document and search as before", async () => {
		await buildSite();
		const rows = await siteRows();
		expect(rows.withdrawn).toHaveLength(1);
		expect(rows.websub_releases).toHaveLength(1);
		expect(rows.websub_pending?.length).toBeGreaterThan(0);
		const before = await Promise.all(PATHS.map(seen));
		const { lines, summary } = await exported();
		expect(summary.rows.articles).toBe(rows.articles?.length);

		await wipeStore();
		expect(await holdsASite(env.DB)).toBe(false);
		await checkBackup("site.ndjson", lines);
		const version = await restoreSite(env.DB, lines, { now: Date.now() });
		forgetPreparedSites();
		// The rows of the site, and one more content version: the search index's rebuild.
		const restored = await siteRows();
		expect(restored.versions).toEqual([
			...(rows.versions ?? []),
			expect.objectContaining({ id: version, command: "search-rebuild", added: 0 }),
		]);
		expect({ ...restored, versions: [] }).toEqual({ ...rows, versions: [] });
		expect(await Promise.all(PATHS.map(seen))).toEqual(before);
	});

	it("is taken again when a publish commits during it: a backup is of one content version", async () => {
		await publishEntries([...content, plain]);
		let published = false;
		const { lines, attempts, summary } = await exported(async (line) => {
			if (published || line !== 3) return;
			published = true;
			await publishEntries([...content, plain, withByline]);
		});
		expect(attempts).toBe(2);
		expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ contentVersion: summary.contentVersion });
		expect(lines.some((line) => line.startsWith('["articles",["met-auteur"'))).toBe(true);
	});

	it("is refused when cut short, made with other tables, or not a backup, naming each line", async () => {
		await publishEntries([...content, plain]);
		const { lines } = await exported();
		const problems = async (changed: readonly string[]) =>
			checkBackup("b.ndjson", changed).then(
				() => [],
				(error: { problems: { file: string; path: string; message: string }[] }) =>
					error.problems.map(({ file, path, message }) => `${file}: ${path}: ${message}`),
			);
		expect(await problems(lines)).toEqual([]);
		expect(await problems(lines.slice(0, -2))).toEqual([
			expect.stringMatching(new RegExp(`^b.ndjson:${lines.length - 2}: \\(file\\): .*cut short`)),
		]);
		const header = JSON.parse(lines[0] ?? "{}");
		header.tables[1].columns.push("paywall");
		expect(await problems([JSON.stringify(header), ...lines.slice(1)])).toEqual([
			expect.stringMatching(/^b.ndjson:1: tables\.articles: has columns .*paywall; this version/),
		]);
		const row = lines.findIndex((line) => line.startsWith('["articles"'));
		const broken = [...lines];
		broken.splice(row, 2, '["articles",["te-kort"]]', "{ kapot");
		expect(await problems(broken)).toEqual([
			`b.ndjson:${row + 1}: (row): expected ["articles", [7 values]]`,
			`b.ndjson:${row + 2}: (line): is not JSON`,
			`b.ndjson:${lines.length}: end.articles: says 2 rows; the file holds 0`,
		]);
		expect(await problems(['{"slug":"geen-backup"}'])).toEqual([
			expect.stringMatching(/^b.ndjson:1: format: expected "edgewire-backup\/1"/),
		]);
	});

	it("is restored only into a store that holds none of a site", async () => {
		await wipeStore();
		expect(await holdsASite(env.DB)).toBe(false);
		await publishEntries(content);
		expect(await holdsASite(env.DB)).toBe(true);
	});
});
