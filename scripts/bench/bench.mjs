#!/usr/bin/env node
/**
 * `npm run bench`: the production bundle served by workerd beside two reference Workers in the same
 * process: a do-nothing baseline (3-byte body) and a size-matched floor that replays, per endpoint,
 * exactly the status, headers and body Edgewire sent (floor.mjs). Loaded endpoint by endpoint with
 * autocannon, target and floor runs alternating with baseline runs.
 *
 *   npm run bench -- [--seconds 3] [--rounds 2] [--connections 4] [--check] [--no-pin]
 *
 * Prints a table and writes bench-results/<time>-<commit>.json (and latest.json). Reports only;
 * `--check` exits 1 when a target is missed (>= 0.9 of baseline, >= 0.95 for 304, <= 60 KiB gzip).
 * It also reports whether the floor itself reaches the ratio target, i.e. whether the target is
 * reachable at all for those bytes on this runtime; that never changes the exit code.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildBundle } from "./bundle.mjs";
import { cpuMs } from "./cpuTime.mjs";
import { captureResponse, floorPaths, floorWorkerSource } from "./floor.mjs";
import { startLoadGenerator } from "./load.mjs";
import { formatTable, median } from "./report.mjs";
import {
	canPin,
	compatibility,
	firstResponse,
	freePort,
	rssMiB,
	startWorkerd,
	writeConfig,
} from "./workerd.mjs";

const TARGETS = { ratio: 0.9, notModifiedRatio: 0.95, gzipKiB: 60 };

const { values: options } = parseArgs({
	options: {
		seconds: { type: "string", default: "3" },
		rounds: { type: "string", default: "2" },
		connections: { type: "string", default: "4" },
		check: { type: "boolean", default: false },
		"no-pin": { type: "boolean", default: false },
		out: { type: "string", default: "bench-results" },
	},
});
const seconds = Number(options.seconds);
const rounds = Number(options.rounds);
const connections = Number(options.connections);
// workerd on CPU 0, autocannon on CPU 1: neither steals the other's core (needs >= 2 CPUs).
const pin = !options["no-pin"] && canPin && cpus().length >= 2;
const [serverCpu, loadCpu] = pin ? [0, 1] : [undefined, undefined];

const work = mkdtempSync(join(tmpdir(), "edgewire-bench-"));
try {
	console.log("Building the production bundle (wrangler deploy --dry-run)...");
	const build = buildBundle(process.cwd(), join(work, "dist"));
	const [targetPort, baselinePort, floorPort] = [
		await freePort(),
		await freePort(),
		await freePort(),
	];
	const origin = `http://127.0.0.1:${targetPort}`;
	const baseline = `http://127.0.0.1:${baselinePort}/`;
	const configFor = (floor) =>
		writeConfig({
			dir: work,
			bundle: build.bundle,
			compat: compatibility("wrangler.toml"),
			targetPort,
			baselinePort,
			floor,
			vars: { SITE_URL: origin },
		});

	// Phase 1, target + baseline only: start-up, the endpoints, and each endpoint's exact response.
	const first = await withWorkerd(configFor(undefined), async (workerd) => {
		// Start-up: the runtime answering at all (baseline), then the site's first response,
		// whose request time includes preparing the site for this isolate.
		const runtimeReady = await firstResponse(baseline, workerd.startedAt, { process: workerd });
		const firstFeed = await firstResponse(`${origin}/feed.xml`, workerd.startedAt, {
			process: workerd,
		});
		const endpoints = await discoverEndpoints(origin);
		const responses = [];
		for (const endpoint of endpoints) {
			const response = await captureResponse(endpoint.url, endpoint.headers);
			if (response.status !== endpoint.expect)
				throw new Error(`${endpoint.url} answered ${response.status}, expected ${endpoint.expect}`);
			responses.push(response);
		}
		return {
			runtimeReady,
			firstFeed,
			endpoints,
			responses,
			rssAfterStart: rssMiB(workerd.child.pid),
		};
	});
	const { runtimeReady, firstFeed, responses } = first;
	const paths = floorPaths(first.endpoints.map((endpoint) => new URL(endpoint.url).pathname));
	const endpoints = first.endpoints.map((endpoint, index) => ({
		...endpoint,
		floorUrl: `http://127.0.0.1:${floorPort}${paths[index]}`,
		bytes: responses[index].body.length,
		headerCount: responses[index].headers.length,
	}));
	const floor = {
		port: floorPort,
		source: floorWorkerSource(
			endpoints.map((endpoint, index) => ({ url: endpoint.floorUrl, ...responses[index] })),
		),
	};

	// Phase 2, target + baseline + floor in one process: the load runs.
	await withWorkerd(configFor(floor), async (workerd) => {
		await firstResponse(baseline, workerd.startedAt, { process: workerd });
		await firstResponse(`${origin}/feed.xml`, workerd.startedAt, { process: workerd });
		await firstResponse(endpoints[0].floorUrl, workerd.startedAt, { process: workerd });
		for (const [index, endpoint] of endpoints.entries()) {
			const replayed = await captureResponse(endpoint.floorUrl, endpoint.headers);
			if (!sameResponse(replayed, responses[index]))
				throw new Error(`the floor does not replay ${endpoint.name} exactly`);
		}
		const loadGenerator = startLoadGenerator({ cpu: loadCpu });
		try {
			const load = (url, headers) =>
				measured(workerd.child.pid, loadGenerator.pid, () =>
					loadGenerator.run(url, { seconds, connections, headers }),
				);
			console.log(
				`Warming up (1 s per endpoint, target and floor), then ${rounds} round(s) of ${seconds} s runs...`,
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
			// Per round: B T1 F1 B T2 F2 B ... Tn Fn B, and B F1 T1 B F2 T2 B ... on odd rounds, so
			// target and floor each get a baseline run beside them and take turns running first.
			// The floor gets the target's request headers too (same request bytes; it ignores them).
			const runs = endpoints.map(() => []);
			for (let round = 0; round < rounds; round++) {
				let before = await load(baseline);
				for (const [index, endpoint] of endpoints.entries()) {
					const runTarget = () => load(endpoint.url, endpoint.headers);
					const runFloor = () => load(endpoint.floorUrl, endpoint.headers);
					let target;
					let floorRun;
					if (round % 2 === 0) {
						target = await runTarget();
						floorRun = await runFloor();
					} else {
						floorRun = await runFloor();
						target = await runTarget();
					}
					const after = await load(baseline);
					const baselineRate = (before.requestsPerSecond + after.requestsPerSecond) / 2;
					runs[index].push({
						target,
						floor: floorRun,
						baselineRequestsPerSecond: baselineRate,
						ratio: target.requestsPerSecond / baselineRate,
						floorRatio: floorRun.requestsPerSecond / baselineRate,
						toFloor: target.requestsPerSecond / floorRun.requestsPerSecond,
						baselineCpuMicrosPerRequest:
							(before.serverCpuMicrosPerRequest + after.serverCpuMicrosPerRequest) / 2,
						baselineClientCpuMicrosPerRequest:
							(before.clientCpuMicrosPerRequest + after.clientCpuMicrosPerRequest) / 2,
					});
					const last = runs[index].at(-1);
					process.stdout.write(
						`  round ${round + 1} ${endpoint.name.padEnd(10)} ${Math.round(target.requestsPerSecond)} req/s, ÷ baseline ${last.ratio.toFixed(3)}, floor ÷ baseline ${last.floorRatio.toFixed(3)}, ÷ floor ${last.toFloor.toFixed(3)}\n`,
					);
					before = after;
				}
			}
			const rows = endpoints.map((endpoint, index) => summarise(endpoint, runs[index]));
			const result = {
				date: new Date().toISOString(),
				commit: gitCommit(),
				machine: {
					cpus: cpus().length,
					model: cpus()[0]?.model,
					node: process.version,
					pinned: pin,
				},
				method: {
					seconds,
					rounds,
					connections,
					loadGenerator: "autocannon 9 (CLI)",
					order: "B T1 F1 B T2 F2 ... Tn Fn B (odd rounds: B F1 T1 B ...)",
					floor:
						"per endpoint, the exact status, headers (minus Content-Length/Date) and body Edgewire sent, prebuilt; one Map lookup on request.url per request",
				},
				bundle: {
					bytes: build.bytes,
					gzipBytes: build.gzipBytes,
					wranglerKiB: build.wranglerKiB,
					wranglerGzipKiB: build.wranglerGzipKiB,
				},
				startup: {
					runtimeReadyMs: runtimeReady.sinceStartMs,
					firstResponseMs: firstFeed.sinceStartMs,
					firstRequestMs: firstFeed.requestMs,
				},
				memory: {
					rssAfterFirstResponseMiB: first.rssAfterStart,
					rssAfterLoadMiB: rssMiB(workerd.child.pid),
				},
				endpoints: rows,
			};
			const failures = checkTargets(result);
			result.targetsMet = failures.length === 0;
			result.failures = failures;
			result.floorMeetsTargets = rows.every((row) => row.floor.meetsTarget);
			console.log(`\n${formatTable(result)}`);
			for (const failure of failures) console.log(`  target missed: ${failure}`);
			for (const row of rows.filter((r) => r.floor.unexpected > 0))
				console.log(`  floor ${row.name}: ${row.floor.unexpected} errors or unexpected statuses`);
			mkdirSync(options.out, { recursive: true });
			const stamp = result.date.replace(/[:.]/g, "-");
			const json = `${JSON.stringify(result, null, 2)}\n`;
			writeFileSync(join(options.out, `bench-${stamp}-${result.commit}.json`), json);
			writeFileSync(join(options.out, "latest.json"), json);
			console.log(`\nWrote ${join(options.out, "latest.json")}`);
			if (options.check && failures.length > 0) process.exitCode = 1;
		} finally {
			await loadGenerator.stop();
		}
	});
} finally {
	rmSync(work, { recursive: true, force: true });
}

/** Starts workerd with `config`, runs `body(workerd)`, and always stops workerd afterwards. */
async function withWorkerd(config, body) {
	const workerd = startWorkerd(config, { cpu: serverCpu });
	try {
		return await body(workerd);
	} finally {
		await workerd.stop();
	}
}

