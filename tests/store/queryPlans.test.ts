/**
 * The query catalogue (src/store/queryCatalog.ts) holds every statement that reaches D1, and every
 * statement in it has a plan fit for who runs it: a request's searches an index at any size (no
 * `SCAN <table>` without an index in SQLite's EXPLAIN QUERY PLAN); the cron's and the commands'
 * read a whole table only where the catalogue says why. The search index's FTS5 tables are
 * searched by MATCH or by rowid, never read whole, and every MATCH says why it yields a bounded
 * number of rows (tests/search/searchCost.test.ts measures that bound at scale).
 *
 * "Every statement" is checked three ways: the store's sources call D1 only through the catalogue's
 * `prepare`; running every command, the cron and every kind of request against a recording D1
 * binding sends D1 no text outside the catalogue; and every catalogued statement is run by one of
 * them, so the catalogue holds nothing dead.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { commitPlan } from "../../src/commands/applyPlan";
import { exportSite, holdsASite, restoreSite } from "../../src/commands/backupSite";
import { readContentFiles } from "../../src/commands/contentFiles";
import { importArchive, readArchive } from "../../src/commands/importArchive";
import { planPublish } from "../../src/commands/planPublish";
import { articleWrite, publishContent } from "../../src/commands/publishContent";
import { rebuildSearchIndex } from "../../src/commands/rebuildSearch";
import { withdrawArticles } from "../../src/commands/withdrawArticles";
import type { ContentEntry } from "../../src/content/articleSchema";
import { loadArticles } from "../../src/content/loadContent";
import type { Env } from "../../src/env";
import worker from "../../src/index";
import { forgetPreparedSites } from "../../src/publish/preparedSite";
import { sitePaths } from "../../src/site/siteUrls";
import { readPublishSnapshot } from "../../src/store/publishSnapshot";
import { discardImport } from "../../src/store/publishWrites";
import { QUERY_CATALOG } from "../../src/store/queryCatalog";
import { scheduledArticles } from "../../src/store/scheduledArticles";
import { indexReleases } from "../../src/store/searchIndex";
import { notifyReleases } from "../../src/websub/releaseNotifier";
import { entry } from "../fixtures/articleInputs";
import { advanceClock, startClock } from "../support/clock";
import { url } from "../support/site";
import { emptyStore, wipeStore } from "../support/store";

/** EXPLAIN QUERY PLAN of `sql`, every parameter bound to 1. */
async function plan(sql: string): Promise<string[]> {
	const parameters = [...new Set(sql.match(/\?\d+/g) ?? [])].length;
	const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
		.bind(...Array.from({ length: parameters }, () => 1))
		.all<{ detail: string }>();
	return results.map((row) => row.detail);
}

const TABLES =
	"articles|withdrawn|versions|import_staging|collections|collection_members|collections_to_renumber|websub_releases|websub_pending|search_documents|search_pending|search_rebuild_documents";

/**
 * A step on the search index's FTS5 tables (migrations/0008, and 0009's for a rebuild): `SCAN <table> VIRTUAL TABLE INDEX
 * n:<idx>`, where FTS5's idx string says what it searches by: `M` a full-text MATCH (the inverted
 * index), `=` one rowid, `<` `>` a range of rowids. With none of those it reads the whole index.
 * (Other virtual tables, json_each, walk one document's JSON.)
 */
const VIRTUAL =
	/^SCAN (?:search_archive|search_recent|search_rebuild_archive|search_rebuild_recent) VIRTUAL TABLE INDEX \d+:(.*)$/;
const virtualSteps = (steps: readonly string[]) =>
	steps.flatMap((step) => VIRTUAL.exec(step)?.[1] ?? []);
/** Virtual-table steps that read a whole FTS5 index. */
const wholeIndexReads = (steps: readonly string[]) =>
	virtualSteps(steps).filter((idx) => !/[M=]/.test(idx));
/** Full-text MATCH steps: they search the index, yielding as many rows as articles hold the words. */
const matches = (steps: readonly string[]) =>
	virtualSteps(steps).filter((idx) => idx.includes("M"));

/**
 * Plan steps that read a whole table without an index: `SCAN articles`. (`SCAN articles USING
 * INDEX ...` walks an index in order, and stops at a LIMIT; a SEARCH reads a range; a SCAN of a
 * subquery or CTE reads what an earlier step found.)
 */
