#!/usr/bin/env node
/**
 * `npm run bench:scale`: for synthetic corpora of growing size, builds the production bundle with
 * that corpus as content/, serves it with workerd beside the baseline Worker, and reports bundle
 * size against Workers' limits, start-up time, memory and request throughput.
 *
 *   npm run bench:scale -- [--sizes 100,1000,10000] [--seconds 2] [--connections 4] [--no-pin]
 *
 * Each corpus is built in a temporary copy of the project (src/, wrangler.toml, package.json,
 * tsconfig.json, node_modules symlinked), so the working tree's content/ is never touched.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildBundle } from "./bundle.mjs";
import { writeCorpus } from "./generateCorpus.mjs";
import { startLoadGenerator } from "./load.mjs";
import { table } from "./report.mjs";
import {
	canPin,
	compatibility,
	firstResponse,
	freePort,
	rssMiB,
	startWorkerd,
	writeConfig,
} from "./workerd.mjs";

/** Workers' limits (developers.cloudflare.com/workers/platform/limits/). */
const LIMITS = {
	freeGzipBytes: 3 * 1024 * 1024,
	paidGzipBytes: 10 * 1024 * 1024,
	memoryMiB: 128,
	startupMs: 1000,
};

const { values: options } = parseArgs({
	options: {
		sizes: { type: "string", default: "100,1000,10000" },
		seconds: { type: "string", default: "2" },
		connections: { type: "string", default: "4" },
		"no-pin": { type: "boolean", default: false },
		out: { type: "string", default: "bench-results" },
	},
});
const sizes = options.sizes.split(",").map(Number);
const seconds = Number(options.seconds);
const connections = Number(options.connections);
const pin = !options["no-pin"] && canPin && cpus().length >= 2;
const [serverCpu, loadCpu] = pin ? [0, 1] : [undefined, undefined];
const root = process.cwd();

const work = mkdtempSync(join(tmpdir(), "edgewire-scale-"));
const loadGenerator = startLoadGenerator({ cpu: loadCpu });
const rows = [];
try {
	for (const size of sizes) {
		console.log(`\n== ${size} articles`);
		const project = join(work, String(size));
		mkdirSync(project);
		for (const entry of ["src", "wrangler.toml", "package.json", "tsconfig.json"]) {
			cpSync(join(root, entry), join(project, entry), { recursive: true });
		}
		symlinkSync(resolve(root, "node_modules"), join(project, "node_modules"), "dir");
		writeCorpus(size, project);
		const buildStarted = performance.now();
		const build = buildBundle(project, join(project, "dist"));
		const buildMs = performance.now() - buildStarted;
		console.log(
			`  bundle ${(build.bytes / 1048576).toFixed(2)} MiB, gzip ${(build.gzipBytes / 1048576).toFixed(2)} MiB (built in ${(buildMs / 1000).toFixed(1)} s)`,
		);
		rows.push({ articles: size, ...(await serve(project, build)), build: { ...build, buildMs } });
		rmSync(project, { recursive: true, force: true });
	}
} finally {
	await loadGenerator.stop();
	rmSync(work, { recursive: true, force: true });
}
report(rows);

