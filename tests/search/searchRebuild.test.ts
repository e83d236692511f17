/**
 * `npm run search:rebuild` as a function (src/commands/rebuildSearch.ts): the whole index made
 * again from the articles alone, beside the one in use, and swapped in whole. An index out of step
 * (emptied, or holding what the articles no longer say) answers as it should again; searches read
 * the old index until the swap; a rebuild interrupted before it changes nothing a search sees; one
 * that a publish overtakes starts over and holds that publish; the schema is as the migrations
 * made it.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { rebuildSearchIndex } from "../../src/commands/rebuildSearch";
import { forgetPreparedSites } from "../../src/publish/preparedSite";
import { article, everyField, paragraph } from "../fixtures/searchArticles";
import { setClock, startClock } from "../support/clock";
import { found, searchPath, seen } from "../support/search";
import { damageStore, emptyStore, publishEntries } from "../support/store";

const content = (await readContentFiles()).entries;

const site = [...content, everyField, article("nog-een", { body: [paragraph("Een zeesluis.")] })];
const QUERIES = ["zeesluis", "windmolenpark", "hoogstraten", "zees*", "kabinet"].map((q) =>
	searchPath(q),
);

/** Empties the index in use behind the site's back, as a fault or a restored copy would. */
async function emptyIndex(): Promise<void> {
	await damageStore("INSERT INTO search_archive (search_archive) VALUES ('delete-all')");
	await damageStore("INSERT INTO search_recent (search_recent) VALUES ('delete-all')");
	await damageStore("DELETE FROM search_documents");
	forgetPreparedSites();
}

async function rebuild(options: Omit<Parameters<typeof rebuildSearchIndex>[1], "now"> = {}) {
	const summary = await rebuildSearchIndex(env.DB, { now: Date.now(), ...options });
	forgetPreparedSites();
	return summary;
}

/** Every search table's definition, as sqlite_master holds it (a rename quotes the name). */
async function searchSchema(): Promise<string[]> {
	const { results } = await env.DB.prepare(
		"SELECT type, name, sql FROM sqlite_master WHERE name LIKE 'search%' ORDER BY name",
	).all<{ type: string; name: string; sql: string | null }>();
	return results.map(({ type, name, sql }) => `${type} ${name}: ${sql?.replaceAll('"', "")}`);
}

beforeEach(async () => {
	await emptyStore();
	startClock();
	await publishEntries(site);
});

describe("rebuildSearchIndex", () => {
	it("makes an emptied index again from the articles alone: the same answers, byte for byte", async () => {
		const before = await Promise.all(QUERIES.map(seen));
		await emptyIndex();
		expect(await found("zeesluis")).toEqual([]);
		const summary = await rebuild();
		expect(summary).toMatchObject({ indexed: site.length, scheduled: 0 });
		expect(await Promise.all(QUERIES.map(seen))).toEqual(before);
	});

	it("forgets what an index out of step holds: an article gone, and words an article no longer has", async () => {
		// The article rows change behind the index's back.
		await damageStore("DELETE FROM articles WHERE slug = 'nog-een'");
		await damageStore(
			"UPDATE articles SET document = json_set(document, '$.headline', 'Vlotbrug krijgt vergunning') WHERE slug = 'elk-veld'",
		);
		forgetPreparedSites();
		expect(await found("windmolenpark")).toEqual(["elk-veld"]);
		await rebuild();
		expect(await found("windmolenpark")).toEqual([]);
		expect(await found("vlotbrug")).toEqual(["elk-veld"]);
		expect(await found("zeesluis")).toEqual(["elk-veld"]);
	});

	it("answers from the index in use until the swap, and from the new one from then on", async () => {
		await emptyIndex();
		let during: string[] | undefined;
		await rebuild({
			async onProgress() {
				forgetPreparedSites();
				during = await found("zeesluis");
			},
		});
		expect(during).toEqual([]);
		expect((await found("zeesluis")).sort()).toEqual(["elk-veld", "nog-een"]);
	});

	it("interrupted before the swap, leaves the index in use as it was; the next rebuild completes", async () => {
		await damageStore("DELETE FROM articles WHERE slug = 'nog-een'");
		const before = await Promise.all(QUERIES.map(seen));
		const interrupted = rebuild({
			onProgress() {
				throw new Error("the command was stopped");
			},
		});
		await expect(interrupted).rejects.toThrow("the command was stopped");
		forgetPreparedSites();
		expect(await Promise.all(QUERIES.map(seen))).toEqual(before);
		await rebuild();
		expect(await found("zeesluis")).toEqual(["elk-veld"]);
	});

	it("starts over when a publish commits during it, and the index it swaps in holds that publish", async () => {
		let publishes = 0;
		const summary = await rebuild({
			async onProgress() {
				if (publishes++ > 0) return;
				await publishEntries([
					...site,
					article("tussendoor", { body: [paragraph("De zeesluis opnieuw.")] }),
				]);
			},
		});
		expect(publishes).toBe(2);
		expect(summary.indexed).toBe(site.length + 1);
		expect((await found("zeesluis")).sort()).toEqual(["elk-veld", "nog-een", "tussendoor"]);
	});

	it("leaves a scheduled article waiting for its instant", async () => {
		const instant = Date.now() + 90_000;
		await publishEntries([
			...site,
			article("gepland", {
				published: new Date(instant).toISOString(),
				body: [paragraph("Het vlotbrugmeester.")],
			}),
		]);
		expect((await rebuild()).scheduled).toBe(1);
		expect(await found("vlotbrugmeester")).toEqual([]);
		setClock(instant);
		expect(await found("vlotbrugmeester")).toEqual(["gepland"]);
	});

	it("leaves the search tables defined as the migrations made them, the rebuild's empty", async () => {
		const schema = await searchSchema();
		await rebuild();
		expect(await searchSchema()).toEqual(schema);
		const left = await env.DB.prepare(
			"SELECT (SELECT count(*) FROM search_rebuild_documents) + (SELECT count(*) FROM search_rebuild_archive_docsize) AS n",
		).first<number>("n");
		expect(left).toBe(0);
	});

	it("with --dry-run, counts what it would index and writes nothing", async () => {
		await emptyIndex();
		const summary = await rebuild({ dryRun: true });
		expect(summary).toEqual({ version: undefined, indexed: site.length, scheduled: 0 });
		expect(await found("zeesluis")).toEqual([]);
	});
});
