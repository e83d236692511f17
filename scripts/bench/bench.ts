#!/usr/bin/env node
/**
 * `npm run bench`: the production bundle, reading a fresh local D1 store that holds content/ (made by
 * `npm run db:prepare`), served by workerd through Miniflare beside two reference Workers in the
 * same process: a do-nothing baseline (3-byte body) and a size-matched floor that replays, per
 * endpoint, exactly the status, headers and body Edgewire sent (floor.ts). Loaded endpoint by
 * endpoint with autocannon, target and floor runs alternating with baseline runs.
 *
 *   npm run bench -- [--seconds 3] [--rounds 2] [--connections 4] [--check] [--no-pin]
 *
 * Prints a table and writes bench-results/<time>-<commit>.json (and latest.json). Reports only;
 * `--check` exits 1 when a target is missed (>= 0.9 of baseline, >= 0.95 for 304, <= 60 KiB gzip).
 * It also reports whether the floor itself reaches the ratio target, i.e. whether the target is
 * reachable at all for those bytes on this runtime; that never changes the exit code.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildBundle } from "./bundle";
import {
	captureEndpoints,
	discoverEndpoints,
	floorFor,
	measureAgainstFloor,
} from "./floorComparison";
import { startLoadGenerator } from "./load";
import { prepareStore } from "./localStore";
import { type BenchEndpoint, type BenchResult, formatTable } from "./report";
import {
	canPin,
	type FloorWorker,
	firstResponse,
	freePort,
	type Runtime,
	rssMiB,
	startRuntime,
} from "./runtime";

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

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), "edgewire-bench-"));
try {
	console.log("Building the production bundle (wrangler deploy --dry-run)...");
	const build = buildBundle(root, join(work, "dist"));
	console.log("Preparing a local D1 store with content/ (npm run db:prepare)...");
	const persistTo = join(work, "state");
	await prepareStore(root, persistTo);
	const [targetPort, baselinePort, floorPort] = [
		await freePort(),
		await freePort(),
		await freePort(),
	];
	const origin = `http://127.0.0.1:${targetPort}`;
	const baseline = `http://127.0.0.1:${baselinePort}/`;
	// One deployment for both starts, so that the target sends the same bytes (Last-Modified) twice.
	const deployment = { id: `bench-${randomUUID()}`, timestamp: new Date().toISOString() };
	const withRuntime = async <T>(
		floor: FloorWorker | undefined,
		body: (runtime: Runtime) => Promise<T>,
	): Promise<T> => {
		const runtime = await startRuntime({
			dir: work,
			bundle: build.bundle,
			persistTo,
			ports: { target: targetPort, baseline: baselinePort },
			floor,
			vars: { SITE_URL: origin },
			deployment,
			cpu: serverCpu,
		});
		try {
			return await body(runtime);
		} finally {
			await runtime.stop();
		}
	};

	// Phase 1, target + baseline only: start-up, the endpoints, and each endpoint's exact response.
	const first = await withRuntime(undefined, async (runtime) => {
		// Start-up: the runtime answering at all (baseline), then the site's first response, whose
		// request time includes reading the content state from D1 and preparing the document.
		const runtimeReady = await firstResponse(baseline, runtime.startedAt, { runtime });
		const firstFeed = await firstResponse(`${origin}/feed.xml`, runtime.startedAt, { runtime });
		const endpoints = await discoverEndpoints(origin);
		return {
			runtimeReady,
			firstFeed,
			endpoints,
			responses: await captureEndpoints(endpoints),
			rssAfterStart: rssMiB(runtime.pid),
		};
	});
	const { runtimeReady, firstFeed, responses } = first;
	const { endpoints, floor } = floorFor(first.endpoints, responses, floorPort);

	// Phase 2, target + baseline + floor in one process: the load runs.
	await withRuntime(floor, async (runtime) => {
		const loadGenerator = startLoadGenerator({ cpu: loadCpu });
		try {
			console.log(
				`Warming up (1 s per endpoint, target and floor), then ${rounds} round(s) of ${seconds} s runs...`,
			);
			const measured = await measureAgainstFloor({
				runtime,
				baseline,
				endpoints,
				responses,
				loadGenerator,
				seconds,
				rounds,
				connections,
			});
			const rows = measured.map((row): BenchEndpoint => {
				const target = ratioTarget(row.status);
				const meetsTarget = row.floor.ratio !== undefined && row.floor.ratio >= target;
				return { ...row, floor: { ...row.floor, target, meetsTarget } };
			});
			const result: BenchResult = {
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
					runtime: "Miniflare (wrangler's), one workerd process, a direct socket per Worker",
					store: "local D1 prepared by npm run db:prepare (content/ only)",
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
					rssAfterLoadMiB: rssMiB(runtime.pid),
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

function ratioTarget(status: number): number {
	return status === 304 ? TARGETS.notModifiedRatio : TARGETS.ratio;
}

function checkTargets(result: BenchResult): string[] {
	const failures: string[] = [];
	for (const row of result.endpoints) {
		const wanted = ratioTarget(row.status);
		if (row.ratio !== undefined && row.ratio < wanted) {
			const floor = `the floor for the same bytes: ${row.floor.ratio?.toFixed(3)}${row.floor.meetsTarget ? "" : ", also below"}`;
			failures.push(`${row.name}: ratio ${row.ratio.toFixed(3)} < ${wanted} (${floor})`);
		}
		if (row.unexpected > 0)
			failures.push(`${row.name}: ${row.unexpected} errors or unexpected statuses`);
	}
	const gzipKiB = result.bundle.wranglerGzipKiB ?? result.bundle.gzipBytes / 1024;
	if (gzipKiB > TARGETS.gzipKiB) failures.push(`bundle ${gzipKiB} KiB gzip > ${TARGETS.gzipKiB}`);
	return failures;
}

function gitCommit(): string {
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