function sameResponse(a, b) {
	return (
		a.status === b.status &&
		a.body.equals(b.body) &&
		JSON.stringify(a.headers.map(([n, v]) => [n.toLowerCase(), v])) ===
			JSON.stringify(b.headers.map(([n, v]) => [n.toLowerCase(), v]))
	);
}

/** The endpoints under test; the article's path comes from the served JSON Feed. */
async function discoverEndpoints(origin) {
	const feed = await (await fetch(`${origin}/feed.json`)).json();
	const article = new URL(feed.items[0].url).pathname;
	const etag = (await fetch(`${origin}/feed.xml`)).headers.get("ETag");
	if (etag === null) throw new Error("/feed.xml has no ETag");
	return [
		{ name: "rss", url: `${origin}/feed.xml`, expect: 200 },
		{ name: "atom", url: `${origin}/atom.xml`, expect: 200 },
		{ name: "jsonFeed", url: `${origin}/feed.json`, expect: 200 },
		{ name: "page", url: `${origin}${article}`, expect: 200 },
		{ name: "fragment", url: `${origin}${article}/fragment`, expect: 200 },
		{ name: "rss 304", url: `${origin}/feed.xml`, headers: { "If-None-Match": etag }, expect: 304 },
	];
}

/**
 * Runs one load and adds CPU time per request (from /proc) for the server (workerd) and for the
 * client (the autocannon process), which also pays for every byte the server sends.
 */
