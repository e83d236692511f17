/**
 * `npm run query-plans`: prints SQLite's EXPLAIN QUERY PLAN for every statement in the store's
 * catalog (src/store/queryCatalog.ts), as the Markdown docs/performance.md carries. By default on
 * a fresh in-memory database with the migrations applied; `--persist-to <dir>` reads a local
 * store instead (for example one loaded with 100,000 articles by `npm run bench:scale`).
 */
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { QUERY_CATALOG } from "../src/store/queryCatalog";
import { openStore } from "./lib/d1Store";
import { commandArgs, runCommand } from "./lib/usage";

/** One row of EXPLAIN QUERY PLAN: its node, the node it hangs from, and what it does. */
interface PlanRow {
	readonly id: number;
	readonly parent: number;
	readonly detail: string;
}

await runCommand("query-plans", async () => {
	const { values } = commandArgs({
		args: process.argv.slice(2),
		options: { "persist-to": { type: "string" } },
	});
	const fresh = values["persist-to"] === undefined ? memory() : undefined;
	const store = await openStore({ persistTo: values["persist-to"] ?? fresh });
	try {
		if (values["persist-to"] === undefined) await migrate(store.db);
		for (const query of QUERY_CATALOG) {
			if (query.schemaChange !== undefined) {
				console.log(
					`**${query.name}** (${query.runBy}) — changes the schema: ${query.schemaChange}\n`,
				);
				console.log("```sql");
				console.log(query.sql);
				console.log("```\n");
				continue;
			}
			const parameters = new Set(query.sql.match(/\?\d+/g) ?? []).size;
			const { results } = await store.db
				.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
				.bind(...Array.from({ length: parameters }, () => 1))
				.all<PlanRow>();
			console.log(
				`**${query.name}** (${query.runBy})${query.fullScan ? ` — full read: ${query.fullScan}` : ""}\n`,
			);
			console.log("```sql");
			console.log(query.sql.replace(/\t/g, "  "));
			console.log("```");
			console.log("```");
			for (const row of results) console.log(`${"  ".repeat(depth(results, row))}${row.detail}`);
			console.log("```\n");
		}
		return 0;
	} finally {
		await store.close();
		if (fresh !== undefined) rmSync(fresh, { recursive: true, force: true });
	}
});

/** A throw-away state directory: the plans of a fresh database. */
function memory(): string {
	return fileURLToPath(new URL(`../.wrangler/query-plans-${process.pid}`, import.meta.url));
}

async function migrate(db: D1Database): Promise<void> {
	const migrations = await readD1Migrations(
		fileURLToPath(new URL("../migrations", import.meta.url)),
	);
	for (const migration of migrations)
		await db.batch(migration.queries.map((sql) => db.prepare(sql)));
}

/** Nesting of a plan row (EXPLAIN QUERY PLAN rows point at their parent by id). */
function depth(rows: readonly PlanRow[], row: PlanRow): number {
	let level = 0;
	for (let parent = row.parent; parent; level++) {
		parent = rows.find((r) => r.id === parent)?.parent ?? 0;
	}
	return level;
}
