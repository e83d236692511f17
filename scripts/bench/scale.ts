#!/usr/bin/env node
/**
 * `npm run bench:scale`: Edgewire on local D1 holding growing archives. For each size, a fresh
 * store is made by the real commands (`db:prepare`, then `import` of corpora/<size>.ndjson, written
 * first if missing or made by an older generator), and the production bundle is served from it through Miniflare (runtime.ts).
 * Measured per size:
 *
 * - the import's wall time;
 * - start-up: runtime ready (the baseline answers) and the first 200 of /feed.xml, from a fresh
 *   start; the first start after the import is reported apart (it replays SQLite's write-ahead log);
 * - warm requests for every feed, an archive page, an article page, its fragment and a 304, each
 *   against the size-matched floor Worker: req/s and workerd CPU per request (floorComparison.ts);
 * - in a fresh isolate warmed on `--warmup-pages` pages: `--pages` never-served article pages in a
 *   row (p50/p99), then more up to `--memory-pages` distinct pages, with workerd's RSS as it goes;
 *   the sample again without the edge-cache lookup (no version metadata binding); and all the
 *   pages once more with workerd's inspector open, for the target isolate's own V8 heap;
 * - search (searchScale.ts), in a warm isolate: for a common word, a rare word, a phrase and a
 *   prefix of the corpus (generateCorpus.ts), `--search-samples` requests of /search.json and of
 *   /search after `--search-warmup` (p50/p99); the rows D1 reads for one search; the index's pages
 *   on disk (SQLite's dbstat, through the sqlite3 shell when installed);
 * - `npm run publish` with one content file changed, `npm run import` of the archive again with
 *   one line changed, and `npm run search:rebuild`.
 *
 *   npm run bench:scale -- [--sizes 1000,10000,100000] [--seconds 3] [--rounds 3] [--starts 3]
 *     [--pages 200] [--warmup-pages 100] [--memory-pages 5000] [--search-warmup 200]
 *     [--search-samples 500] [--connections 4] [--no-pin]
 *
 * Prints tables and writes bench-results/scale-<time>-<commit>.json (and scale-latest.json).
 * Reports only; it never fails on a number.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import siteInput from "../../content/site";
import { archiveSlugs, servePages } from "./articlePages";
import { type Bundle, buildBundle } from "./bundle";
import {
	captureEndpoints,
	discoverEndpoints,
	floorFor,
	measureAgainstFloor,
} from "./floorComparison";
import { type CorpusQueries, readCorpusQueries, writeArchive } from "./generateCorpus";
import { startLoadGenerator } from "./load";
import {
	importArchive,
	prepareStore,
	publishOneChange,
	rebuildSearch,
	reimportOneChange,
} from "./localStore";
import { formatScaleReport, median, type ScaleResult, type ScaleRow, type Startup } from "./report";
import {
	canPin,
	d1PersistPath,
	type FloorWorker,
	firstResponse,
	freePort,
	type Runtime,
	rssMiB,
	startRuntime,
} from "./runtime";
import { indexSize, SHAPES, searchCosts, searchLatencies } from "./searchScale";

/** Starts of the Worker on one store (runtimesFor). */
interface Runtimes {
	readonly origin: string;
	readonly baseline: string;
	readonly floorPort: number;
	with<T>(
		body: (runtime: Runtime) => Promise<T>,
		options?: {
			readonly floor?: FloorWorker;
			readonly edgeCache?: boolean;
			readonly inspect?: boolean;
		},
	): Promise<T>;
	startup(runtime: Runtime): Promise<Startup>;
}

const { values: options } = parseArgs({
	options: {
		sizes: { type: "string", default: "1000,10000,100000" },
		seconds: { type: "string", default: "3" },
		rounds: { type: "string", default: "3" },
		connections: { type: "string", default: "4" },
		starts: { type: "string", default: "3" },
		pages: { type: "string", default: "200" },
		"warmup-pages": { type: "string", default: "100" },
		"memory-pages": { type: "string", default: "5000" },
		"search-warmup": { type: "string", default: "200" },
		"search-samples": { type: "string", default: "500" },
		corpora: { type: "string", default: "corpora" },
		"no-pin": { type: "boolean", default: false },
		out: { type: "string", default: "bench-results" },
	},
});
const sizes = options.sizes.split(",").map(Number);
const seconds = Number(options.seconds);
const rounds = Number(options.rounds);
const connections = Number(options.connections);
const starts = Number(options.starts);
const samplePages = Number(options.pages);
const warmupPages = Number(options["warmup-pages"]);
const memoryPages = Number(options["memory-pages"]);
const searchWarmup = Number(options["search-warmup"]);
const searchSamples = Number(options["search-samples"]);
// workerd on CPU 0, the load generator on CPU 1: neither steals the other's core (needs >= 2 CPUs).
const pin = !options["no-pin"] && canPin && cpus().length >= 2;
const [serverCpu, loadCpu] = pin ? [0, 1] : [undefined, undefined];
const root = process.cwd();
const began = performance.now();

