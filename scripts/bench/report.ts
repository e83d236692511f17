/** Formatting shared by `bench` and `bench:scale`, and the results they format. */

import type { EndpointSummary } from "./floorComparison";
import type { IndexSize, SearchFigures } from "./searchScale";

/** The machine a bench ran on. */
export interface Machine {
	readonly cpus: number;
	readonly model: string | undefined;
	readonly node: string;
	readonly pinned: boolean;
}

/** The production bundle's size. */
export interface BundleSize {
	readonly bytes: number;
	readonly gzipBytes: number;
	readonly wranglerKiB?: number | undefined;
	readonly wranglerGzipKiB: number | undefined;
}

/** An endpoint of `npm run bench`, with the ratio its floor is held to. */
export interface BenchEndpoint extends EndpointSummary {
	readonly floor: EndpointSummary["floor"] & {
		readonly target: number;
		readonly meetsTarget: boolean;
	};
}

/** What `npm run bench` writes to bench-results/. */
export interface BenchResult {
	readonly date: string;
	readonly commit: string;
	readonly machine: Machine;
	readonly method: {
		readonly seconds: number;
		readonly rounds: number;
		readonly connections: number;
		readonly runtime: string;
		readonly store: string;
		readonly loadGenerator: string;
		readonly order: string;
		readonly floor: string;
	};
	readonly bundle: BundleSize;
	readonly startup: {
		readonly runtimeReadyMs: number;
		readonly firstResponseMs: number;
		readonly firstRequestMs: number;
	};
	readonly memory: {
		readonly rssAfterFirstResponseMiB: number | undefined;
		readonly rssAfterLoadMiB: number | undefined;
	};
	readonly endpoints: readonly BenchEndpoint[];
	targetsMet?: boolean;
	failures?: readonly string[];
	floorMeetsTargets?: boolean;
}

/** A start of the Worker on a store: runtime ready, first /feed.xml, that request, RSS. */
export interface Startup {
	readonly runtimeReadyMs: number;
	readonly firstResponseMs: number;
	readonly firstRequestMs: number;
	readonly rssMiB: number | undefined;
}

/** Latency of never-served article pages. */
export interface FirstRequest {
	readonly warmupPages: number;
	readonly pages: number;
	readonly p50Ms: number | undefined;
	readonly p99Ms: number | undefined;
	readonly meanMs: number;
	readonly maxMs: number;
}

/** A command's wall time and the counts it printed. */
export interface CommandRun {
	readonly ms: number;
	readonly counts: Readonly<Record<string, number>>;
}

/** One archive size of `npm run bench:scale`. */
export interface ScaleRow {
	readonly articles: number;
	readonly store: {
		readonly prepareMs: number;
		readonly importMs: number;
		readonly importCounts: Readonly<Record<string, number>>;
		readonly d1Bytes: number;
	};
	readonly startup: {
		readonly fresh: readonly Startup[];
		readonly runtimeReadyMs: number | undefined;
		readonly firstResponseMs: number | undefined;
		readonly firstRequestMs: number | undefined;
		readonly afterImport: Startup;
	};
	readonly endpoints: readonly EndpointSummary[];
	readonly rssAfterLoadMiB: number | undefined;
	readonly firstRequest: {
		readonly asDeployed: FirstRequest;
		readonly withoutEdgeCache: FirstRequest;
	};
	readonly memory: {
		readonly distinctPages: number;
		readonly rssReadyMiB: number | undefined;
		readonly rss: readonly { readonly pages: number; readonly rssMiB: number | undefined }[];
		readonly heap: readonly {
			readonly pages: number;
			readonly heapUsedMiB: number | undefined;
			readonly heapTotalMiB: number | undefined;
			readonly backingMiB: number | undefined;
		}[];
	};
	readonly commands: {
		readonly publishOneChange: CommandRun;
		readonly reimportOneChange: CommandRun;
		readonly searchRebuild: CommandRun;
	};
	/** Each query shape: latency of /search.json and /search, rows read, where it is ranked. */
	readonly search: readonly SearchFigures[];
	/** What the search index takes in the store's file (undefined without the sqlite3 shell). */
	readonly searchIndex: IndexSize | undefined;
}

/** What `npm run bench:scale` writes to bench-results/. */
export interface ScaleResult {
	readonly date: string;
	readonly commit: string;
	readonly machine: Machine;
	readonly method: {
		readonly seconds: number;
		readonly rounds: number;
		readonly connections: number;
		readonly starts: number;
		readonly warmupPages: number;
		readonly samplePages: number;
		readonly memoryPages: number;
		readonly searchWarmup: number;
		readonly searchSamples: number;
		readonly runtime: string;
		readonly store: string;
	};
	readonly bundle: BundleSize;
	readonly totalMs: number;
	readonly rows: readonly ScaleRow[];
}

