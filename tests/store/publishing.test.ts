/**
 * `npm run publish` as a function (src/commands/publishContent.ts) against the test file's D1:
 * it writes only what changed, withdraws what left content/, writes nothing when anything is
 * invalid, and never mixes two publishes.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import {
	commitPlan,
	PublishConflictError,
	VersionConflict,
	withVersionRetry,
} from "../../src/commands/applyPlan";
import { planPublish } from "../../src/commands/planPublish";
import { articleWrite } from "../../src/commands/publishContent";
import type { ContentEntry } from "../../src/content/articleSchema";
import { ContentError } from "../../src/content/contentError";
import { loadArticles } from "../../src/content/loadContent";
import { readContentState } from "../../src/store/contentState";
import { readPublishSnapshot } from "../../src/store/publishSnapshot";
import { entry } from "../fixtures/articleInputs";
import { fetchPath } from "../support/http";
import { damageStore, emptyStore, publishEntries } from "../support/store";

const article = (n: number, changes: Record<string, unknown> = {}): ContentEntry =>
	entry(`content/articles/a${n}.ts`, {
		slug: `artikel-${n}`,
		headline: `Artikel ${n}`,
		published: `2024-01-${String(n).padStart(2, "0")}T09:00:00+01:00`,
		...changes,
	});

/** Every row's position and slug, oldest first: positions must be 1..n without gaps. */
async function positions(): Promise<string[]> {
	const { results } = await env.DB.prepare(
		"SELECT slug, position FROM articles ORDER BY position",
	).all<{ slug: string; position: number }>();
	expect(results.map((row) => row.position)).toEqual(results.map((_, i) => i + 1));
	return results.map((row) => row.slug);
}

beforeEach(emptyStore);