const work = mkdtempSync(join(tmpdir(), "edgewire-scale-"));
const loadGenerator = startLoadGenerator({ cpu: loadCpu });
const rows: ScaleRow[] = [];
let build: Bundle | undefined;
try {
	console.log("Building the production bundle (wrangler deploy --dry-run)...");
	build = buildBundle(root, join(work, "dist"));
	for (const size of sizes) {
		console.log(`\n== ${size} articles`);
		const archive = resolve(options.corpora, `${size}.ndjson`);
		let queries = readCorpusQueries(archive);
		if (queries === undefined) {
			console.log(`  writing ${archive}...`);
			queries = await writeArchive(size, archive);
		}
		const dir = join(work, String(size));
		mkdirSync(dir);
		try {
			rows.push({ articles: size, ...(await measureSize(size, archive, queries, dir)) });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
} finally {
	await loadGenerator.stop();
	rmSync(work, { recursive: true, force: true });
}
report(rows);

async function measureSize(
	size: number,
	archive: string,
	queries: CorpusQueries,
	dir: string,
): Promise<Omit<ScaleRow, "articles">> {
	const persistTo = join(dir, "state");
	const prepared = await prepareStore(root, persistTo);
	console.log(`  db:prepare ${(prepared.ms / 1000).toFixed(1)} s; importing ${archive}...`);
	const imported = await importArchive(root, archive, persistTo);
	console.log(`  import ${(imported.ms / 1000).toFixed(1)} s (${imported.counts.added} added)`);
	const store = {
		prepareMs: prepared.ms,
		importMs: imported.ms,
		importCounts: imported.counts,
		d1Bytes: directoryBytes(d1PersistPath(persistTo)),
	};
	const runtimes = await runtimesFor(dir, persistTo);
	const { origin } = runtimes;

	// The first start after the import: start-up, the endpoints, their exact responses, and a check
	// that the Worker sees the whole archive.
	const first = await runtimes.with(async (runtime) => {
		const afterImport = await runtimes.startup(runtime);
		await checkArchiveVisible(origin, size);
		// A corpus article (the oldest in the feed), not the seed article, which is newer than all.
		const endpoints = await discoverEndpoints(origin, { archive: true, articleIndex: -1 });
		return { afterImport, endpoints, responses: await captureEndpoints(endpoints) };
	});
	console.log(
		`  start after import: ready ${ms(first.afterImport.runtimeReadyMs)}, first /feed.xml ${ms(first.afterImport.firstResponseMs)}`,
	);
	const page = first.endpoints.find((endpoint) => endpoint.name === "page");
	if (page === undefined) throw new Error("no article page among the endpoints");
	const slugs = await archiveSlugs(
		archive,
		Math.min(memoryPages, size - 1),
		new Set([new URL(page.url).pathname.split("/").at(-1) ?? ""]),
	);
	const pages = await startsAndPages(runtimes, slugs);
	const startup = { ...pages.startup, afterImport: first.afterImport };
	const { firstRequest, memory } = pages;

	// Target, floor and baseline in one process: the load runs.
	const { endpoints, floor } = floorFor(first.endpoints, first.responses, runtimes.floorPort);
	const warm = await runtimes.with(
		async (runtime) => ({
			endpoints: await measureAgainstFloor({
				runtime,
				baseline: runtimes.baseline,
				endpoints,
				responses: first.responses,
				loadGenerator,
				seconds,
				rounds,
				connections,
			}),
			rssAfterLoadMiB: rssMiB(runtime.pid),
		}),
		{ floor },
	);

	// Search in a warm isolate, each query shape; then, with no runtime on the store, what one
	// search reads and what the index takes on disk.
	const latencies = await runtimes.with(async (runtime) => {
		await firstResponse(`${origin}/feed.xml`, runtime.startedAt, { runtime });
		return searchLatencies(origin, queries, {
			warmup: searchWarmup,
			samples: searchSamples,
			loadGenerator,
		});
	});
	const costs = await searchCosts(persistTo, queries, siteInput.pageSize);
	const search = SHAPES.map((shape) => ({
		shape,
		query: queries[shape].text,
		articles: queries[shape].articles,
		...costs[shape],
		...latencies[shape],
	}));
	for (const figures of search) {
		console.log(
			`  search ${figures.shape} ${figures.query}: ${figures.scope}, ${figures.total} matches, ${figures.rowsRead} rows read; p50/p99 ${ms(figures.json.p50Ms, 1)}/${ms(figures.json.p99Ms, 1)} (json), ${ms(figures.page.p50Ms, 1)}/${ms(figures.page.p99Ms, 1)} (page)`,
		);
	}
	const searchIndex = indexSize(persistTo);

	// The commands, against this store (no runtime is running any more).
	const published = await publishOneChange(root, dir, persistTo);
	console.log(
		`  publish, one file changed: ${ms(published.ms)} (${published.counts.changed} changed)`,
	);
	const reimported = await reimportOneChange(root, archive, Math.ceil(size / 2), dir, persistTo);
	console.log(
		`  import again, one line changed: ${ms(reimported.ms)} (${reimported.counts.changed} changed, ${reimported.counts.unchanged} unchanged)`,
	);
	const rebuilt = await rebuildSearch(root, persistTo);
	console.log(`  search:rebuild: ${ms(rebuilt.ms)} (${rebuilt.counts.indexed} indexed)`);
	return {
		store,
		startup,
		search,
		searchIndex,
		endpoints: warm.endpoints,
		rssAfterLoadMiB: warm.rssAfterLoadMiB,
		firstRequest,
		memory,
		commands: {
			publishOneChange: { ms: published.ms, counts: published.counts },
			reimportOneChange: { ms: reimported.ms, counts: reimported.counts },
			searchRebuild: { ms: rebuilt.ms, counts: rebuilt.counts },
		},
	};
}

/**
 * Starting the Worker on this store: `with(body, { floor, edgeCache, inspect })` runs `body` with
 * a fresh runtime and stops it after; `startup(runtime)` measures a start. One deployment (version
 * metadata) for every start, so each serves the same bytes; `edgeCache: false` leaves it out.
 */
async function runtimesFor(dir: string, persistTo: string): Promise<Runtimes> {
	const [targetPort, baselinePort, floorPort] = [
		await freePort(),
		await freePort(),
		await freePort(),
	];
	const origin = `http://127.0.0.1:${targetPort}`;
	const baseline = `http://127.0.0.1:${baselinePort}/`;
	const deployment = { id: `bench-${randomUUID()}`, timestamp: new Date().toISOString() };
	return {
		origin,
		baseline,
		floorPort,
		async with(body, { floor, edgeCache = true, inspect = false } = {}) {
			if (build === undefined) throw new Error("the bundle is not built yet");
			const runtime = await startRuntime({
				dir,
				bundle: build.bundle,
				persistTo,
				ports: { target: targetPort, baseline: baselinePort },
				floor,
				vars: { SITE_URL: origin },
				deployment: edgeCache ? deployment : undefined,
				inspectorPort: inspect ? await freePort() : undefined,
				cpu: serverCpu,
			});
			try {
				return await body(runtime);
			} finally {
				await runtime.stop();
			}
		},
		async startup(runtime) {
			const ready = await firstResponse(baseline, runtime.startedAt, { runtime });
			const feed = await firstResponse(`${origin}/feed.xml`, runtime.startedAt, { runtime });
			return {
				runtimeReadyMs: ready.sinceStartMs,
				firstResponseMs: feed.sinceStartMs,
				firstRequestMs: feed.requestMs,
				rssMiB: rssMiB(runtime.pid),
			};
		},
	};
}

/**
 * `starts` fresh starts, the last of which goes on to serve the never-served pages `slugs` (first
 * request latency, workerd RSS); then the sample again without the edge-cache lookup, and all the
 * pages again with the inspector open (the target isolate's heap).
 */
async function startsAndPages(
	runtimes: Runtimes,
	slugs: readonly string[],
): Promise<{
	startup: Omit<ScaleRow["startup"], "afterImport">;
	firstRequest: ScaleRow["firstRequest"];
	memory: ScaleRow["memory"];
}> {
	const warmup = Math.min(warmupPages, Math.floor(slugs.length / 4));
	const sample = Math.min(samplePages, Math.floor(slugs.length / 4));
	const pages = (runtime: Runtime, count = slugs.length) =>
		servePages({
			origin: runtimes.origin,
			slugs: slugs.slice(0, count),
			warmup,
			sample,
			rssEvery: 1000,
			loadGenerator,
			runtime,
		});
	const fresh: Startup[] = [];
	let asDeployed: Awaited<ReturnType<typeof pages>> | undefined;
	for (let start = 1; start <= starts; start++) {
		await runtimes.with(async (runtime) => {
			fresh.push(await runtimes.startup(runtime));
			if (start === starts) asDeployed = await pages(runtime);
		});
	}
	const startup = {
		fresh,
		runtimeReadyMs: median(fresh.map((s) => s.runtimeReadyMs)),
		firstResponseMs: median(fresh.map((s) => s.firstResponseMs)),
		firstRequestMs: median(fresh.map((s) => s.firstRequestMs)),
	};
	console.log(
		`  fresh starts (median of ${starts}): ready ${ms(startup.runtimeReadyMs)}, first /feed.xml ${ms(startup.firstResponseMs)}`,
	);
	if (asDeployed === undefined) throw new Error("no start served the pages");
	const warmed = async (runtime: Runtime, count?: number) => {
		await firstResponse(`${runtimes.origin}/feed.xml`, runtime.startedAt, { runtime });
		return pages(runtime, count);
	};
	const withoutEdgeCache = await runtimes.with((runtime) => warmed(runtime, warmup + sample), {
		edgeCache: false,
	});
	const inspected = await runtimes.with((runtime) => warmed(runtime), { inspect: true });
	const firstRequest = {
		asDeployed: asDeployed.firstRequest,
		withoutEdgeCache: withoutEdgeCache.firstRequest,
	};
	const memory = {
		distinctPages: asDeployed.memory.distinctPages,
		rssReadyMiB: fresh.at(-1)?.rssMiB,
		rss: asDeployed.memory.rss.map(({ pages, rssMiB }) => ({ pages, rssMiB })),
		heap: inspected.memory.rss.map(({ pages, heapUsedMiB, heapTotalMiB, backingMiB }) => ({
			pages,
			heapUsedMiB,
			heapTotalMiB,
			backingMiB,
		})),
	};
	const last = <K extends string>(
		series: readonly Partial<Record<K, number | undefined>>[],
		key: K,
	) => series.at(-1)?.[key]?.toFixed(0);
	console.log(
		`  never-served pages: p50 ${ms(firstRequest.asDeployed.p50Ms, 1)}, p99 ${ms(firstRequest.asDeployed.p99Ms, 1)} (without the edge-cache lookup: ${ms(firstRequest.withoutEdgeCache.p50Ms, 1)}, ${ms(firstRequest.withoutEdgeCache.p99Ms, 1)}); after ${memory.distinctPages} pages workerd RSS ${last(memory.rss, "rssMiB")} MiB, target heap ${last(memory.heap, "heapTotalMiB")} MiB + ${last(memory.heap, "backingMiB")} MiB array buffers`,
	);
	return { startup, firstRequest, memory };
}

/** The Worker serves the imported archive: /feed.json has a full feed, /page/2 exists. */
async function checkArchiveVisible(origin: string, size: number): Promise<void> {
	const feed = (await (await fetch(`${origin}/feed.json`)).json()) as {
		readonly items: readonly unknown[];
	};
	const page2 = await fetch(`${origin}/page/2`);
	await page2.arrayBuffer();
	if (feed.items.length < Math.min(50, size) || page2.status !== 200) {
		throw new Error(
			`the Worker does not see the imported archive: /feed.json has ${feed.items.length} items, /page/2 answered ${page2.status}`,
		);
	}
}

function directoryBytes(dir: string): number {
	let bytes = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile()) bytes += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
	}
	return bytes;
}

