/**
 * A long-lived client process (so runs pay no Node start-up), driven over IPC by load.mjs.
 * Message in: { id, url, seconds, connections, headers } for an autocannon run, or
 * { id, sequence: urls } for one GET after another on one keep-alive connection.
 * Message out: { id, result } or { id, error }.
 */
import { Agent, request } from "node:http";
import autocannon from "autocannon";

process.on("message", async (message) => {
	const { id } = message;
	try {
		const result = message.sequence === undefined ? await load(message) : await sequence(message);
		process.send({ id, result });
	} catch (error) {
		process.send({ id, error: String(error) });
	}
});
process.on("disconnect", () => process.exit(0));

async function load({ url, seconds, connections, headers }) {
	const result = await autocannon({ url, duration: seconds, connections, headers });
	const statuses = Object.fromEntries(
		Object.entries(result.statusCodeStats ?? {}).map(([status, stat]) => [status, stat.count]),
	);
	return {
		requestsPerSecond: result.requests.average,
		total: result.requests.total,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		meanMs: result.latency.average,
		errors: result.errors + result.timeouts,
		statuses,
	};
}

/** Each URL in turn; per request, the time from sending it to its last body byte, and its status. */
async function sequence({ sequence: urls }) {
	const agent = new Agent({ keepAlive: true, maxSockets: 1 });
	const results = [];
	try {
		for (const url of urls) {
			const sent = performance.now();
			const { status, bytes } = await get(url, agent);
			results.push({ ms: performance.now() - sent, status, bytes });
		}
	} finally {
		agent.destroy();
	}
	return results;
}

function get(url, agent) {
	return new Promise((resolve, reject) => {
		const req = request(url, { agent }, (res) => {
			let bytes = 0;
			res.on("data", (chunk) => {
				bytes += chunk.length;
			});
			res.on("error", reject);
			res.on("end", () => resolve({ status: res.statusCode, bytes }));
		});
		req.on("error", reject);
		req.end();
	});
}