async function measured(serverPid, clientPid, run) {
	const before = [cpuMs(serverPid), cpuMs(clientPid)];
	const result = await run();
	const after = [cpuMs(serverPid), cpuMs(clientPid)];
	const [server, client] = [0, 1].map((i) =>
		before[i] === undefined || after[i] === undefined ? undefined : after[i] - before[i],
	);
	const perRequest = (ms) => (ms === undefined ? undefined : (ms * 1000) / result.total);
	return {
		...result,
		serverCpuMs: server,
		serverCpuMicrosPerRequest: perRequest(server),
		clientCpuMicrosPerRequest: perRequest(client),
	};
}

/** Errors plus responses whose status is not the expected one. */
function unexpectedCount(runs, expect) {
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

function summarise(endpoint, runs) {
	const targets = runs.map((run) => run.target);
	const floors = runs.map((run) => run.floor);
	const floorRatio = median(runs.map((run) => run.floorRatio));
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
			ratio: floorRatio,
			ratios: runs.map((run) => run.floorRatio),
			target: ratioTarget(endpoint.expect),
			meetsTarget: floorRatio !== undefined && floorRatio >= ratioTarget(endpoint.expect),
			p50Ms: median(floors.map((run) => run.p50Ms)),
			p99Ms: median(floors.map((run) => run.p99Ms)),
			requests: floors.reduce((sum, run) => sum + run.total, 0),
			unexpected: unexpectedCount(floors, endpoint.expect),
		},
	};
}

function ratioTarget(status) {
	return status === 304 ? TARGETS.notModifiedRatio : TARGETS.ratio;
}

function checkTargets(result) {
	const failures = [];
	for (const row of result.endpoints) {
		const wanted = ratioTarget(row.status);
		if (row.ratio < wanted) {
			const floor = `the floor for the same bytes: ${row.floor.ratio.toFixed(3)}${row.floor.meetsTarget ? "" : ", also below"}`;
			failures.push(`${row.name}: ratio ${row.ratio.toFixed(3)} < ${wanted} (${floor})`);
		}
		if (row.unexpected > 0)
			failures.push(`${row.name}: ${row.unexpected} errors or unexpected statuses`);
	}
	const gzipKiB = result.bundle.wranglerGzipKiB ?? result.bundle.gzipBytes / 1024;
	if (gzipKiB > TARGETS.gzipKiB) failures.push(`bundle ${gzipKiB} KiB gzip > ${TARGETS.gzipKiB}`);
	return failures;
}

function gitCommit() {
	try {
		const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
			encoding: "utf8",
		}).trim();
		const dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim();
		return dirty === "" ? commit : `${commit}-dirty`;
	} catch {
		return "unknown";
	}
}