function ms(value: number | undefined, digits = 0): string {
	if (value === undefined) return "n/a";
	return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(digits)} ms`;
}

function report(rows: readonly ScaleRow[]): void {
	if (build === undefined) return;
	const result: ScaleResult = {
		date: new Date().toISOString(),
		commit: gitCommit(),
		machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, pinned: pin },
		method: {
			seconds,
			rounds,
			connections,
			starts,
			warmupPages,
			samplePages,
			memoryPages,
			searchWarmup,
			searchSamples,
			runtime: "Miniflare (wrangler's), one workerd process, a direct socket per Worker",
			store:
				"local D1 prepared by npm run db:prepare, then npm run import of corpora/<size>.ndjson",
		},
		bundle: {
			bytes: build.bytes,
			gzipBytes: build.gzipBytes,
			wranglerGzipKiB: build.wranglerGzipKiB,
		},
		totalMs: performance.now() - began,
		rows,
	};
	console.log(`\n${formatScaleReport(result)}`);
	mkdirSync(options.out, { recursive: true });
	const json = `${JSON.stringify(result, null, 2)}\n`;
	writeFileSync(
		join(options.out, `scale-${result.date.replace(/[:.]/g, "-")}-${result.commit}.json`),
		json,
	);
	writeFileSync(join(options.out, "scale-latest.json"), json);
	console.log(`\nWrote ${join(options.out, "scale-latest.json")}`);
}

function gitCommit(): string {
	try {
		return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
	} catch {
		return "unknown";
	}
}