describe("npm run publish (publishContent)", () => {
	it("writes the new articles once, and a second run writes nothing and says so", async () => {
		const first = await publishEntries([article(1), article(2)]);
		expect(first.version).toBeDefined();
		expect(first.added).toEqual(["artikel-1", "artikel-2"]);
		const again = await publishEntries([article(1), article(2)]);
		expect(again).toMatchObject({ version: undefined, added: [], changed: [], withdrawn: [] });
		expect(again.unchanged).toBe(2);
		expect(again.baseVersion).toBe(first.version);
		expect((await readContentState(env.DB, Date.now())).version).toBe(first.version);
	});

	it("writes only the article whose content changed", async () => {
		await publishEntries([article(1), article(2)]);
		const summary = await publishEntries([article(1, { headline: "Nieuwe kop" }), article(2)]);
		expect(summary).toMatchObject({ added: [], changed: ["artikel-1"], withdrawn: [] });
		expect(summary.unchanged).toBe(1);
	});

	it("rewrites an article whose stored instant is not the one its date gives now (an older date rule)", async () => {
		await publishEntries([article(1, { published: "2023-07" }), article(2)]);
		// As a store written when a partial date meant 12:00:00.000 UTC sharp would hold it.
		await damageStore(
			"UPDATE articles SET published_at = ? WHERE slug = 'artikel-1'",
			Date.UTC(2023, 6, 1, 12),
		);
		const summary = await publishEntries([article(1, { published: "2023-07" }), article(2)]);
		expect(summary).toMatchObject({ added: [], changed: ["artikel-1"], withdrawn: [] });
		const { results } = await env.DB.prepare(
			"SELECT published_at FROM articles WHERE slug = 'artikel-1'",
		).all<{ published_at: number }>();
		const [stored] = loadArticles([article(1, { published: "2023-07" })]);
		expect(results[0]?.published_at).toBe(stored?.published.instant.getTime());
	});

	it("withdraws an article whose file was removed", async () => {
		await publishEntries([article(1), article(2)]);
		const summary = await publishEntries([article(2)]);
		expect(summary.withdrawn).toEqual(["artikel-1"]);
		expect((await fetchPath("/articles/artikel-1")).status).toBe(410);
		expect(await positions()).toEqual(["artikel-2"]);
	});

	it("brings a withdrawn article back when its file returns", async () => {
		await publishEntries([article(1), article(2)]);
		await publishEntries([article(2)]);
		const summary = await publishEntries([article(1), article(2)]);
		expect(summary.added).toEqual(["artikel-1"]);
		expect((await fetchPath("/articles/artikel-1")).status).toBe(200);
	});

	it("keeps positions dense and in date order through inserts, moves and withdrawals", async () => {
		await publishEntries([article(3), article(5)]);
		expect(await positions()).toEqual(["artikel-3", "artikel-5"]);
		await publishEntries([article(3), article(5), article(4), article(1)]); // back-dated inserts
		expect(await positions()).toEqual(["artikel-1", "artikel-3", "artikel-4", "artikel-5"]);
		await publishEntries([
			article(1, { published: "2024-01-09" }),
			article(3),
			article(4),
			article(5),
		]);
		expect(await positions()).toEqual(["artikel-3", "artikel-4", "artikel-5", "artikel-1"]);
		await publishEntries([article(1, { published: "2024-01-09" }), article(5)]);
		expect(await positions()).toEqual(["artikel-5", "artikel-1"]);
	});

	it("writes nothing when any article is invalid, and names every problem with file and field", async () => {
		await publishEntries([article(1)]);
		const before = await readContentState(env.DB, Date.now());
		const error = await publishEntries([
			article(1, { headline: "Gewijzigd" }),
			article(2, { published: "2024-02-30" }),
			article(3, { source: { name: "NOS", url: "nos.nl" } }),
		]).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(ContentError);
		expect((error as ContentError).problems.map((p) => `${p.file}: ${p.path}`)).toEqual([
			"content/articles/a2.ts: published",
			"content/articles/a3.ts: source.url",
		]);
		expect(await readContentState(env.DB, Date.now())).toEqual(before);
		const page = await fetchPath("/articles/artikel-1");
		expect(await page.text()).toContain("Artikel 1");
	});

	it("refuses a file whose slug belongs to an imported article", async () => {
		await publishEntries([article(1)]);
		await env.DB.prepare("UPDATE articles SET origin = 'import:archief.ndjson' WHERE slug = ?1")
			.bind("artikel-1")
			.run();
		const error = await publishEntries([article(1, { headline: "Anders" })]).catch(
			(thrown: unknown) => thrown,
		);
		expect(String(error)).toContain(
			'content/articles/a1.ts: slug: "artikel-1" is already used by an imported article (import:archief.ndjson)',
		);
	});

	it("of two publishes prepared against one version, commits one and re-plans the other", async () => {
		await publishEntries([article(1)]);
		// Two editors' publishes, both planned against the same snapshot.
		const snapshot = await readPublishSnapshot(env.DB, "content files", ["artikel-2", "artikel-3"]);
		const [two, three] = await Promise.all(
			[article(2), article(3)].map(async (e) => {
				const [validated] = loadArticles([e]);
				if (validated === undefined) throw new Error("fixture invalid");
				return articleWrite(validated, e.file);
			}),
		);
		const planA = planPublish(snapshot, [two as never], Date.now());
		const planB = planPublish(snapshot, [three as never], Date.now());
		if (!planA.ok || !planB.ok) throw new Error("plans failed");
		await commitPlan(env.DB, { ...planA.value.plan, withdrawn: [] });
		const late = await commitPlan(env.DB, { ...planB.value.plan, withdrawn: [] }).catch(
			(thrown: unknown) => thrown,
		);
		expect(late).toBeInstanceOf(VersionConflict);
		// The loser wrote nothing: artikel-3 is not there, artikel-2 is.
		expect(await positions()).toEqual(["artikel-1", "artikel-2"]);
		// Run as every command runs it, the loser re-plans from a fresh snapshot and commits after.
		let attempts = 0;
		const version = await withVersionRetry(async () => {
			attempts++;
			const fresh =
				attempts === 1
					? snapshot
					: await readPublishSnapshot(env.DB, "content files", ["artikel-3"]);
			const planned = planPublish(fresh, [three as never], Date.now());
			if (!planned.ok) throw new Error("plan failed");
			return commitPlan(env.DB, { ...planned.value.plan, withdrawn: [] });
		});
		expect(attempts).toBe(2);
		expect(version).toBe(snapshot.version + 2);
		expect(await positions()).toEqual(["artikel-1", "artikel-2", "artikel-3"]);
	});

	it("gives up after three conflicts in a row with a message to run again, having written nothing", async () => {
		await publishEntries([article(1)]);
		const stale = await readPublishSnapshot(env.DB, "content files", ["artikel-2"]);
		await publishEntries([article(1), article(3)]);
		const [two] = loadArticles([article(2)]);
		if (two === undefined) throw new Error("fixture invalid");
		const write = await articleWrite(two, "content/articles/a2.ts");
		let attempts = 0;
		const failure = await withVersionRetry(async () => {
			attempts++;
			const planned = planPublish(stale, [write], Date.now());
			if (!planned.ok) throw new Error("plan failed");
			return commitPlan(env.DB, { ...planned.value.plan, withdrawn: [] });
		}).catch((thrown: unknown) => thrown);
		expect(attempts).toBe(3);
		expect(failure).toBeInstanceOf(PublishConflictError);
		expect(String(failure)).toContain("nothing was written: run the command again");
		expect(await positions()).toEqual(["artikel-1", "artikel-3"]);
	});

	it("records each publish as a new content version in a later second than the one before", async () => {
		const { version: first } = await publishEntries([article(1)]);
		await publishEntries([article(1), article(2)]);
		await publishEntries([article(2)]);
		const { results } = await env.DB.prepare(
			"SELECT id, created_at FROM versions WHERE id >= ?1 ORDER BY id",
		)
			.bind(first)
			.all<{ id: number; created_at: number }>();
		expect(results).toHaveLength(3);
		for (let i = 1; i < results.length; i++) {
			const [before, after] = [results[i - 1], results[i]];
			expect(after?.id).toBe((before?.id ?? 0) + 1);
			expect(Math.floor((after?.created_at ?? 0) / 1000)).toBeGreaterThan(
				Math.floor((before?.created_at ?? 0) / 1000),
			);
		}
	});
});
