/**
 * A long-lived client process (so runs pay no Node start-up), driven over IPC by load.ts.
 * Message in: { id, url, seconds, connections, headers } for an autocannon run, or
 * { id, sequence: urls } for one GET after another on one keep-alive connection.
 * Message out: { id, run }, { id, sequence } or { id, error }.
 */
import { Agent, request } from "node:http";
import autocannon from "autocannon";
import type { LoadAnswer, LoadMessage, LoadRequest, LoadResult, SequenceResult } from "./load";

function answer(message: LoadAnswer): void {
	process.send?.(message);
}

process.on("message", async (message: LoadMessage) => {
	const { id } = message;
	try {
		if ("sequence" in message) answer({ id, sequence: await sequence(message.sequence) });
		else answer({ id, run: await load(message) });
	} catch (error) {
		answer({ id, error: String(error) });
	}
});
process.on("disconnect", () => process.exit(0));

async function load({ url, seconds, connections, headers }: LoadRequest): Promise<LoadResult> {
	const result = await autocannon({ url, duration: seconds, connections, headers: { ...headers } });
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
async function sequence(urls: readonly string[]): Promise<SequenceResult[]> {
	const agent = new Agent({ keepAlive: true, maxSockets: 1 });
	const results: SequenceResult[] = [];
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

function get(url: string, agent: Agent): Promise<{ status: number; bytes: number }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { agent }, (res) => {
			let bytes = 0;
			res.on("data", (chunk: Buffer) => {
				bytes += chunk.length;
			});
			res.on("error", reject);
			res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
		});
		req.on("error", reject);
		req.end();
	});
}
