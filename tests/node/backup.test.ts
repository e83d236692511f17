/**
 * Backups and the search index's rebuild as the editor runs them: `npm run backup:export`,
 * `backup:restore` and `search:rebuild`, as processes on local stores of their own (`--persist-to`),
 * made by the real commands. A site exported and restored into a store with only its migrations
 * holds every row it had and finds the same in search; a rebuild brings back what an emptied index
 * lost. Each command exits 0 done, 1 failed, 2 usage, in one line, with no file left half-written.
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../scripts/lib/d1Store";
import { parseSearchQuery } from "../../src/content/searchQuery";
import { searchArticles } from "../../src/store/articleSearch";
import {
	archiveLine,
	expectNoStackTrace,
	MIGRATIONS,
	migratedStore,
	run,
	scratch,
	storeDatabaseFile,
} from "./support/commands";

const { folder, copyOf, removeAll } = scratch("edgewire-backup-");
/** A store with content/ published, an archive imported and one of its articles withdrawn. */
let site: string;
const copyOfSite = () => copyOf(site);

const line = (slug: string, published: string, text: string) =>
	archiveLine(slug, published, {
		tags: ["archief", "Verkeer"],
		authors: [{ name: "Fenna Hoogstraten" }],
		body: [{ type: "paragraph", text }],
	});

beforeAll(async () => {
	site = await folder();
	const steps: string[][] = [["prepareLocalStore.ts", "--persist-to", site]];
	const archive = join(site, "archief.ndjson");
	await writeFile(
		archive,
		[
			line("veerpont-een", "2001-05-04", "De veerpont vaart weer."),
			line("veerpont-twee", "2001-05-05", "De veerpont ligt stil bij storm."),
			line("zandmotor", "2001-05-06", "De zandmotor groeit."),
			line("ingetrokken", "2001-05-07", "Het getijdenpark."),
		].join("\n"),
	);
	steps.push(["import.ts", archive, "--persist-to", site]);
	steps.push(["withdraw.ts", "ingetrokken", "--persist-to", site]);
	for (const step of steps) {
		const [script = "", ...args] = step;
		const result = await run(script, ...args);
		if (result.code !== 0) throw new Error(`${step.join(" ")} failed:\n${result.output}`);
	}
}, 180_000);
afterAll(removeAll);

/** A backup's lines, parsed: its header, and its rows by table. */
async function readBackup(file: string) {
	const [header, ...rest] = (await readFile(file, "utf8"))
		.trim()
		.split("\n")
		.map((text) => JSON.parse(text));
	const rows: Record<string, unknown[][]> = {};
	for (const [table, values] of rest.slice(0, -1)) rows[table] = [...(rows[table] ?? []), values];
	return { header, rows, end: rest.at(-1) };
}

const QUERIES = ["veerpont", "zandmotor", "getijdenpark", "veer*", '"ligt stil"', "hoogstraten"];

/** What each of QUERIES finds in the store in `state`: total and slugs, best first. */
async function searches(state: string) {
	const store = await openStore({ persistTo: state });
	try {
		const answers: Record<string, { total: number; slugs: string[] }> = {};
		for (const query of QUERIES) {
			const page = await searchArticles(store.db, parseSearchQuery(query), {
				page: 1,
				pageSize: 20,
			});
			answers[query] = {
				total: page.total,
				slugs: page.articles.map((article) => article.article.slug),
			};
		}
		return answers;
	} finally {
		await store.close();
	}
}

