/**
 * Every query a request runs uses an index, at any size: no full scan of a table (SQLite's
 * EXPLAIN QUERY PLAN says `SCAN <table>` without an index for those). Command statements may read
 * a whole table only where the catalog says why.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { QUERY_CATALOG } from "../../src/store/queryCatalog";

async function plan(sql: string): Promise<string[]> {
	const parameters = [...new Set(sql.match(/\?\d+/g) ?? [])].length;
	const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
		.bind(...Array.from({ length: parameters }, () => 1))
		.all<{ detail: string }>();
	return results.map((row) => row.detail);
}

/** Plan steps that read a whole table: `SCAN articles` (not `... USING INDEX`/a subquery/CTE). */
const fullScans = (steps: readonly string[]) =>
	steps.filter((step) =>
		/^SCAN (articles|withdrawn|versions|import_staging|tags|article_tags|tags_to_renumber|websub_releases|websub_pending)\b(?!.*USING)/.test(
			step,
		),
	);

describe("query plans", () => {
	it("catalogs every request query and command statement", () => {
		expect(QUERY_CATALOG.filter((q) => q.runBy === "request").map((q) => q.name)).toEqual(
			expect.arrayContaining(["contentState", "publicArticle", "articlesByPosition"]),
		);
	});

	it.each(QUERY_CATALOG.filter((q) => q.runBy === "request").map((q) => [q.name, q.sql]))(
		"%s (run on requests) searches an index and never scans a table",
		async (_, sql) => {
			const steps = await plan(sql);
			expect(steps.length).toBeGreaterThan(0);
			expect(fullScans(steps)).toEqual([]);
			expect(
				steps.some((step) =>
					/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|PRIMARY KEY/.test(step),
				),
			).toBe(true);
		},
	);

	it.each(
		QUERY_CATALOG.filter((q) => q.runBy === "command").map((q) => [q.name, q.sql, q.fullScan]),
	)("%s (run by a command) scans a table only where the catalog says why", async (_, sql, why) => {
		const scans = fullScans(await plan(sql));
		if (why === undefined) expect(scans).toEqual([]);
		else expect(why.length).toBeGreaterThan(20);
	});
});
