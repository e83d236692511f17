/**
 * A long-lived autocannon process (so runs pay no Node start-up), driven over IPC by load.mjs.
 * Message in: { id, url, seconds, connections, headers }; out: { id, result } or { id, error }.
 */
import autocannon from "autocannon";

process.on("message", async ({ id, url, seconds, connections, headers }) => {
	try {
		const result = await autocannon({ url, duration: seconds, connections, headers });
		const statuses = Object.fromEntries(
			Object.entries(result.statusCodeStats ?? {}).map(([status, stat]) => [status, stat.count]),
		);
		process.send({
			id,
			result: {
				requestsPerSecond: result.requests.average,
				total: result.requests.total,
				p50Ms: result.latency.p50,
				p99Ms: result.latency.p99,
				meanMs: result.latency.average,
				errors: result.errors + result.timeouts,
				statuses,
			},
		});
	} catch (error) {
		process.send({ id, error: String(error) });
	}
});
process.on("disconnect", () => process.exit(0));