const fullScans = (steps: readonly string[]) =>
	steps.filter((step) => new RegExp(`^SCAN (${TABLES})\\b(?!.*USING)`).test(step));

/** Plan steps that walk a whole table or index: what a `fullScan` reason excuses. */
const walks = (steps: readonly string[]) =>
	steps.filter((step) => new RegExp(`^SCAN (${TABLES})\\b`).test(step));

/** A D1 binding that records the text of every statement prepared through it. */
function recordingDb(db: D1Database): { readonly db: D1Database; readonly texts: Set<string> } {
	const texts = new Set<string>();
	const recording = new Proxy(db, {
		get(target, property) {
			if (property === "prepare") {
				return (sql: string) => {
					texts.add(sql);
					return target.prepare(sql);
				};
			}
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
	return { db: recording, texts };
}

const TOKEN = "a-long-random-preview-token-0123456789";
const HUB = "https://hub.example/websub";

const article = (slug: string, changes: Record<string, unknown> = {}): ContentEntry =>
	entry(`content/articles/${slug}.ts`, { slug, headline: `Artikel ${slug}`, ...changes });

/**
 * Runs every command, the cron and every kind of request on `db`, down every branch that sends a
 * statement of its own: appends and back-dated inserts, retagging and respelling, withdrawal and
 * restoring, imports (and a failed one), a lost publish race, a release, previews, oEmbed.
 */
async function exerciseEverything(db: D1Database): Promise<void> {
	const content = (await readContentFiles()).entries;
	const start = startClock();
	const publish = (entries: readonly ContentEntry[]) =>
		publishContent(db, entries, { now: Date.now() });
	// Appends to an empty store, then a back-dated article (renumbering) with a second section.
	const byline = { authors: [{ name: "Anna de Vries", handle: "@anna@nos.social" }] };
	await publish([...content, article("nieuw", { published: "2024-05-01", ...byline })]);
	await publish([
		...content,
		article("nieuw", { published: "2024-05-01", ...byline }),
		article("oud", { published: "2020-01-01", tags: ["test", "Archief"] }),
	]);
	// A respelling of a section (same URL, other key), a retagging, a withdrawal, then restoring it.
	await publish([
		...content,
		article("nieuw", { published: "2024-05-01", tags: ["tést"] }),
		article("oud", { published: "2020-01-01", tags: ["tést"] }),
	]);
	await publish(content);
	await publish([...content, article("nieuw", { published: "2024-05-01" })]);
	await publishContent(db, content, { now: Date.now(), dryRun: true });
	// A scheduled article, released a minute later.
	const instant = start + 60_000;
	await publish([
		...content,
		article("nieuw", { published: "2024-05-01" }),
		article("gepland", { published: new Date(instant).toISOString() }),
	]);
	await scheduledArticles(db, Date.now());
	// An import, imported again with a change, and one of its articles withdrawn.
	const input = (slug: string, changes: Record<string, unknown> = {}) =>
		JSON.stringify({ ...(article(slug).input as object), published: "2019-03-04", ...changes });
	const lines = [input("archief-1"), input("archief-2")];
	const archive = await readArchive("archief.ndjson", lines, Date.now());
	await importArchive(db, "archief.ndjson", archive.articles, archive.lines, { now: Date.now() });
	const changed = [input("archief-1"), input("archief-2", { headline: "Anders" })];
	const again = await readArchive("archief.ndjson", changed, Date.now());
	await importArchive(db, "archief.ndjson", again.articles, again.lines, { now: Date.now() });
	await withdrawArticles(db, ["archief-1"], { now: Date.now() });
	await db.batch([discardImport(db, "an-import-that-failed")]);
	// Two publishes planned on one snapshot: the second loses the race and asks the store why.
	const snapshot = await readPublishSnapshot(db, "content files", ["race-1", "race-2"]);
	for (const slug of ["race-1", "race-2"]) {
		const [validated] = loadArticles([article(slug)]);
		if (validated === undefined) throw new Error("fixture invalid");
		const planned = planPublish(snapshot, [await articleWrite(validated, slug)], Date.now());
		if (!planned.ok) throw new Error("plan failed");
		await commitPlan(db, { ...planned.value.plan, withdrawn: [] }).catch(() => undefined);
	}
	// Every kind of request, a cold isolate each round.
	advanceClock(instant - start + 30_000);
	forgetPreparedSites();
	const bindings: Env = { ...env, DB: db, PREVIEW_TOKEN: TOKEN, WEBSUB_HUB: HUB };
	const paths = [
		sitePaths.home,
		sitePaths.rss,
		sitePaths.atom,
		sitePaths.jsonFeed,
		sitePaths.rssArchive(1),
		sitePaths.article("nieuw"),
		sitePaths.fragment("nieuw"),
		sitePaths.embed("nieuw"),
		sitePaths.article("oud"),
		sitePaths.article("archief-1"),
		sitePaths.tag("test"),
		sitePaths.tagAtom("test"),
		sitePaths.author("anna-de-vries"),
		sitePaths.authorRss("anna-de-vries"),
		sitePaths.sitemap,
		sitePaths.sitemapPart(1),
		sitePaths.newsSitemap,
		sitePaths.authorsSitemap,
		sitePaths.robots,
		`${sitePaths.oembed}?url=${encodeURIComponent(url(sitePaths.article("nieuw")))}`,
	];
	for (const path of paths) await fetchWorker(bindings, new Request(url(path)));
	// Searches: the first indexes the release that came due (no cron has run yet); a rare word is
	// ranked over the archive, a prefix among the newest articles, each alone and in a section.
	const searches = [
		`${sitePaths.search}?q=Artikel`,
		`${sitePaths.searchJson}?q=Artikel&section=test`,
		`${sitePaths.search}?q=artik*`,
		`${sitePaths.searchJson}?q=artik*&section=test`,
		// A prefix no word has: nothing matches among the newest, so no row says whether they are all.
		`${sitePaths.search}?q=zzqx*`,
		sitePaths.openSearch,
	];
	for (const path of searches) await fetchWorker(bindings, new Request(url(path)));
	await fetchWorker(
		bindings,
		new Request(url(sitePaths.previewArticle("gepland")), {
			headers: { Authorization: `Bearer ${TOKEN}` },
		}),
	);
	// The cron: notices the release, queues its feeds, pings them: the first refused (retried
	// later) and so slow that the tick hands back the rest; the next tick pings those.
	let pings = 0;
	const hub = (async () => {
		if (pings++ > 0) return new Response(null, { status: 204 });
		advanceClock(56_000);
		return new Response(null, { status: 503 });
	}) as typeof fetch;
	const tick = Date.now();
	await notifyReleases(bindings, tick, hub);
	advanceClock(tick + 60_000 - Date.now());
	await notifyReleases(bindings, Date.now(), hub);
	// The cron's share of search: a release indexed at its instant, with nobody searching.
	const release = Date.now() + 60_000;
	await publish([
		...content,
		article("nieuw", { published: "2024-05-01" }),
		article("later", { published: new Date(release).toISOString() }),
	]);
	advanceClock(release - Date.now());
	await indexReleases(db, Date.now());
	// A rebuild of the whole index from the articles alone (docs/search.md).
	await rebuildSearchIndex(db, { now: Date.now() });
	// That release's feeds left for a hub that refuses, then a backup of all of it, restored into
	// the store emptied (docs/store.md): every table of a backup holds a row to read and write.
	await notifyReleases(
		bindings,
		Date.now(),
		(async () => new Response(null, { status: 503 })) as typeof fetch,
	);
	const backup: string[] = [];
	await exportSite(
		db,
		[],
		async () => ({ line: async (text) => void backup.push(text) }),
		Date.now(),
	);
	await holdsASite(db);
	await wipeStore();
	await restoreSite(db, backup, { now: Date.now() });
}

async function fetchWorker(bindings: Env, request: Request): Promise<void> {
	const ctx = createExecutionContext();
	const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], bindings, ctx);
	await response.arrayBuffer();
	await waitOnExecutionContext(ctx);
	expect(response.status, request.url).toBeLessThan(500);
}

const cataloged = new Set(QUERY_CATALOG.flatMap((query) => query.texts));

describe("the query catalogue", () => {
	let sent: ReadonlySet<string> = new Set();
	beforeAll(async () => {
		await emptyStore();
		const recording = recordingDb(env.DB);
		await exerciseEverything(recording.db);
		sent = recording.texts;
	});

	it("catalogs every request query and command statement", () => {
		expect(sent.size).toBeGreaterThan(20);
		expect([...sent].filter((sql) => !cataloged.has(sql))).toEqual([]);
	});

	it("holds no statement that no command, cron tick or request runs", () => {
		const unused = QUERY_CATALOG.filter((query) => !query.texts.some((sql) => sent.has(sql)));
		expect(unused.map((query) => query.name)).toEqual([]);
	});

	it("is the store's only way to D1: no source file in src/ prepares SQL of its own", () => {
		const sources = import.meta.glob("../../src/**/*.ts", {
			query: "?raw",
			import: "default",
			eager: true,
		});
		const preparing = Object.entries(sources)
			.filter(
				([file, text]) => /\.prepare\(/.test(String(text)) && !file.endsWith("/statements.ts"),
			)
			.map(([file]) => file);
		expect(Object.keys(sources).length).toBeGreaterThan(50);
		expect(preparing).toEqual([]);
	});

	it("names each statement once", () => {
		const names = QUERY_CATALOG.map((query) => query.name);
		expect(new Set(names).size).toBe(names.length);
	});
});

/** Statements with a plan: all but the schema changes of a rebuild's swap. */
const PLANNED = QUERY_CATALOG.filter((q) => q.schemaChange === undefined);

describe("query plans", () => {
	it("leaves out only statements that change the schema, run by commands, each saying why", () => {
		const changes = QUERY_CATALOG.filter((q) => q.schemaChange !== undefined);
		expect(changes.length).toBeGreaterThan(0);
		for (const change of changes) {
			expect(change.sql, change.name).toMatch(/^(?:CREATE|ALTER|DROP) /);
			expect(change.runBy, change.name).toBe("command");
			expect(change.schemaChange?.length ?? 0, change.name).toBeGreaterThan(20);
		}
		const unmarked = PLANNED.filter((q) => /^\s*(?:CREATE|ALTER|DROP) /i.test(q.sql));
		expect(unmarked.map((q) => q.name)).toEqual([]);
	});

	it.each(PLANNED.filter((q) => q.runBy === "request").map((q) => [q.name, q.sql]))(
		"%s (run on requests) searches an index and never scans a table",
		async (_, sql) => {
			const steps = await plan(sql);
			expect(steps.length).toBeGreaterThan(0);
			expect(fullScans(steps)).toEqual([]);
			expect(wholeIndexReads(steps)).toEqual([]);
			expect(
				steps.some((step) =>
					/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|PRIMARY KEY/.test(step),
				) || matches(steps).length > 0,
			).toBe(true);
		},
	);

	// A MATCH searches the full-text index, but how many rows it yields depends on how many articles
	// hold the words, which no plan shows. So, like a full scan, each one says why it is bounded:
	// a LIMIT, the size of search_recent, or the query being selective. searchCost.test.ts then
	// measures rows read at scale against those bounds.
	it.each(PLANNED.map((q) => [q.name, q.sql, q.matchBound]))(
		"%s says why each full-text MATCH in it is bounded, and only when it has one",
		async (_, sql, why) => {
			const steps = await plan(sql);
			expect(wholeIndexReads(steps)).toEqual([]);
			if (matches(steps).length === 0) expect(why).toBeUndefined();
			else expect(why?.length ?? 0).toBeGreaterThan(20);
		},
	);

	it.each(
		PLANNED.filter((q) => q.runBy !== "request").map((q) => [q.name, q.runBy, q.sql, q.fullScan]),
	)(
		"%s (run by the %s) scans a table only where the catalogue says why",
		async (_, _by, sql, why) => {
			const steps = await plan(sql);
			expect(wholeIndexReads(steps)).toEqual([]);
			if (why === undefined) expect(fullScans(steps)).toEqual([]);
			else {
				// An excuse for a walk of a whole table that no longer happens is stale: remove it.
				expect(walks(steps).length).toBeGreaterThan(0);
				expect(why.length).toBeGreaterThan(20);
			}
		},
	);
});
