/**
 * Article pages a warm isolate has never served: their latency (the D1 lookup, validation, render
 * and hash of one article), and the isolate's memory as it serves thousands of distinct ones while
 * its bounded cache (ANSWER_LIMITS, src/publish/preparedSite.ts) keeps only the recent.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { LoadGenerator } from "./load";
import type { FirstRequest } from "./report";
import { type Runtime, rssMiB } from "./runtime";

/** workerd's RSS, and the target isolate's heap when the inspector is open, after `pages`. */
export interface MemoryPoint {
	readonly pages: number;
	readonly rssMiB: number | undefined;
	readonly heapUsedMiB: number | undefined;
	readonly heapTotalMiB: number | undefined;
	readonly backingMiB: number | undefined;
}

/**
 * `count` slugs spread evenly over the archive (every ⌊lines/count⌋th line), in a shuffled but
 * reproducible order so that neighbours in time are not requested one after another. Slugs in
 * `exclude` are skipped.
 */
export async function archiveSlugs(
	archive: string,
	count: number,
	exclude: ReadonlySet<string> = new Set(),
): Promise<string[]> {
	const slugs: string[] = [];
	for await (const line of createInterface({ input: createReadStream(archive) })) {
		const slug = /^\{"slug":"([^"]+)"/.exec(line)?.[1];
		if (slug !== undefined && !exclude.has(slug)) slugs.push(slug);
	}
	const stride = Math.max(1, Math.floor(slugs.length / count));
	const picked = slugs.filter((_, index) => index % stride === 0).slice(0, count);
	// A fixed permutation: step through the list by a stride coprime with its length.
	const step = coprimeStep(picked.length);
	return picked.map((_, index) => picked[(index * step) % picked.length] ?? "");
}

function coprimeStep(length: number): number {
	const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
	let step = Math.max(1, Math.floor(length * 0.618));
	while (length > 1 && gcd(step, length) !== 1) step += 1;
	return step;
}

/** p-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number | undefined {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Requests `/articles/<slug>` for each slug, one after another on one keep-alive connection from
 * the (pinned) load generator: `warmup` pages first, not measured, then `sample` pages measured,
 * then the rest, sampling workerd's RSS (and the target isolate's V8 heap, when `runtime` has an
 * inspector) every `rssEvery` pages. Every answer must be a 200.
 */
export async function servePages({
	origin,
	slugs,
	warmup,
	sample,
	rssEvery,
	loadGenerator,
	runtime,
}: {
	readonly origin: string;
	readonly slugs: readonly string[];
	readonly warmup: number;
	readonly sample: number;
	readonly rssEvery: number;
	readonly loadGenerator: LoadGenerator;
	readonly runtime: Runtime;
}): Promise<{
	firstRequest: FirstRequest;
	memory: { distinctPages: number; rss: MemoryPoint[] };
}> {
	const urls = slugs.map((slug) => `${origin}/articles/${slug}`);
	const rss: MemoryPoint[] = [];
	const sampleMemory = async (pages: number) => {
		const heap = await runtime.heapUsage();
		rss.push({
			pages,
			rssMiB: rssMiB(runtime.pid),
			heapUsedMiB: heap === undefined ? undefined : heap.usedSize / 1048576,
			heapTotalMiB: heap === undefined ? undefined : heap.totalSize / 1048576,
			// ArrayBuffer contents live outside the V8 heap: the prepared bodies are here.
			backingMiB: heap === undefined ? undefined : heap.backingStorageSize / 1048576,
		});
	};
	await sampleMemory(0);
	let served = 0;
	const serve = async (count: number) => {
		const results = await loadGenerator.sequence(urls.slice(served, served + count));
		const failed = results.find((result) => result.status !== 200);
		if (failed !== undefined)
			throw new Error(`${urls[served + results.indexOf(failed)]} answered ${failed.status}`);
		served += results.length;
		return results;
	};
	await serve(warmup);
	await sampleMemory(served);
	const measured = (await serve(sample)).map((result) => result.ms);
	await sampleMemory(served);
	while (served < urls.length) {
		await serve(Math.min(rssEvery - (served % rssEvery), urls.length - served));
		await sampleMemory(served);
	}
	return {
		firstRequest: {
			warmupPages: warmup,
			pages: measured.length,
			p50Ms: percentile(measured, 50),
			p99Ms: percentile(measured, 99),
			meanMs: measured.reduce((sum, ms) => sum + ms, 0) / measured.length,
			maxMs: Math.max(...measured),
		},
		memory: { distinctPages: served, rss },
	};
}
