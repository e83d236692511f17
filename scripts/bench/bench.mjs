#!/usr/bin/env node
/**
 * `npm run bench`: the production bundle served by workerd beside a do-nothing baseline Worker in
 * the same process, loaded endpoint by endpoint with autocannon, baseline and target alternating.
 *
 *   npm run bench -- [--seconds 4] [--rounds 2] [--connections 4] [--check] [--no-pin]
 *
 * Prints a table and writes bench-results/<time>-<commit>.json (and latest.json). Reports only;
 * `--check` exits 1 when a target is missed (>= 0.9 of baseline, >= 0.95 for 304, <= 60 KiB gzip).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildBundle } from "./bundle.mjs";
import { cpuMs } from "./cpuTime.mjs";
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
		seconds: { type: "string", default: "4" },
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
	const [targetPort, baselinePort] = [await freePort(), await freePort()];
	const origin = `http://127.0.0.1:${targetPort}`;
	const baseline = `http://127.0.0.1:${baselinePort}/`;
	const config = writeConfig({
		dir: work,
		bundle: build.bundle,
		compat: compatibility("wrangler.toml"),
		targetPort,
		baselinePort,
		vars: { SITE_URL: origin },
	});
	const workerd = startWorkerd(config, { cpu: serverCpu });
	const loadGenerator = startLoadGenerator({ cpu: loadCpu });
	try {
		// Start-up: the runtime answering at all (baseline), then the site's first response,
		// whose request time includes preparing the site for this isolate.
		const runtimeReady = await firstResponse(baseline, workerd.startedAt, { process: workerd });
		const first = await firstResponse(`${origin}/feed.xml`, workerd.startedAt, {
			process: workerd,
		});
		const endpoints = await discoverEndpoints(origin);
		const rssAfterStart = rssMiB(workerd.child.pid);

		const load = (url, headers) =>
			measured(workerd.child.pid, () => loadGenerator.run(url, { seconds, connections, headers }));
		console.log(`Warming up (1 s per endpoint), then ${rounds} round(s) of ${seconds} s runs...`);
		for (const endpoint of [{ url: baseline }, ...endpoints]) {
			await loadGenerator.run(endpoint.url, { seconds: 1, connections, headers: endpoint.headers });
		}
		// B T1 B T2 B ... Tn B per round: every target run has a baseline run on each side.
		const runs = endpoints.map(() => []);
		for (let round = 0; round < rounds; round++) {
			let before = await load(baseline);
			for (const [index, endpoint] of endpoints.entries()) {
				const target = await load(endpoint.url, endpoint.headers);
				const after = await load(baseline);
				const floor = (before.requestsPerSecond + after.requestsPerSecond) / 2;
				runs[index].push({
					...target,
					baselineRequestsPerSecond: floor,
					ratio: target.requestsPerSecond / floor,
					baselineCpuMicrosPerRequest:
						(before.serverCpuMicrosPerRequest + after.serverCpuMicrosPerRequest) / 2,
				});
				process.stdout.write(
					`  round ${round + 1} ${endpoint.name.padEnd(10)} ${Math.round(target.requestsPerSecond)} req/s, ratio ${(target.requestsPerSecond / floor).toFixed(3)}\n`,
				);
				before = after;
			}
		}
		const rows = endpoints.map((endpoint, index) => summarise(endpoint, runs[index]));
		const result = {
			date: new Date().toISOString(),
			commit: gitCommit(),
			machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, pinned: pin },
			method: {
				seconds,
				rounds,
				connections,
				loadGenerator: "autocannon 9 (CLI)",
				order: "B T1 B T2 ... Tn B",
			},
			bundle: {
				bytes: build.bytes,
				gzipBytes: build.gzipBytes,
				wranglerKiB: build.wranglerKiB,
				wranglerGzipKiB: build.wranglerGzipKiB,
			},
			startup: {
				runtimeReadyMs: runtimeReady.sinceStartMs,
				firstResponseMs: first.sinceStartMs,
				firstRequestMs: first.requestMs,
			},
			memory: {
				rssAfterFirstResponseMiB: rssAfterStart,
				rssAfterLoadMiB: rssMiB(workerd.child.pid),
			},
			endpoints: rows,
		};
		const failures = checkTargets(result);
		result.targetsMet = failures.length === 0;
		result.failures = failures;
		console.log(`\n${formatTable(result)}`);
		for (const failure of failures) console.log(`  target missed: ${failure}`);
		mkdirSync(options.out, { recursive: true });
		const stamp = result.date.replace(/[:.]/g, "-");
		const json = `${JSON.stringify(result, null, 2)}\n`;
		writeFileSync(join(options.out, `bench-${stamp}-${result.commit}.json`), json);
		writeFileSync(join(options.out, "latest.json"), json);
		console.log(`\nWrote ${join(options.out, "latest.json")}`);
		if (options.check && failures.length > 0) process.exitCode = 1;
	} finally {
		await loadGenerator.stop();
		await workerd.stop();
	}
} finally {
	rmSync(work, { recursive: true, force: true });
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

/** Runs one load and adds the server's CPU time per request (workerd's own accounting). */
async function measured(pid, run) {
	const before = cpuMs(pid);
	const result = await run();
	const after = cpuMs(pid);
	const cpu = before === undefined || after === undefined ? undefined : after - before;
	return {
		...result,
		serverCpuMs: cpu,
		serverCpuMicrosPerRequest: cpu === undefined ? undefined : (cpu * 1000) / result.total,
	};
}

function summarise(endpoint, runs) {
	const unexpected = runs.reduce(
		(sum, run) =>
			sum +
			run.errors +
			Object.entries(run.statuses)
				.filter(([status]) => Number(status) !== endpoint.expect)
				.reduce((s, [, count]) => s + count, 0),
		0,
	);
	return {
		name: endpoint.name,
		path: new URL(endpoint.url).pathname,
		status: endpoint.expect,
		requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
		baselineRequestsPerSecond: median(runs.map((run) => run.baselineRequestsPerSecond)),
		ratio: median(runs.map((run) => run.ratio)),
		ratios: runs.map((run) => run.ratio),
		p50Ms: median(runs.map((run) => run.p50Ms)),
		p99Ms: median(runs.map((run) => run.p99Ms)),
		serverCpuMicrosPerRequest: median(runs.map((run) => run.serverCpuMicrosPerRequest)),
		baselineCpuMicrosPerRequest: median(runs.map((run) => run.baselineCpuMicrosPerRequest)),
		requests: runs.reduce((sum, run) => sum + run.total, 0),
		unexpected,
	};
}

function checkTargets(result) {
	const failures = [];
	for (const row of result.endpoints) {
		const wanted = row.status === 304 ? TARGETS.notModifiedRatio : TARGETS.ratio;
		if (row.ratio < wanted) failures.push(`${row.name}: ratio ${row.ratio.toFixed(3)} < ${wanted}`);
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
