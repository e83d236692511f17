/**
 * The comparison both benches make: each endpoint of the target (T) loaded next to its floor (F),
 * the same bytes replayed by a do-nothing Worker, with runs of the 3-byte baseline (B) between.
 * Throughput comes from autocannon, CPU time per request from /proc for workerd (the server) and
 * for the autocannon process (the client, which also pays for every byte).
 */
import { cpuMs } from "./cpuTime";
import { type CapturedResponse, captureResponse, floorPaths, floorWorkerSource } from "./floor";
import type { LoadGenerator, LoadResult } from "./load";
import { median } from "./report";
import { firstResponse, type Runtime } from "./runtime";

/** An endpoint under test: a URL, the request headers it is sent with, the status it must answer. */
export interface Endpoint {
	readonly name: string;
	readonly url: string;
	readonly headers?: Readonly<Record<string, string>>;
	readonly expect: number;
}

/** An endpoint with its floor URL, and the size of what it answers. */
export interface FloorEndpoint extends Endpoint {
	readonly floorUrl: string;
	readonly bytes: number;
	readonly headerCount: number;
}

/** The floor Worker: its port and its source. */
export interface Floor {
	readonly port: number;
	readonly source: string;
}

/** A load run, with CPU time per request of the server (workerd) and the client (autocannon). */
export interface MeasuredRun extends LoadResult {
	readonly serverCpuMs: number | undefined;
	readonly serverCpuMicrosPerRequest: number | undefined;
	readonly clientCpuMicrosPerRequest: number | undefined;
}

/** One round of one endpoint: target, floor and the baseline runs either side. */
interface Round {
	readonly target: MeasuredRun;
	readonly floor: MeasuredRun;
	readonly baselineRequestsPerSecond: number;
	readonly ratio: number;
	readonly floorRatio: number;
	readonly toFloor: number;
	readonly cpuToFloor: number | undefined;
	readonly baselineCpuMicrosPerRequest: number | undefined;
	readonly baselineClientCpuMicrosPerRequest: number | undefined;
}

/** One endpoint's rounds as medians, and every per-round ratio. */
export interface EndpointSummary {
	readonly name: string;
	readonly path: string;
	readonly status: number;
	readonly bodyBytes: number;
	readonly headers: number;
	readonly requestsPerSecond: number | undefined;
	readonly baselineRequestsPerSecond: number | undefined;
	readonly ratio: number | undefined;
	readonly ratios: readonly number[];
	readonly toFloor: number | undefined;
	readonly toFloorRatios: readonly number[];
	readonly cpuToFloor: number | undefined;
	readonly cpuToFloorRatios: readonly (number | undefined)[];
	readonly p50Ms: number | undefined;
	readonly p99Ms: number | undefined;
	readonly serverCpuMicrosPerRequest: number | undefined;
	readonly floorCpuMicrosPerRequest: number | undefined;
	readonly baselineCpuMicrosPerRequest: number | undefined;
	readonly clientCpuMicrosPerRequest: {
		readonly target: number | undefined;
		readonly floor: number | undefined;
		readonly baseline: number | undefined;
	};
	readonly requests: number;
	readonly unexpected: number;
	readonly floor: {
		readonly path: string;
		readonly requestsPerSecond: number | undefined;
		readonly ratio: number | undefined;
		readonly ratios: readonly number[];
		readonly p50Ms: number | undefined;
		readonly p99Ms: number | undefined;
		readonly requests: number;
		readonly unexpected: number;
	};
}

/** What every load run takes besides its URL. */
export interface LoadSettings {
	readonly loadGenerator: LoadGenerator;
	readonly seconds: number;
	readonly rounds: number;
	readonly connections: number;
}

/**
 * The endpoints under test: the feeds, an article's page and fragment (the article is taken from
 * the served JSON Feed: its `articleIndex`th item, default the newest), the 304 of /feed.xml, and
 * with `archive` the oldest RSS archive page.
 */