async function serve(project, build) {
	const [targetPort, baselinePort] = [await freePort(), await freePort()];
	const origin = `http://127.0.0.1:${targetPort}`;
	const baseline = `http://127.0.0.1:${baselinePort}/`;
	const config = writeConfig({
		dir: project,
		bundle: build.bundle,
		compat: compatibility(join(project, "wrangler.toml")),
		targetPort,
		baselinePort,
		vars: { SITE_URL: origin },
	});
	const workerd = startWorkerd(config, { cpu: serverCpu });
	try {
		// workerd evaluates both Workers' global scope (content validation included) before it
		// listens; the first /feed.xml then prepares the site for the isolate.
		const ready = await firstResponse(baseline, workerd.startedAt, {
			process: workerd,
			timeoutMs: 300_000,
		});
		const rssReady = rssMiB(workerd.child.pid);
		const first = await firstResponse(`${origin}/feed.xml`, workerd.startedAt, {
			process: workerd,
			timeoutMs: 300_000,
		});
		const rssPrepared = rssMiB(workerd.child.pid);
		const sizes = {};
		for (const [name, path] of [
			["rss", "/feed.xml"],
			["home", "/"],
			["archive", "/archive/rss/1.xml"],
		]) {
			const response = await fetch(`${origin}${path}`);
			sizes[name] =
				response.status === 200
					? (await response.arrayBuffer()).byteLength
					: `HTTP ${response.status}`;
		}
		const feed = await (await fetch(`${origin}/feed.json`)).json();
		const article = new URL(feed.items.at(-1).url).pathname;
		const endpoints = [
			["feed", `${origin}/feed.xml`],
			["archive", `${origin}/archive/rss/1.xml`],
			["page", `${origin}${article}`],
		];
		const load = (url) => loadGenerator.run(url, { seconds, connections });
		for (const [, url] of [["baseline", baseline], ...endpoints])
			await loadGenerator.run(url, { seconds: 1, connections });
		const throughput = {};
		let before = await load(baseline);
		for (const [name, url] of endpoints) {
			const target = await load(url);
			const after = await load(baseline);
			const floor = (before.requestsPerSecond + after.requestsPerSecond) / 2;
			const errors =
				target.errors +
				Object.entries(target.statuses)
					.filter(([s]) => s !== "200")
					.reduce((n, [, c]) => n + c, 0);
			throughput[name] = {
				requestsPerSecond: target.requestsPerSecond,
				ratio: target.requestsPerSecond / floor,
				p99Ms: target.p99Ms,
				errors,
			};
			before = after;
		}
		return {
			startup: {
				runtimeReadyMs: ready.sinceStartMs,
				firstResponseMs: first.sinceStartMs,
				firstRequestMs: first.requestMs,
			},
			memory: {
				rssReadyMiB: rssReady,
				rssPreparedMiB: rssPrepared,
				rssAfterLoadMiB: rssMiB(workerd.child.pid),
			},
			responseBytes: sizes,
			throughput,
		};
	} finally {
		await workerd.stop();
	}
}

function report(rows) {
	const mib = (bytes) => (bytes / 1048576).toFixed(2);
	const pct = (bytes, limit) => `${((bytes / limit) * 100).toFixed(0)}%`;
	const header = [
		"articles",
		"bundle MiB",
		"gzip MiB",
		"of 3 MB free",
		"of 10 MB paid",
		"ready ms",
		"1st /feed.xml ms",
		"RSS MiB ready / prepared",
		"feed ratio",
		"archive ratio",
		"page ratio",
		"home page KiB",
	];
	const lines = rows.map((row) => [
		row.articles,
		mib(row.build.bytes),
		mib(row.build.gzipBytes),
		pct(row.build.gzipBytes, LIMITS.freeGzipBytes),
		pct(row.build.gzipBytes, LIMITS.paidGzipBytes),
		Math.round(row.startup.runtimeReadyMs),
		Math.round(row.startup.firstRequestMs),
		`${row.memory.rssReadyMiB?.toFixed(0)} / ${row.memory.rssPreparedMiB?.toFixed(0)}`,
		row.throughput.feed.ratio.toFixed(2),
		row.throughput.archive.ratio.toFixed(2),
		row.throughput.page.ratio.toFixed(2),
		typeof row.responseBytes.home === "number"
			? (row.responseBytes.home / 1024).toFixed(0)
			: row.responseBytes.home,
	]);
	console.log(`\n${table(header, lines)}`);
	// Size grows linearly with the corpus: fit gzip bytes per article from the two largest runs.
	const [a, b] = rows.slice(-2);
	if (a !== undefined && b !== undefined && b.articles > a.articles) {
		const perArticle = (b.build.gzipBytes - a.build.gzipBytes) / (b.articles - a.articles);
		const fixed = b.build.gzipBytes - perArticle * b.articles;
		const fits = (limit) => Math.floor((limit - fixed) / perArticle);
		console.log(
			`\ngzip per article ≈ ${(perArticle / 1024).toFixed(2)} KiB; a bundled corpus stops fitting at ≈ ${fits(LIMITS.freeGzipBytes)} articles (3 MB free) / ≈ ${fits(LIMITS.paidGzipBytes)} articles (10 MB paid)`,
		);
	}
	mkdirSync(options.out, { recursive: true });
	const result = {
		date: new Date().toISOString(),
		commit: gitCommit(),
		machine: { cpus: cpus().length, pinned: pin },
		method: { seconds, connections },
		limits: LIMITS,
		rows,
	};
	const json = `${JSON.stringify(result, null, 2)}\n`;
	writeFileSync(
		join(options.out, `scale-${result.date.replace(/[:.]/g, "-")}-${result.commit}.json`),
		json,
	);
	writeFileSync(join(options.out, "scale-latest.json"), json);
	console.log(`Wrote ${join(options.out, "scale-latest.json")}`);
}

function gitCommit() {
	try {
		return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
	} catch {
		return "unknown";
	}
}
