/** Formatting shared by `bench` and `bench:scale`. */

export function median(values) {
	const known = values.filter((value) => typeof value === "number" && Number.isFinite(value));
	if (known.length === 0) return undefined;
	const sorted = [...known].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function table(header, rows) {
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
	);
	const line = (cells) =>
		`| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(" | ")} |`;
	return [
		line(header),
		`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
		...rows.map(line),
	].join("\n");
}

const fixed = (value, digits) => (value === undefined ? "n/a" : value.toFixed(digits));

/** The `npm run bench` table, as markdown (so it can be pasted into docs/performance.md). */
export function formatTable(result) {
	const rows = result.endpoints.map((row) => [
		row.name,
		row.path.length > 32 ? `${row.path.slice(0, 29)}...` : row.path,
		row.status,
		row.bodyBytes ?? "n/a",
		Math.round(row.requestsPerSecond),
		Math.round(row.floor.requestsPerSecond),
		Math.round(row.baselineRequestsPerSecond),
		fixed(row.ratio, 3),
		fixed(row.floor.ratio, 3),
		fixed(row.toFloor, 3),
		row.p50Ms,
		row.p99Ms,
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

const count = (n) => n.toLocaleString("en-US");
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** The `npm run bench:scale` tables and verdicts, as markdown. */
export function formatScaleReport(result) {
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
		]),
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
				`${Math.round(endpoint.requestsPerSecond)} / ${Math.round(endpoint.floor.requestsPerSecond)}`,
				fixed(endpoint.toFloor, 2),
				`${fixed(endpoint.serverCpuMicrosPerRequest, 0)} / ${fixed(endpoint.floorCpuMicrosPerRequest, 0)}`,
				fixed(endpoint.cpuToFloor, 2),
				endpoint.cpuToFloorRatios.map((ratio) => fixed(ratio, 2)).join(", "),
				endpoint.cpuToFloor <= CPU_TO_FLOOR_LIMIT ? "yes" : "no",
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

Memory as distinct article pages are served (the first ${result.method.warmupPages} warm the isolate, the next ${result.method.samplePages} are the never-served sample; the heap run has the inspector open):
${memory}

${verdicts(result).join("\n")}
method: ${result.method.rounds} round(s) × ${result.method.seconds} s per run, ${result.method.connections} connections, ${result.machine.pinned ? "workerd pinned to CPU 0, load generator to CPU 1" : "unpinned"}; start-up is the median of ${result.method.starts} fresh starts; total ${seconds(result.totalMs)}`;
}

function verdicts(result) {
	const { rows } = result;
	const lines = [];
	const [smallest, largest] = [rows[0], rows.at(-1)];
	if (smallest !== undefined && largest !== undefined && largest !== smallest) {
		const growth = largest.startup.firstResponseMs / smallest.startup.firstResponseMs;
		lines.push(
			`start-up: first /feed.xml at ${count(largest.articles)} ÷ at ${count(smallest.articles)} = ${fixed(growth, 2)} (limit ${STARTUP_GROWTH_LIMIT}): ${growth <= STARTUP_GROWTH_LIMIT ? "met" : "NOT met"}`,
		);
	}
	const all = rows.flatMap((row) => row.endpoints.map((endpoint) => ({ row, endpoint })));
	const over = all.filter(({ endpoint }) => !(endpoint.cpuToFloor <= CPU_TO_FLOOR_LIMIT));
	lines.push(
		`warm CPU per request within ${Math.round((CPU_TO_FLOOR_LIMIT - 1) * 100)}% of the floor: ${all.length - over.length} of ${all.length}${over.length === 0 ? "" : `; over: ${over.map(({ row, endpoint }) => `${endpoint.name} at ${count(row.articles)} (${fixed(endpoint.cpuToFloor, 2)})`).join(", ")}`}`,
	);
	for (const row of rows) {
		const { rss, heap } = row.memory;
		const last = rss.at(-1);
		const earlier = rss.findLast((point) => point.pages <= last.pages - 2000);
		const isolate = Math.max(...heap.map((point) => point.heapTotalMiB + point.backingMiB));
		lines.push(
			`memory at ${count(row.articles)}: workerd RSS ${fixed(last.rssMiB, 0)} MiB after ${count(last.pages)} distinct pages${earlier === undefined ? "" : ` (${fixed(earlier.rssMiB, 0)} MiB ${count(last.pages - earlier.pages)} pages before)`}; the target isolate at most ${fixed(isolate, 0)} MiB (V8 heap + array buffers) of its 128 MB`,
		);
	}
	return lines;
}