export async function discoverEndpoints(
	origin: string,
	{
		archive = false,
		articleIndex = 0,
	}: { readonly archive?: boolean; readonly articleIndex?: number } = {},
): Promise<Endpoint[]> {
	const feed = (await (await fetch(`${origin}/feed.json`)).json()) as {
		readonly items: readonly { readonly url: string }[];
	};
	const item = feed.items.at(articleIndex);
	if (item === undefined) throw new Error(`/feed.json has no item ${articleIndex}`);
	const article = new URL(item.url).pathname;
	const etag = (await fetch(`${origin}/feed.xml`)).headers.get("ETag");
	if (etag === null) throw new Error("/feed.xml has no ETag");
	return [
		{ name: "rss", url: `${origin}/feed.xml`, expect: 200 },
		{ name: "atom", url: `${origin}/atom.xml`, expect: 200 },
		{ name: "jsonFeed", url: `${origin}/feed.json`, expect: 200 },
		...(archive ? [{ name: "archive", url: `${origin}/archive/rss/1.xml`, expect: 200 }] : []),
		{ name: "page", url: `${origin}${article}`, expect: 200 },
		{ name: "fragment", url: `${origin}${article}/fragment`, expect: 200 },
		{ name: "rss 304", url: `${origin}/feed.xml`, headers: { "If-None-Match": etag }, expect: 304 },
	];
}

/** Each endpoint's exact response (status, headers in wire order, raw body), as autocannon gets it. */
export async function captureEndpoints(
	endpoints: readonly Endpoint[],
): Promise<CapturedResponse[]> {
	const responses: CapturedResponse[] = [];
	for (const endpoint of endpoints) {
		const response = await captureResponse(endpoint.url, endpoint.headers);
		if (response.status !== endpoint.expect)
			throw new Error(`${endpoint.url} answered ${response.status}, expected ${endpoint.expect}`);
		responses.push(response);
	}
	return responses;
}

/**
 * The floor Worker for these responses on `floorPort`, and the endpoints with their floor URL,
 * body size and header count added.
 */
export function floorFor(
	endpoints: readonly Endpoint[],
	responses: readonly CapturedResponse[],
	floorPort: number,
): { endpoints: FloorEndpoint[]; floor: Floor } {
	const paths = floorPaths(endpoints.map((endpoint) => new URL(endpoint.url).pathname));
	const captured = endpoints.map((endpoint, index) => {
		const response = responses[index];
		if (response === undefined) throw new Error(`no response captured for ${endpoint.name}`);
		return { endpoint, response, path: paths[index] ?? "" };
	});
	const withFloor = captured.map(({ endpoint, response, path }) => ({
		...endpoint,
		floorUrl: `http://127.0.0.1:${floorPort}${path}`,
		bytes: response.body.length,
		headerCount: response.headers.length,
	}));
	const source = floorWorkerSource(
		captured.map(({ response }, index) => ({ url: withFloor[index]?.floorUrl ?? "", ...response })),
	);
	return { endpoints: withFloor, floor: { port: floorPort, source } };
}

/**
 * Checks, before any load, that the floor replays every captured response exactly, and that the
 * target (started afresh) still sends those same bytes, so T and F are size-matched.
 */
async function checkReplays(
	endpoints: readonly FloorEndpoint[],
	responses: readonly CapturedResponse[],
): Promise<void> {
	for (const [index, endpoint] of endpoints.entries()) {
		const captured = responses[index];
		for (const [who, url] of [
			["floor", endpoint.floorUrl],
			["target", endpoint.url],
		] as const) {
			const replayed = await captureResponse(url, endpoint.headers);
			if (captured === undefined || !sameResponse(replayed, captured))
				throw new Error(`the ${who} does not send ${endpoint.name} exactly as captured`);
		}
	}
}

function sameResponse(a: CapturedResponse, b: CapturedResponse): boolean {
	return (
		a.status === b.status &&
		a.body.equals(b.body) &&
		JSON.stringify(a.headers.map(([n, v]) => [n.toLowerCase(), v])) ===
			JSON.stringify(b.headers.map(([n, v]) => [n.toLowerCase(), v]))
	);
}

/**
 * In a runtime that serves target, baseline and floor (floorFor): waits until all three answer,
 * checks the replays, loads every endpoint against its floor and summarises each (medians over
 * rounds, and every per-round ratio).
 */