describe("npm run backup:export and backup:restore", { timeout: 180_000 }, () => {
	it("restores into a store with only its migrations every row of the site, and search finds the same", async () => {
		const original = await copyOfSite();
		const file = join(await folder(), "site.ndjson");
		const exported = await run("backup/export.ts", file, "--persist-to", original);
		expect(exported.code).toBe(0);
		expect(exported.output).toMatch(
			/Wrote .* at content version 3: 3 versions, 4 articles, 1 withdrawn/,
		);
		const fresh = await migratedStore(await folder(), MIGRATIONS);
		const restored = await run("backup/restore.ts", file, "--persist-to", fresh);
		expect(restored.code).toBe(0);
		expect(restored.output).toMatch(
			/Restored .* 3 versions, 4 articles, 1 withdrawn.*search index rebuilt as content version 4/,
		);
		expectNoStackTrace(restored);

		const again = join(await folder(), "again.ndjson");
		expect((await run("backup/export.ts", again, "--persist-to", fresh)).code).toBe(0);
		const [before, after] = [await readBackup(file), await readBackup(again)];
		expect(after.header.contentVersion).toBe(4);
		expect(after.rows.versions).toEqual([
			...(before.rows.versions ?? []),
			[4, expect.any(Number), expect.any(Number), "search-rebuild", 0, 0, 0],
		]);
		expect({ ...after.rows, versions: [] }).toEqual({ ...before.rows, versions: [] });
		const answers = await searches(original);
		expect(answers.veerpont?.slugs.sort()).toEqual(["veerpont-een", "veerpont-twee"]);
		expect(answers.getijdenpark?.total).toBe(0);
		expect(await searches(fresh)).toEqual(answers);
	});

	it("export: exits 2 for a file that exists, and 1 leaving no file when the store fails", async () => {
		const state = await copyOfSite();
		const existing = join(await folder(), "er-al.ndjson");
		await writeFile(existing, "van eerder\n");
		const refused = await run("backup/export.ts", existing, "--persist-to", state);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain("exists: name a new file");
		expect(await readFile(existing, "utf8")).toBe("van eerder\n");

		const database = await storeDatabaseFile(state);
		await writeFile(database, "kapot ".repeat(10_000));
		await rm(`${database}-wal`, { force: true });
		await rm(`${database}-shm`, { force: true });
		const target = await folder();
		const failed = await run("backup/export.ts", join(target, "b.ndjson"), "--persist-to", state);
		expect(failed.code).toBe(1);
		expect(failed.stderr.trim().split("\n")).toHaveLength(1);
		expect(await readdir(target)).toEqual([]);
		expectNoStackTrace(failed);
	});

	it("restore: refuses a store that holds a site (2) and a backup cut short (1), writing nothing; --dry-run writes nothing", async () => {
		const file = join(await folder(), "site.ndjson");
		expect((await run("backup/export.ts", file, "--persist-to", await copyOfSite())).code).toBe(0);
		const full = await run("backup/restore.ts", file, "--persist-to", await copyOfSite());
		expect(full.code).toBe(2);
		expect(full.stderr).toContain("already holds a site");

		const fresh = await migratedStore(await folder(), MIGRATIONS);
		const lines = (await readFile(file, "utf8")).trim().split("\n");
		const cut = join(await folder(), "cut.ndjson");
		await writeFile(cut, `${lines.slice(0, -3).join("\n")}\n`);
		const refused = await run("backup/restore.ts", cut, "--persist-to", fresh);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain(
			`cut.ndjson:${lines.length - 3}: (file): ends before its last line`,
		);
		expectNoStackTrace(refused);
		const dry = await run("backup/restore.ts", file, "--persist-to", fresh, "--dry-run");
		expect(dry.code).toBe(0);
		expect(dry.output).toContain("Dry run:");
		// Still empty: a real restore goes through.
		expect((await run("backup/restore.ts", file, "--persist-to", fresh)).code).toBe(0);
	});

	it("both: --help exits 0, a missing file or an unknown option 2", async () => {
		for (const command of ["backup/export.ts", "backup/restore.ts"]) {
			const help = await run(command, "--help");
			expect(help.code).toBe(0);
			expect(help.output).toContain("Exit status: 0");
			expect((await run(command)).code).toBe(2);
			const bogus = await run(command, "x.ndjson", "--bogus");
			expect(bogus.code).toBe(2);
			expectNoStackTrace(bogus);
		}
		const missing = await run("backup/restore.ts", join(await folder(), "nergens.ndjson"));
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain("no such file");
	});
});

describe("npm run search:rebuild", { timeout: 180_000 }, () => {
	it("brings back every answer of an index that was emptied; --dry-run writes nothing", async () => {
		const state = await copyOfSite();
		const answers = await searches(state);
		const store = await openStore({ persistTo: state });
		try {
			await store.db.batch([
				store.db.prepare("INSERT INTO search_archive (search_archive) VALUES ('delete-all')"),
				store.db.prepare("INSERT INTO search_recent (search_recent) VALUES ('delete-all')"),
				store.db.prepare("DELETE FROM search_documents"),
			]);
		} finally {
			await store.close();
		}
		expect((await searches(state)).veerpont?.total).toBe(0);
		const dry = await run("search/rebuild.ts", "--persist-to", state, "--dry-run");
		expect(dry.code).toBe(0);
		expect(dry.output).toMatch(/Dry run .* would index 4 public articles, 0 scheduled/);
		expect((await searches(state)).veerpont?.total).toBe(0);
		const rebuilt = await run("search/rebuild.ts", "--persist-to", state);
		expect(rebuilt.code).toBe(0);
		expect(rebuilt.output).toMatch(/Rebuilt the search index of .* as content version 4: 4 public/);
		expect(await searches(state)).toEqual(answers);
	});

	it("exits 2 on an argument, an unknown option or --persist-to with --remote; 0 with --help", async () => {
		for (const args of [["extra"], ["--bogus"], ["--remote", "--persist-to", "x"]]) {
			const result = await run("search/rebuild.ts", ...args);
			expect(result.code, args.join(" ")).toBe(2);
			expectNoStackTrace(result);
		}
		const help = await run("search/rebuild.ts", "--help");
		expect(help.code).toBe(0);
		expect(help.output).toContain("Usage: npm run search:rebuild");
	});
});

describe("--remote: the deployment of wrangler.toml [env.production]", { timeout: 120_000 }, () => {
	it("search:rebuild, backup:export and backup:restore stop with exit 2 while it has the placeholder id", async () => {
		const file = join(await folder(), "site.ndjson");
		await writeFile(file, "{}\n");
		const commands: [string, ...string[]][] = [
			["search/rebuild.ts"],
			["backup/export.ts", join(await folder(), "nieuw.ndjson")],
			["backup/restore.ts", file],
		];
		for (const args of commands) {
			const result = await run(...args, "--remote");
			expect(result.code, args[0]).toBe(2);
			expect(result.output).toContain("database_id is still the placeholder");
			expectNoStackTrace(result);
		}
	});
});
