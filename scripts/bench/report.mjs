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
method: ${result.method.rounds} round(s) × ${result.method.seconds} s per run, ${result.method.connections} connections, ${result.machine.pinned ? "workerd pinned to CPU 0, autocannon to CPU 1" : "unpinned"}; order B T F B per endpoint (B F T B on odd rounds); the floor replays Edgewire's exact status, headers and body per endpoint; ÷ baseline = target req/s ÷ mean of the baseline runs either side, floor ÷ baseline likewise, ÷ floor = target ÷ floor req/s of the same round (medians over rounds); p50/p99 are the target's`;
}
