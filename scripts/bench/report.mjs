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
		Math.round(row.requestsPerSecond),
		Math.round(row.baselineRequestsPerSecond),
		fixed(row.ratio, 3),
		row.p50Ms,
		row.p99Ms,
		`${fixed(row.serverCpuMicrosPerRequest, 0)} / ${fixed(row.baselineCpuMicrosPerRequest, 0)}`,
		row.unexpected,
	]);
	const body = table(
		[
			"endpoint",
			"path",
			"status",
			"req/s",
			"baseline req/s",
			"ratio",
			"p50 ms",
			"p99 ms",
			"workerd CPU µs/req (target / baseline)",
			"errors",
		],
		rows,
	);
	const b = result.bundle;
	const s = result.startup;
	return `${body}

bundle: ${b.wranglerKiB ?? fixed(b.bytes / 1024, 2)} KiB, gzip ${b.wranglerGzipKiB ?? fixed(b.gzipBytes / 1024, 2)} KiB (wrangler) / ${fixed(b.gzipBytes / 1024, 2)} KiB (gzip -9)
start-up: runtime answers after ${fixed(s.runtimeReadyMs, 0)} ms; first /feed.xml after ${fixed(s.firstResponseMs, 0)} ms (that request: ${fixed(s.firstRequestMs, 1)} ms)
workerd RSS: ${fixed(result.memory.rssAfterFirstResponseMiB, 1)} MiB after start, ${fixed(result.memory.rssAfterLoadMiB, 1)} MiB after load
method: ${result.method.rounds} round(s) × ${result.method.seconds} s per run, ${result.method.connections} connections, ${result.machine.pinned ? "workerd pinned to CPU 0, autocannon to CPU 1" : "unpinned"}; ratio = target req/s ÷ mean of the baseline runs either side (median over rounds)`;
}
