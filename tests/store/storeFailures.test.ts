/**
 * The Worker trusts only what passed the validator, and treats a row it cannot read as a logged
 * 500 that leaks nothing: never a crash, never a broken feed, never the row's content.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetPreparedSites } from "../../src/publish/preparedSite";
import { entry } from "../fixtures/articleInputs";
import { fetchPath } from "../support/http";
import { damageStore, emptyStore, publishEntries } from "../support/store";

const SLUG = "een-geldig-artikel";

beforeEach(async () => {
	await emptyStore();
	await publishEntries([entry("content/articles/a.ts")]);
});
afterEach(() => {
	vi.restoreAllMocks();
});

/** A 500 with fixed text, no-store, nothing from the row or the request; and what was logged. */
async function expectHiddenFailure(path: string): Promise<string> {
	const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
	const response = await fetchPath(`${path}?geheim=1`);
	expect(response.status, path).toBe(500);
	expect(response.headers.get("Cache-Control")).toBe("no-store");
	const body = await response.text();
	expect(body).toBe("500 Internal Server Error\n");
	expect(log).toHaveBeenCalledOnce();
	const [message, error] = log.mock.calls[0] ?? [];
	expect(message).toBe(`GET ${path} failed:`);
	log.mockRestore();
	return String(error);
}

describe("a row the Worker cannot read", () => {
	it.each([
		["not JSON", "{ kapot"],
		["JSON of the wrong shape", JSON.stringify({ slug: SLUG, headline: 42 })],
		["an article under another slug", JSON.stringify({ slug: "ander-artikel" })],
	])("(%s) gives a logged 500 on every document that shows it", async (_, document) => {
		await damageStore("UPDATE articles SET document = ?1 WHERE slug = ?2", document, SLUG);
		forgetPreparedSites();
		for (const path of [`/articles/${SLUG}`, "/feed.xml", "/"]) {
			const logged = await expectHiddenFailure(path);
			expect(logged).toContain(`D1 articles row "${SLUG}"`);
		}
	});

	it("does not take down documents that do not show it", async () => {
		await publishEntries([
			entry("content/articles/a.ts"),
			entry("content/articles/b.ts", { slug: "ander-artikel" }),
		]);
		await damageStore("UPDATE articles SET document = 'kapot' WHERE slug = ?1", SLUG);
		forgetPreparedSites();
		expect((await fetchPath("/articles/ander-artikel")).status).toBe(200);
		expect((await fetchPath("/articles/nooit-gepubliceerd")).status).toBe(404);
	});
});

describe("a store without its tables or rows", () => {
	it("gives a logged 500 naming the missing migration, not a crash", async () => {
		await damageStore("ALTER TABLE articles RENAME TO articles_elsewhere");
		forgetPreparedSites();
		try {
			const logged = await expectHiddenFailure("/feed.xml");
			expect(logged).toContain("npm run db:migrate");
		} finally {
			await damageStore("ALTER TABLE articles_elsewhere RENAME TO articles");
		}
	});

	it("serves an empty site, not an error, before the first publish", async () => {
		await emptyStore();
		const feed = await fetchPath("/feed.json");
		expect(feed.status).toBe(200);
		expect(((await feed.json()) as { items: unknown[] }).items).toEqual([]);
		expect((await fetchPath("/")).status).toBe(200);
	});
});
