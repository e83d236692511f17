/**
 * Feed readers written in other languages, run as processes on the feeds the Worker serves:
 * Python's feedparser (Debian `python3-feedparser`) and Go's gofeed (Debian `golang-go` and
 * `golang-github-mmcdole-gofeed-dev`). Each is a small program in tests/conformance/readers/ that
 * reads feed files and prints, per item, what a reader shows: id, link, title, dates and authors.
 *
 * They are not part of `npm test`'s set-up, so a reader that is not installed is `missing` (with
 * what to install) and its tests skip; CI installs them and requires them (`readersRequired`).
 *
 * @example
 * const running = await gofeed.start();
 * const [rss] = await running.read([rssBody]);
 * await running.close();
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FeedFormat } from "./independentParsers";

/** One item as the reader gives it. Dates are RFC 3339 in UTC, null when the reader found none. */
export interface ReaderItem {
	readonly id: string | null;
	readonly link: string | null;
	readonly title: string | null;
	readonly published: string | null;
	readonly updated: string | null;
	/** Every name the reader gives for the item, in the feed's order. */
	readonly authors: readonly string[];
}

export interface ReaderDocument {
	/** The format the reader detected, in its own words (`rss20`, `atom`, ...). */
	readonly format: string;
	readonly items: readonly ReaderItem[];
}

export interface RunningReader {
	/** Reads each feed body, in one process; the documents come back in the same order. */
	read(bodies: readonly string[]): Promise<ReaderDocument[]>;
	close(): Promise<void>;
}

export interface FeedReader {
	readonly name: string;
	readonly formats: readonly FeedFormat[];
	/** Why the reader cannot run on this machine, with what to install; undefined when it can. */
	readonly missing: string | undefined;
	start(): Promise<RunningReader>;
}

const READERS = fileURLToPath(new URL("../readers/", import.meta.url));
const RUN_DEADLINE_MS = 60_000;
const BUILD_DEADLINE_MS = 180_000;

/**
 * CI installs the readers (.ci/run), so there a missing reader is a failure, not a skip: a broken
 * install must not turn the check off unnoticed.
 */
export const readersRequired = !["", "0", "false", undefined].includes(process.env.CI);

function succeeds(command: string, args: readonly string[]): boolean {
	try {
		execFileSync(command, args, { stdio: "ignore", timeout: 20_000 });
		return true;
	} catch {
		return false;
	}
}

function run(
	command: string,
	args: readonly string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string; timeout: number },
): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(
			command,
			args,
			{ ...options, maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) => {
				if (error === null) resolve(stdout);
				else reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stderr}`));
			},
		);
	});
}

/** Writes the bodies to files in a fresh folder, runs `command` on them, parses its JSON. */
async function readFiles(
	command: string,
	args: readonly string[],
	bodies: readonly string[],
): Promise<ReaderDocument[]> {
	const folder = await mkdtemp(join(tmpdir(), "edgewire-reader-"));
	try {
		const files = await Promise.all(
			bodies.map(async (body, i) => {
				const file = join(folder, `feed-${i}`);
				await writeFile(file, body);
				return file;
			}),
		);
		const documents = JSON.parse(
			await run(command, [...args, ...files], { timeout: RUN_DEADLINE_MS }),
		) as ReaderDocument[];
		if (documents.length !== bodies.length) {
			throw new Error(`${command} read ${documents.length} of ${bodies.length} documents`);
		}
		return documents;
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
}

/** Debian's Python: python3-feedparser installs for it, not for a pyenv or venv `python3`. */
const DEBIAN_PYTHON = "/usr/bin/python3";

/**
 * Python's feedparser 6.0 (Debian bookworm: 6.0.10). It has no JSON Feed parser: it takes a JSON
 * Feed for broken XML, so it reads RSS and Atom only.
 */
export const feedparser: FeedReader = {
	name: "feedparser (Python)",
	formats: ["rss", "atom"],
	missing: succeeds(DEBIAN_PYTHON, ["-c", "import feedparser"])
		? undefined
		: `${DEBIAN_PYTHON} cannot import feedparser: apt-get install -y python3-feedparser`,
	async start() {
		const script = join(READERS, "feedparser-reader.py");
		return {
			read: (bodies) => readFiles(DEBIAN_PYTHON, [script], bodies),
			close: async () => {},
		};
	},
};

/** Debian's Go packages live in this GOPATH; the program is built in GOPATH mode, offline. */
const DEBIAN_GOPATH = "/usr/share/gocode";

/** Go's gofeed 1.1 (Debian bookworm: 1.1.3): RSS, Atom and JSON Feed. */
export const gofeed: FeedReader = {
	name: "gofeed (Go)",
	formats: ["rss", "atom", "jsonFeed"],
	missing:
		succeeds("go", ["version"]) && existsSync(join(DEBIAN_GOPATH, "src/github.com/mmcdole/gofeed"))
			? undefined
			: "go or gofeed is not installed: apt-get install -y golang-go golang-github-mmcdole-gofeed-dev",
	async start() {
		const folder = await mkdtemp(join(tmpdir(), "edgewire-gofeed-"));
		const program = join(folder, "gofeed-reader");
		try {
			// Go's own build cache (GOCACHE) makes every build after the first one quick.
			await run("go", ["build", "-o", program, "gofeed-reader.go"], {
				cwd: READERS,
				env: { ...process.env, GO111MODULE: "off", GOPATH: DEBIAN_GOPATH, GOFLAGS: "" },
				timeout: BUILD_DEADLINE_MS,
			});
		} catch (error) {
			await rm(folder, { recursive: true, force: true });
			throw error;
		}
		return {
			read: (bodies) => readFiles(program, [], bodies),
			close: () => rm(folder, { recursive: true, force: true }),
		};
	},
};

export const independentReaders: readonly FeedReader[] = [feedparser, gofeed];