export async function measureAgainstFloor({
	runtime,
	baseline,
	endpoints,
	responses,
	...load
}: LoadSettings & {
	readonly runtime: Runtime;
	readonly baseline: string;
	readonly endpoints: readonly FloorEndpoint[];
	readonly responses: readonly CapturedResponse[];
}): Promise<EndpointSummary[]> {
	const [first] = endpoints;
	if (first === undefined) throw new Error("no endpoint to measure");
	for (const url of [baseline, first.url, first.floorUrl]) {
		await firstResponse(url, runtime.startedAt, { runtime });
	}
	await checkReplays(endpoints, responses);
	const runs = await compareWithFloor({ serverPid: runtime.pid, baseline, endpoints, ...load });
	return endpoints.map((endpoint, index) => summarise(endpoint, runs[index] ?? []));
}

/**
 * Loads every endpoint, target and floor, after a 1 s warm-up of each URL. Per round:
 * B T1 F1 B T2 F2 B ... Tn Fn B, and B F1 T1 B F2 T2 B ... on odd rounds, so target and floor each
 * get a baseline run beside them and take turns running first. The floor gets the target's request
 * headers too (same request bytes; it ignores them). Resolves to one list of rounds per endpoint.
 */
async function compareWithFloor({
	serverPid,
	loadGenerator,
	baseline,
	endpoints,
	seconds,
	rounds,
	connections,
}: LoadSettings & {
	readonly serverPid: number;
	readonly baseline: string;
	readonly endpoints: readonly FloorEndpoint[];
}): Promise<Round[][]> {
	const load = (url: string, headers?: Readonly<Record<string, string>>) =>
		measured(serverPid, loadGenerator.pid, () =>
			loadGenerator.run(url, { seconds, connections, headers }),
		);
	for (const { url, headers } of [
		{ url: baseline },
		...endpoints.flatMap((e) => [
			{ url: e.url, headers: e.headers },
			{ url: e.floorUrl, headers: e.headers },
		]),
	]) {
		await loadGenerator.run(url, { seconds: 1, connections, headers });
	}
	const runs = endpoints.map((): Round[] => []);
	for (let round = 0; round < rounds; round++) {
		let before = await load(baseline);
		for (const [index, endpoint] of endpoints.entries()) {
			const runTarget = () => load(endpoint.url, endpoint.headers);
			const runFloor = () => load(endpoint.floorUrl, endpoint.headers);
			let target: MeasuredRun;
			let floor: MeasuredRun;
			if (round % 2 === 0) {
				target = await runTarget();
				floor = await runFloor();
			} else {
				floor = await runFloor();
				target = await runTarget();
			}
			const after = await load(baseline);
			const baselineRate = (before.requestsPerSecond + after.requestsPerSecond) / 2;
			const run: Round = {
				target,
				floor,
				baselineRequestsPerSecond: baselineRate,
				ratio: target.requestsPerSecond / baselineRate,
				floorRatio: floor.requestsPerSecond / baselineRate,
				toFloor: target.requestsPerSecond / floor.requestsPerSecond,
				cpuToFloor: ratioOf(target.serverCpuMicrosPerRequest, floor.serverCpuMicrosPerRequest),
				baselineCpuMicrosPerRequest: meanOf(
					before.serverCpuMicrosPerRequest,
					after.serverCpuMicrosPerRequest,
				),
				baselineClientCpuMicrosPerRequest: meanOf(
					before.clientCpuMicrosPerRequest,
					after.clientCpuMicrosPerRequest,
				),
			};
			runs[index]?.push(run);
			process.stdout.write(
				`  round ${round + 1} ${endpoint.name.padEnd(10)} ${Math.round(target.requestsPerSecond)} req/s, ÷ floor ${run.toFloor.toFixed(3)}; workerd CPU ${fixed(target.serverCpuMicrosPerRequest)} µs/req, floor ${fixed(floor.serverCpuMicrosPerRequest)}, ÷ floor ${fixed(run.cpuToFloor, 3)}\n`,
			);
			before = after;
		}
	}
	return runs;
}

const fixed = (value: number | undefined, digits = 0) =>
	value === undefined ? "n/a" : value.toFixed(digits);

