/**
 * Running the commands as a user does (`node scripts/run.mjs scripts/<script>`), and local stores
 * for them made by wrangler itself.
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { copyFile, cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";

export interface Run {
	readonly code: number;
	readonly output: string;
	readonly stdout: string;
	readonly stderr: string;
	readonly ms: number;
}

const WRANGLER = join("node_modules", "wrangler", "bin", "wrangler.js");

/** The migration files, in the order wrangler applies them. */
export const MIGRATIONS = readdirSync("migrations")
	.filter((name) => name.endsWith(".sql"))
	.sort();

function exitCode(error: { code?: unknown } | null): number {
	if (error === null) return 0;
	return typeof error.code === "number" ? error.code : 1;
}

/** Runs `node <args>` in the project; resolves with its exit code and output (never rejects). */
export function runNode(
	args: readonly string[],
	env: Readonly<Record<string, string | undefined>> = {},
	timeout = 90_000,
): Promise<Run> {
	const started = performance.now();
	return new Promise((resolveRun) => {
		execFile(
			process.execPath,
			[...args],
			{
				env: { ...process.env, CI: "true", NO_COLOR: "1", ...env },
				timeout,
				maxBuffer: 64 * 1024 * 1024,
			},
			(error, stdout, stderr) => {
				resolveRun({
					code: exitCode(error),
					output: `${stdout}${stderr}`,
					stdout,
					stderr,
					ms: performance.now() - started,
				});
			},
		);
	});
}

/** `node scripts/run.mjs scripts/<script> ...args`, as the npm scripts run it. */
export function run(script: string, ...args: string[]): Promise<Run> {
	return runNode(["scripts/run.mjs", join("scripts", script), ...args]);
}

/**
 * A copy of the project in `folder`/project (node_modules linked), whose content/ and .dev.vars a
 * test may change without touching the project's own.
 */
export async function projectCopy(folder: string): Promise<string> {
	const copy = join(folder, "project");
	await mkdir(copy);
	for (const entry of [
		"src",
		"content",
		"scripts",
		"migrations",
		"public",
		"wrangler.toml",
		"package.json",
		"tsconfig.json",
	]) {
		await cp(entry, join(copy, entry), { recursive: true });
	}
	await symlink(resolve("node_modules"), join(copy, "node_modules"), "dir");
	return copy;
}

/** An article with only what every article needs, as an import line or a content file holds it. */
export function articleInput(
	slug: string,
	published: string,
	text = "Een alinea uit het archief.",
): Record<string, unknown> {
	return {
		slug,
		headline: `Archief ${slug}`,
		published,
		language: "nl",
		source: { name: "NOS", url: "https://nos.nl/" },
		tags: ["archief"],
		body: [{ type: "paragraph", text }],
	};
}

/** `articleInput` as a file an editor adds to content/articles. */
export function articleFile(slug: string, published: string, text?: string): string {
	return `export default ${JSON.stringify(articleInput(slug, published, text), null, "\t")};\n`;
}

/** `node scripts/run.mjs scripts/<script> ...args` in the project copy `copy`. */
export function runIn(copy: string, script: string, ...args: string[]): Promise<Run> {
	return runNode([join(copy, "scripts", "run.mjs"), join(copy, "scripts", script), ...args]);
}

/** What a Node stack trace looks like, and workerd's native frames. */
export function expectNoStackTrace(result: Pick<Run, "output">): void {
	expect(result.output).not.toMatch(/\n\s+at [\w.<>]+ \(|node:internal|workerd@|^stack:/m);
}

/**
 * A local store in `state` to which wrangler applied only `migrations` (as a store made before
 * the others existed): `wrangler d1 migrations apply` with a config whose migrations folder holds
 * just those files, and the project's database id, so the commands open the same database.
 */
export async function migratedStore(state: string, migrations: readonly string[]): Promise<string> {
	const project = join(state, "older-project");
	await mkdir(join(project, "migrations"), { recursive: true });
	for (const name of migrations) {
		await copyFile(join("migrations", name), join(project, "migrations", name));
	}
	const config = join(project, "wrangler.json");
	await writeFile(
		config,
		JSON.stringify({
			name: "edgewire",
			compatibility_date: "2026-04-01",
			d1_databases: [
				{
					binding: "DB",
					database_name: "edgewire",
					database_id: "00000000-0000-4000-8000-000000000000",
					migrations_dir: "migrations",
				},
			],
		}),
	);
	const store = join(state, "store");
	const applied = await runNode([
		WRANGLER,
		"d1",
		"migrations",
		"apply",
		"DB",
		"--local",
		"--persist-to",
		store,
		"-c",
		config,
	]);
	if (applied.code !== 0) throw new Error(`wrangler could not migrate:\n${applied.output}`);
	return store;
}

/** The SQLite file of the local D1 database in `state`. */
export async function storeDatabaseFile(state: string): Promise<string> {
	const directory = join(state, "v3", "d1", "miniflare-D1DatabaseObject");
	const files = (await readdir(directory)).filter(
		(name) => name.endsWith(".sqlite") && name !== "metadata.sqlite",
	);
	const [file] = files;
	if (file === undefined || files.length !== 1) {
		throw new Error(`expected one database in ${directory}, found ${files.join(", ")}`);
	}
	return join(directory, file);
}

/** One line of an archive to import: `articleInput` of `slug` and `published`, with `changes`. */
export function archiveLine(
	slug: string,
	published: string,
	changes: Record<string, unknown> = {},
): string {
	return JSON.stringify({ ...articleInput(slug, published), ...changes });
}

export interface Scratch {
	/** A new empty folder. */
	folder(): Promise<string>;
	/** A new folder holding a copy of `from` (a store a test may then change). */
	copyOf(from: string): Promise<string>;
	/** Removes every folder made (for afterAll). */
	removeAll(): Promise<void>;
}

/** Temporary folders for one test file, named `prefix...`, removed together. */
export function scratch(prefix: string): Scratch {
	const made: string[] = [];
	const folder = async () => {
		const created = await mkdtemp(join(tmpdir(), prefix));
		made.push(created);
		return created;
	};
	return {
		folder,
		async copyOf(from) {
			const copy = await folder();
			await cp(from, copy, { recursive: true });
			return copy;
		},
		async removeAll() {
			await Promise.all(made.map((created) => rm(created, { recursive: true, force: true })));
		},
	};
}

export interface PreparedStores {
	/** A new empty folder. */
	folder(): Promise<string>;
	/** A state folder of the calling test's own, holding a copy of the prepared store. */
	preparedStore(): Promise<string>;
}

/**
 * For one test file: scratch folders named `prefix...`, removed after the file, and a store with
 * the migrations applied and content/ published, made once by `npm run db:prepare` before the
 * file's tests, for each test to copy.
 */
export function preparedStores(prefix: string): PreparedStores {
	const { folder, copyOf, removeAll } = scratch(prefix);
	let prepared: string | undefined;
	beforeAll(async () => {
		const state = await folder();
		const result = await run("prepareLocalStore.ts", "--persist-to", state);
		if (result.code !== 0) throw new Error(`db:prepare failed:\n${result.output}`);
		prepared = state;
	}, 120_000);
	afterAll(removeAll);
	return {
		folder,
		preparedStore() {
			if (prepared === undefined) throw new Error("the prepared store is made in beforeAll");
			return copyOf(prepared);
		},
	};
}