export function median(values: readonly (number | undefined)[]): number | undefined {
	const known = values.filter(
		(value): value is number => typeof value === "number" && Number.isFinite(value),
	);
	if (known.length === 0) return undefined;
	const sorted = [...known].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const [lower = Number.NaN, upper = Number.NaN] = sorted.slice(middle - 1, middle + 1);
	return sorted.length % 2 === 1 ? sorted[middle] : (lower + upper) / 2;
}

export function table(
	header: readonly string[],
	rows: readonly (readonly (string | number)[])[],
): string {
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
	);
	const line = (cells: readonly (string | number)[]) =>
		`| ${cells.map((cell, i) => String(cell).padEnd(widths[i] ?? 0)).join(" | ")} |`;
	return [
		line(header),
		`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
		...rows.map(line),
	].join("\n");
}

const fixed = (value: number | undefined, digits: number) =>
	value === undefined ? "n/a" : value.toFixed(digits);
const rounded = (value: number | undefined) => (value === undefined ? "n/a" : Math.round(value));

/** The `npm run bench` table, as markdown (so it can be pasted into docs/performance.md). */
export function formatTable(result: BenchResult): string {
	const rows = result.endpoints.map((row) => [
		row.name,
		row.path.length > 32 ? `${row.path.slice(0, 29)}...` : row.path,
		row.status,
		row.bodyBytes ?? "n/a",
		rounded(row.requestsPerSecond),
		rounded(row.floor.requestsPerSecond),
		rounded(row.baselineRequestsPerSecond),
		fixed(row.ratio, 3),
		fixed(row.floor.ratio, 3),
		fixed(row.toFloor, 3),
		row.p50Ms ?? "n/a",
		row.p99Ms ?? "n/a",
		[row.serverCpuMicrosPerRequest, row.floorCpuMicrosPerRequest, row.baselineCpuMicrosPerRequest]
			.map((value) => fixed(value, 0))
			.join(" / "),
		fixed(row.cpuToFloor, 3),
		row.clientCpuMicrosPerRequest === undefined
			? "n/a"
			: [
					row.clientCpuMicrosPerRequest.target,
					row.clientCpuMicrosPerRequest.floor,
					row.clientCpuMicrosPerRequest.baseline,
				]
					.map((value) => fixed(value, 0))
					.join(" / "),
		row.unexpected + row.floor.unexpected,
	]);
	const body = table(
		[
			"endpoint",
			"path",
			"status",
			"body B",
			"req/s",
			"floor req/s",
			"baseline req/s",
			"÷ baseline",
			"floor ÷ baseline",
			"÷ floor",
			"p50 ms",
			"p99 ms",
			"workerd CPU µs/req (target / floor / baseline)",
			"CPU ÷ floor",
			"autocannon CPU µs/req (same)",
			"errors",
		],
		rows,
	);
	const floorCheck = result.endpoints
		.map(
			(row) =>
				`${row.name} ${fixed(row.floor.ratio, 3)} ${row.floor.meetsTarget ? "meets" : "MISSES"} ${row.floor.target}`,
		)
		.join(", ");
	const b = result.bundle;
	const s = result.startup;
	return `${body}

bundle: ${b.wranglerKiB ?? fixed(b.bytes / 1024, 2)} KiB, gzip ${b.wranglerGzipKiB ?? fixed(b.gzipBytes / 1024, 2)} KiB (wrangler) / ${fixed(b.gzipBytes / 1024, 2)} KiB (gzip -9)
start-up: runtime answers after ${fixed(s.runtimeReadyMs, 0)} ms; first /feed.xml after ${fixed(s.firstResponseMs, 0)} ms (that request: ${fixed(s.firstRequestMs, 1)} ms)
workerd RSS: ${fixed(result.memory.rssAfterFirstResponseMiB, 1)} MiB after start, ${fixed(result.memory.rssAfterLoadMiB, 1)} MiB after load
floor against the ratio target (can these bytes reach it on this runtime at all?): ${floorCheck}
method: the target reads a local D1 store (content/ only) through Miniflare; ${result.method.rounds} round(s) × ${result.method.seconds} s per run, ${result.method.connections} connections, ${result.machine.pinned ? "workerd pinned to CPU 0, autocannon to CPU 1" : "unpinned"}; order B T F B per endpoint (B F T B on odd rounds); the floor replays Edgewire's exact status, headers and body per endpoint; ÷ baseline = target req/s ÷ mean of the baseline runs either side, floor ÷ baseline likewise, ÷ floor = target ÷ floor req/s of the same round, CPU ÷ floor = target ÷ floor workerd CPU per request of the same round (medians over rounds); p50/p99 are the target's`;
}

/** Warm CPU per request may exceed the floor's by this much (issue 9). */
export const CPU_TO_FLOOR_LIMIT = 1.1;
/** Start-up at the largest size may take this many times the smallest's (issue 9). */
export const STARTUP_GROWTH_LIMIT = 1.2;

const count = (n: number) => n.toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The `npm run bench:scale` tables and verdicts, as markdown. */
export function formatScaleReport(result: ScaleResult): string {
	const { rows } = result;
	const sizes = table(
		[
			"articles",
			"D1 on disk MiB",
			"import",
			"runtime ready ms",
			"first /feed.xml ms (that request)",
			"after import: first /feed.xml ms",
			"never-served page p50 / p99 ms",
			"same, no edge-cache lookup",
			"workerd RSS MiB: ready → after N distinct pages",
			"target isolate MiB: V8 heap + array buffers",
			"publish, 1 file changed",
			"import, 1 line changed",
			"search index MiB (articles MiB)",
			"search:rebuild",
		],
		rows.map((row) => [
			count(row.articles),
			fixed(row.store.d1Bytes / 1048576, 0),
			seconds(row.store.importMs),
			fixed(row.startup.runtimeReadyMs, 0),
			`${fixed(row.startup.firstResponseMs, 0)} (${fixed(row.startup.firstRequestMs, 0)})`,
			`${fixed(row.startup.afterImport.firstResponseMs, 0)} (${fixed(row.startup.afterImport.firstRequestMs, 0)})`,
			`${fixed(row.firstRequest.asDeployed.p50Ms, 1)} / ${fixed(row.firstRequest.asDeployed.p99Ms, 1)}`,
			`${fixed(row.firstRequest.withoutEdgeCache.p50Ms, 1)} / ${fixed(row.firstRequest.withoutEdgeCache.p99Ms, 1)}`,
			`${fixed(row.memory.rssReadyMiB, 0)} → ${fixed(row.memory.rss.at(-1)?.rssMiB, 0)} (N = ${count(row.memory.distinctPages)})`,
			`${fixed(row.memory.heap.at(-1)?.heapTotalMiB, 0)} + ${fixed(row.memory.heap.at(-1)?.backingMiB, 0)}`,
			seconds(row.commands.publishOneChange.ms),
			seconds(row.commands.reimportOneChange.ms),
			row.searchIndex === undefined
				? "n/a"
				: `${fixed(row.searchIndex.searchBytes / 1048576, 0)} (${fixed(row.searchIndex.articleBytes / 1048576, 0)})`,
			seconds(row.commands.searchRebuild.ms),
		]),
	);
	const search = table(
		[
			"articles",
			"shape",
			"query",
			"articles holding it",
			"ranked among",
			"matches there",
			"rows read",
			"/search.json p50 / p99 ms",
			"/search p50 / p99 ms",
			`p99 < ${SEARCH_P99_LIMIT_MS} ms`,
		],
		rows.flatMap((row) =>
			row.search.map((figures) => [
				count(row.articles),
				figures.shape,
				figures.query,
				count(figures.articles),
				figures.scope === "recent" ? "newest" : "all",
				count(figures.total),
				count(figures.rowsRead),
				`${fixed(figures.json.p50Ms, 1)} / ${fixed(figures.json.p99Ms, 1)}`,
				`${fixed(figures.page.p50Ms, 1)} / ${fixed(figures.page.p99Ms, 1)}`,
				withinSearchLimit(figures) ? "yes" : "no",
			]),
		),
	);
	const warm = table(
		[
			"articles",
			"endpoint",
			"status",
			"body B",
			"req/s target / floor",
			"÷ floor",
			"workerd CPU µs/req target / floor",
			"CPU ÷ floor",
			"CPU ÷ floor per round",
			`≤ ${CPU_TO_FLOOR_LIMIT}`,
			"errors",
		],
		rows.flatMap((row) =>
			row.endpoints.map((endpoint) => [
				count(row.articles),
				endpoint.name,
				endpoint.status,
				endpoint.bodyBytes,
				`${rounded(endpoint.requestsPerSecond)} / ${rounded(endpoint.floor.requestsPerSecond)}`,
				fixed(endpoint.toFloor, 2),
				`${fixed(endpoint.serverCpuMicrosPerRequest, 0)} / ${fixed(endpoint.floorCpuMicrosPerRequest, 0)}`,
				fixed(endpoint.cpuToFloor, 2),
				endpoint.cpuToFloorRatios.map((ratio) => fixed(ratio, 2)).join(", "),
				withinCpuLimit(endpoint) ? "yes" : "no",
				endpoint.unexpected + endpoint.floor.unexpected,
			]),
		),
	);
	const memory = rows
		.flatMap((row) => [
			`${count(row.articles)}, workerd RSS: ${row.memory.rss.map((point) => `${count(point.pages)} pages ${fixed(point.rssMiB, 0)}`).join(", ")} MiB`,
			`${count(row.articles)}, target V8 heap total + array buffers: ${row.memory.heap.map((point) => `${count(point.pages)} pages ${fixed(point.heapTotalMiB, 0)} + ${fixed(point.backingMiB, 0)}`).join(", ")} MiB`,
		])
		.join("\n");
	return `${sizes}

${warm}

Search in a warm isolate: ${result.method.searchSamples} requests per shape and format after ${result.method.searchWarmup} unmeasured, one after another, each a spelling of the query the isolate has not answered (case, diaeresis); rows read by one search of page 1:
${search}

Memory as distinct article pages are served (the first ${result.method.warmupPages} warm the isolate, the next ${result.method.samplePages} are the never-served sample; the heap run has the inspector open):
${memory}

${verdicts(result).join("\n")}
method: ${result.method.rounds} round(s) × ${result.method.seconds} s per run, ${result.method.connections} connections, ${result.machine.pinned ? "workerd pinned to CPU 0, load generator to CPU 1" : "unpinned"}; start-up is the median of ${result.method.starts} fresh starts; total ${seconds(result.totalMs)}`;
}

/** The issue's target for every search shape: p99 under this, locally. */
export const SEARCH_P99_LIMIT_MS = 20;

function withinSearchLimit(figures: SearchFigures): boolean {
	return [figures.json.p99Ms, figures.page.p99Ms].every(
		(p99) => p99 !== undefined && p99 < SEARCH_P99_LIMIT_MS,
	);
}

/** Whether an endpoint's warm CPU per request is within CPU_TO_FLOOR_LIMIT of its floor's. */
function withinCpuLimit(endpoint: EndpointSummary): boolean {
	return endpoint.cpuToFloor !== undefined && endpoint.cpuToFloor <= CPU_TO_FLOOR_LIMIT;
}

function verdicts(result: ScaleResult): string[] {
	const { rows } = result;
	const lines: string[] = [];
	const [smallest, largest] = [rows[0], rows.at(-1)];
	if (smallest !== undefined && largest !== undefined && largest !== smallest) {
		const growth =
			(largest.startup.firstResponseMs ?? Number.NaN) /
			(smallest.startup.firstResponseMs ?? Number.NaN);
		lines.push(
			`start-up: first /feed.xml at ${count(largest.articles)} ÷ at ${count(smallest.articles)} = ${fixed(growth, 2)} (limit ${STARTUP_GROWTH_LIMIT}): ${growth <= STARTUP_GROWTH_LIMIT ? "met" : "NOT met"}`,
		);
	}
	const all = rows.flatMap((row) => row.endpoints.map((endpoint) => ({ row, endpoint })));
	const over = all.filter(({ endpoint }) => !withinCpuLimit(endpoint));
	lines.push(
		`warm CPU per request within ${Math.round((CPU_TO_FLOOR_LIMIT - 1) * 100)}% of the floor: ${all.length - over.length} of ${all.length}${over.length === 0 ? "" : `; over: ${over.map(({ row, endpoint }) => `${endpoint.name} at ${count(row.articles)} (${fixed(endpoint.cpuToFloor, 2)})`).join(", ")}`}`,
	);
	const searches = rows.flatMap((row) => row.search.map((figures) => ({ row, figures })));
	const slow = searches.filter(({ figures }) => !withinSearchLimit(figures));
	lines.push(
		`search p99 under ${SEARCH_P99_LIMIT_MS} ms (both formats): ${searches.length - slow.length} of ${searches.length} shapes${slow.length === 0 ? "" : `; over: ${slow.map(({ row, figures }) => `${figures.shape} at ${count(row.articles)} (${fixed(figures.json.p99Ms, 1)} / ${fixed(figures.page.p99Ms, 1)} ms)`).join(", ")}`}`,
	);
	for (const row of rows) {
		const { rss, heap } = row.memory;
		const last = rss.at(-1);
		if (last === undefined) continue;
		const earlier = rss.findLast((point) => point.pages <= last.pages - 2000);
		const isolate = Math.max(
			...heap.map((point) => (point.heapTotalMiB ?? Number.NaN) + (point.backingMiB ?? Number.NaN)),
		);
		lines.push(
			`memory at ${count(row.articles)}: workerd RSS ${fixed(last.rssMiB, 0)} MiB after ${count(last.pages)} distinct pages${earlier === undefined ? "" : ` (${fixed(earlier.rssMiB, 0)} MiB ${count(last.pages - earlier.pages)} pages before)`}; the target isolate at most ${fixed(isolate, 0)} MiB (V8 heap + array buffers) of its 128 MB`,
		);
	}
	return lines;
}
