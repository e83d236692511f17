/**
 * `npm run deploy`: wrangler deploy of [env.production], refused while that environment still has
 * the placeholder database id or the example origin, so a first deploy cannot publish a Worker
 * whose feeds name news.example.org or whose store does not exist.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectNoStackTrace, run } from "./support/commands";

const PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000";
const EXAMPLE_SITE = "https://news.example.org";
const folders: string[] = [];

afterAll(async () => {
	await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

/**
 * wrangler.toml with [env.production] as given, written elsewhere (paths made absolute), so
 * the test changes nothing in the project.
 */
async function configWith(production: { id: string; site: string }): Promise<string> {
	const folder = await mkdtemp(join(tmpdir(), "edgewire-deploy-"));
	folders.push(folder);
	const root = resolve(".");
	let text = await readFile("wrangler.toml", "utf8");
	text = text
		.replace('main = "src/index.ts"', `main = "${root}/src/index.ts"`)
		.replace('directory = "./public"', `directory = "${root}/public"`)
		.replaceAll('migrations_dir = "migrations"', `migrations_dir = "${root}/migrations"`);
	// The section itself, not the comments that name it.
	const at = text.indexOf("\n[env.production]\n");
	if (at === -1) throw new Error("wrangler.toml has no [env.production]");
	const filled = text
		.slice(at)
		.replace(`database_id = "${PLACEHOLDER_ID}"`, `database_id = "${production.id}"`)
		.replace(`SITE_URL = "${EXAMPLE_SITE}"`, `SITE_URL = "${production.site}"`);
	const file = join(folder, "wrangler.toml");
	await writeFile(file, `${text.slice(0, at)}${filled}`);
	return file;
}

const REAL_ID = "5d0c4f3e-9c3b-4d59-9a51-2b7f0f2f1a8e";
const REAL_SITE = "https://nieuws.example.net";

describe("npm run deploy", { timeout: 120_000 }, () => {
	it("stops with exit 2 before wrangler runs while [env.production] has the placeholder id and the example origin", async () => {
		const result = await run("deploy.ts");
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`database_id is still the placeholder ${PLACEHOLDER_ID}`);
		expect(result.stderr).toContain("npx wrangler d1 create edgewire");
		expect(result.stderr).toContain(`SITE_URL is still the example ${EXAMPLE_SITE}`);
		// wrangler never started: it prints its banner first.
		expect(result.output).not.toContain("wrangler 4");
		expectNoStackTrace(result);
	});

	it("names only what is still missing", async () => {
		const siteMissing = await run(
			"deploy.ts",
			"--config",
			await configWith({ id: REAL_ID, site: EXAMPLE_SITE }),
		);
		expect(siteMissing.code).toBe(2);
		expect(siteMissing.stderr).toContain("SITE_URL is still the example");
		expect(siteMissing.stderr).not.toContain("database_id");
		const idMissing = await run(
			"deploy.ts",
			"--config",
			await configWith({ id: PLACEHOLDER_ID, site: REAL_SITE }),
		);
		expect(idMissing.code).toBe(2);
		expect(idMissing.stderr).toContain("database_id is still the placeholder");
		expect(idMissing.stderr).not.toContain("SITE_URL");
	});

	it("runs wrangler deploy --env production once it is filled in, and exits as wrangler does", async () => {
		const config = await configWith({ id: REAL_ID, site: REAL_SITE });
		const outdir = join(folders.at(-1) ?? tmpdir(), "dist");
		const built = await run("deploy.ts", "--config", config, "--dry-run", "--outdir", outdir);
		expect(built.code).toBe(0);
		expect(built.output).toContain("--dry-run: exiting now.");
		expect(built.output).toContain(REAL_SITE);
		const refused = await run("deploy.ts", "--config", config, "--bogus-option");
		expect(refused.code).toBe(1);
		expect(refused.output).toContain("bogus-option");
	});

	it("refuses another environment", async () => {
		const result = await run("deploy.ts", "--env", "staging");
		expect(result.code).toBe(2);
		expect(result.stderr).toContain("deploy always deploys [env.production]");
	});
});
