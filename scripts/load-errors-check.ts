/**
 * End to end: a malformed article, added the way an editor adds one (a new file in
 * content/articles), stops both `npm run dev` (its publish step refuses it, so wrangler dev never
 * starts) and the test suite, with a message that names the file and the field.
 *
 * Each case runs in a throw-away copy of the repository (node_modules symlinked), two cases at a
 * time (here: 102 s one by one, 74 s so). Bounded: every child process has a deadline and is
 * killed with its process group. Exits non-zero on failure.
 *
 *   npm run test:load-errors
 */
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, spawnGroup, wranglerDevOptions } from "./lib/localProcesses";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEADLINE_MS = 90_000;
const SEED_FILE = "2023-07-kabinetsberaad-over-asiel.ts";

/** An article the editor copied from the seed and then got one thing wrong. */
interface LoadErrorCase {
	readonly name: string;
	readonly file: string;
	readonly edit: (seed: string) => string;
	readonly field: string;
	readonly message: string;
}

const CASES: readonly LoadErrorCase[] = [
	{
		name: "wrong date",
		file: "2024-02-vergissing-datum.ts",
		edit: (seed: string) =>
			seed
				.replace(/slug: "[^"]+"/, 'slug: "vergissing-datum"')
				.replace(/published: "[^"]+"/, 'published: "2024-02-30"'),
		field: "published",
		message: "day 30 does not exist",
	},
	{
		name: "duplicate slug",
		file: "2024-02-vergissing-slug.ts",
		edit: (seed: string) => seed,
		field: "slug",
		message: "is already used by content/articles/2023-07-kabinetsberaad-over-asiel.ts",
	},
	{
		name: "empty body",
		file: "2024-02-vergissing-body.ts",
		edit: (seed: string) =>
			seed
				.replace(/slug: "[^"]+"/, 'slug: "vergissing-body"')
				.replace(/body: \[[\s\S]*\],\n\} satisfies/, "body: [],\n} satisfies"),
		field: "body",
		message: "must have at least one block",
	},
	{
		name: "bad source URL",
		file: "2024-02-vergissing-url.ts",
		edit: (seed: string) =>
			seed
				.replace(/slug: "[^"]+"/, 'slug: "vergissing-url"')
				.replace('url: "https://nos.nl/"', 'url: "nos.nl"'),
		field: "source.url",
		message: 'expected an absolute http(s) URL, got "nos.nl"',
	},
	{
		name: "future date without an instant",
		file: "2099-01-vergissing-planning.ts",
		edit: (seed: string) =>
			seed
				.replace(/slug: "[^"]+"/, 'slug: "vergissing-planning"')
				.replace(/published: "[^"]+"/, 'published: "2099-01-05"'),
		field: "published",
		message: "a schedule needs an instant",
	},
	{
		name: "a file that does not parse",
		file: "2024-02-vergissing-syntax.ts",
		edit: (seed: string) => seed.replace("export default {", "export default {{"),
		field: "(file)",
		message: "does not load",
	},
];

/** Runs a command in its own process group; resolves with its exit code and all output. */
interface Finished {
	readonly code: number | string;
	readonly output: string;
}

function run(
	command: string,
	args: readonly string[],
	cwd: string,
	{ until }: { readonly until?: (output: string) => boolean } = {},
): Promise<Finished> {
	return new Promise((resolveRun) => {
		const process_ = spawnGroup(command, args, {
			cwd,
			onOutput: (output) => {
				if (until?.(output)) process_.stop();
			},
		});
		const timer = setTimeout(process_.stop, DEADLINE_MS);
		process_.child.on("close", (code, signal) => {
			clearTimeout(timer);
			const killed = code === null && signal === "SIGTERM" && !until?.(process_.output());
			const note = killed ? `\n[load-errors-check: killed after ${DEADLINE_MS / 1000}s]` : "";
			resolveRun({ code: code ?? signal ?? "unknown", output: process_.output() + note });
		});
	});
}

async function copyWithCase(testCase: LoadErrorCase): Promise<{ root: string; copy: string }> {
	const root = await mkdtemp(join(tmpdir(), "edgewire-load-errors-"));
	const copy = join(root, "main");
	await cp(repo, copy, {
		recursive: true,
		filter: (path) => !/\/(node_modules|\.git|\.wrangler|dist)(\/|$)/.test(path.slice(repo.length)),
	});
	await symlink(join(repo, "node_modules"), join(copy, "node_modules"));
	// The editor's whole step: a new file beside the seed. Nothing to register.
	const articles = join(copy, "content/articles");
	const seed = await readFile(join(articles, SEED_FILE), "utf8");
	await writeFile(join(articles, testCase.file), testCase.edit(seed));
	return { root, copy };
}

/** What one case printed, and what failed in it (with the output that shows why). */
interface CaseResult {
	readonly lines: readonly string[];
	readonly failures: readonly string[];
}

async function runCase(testCase: LoadErrorCase): Promise<CaseResult> {
	const { root, copy } = await copyWithCase(testCase);
	const expected = `content/articles/${testCase.file}: ${testCase.field}: `;
	try {
		const port = await freePort();
		const dev = await run("npm", ["run", "dev", "--", ...wranglerDevOptions(port)], copy, {
			until: (out) => /Ready on|failed to start/.test(out),
		});
		const served = await fetch(`http://127.0.0.1:${port}/feed.xml`).then(
			(response) => response.status,
			() => "nothing",
		);
		const devOk =
			dev.code === 1 &&
			dev.output.includes(expected) &&
			dev.output.includes(testCase.message) &&
			served === "nothing";
		const tests = await run(
			"npx",
			["vitest", "run", "--project", "workers", "tests/routes.test.ts"],
			copy,
		);
		const testsOk =
			tests.code !== 0 &&
			tests.output.includes(expected) &&
			tests.output.includes(testCase.message);
		return {
			lines: [
				`${devOk ? "ok  " : "FAIL"} npm run dev  stops on ${testCase.name}: ${expected}${testCase.message}${devOk ? "" : ` (served: ${served})`}`,
				`${testsOk ? "ok  " : "FAIL"} npm test     stops on ${testCase.name} (exit ${tests.code})`,
			],
			failures: [
				...(devOk ? [] : [`${testCase.name} (dev)\n${dev.output.slice(-3000)}`]),
				...(testsOk ? [] : [`${testCase.name} (test)\n${tests.output.slice(-3000)}`]),
			],
		};
	} finally {
		await rm(root, { recursive: true, force: true });
	}
}

// Two cases at a time: each mostly waits on the processes it starts, and each has its own copy
// of the repository and its own port. Reported in the order of CASES.
const CONCURRENT_CASES = 2;
const started = Date.now();
const results: CaseResult[] = new Array(CASES.length);
let next = 0;
await Promise.all(
	Array.from({ length: CONCURRENT_CASES }, async () => {
		for (let index = next++; index < CASES.length; index = next++) {
			results[index] = await runCase(CASES[index] as LoadErrorCase);
		}
	}),
);
for (const result of results) for (const line of result.lines) console.log(line);
const failures = results.flatMap((result) => result.failures);
const seconds = ((Date.now() - started) / 1000).toFixed(0);
for (const failure of failures) console.error(`\n--- ${failure}`);
console.log(
	`${CASES.length * 2 - failures.length} passed, ${failures.length} failed (${seconds}s)`,
);
process.exit(failures.length === 0 ? 0 : 1);