/** a ÷ b, unknown when either is (CPU time is unknown off Linux). */
function ratioOf(a: number | undefined, b: number | undefined): number | undefined {
	return a === undefined || b === undefined ? undefined : a / b;
}

function meanOf(a: number | undefined, b: number | undefined): number | undefined {
	return a === undefined || b === undefined ? undefined : (a + b) / 2;
}

/**
 * Runs one load and adds CPU time per request (from /proc) for the server (workerd) and for the
 * client (the autocannon process).
 */
async function measured(
	serverPid: number,
	clientPid: number,
	run: () => Promise<LoadResult>,
): Promise<MeasuredRun> {
	const before = [cpuMs(serverPid), cpuMs(clientPid)];
	const result = await run();
	const after = [cpuMs(serverPid), cpuMs(clientPid)];
	const [server, client] = [0, 1].map((i) => {
		const [start, end] = [before[i], after[i]];
		return start === undefined || end === undefined ? undefined : end - start;
	});
	const perRequest = (ms: number | undefined) =>
		ms === undefined ? undefined : (ms * 1000) / result.total;
	return {
		...result,
		serverCpuMs: server,
		serverCpuMicrosPerRequest: perRequest(server),
		clientCpuMicrosPerRequest: perRequest(client),
	};
}

/** Errors plus responses whose status is not the expected one. */
function unexpectedCount(runs: readonly LoadResult[], expect: number): number {
	return runs.reduce(
		(sum, run) =>
			sum +
			run.errors +
			Object.entries(run.statuses)
				.filter(([status]) => Number(status) !== expect)
				.reduce((s, [, count]) => s + count, 0),
		0,
	);
}

/** One endpoint's rounds as medians (and every per-round ratio, for the JSON). */
function summarise(endpoint: FloorEndpoint, runs: readonly Round[]): EndpointSummary {
	const targets = runs.map((run) => run.target);
	const floors = runs.map((run) => run.floor);
	return {
		name: endpoint.name,
		path: new URL(endpoint.url).pathname,
		status: endpoint.expect,
		bodyBytes: endpoint.bytes,
		headers: endpoint.headerCount,
		requestsPerSecond: median(targets.map((run) => run.requestsPerSecond)),
		baselineRequestsPerSecond: median(runs.map((run) => run.baselineRequestsPerSecond)),
		ratio: median(runs.map((run) => run.ratio)),
		ratios: runs.map((run) => run.ratio),
		toFloor: median(runs.map((run) => run.toFloor)),
		toFloorRatios: runs.map((run) => run.toFloor),
		cpuToFloor: median(runs.map((run) => run.cpuToFloor)),
		cpuToFloorRatios: runs.map((run) => run.cpuToFloor),
		p50Ms: median(targets.map((run) => run.p50Ms)),
		p99Ms: median(targets.map((run) => run.p99Ms)),
		serverCpuMicrosPerRequest: median(targets.map((run) => run.serverCpuMicrosPerRequest)),
		floorCpuMicrosPerRequest: median(floors.map((run) => run.serverCpuMicrosPerRequest)),
		baselineCpuMicrosPerRequest: median(runs.map((run) => run.baselineCpuMicrosPerRequest)),
		clientCpuMicrosPerRequest: {
			target: median(targets.map((run) => run.clientCpuMicrosPerRequest)),
			floor: median(floors.map((run) => run.clientCpuMicrosPerRequest)),
			baseline: median(runs.map((run) => run.baselineClientCpuMicrosPerRequest)),
		},
		requests: targets.reduce((sum, run) => sum + run.total, 0),
		unexpected: unexpectedCount(targets, endpoint.expect),
		floor: {
			path: new URL(endpoint.floorUrl).pathname + new URL(endpoint.floorUrl).search,
			requestsPerSecond: median(floors.map((run) => run.requestsPerSecond)),
			ratio: median(runs.map((run) => run.floorRatio)),
			ratios: runs.map((run) => run.floorRatio),
			p50Ms: median(floors.map((run) => run.p50Ms)),
			p99Ms: median(floors.map((run) => run.p99Ms)),
			requests: floors.reduce((sum, run) => sum + run.total, 0),
			unexpected: unexpectedCount(floors, endpoint.expect),
		},
	};
}
