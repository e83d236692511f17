/**
 * Local D1 state for the benches, made only by the project's own commands, run as a user runs
 * them: `db:prepare` (migrations, then a publish of content/) and `import` (an NDJSON archive).
 * Each is timed by wall clock, Node start-up included.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import {
	cpSync,
	createReadStream,
	createWriteStream,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";

/** A command's wall time and everything it printed. */
export interface ScriptRun {
	readonly ms: number;
	readonly output: string;
}

/**
 * Runs `node scripts/run.mjs <script> ...args` in project `cwd` (its own copy of the commands);
 * resolves with wall time and output, rejects on exit ≠ 0.
 */
export function runScript(
	cwd: string,
	script: string,
	args: readonly string[],
): Promise<ScriptRun> {
	return new Promise((resolveRun, reject) => {
		const started = performance.now();
		const launcher = [join(cwd, "scripts", "run.mjs"), join(cwd, script)];
		const child = spawn(process.execPath, [...launcher, ...args], {
			cwd,
			stdio: ["ignore", "pipe", "pipe"],
			env: { ...commandEnvironment(), CI: "true", NO_COLOR: "1" },
		});
		let output = "";
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
		};
		child.stdout.on("data", collect);
		child.stderr.on("data", collect);
		child.on("error", reject);
		child.on("close", (code) => {
			const ms = performance.now() - started;
			if (code === 0) resolveRun({ ms, output });
			else reject(new Error(`${script} ${args.join(" ")} exited ${code}:\n${output.trim()}`));
		});
	});
}

/** The environment a user's shell would give the command: none of the bench's runtime settings. */
function commandEnvironment(): NodeJS.ProcessEnv {
	const { MINIFLARE_WORKERD_PATH: _pinnedRuntime, ...environment } = process.env;
	return environment;
}

/** A fresh store in `persistTo`: migrations applied and content/ published (`npm run db:prepare`). */
export function prepareStore(root: string, persistTo: string): Promise<ScriptRun> {
	return runScript(root, "scripts/prepareLocalStore.ts", ["--persist-to", persistTo]);
}

/**
 * `npm run import -- <archive> --persist-to <persistTo>`; resolves with wall time, output and the
 * counts the command printed (added, changed, unchanged).
 */
export async function importArchive(
	root: string,
	archive: string,
	persistTo: string,
): Promise<ScriptRun & { counts: Record<string, number> }> {
	const run = await runScript(root, "scripts/import.ts", [archive, "--persist-to", persistTo]);
	return { ...run, counts: counts(run.output, ["added", "changed", "unchanged"]) };
}

/** `npm run publish -- --persist-to <persistTo>` in project `root` (its own content/). */
export async function publish(
	root: string,
	persistTo: string,
): Promise<ScriptRun & { counts: Record<string, number> }> {
	const run = await runScript(root, "scripts/publish.ts", ["--persist-to", persistTo]);
	return { ...run, counts: counts(run.output, ["added", "changed", "withdrawn", "unchanged"]) };
}

/**
 * `npm run search:rebuild -- --persist-to <persistTo>`: the whole search index made again from the
 * stored articles and swapped in; resolves with wall time and the count it printed (indexed).
 */
export async function rebuildSearch(
	root: string,
	persistTo: string,
): Promise<ScriptRun & { counts: Record<string, number> }> {
	const run = await runScript(root, "scripts/search/rebuild.ts", ["--persist-to", persistTo]);
	return { ...run, counts: { indexed: Number(/(\d+) public articles/.exec(run.output)?.[1]) } };
}

function counts(output: string, names: readonly string[]): Record<string, number> {
	return Object.fromEntries(
		names.map((name) => [name, Number(new RegExp(`(\\d+) ${name}`).exec(output)?.[1])]),
	);
}

/** What a project copy needs to run `npm run publish` on its own content/ (node_modules linked). */
const PROJECT_ENTRIES = [
	"src",
	"content",
	"scripts",
	"migrations",
	"wrangler.toml",
	"package.json",
	"tsconfig.json",
];

/**
 * `npm run publish` after one content file changed: in a copy of the project (so the working tree
 * is never touched), the seed article's headline gets a suffix, then the copy publishes to
 * `persistTo`. Resolves with wall time and counts (expected: 1 changed).
 */
export async function publishOneChange(
	root: string,
	dir: string,
	persistTo: string,
): Promise<ScriptRun & { counts: Record<string, number> }> {
	const project = join(dir, "project");
	mkdirSync(project, { recursive: true });
	for (const entry of PROJECT_ENTRIES) {
		cpSync(join(root, entry), join(project, entry), { recursive: true });
	}
	symlinkSync(resolve(root, "node_modules"), join(project, "node_modules"), "dir");
	const articles = join(project, "content", "articles");
	const [file] = readdirSync(articles).filter((name) => name.endsWith(".ts"));
	if (file === undefined) throw new Error("content/articles has no article to change");
	const source = readFileSync(join(articles, file), "utf8");
	const changed = source.replace(/headline: "([^"]*)"/, 'headline: "$1 (bijgewerkt)"');
	if (changed === source) throw new Error(`${file}: no headline to change`);
	writeFileSync(join(articles, file), changed);
	try {
		return await publish(project, persistTo);
	} finally {
		rmSync(project, { recursive: true, force: true });
	}
}

/**
 * `npm run import` of `archive` again with line `lineNumber` changed (its headline gets a prefix):
 * a copy under `dir` with the same file name, so the import sees the same archive. Expected: 1
 * changed, every other line unchanged.
 */
export async function reimportOneChange(
	root: string,
	archive: string,
	lineNumber: number,
	dir: string,
	persistTo: string,
): Promise<ScriptRun & { counts: Record<string, number> }> {
	const copy = join(dir, "changed", basename(archive));
	mkdirSync(dirname(copy), { recursive: true });
	const out = createWriteStream(copy);
	let number = 0;
	let changed = false;
	for await (const line of createInterface({
		input: createReadStream(archive),
		crlfDelay: Number.POSITIVE_INFINITY,
	})) {
		number += 1;
		const written =
			number === lineNumber ? line.replace(/"headline":"/, '"headline":"Bijgewerkt: ') : line;
		changed ||= written !== line;
		if (!out.write(`${written}\n`)) await once(out, "drain");
	}
	out.end();
	await once(out, "finish");
	if (!changed) throw new Error(`${archive}:${lineNumber}: no headline to change`);
	try {
		return await importArchive(root, copy, persistTo);
	} finally {
		rmSync(dirname(copy), { recursive: true, force: true });
	}
}
