/**
 * Fresh without a redeploy: an isolate answers warm requests from memory, re-reads the content
 * version every CONTENT_CHECK_SECONDS, and then serves what was published. The clock is driven
 * (vi.setSystemTime), never slept on. Last-Modified moves with every change of a document's bytes.
 */

import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { publishContent } from "../../src/commands/publishContent";
import type { ContentEntry } from "../../src/content/articleSchema";
import { CONTENT_CHECK_SECONDS } from "../../src/site/freshness";
import { entry } from "../fixtures/articleInputs";
import { fetchPath } from "../support/http";
import { emptyStore, publishEntries } from "../support/store";

const first = entry("content/articles/a.ts", {
	slug: "eerste",
	headline: "Eerste bericht",
	published: "2024-03-01T09:00:00+01:00",
});
const second = entry("content/articles/b.ts", {
	slug: "tweede",
	headline: "Tweede bericht",
	published: "2024-03-02T09:00:00+01:00",
});

/** Publishes as `npm run publish` would against a running site: the isolates are not told. */
function publishBehindTheIsolatesBack(entries: readonly ContentEntry[]) {
	return publishContent(env.DB, entries, { now: Date.now() });
}

let now = 0;
function advance(seconds: number): void {
	now += seconds * 1000;
	vi.setSystemTime(now);
}

beforeEach(async () => {
	await emptyStore();
	await publishEntries([first]);
	now = Date.now();
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(now);
});
afterEach(() => {
	vi.useRealTimers();
});

describe("a publish reaches a warm isolate within the freshness interval", () => {
	it("keeps answering from memory inside the interval, then serves the new version", async () => {
		const before = await fetchPath("/feed.xml");
		expect(await before.text()).not.toContain("Tweede bericht");
		await publishBehindTheIsolatesBack([first, second]);

		advance(CONTENT_CHECK_SECONDS - 1);
		const stale = await fetchPath("/feed.xml");
		expect(stale.headers.get("ETag")).toBe(before.headers.get("ETag"));

		advance(1);
		const fresh = await fetchPath("/feed.xml");
		expect(await fresh.text()).toContain("Tweede bericht");
		expect(fresh.headers.get("ETag")).not.toBe(before.headers.get("ETag"));
	});

	it("moves Last-Modified with the bytes, so If-Modified-Since alone never keeps an old body", async () => {
		const before = await fetchPath("/");
		const lastModified = before.headers.get("Last-Modified") ?? "";
		advance(2);
		await publishBehindTheIsolatesBack([first, second]);
		advance(CONTENT_CHECK_SECONDS);
		const revalidated = await fetchPath("/", { headers: { "If-Modified-Since": lastModified } });
		expect(revalidated.status).toBe(200);
		expect(Date.parse(revalidated.headers.get("Last-Modified") ?? "")).toBeGreaterThan(
			Date.parse(lastModified),
		);
		expect(await revalidated.text()).toContain("Tweede bericht");
	});

	it("gives a changed article a new ETag and Last-Modified, and leaves the others' alone", async () => {
		await publishEntries([first, second]);
		const page = await fetchPath("/articles/eerste");
		const other = await fetchPath("/articles/tweede");
		advance(2);
		await publishBehindTheIsolatesBack([
			{ ...first, input: { ...(first.input as object), headline: "Eerste bericht, bijgewerkt" } },
			second,
		]);
		advance(CONTENT_CHECK_SECONDS);
		const changed = await fetchPath("/articles/eerste");
		expect(await changed.text()).toContain("Eerste bericht, bijgewerkt");
		expect(changed.headers.get("ETag")).not.toBe(page.headers.get("ETag"));
		expect(Date.parse(changed.headers.get("Last-Modified") ?? "")).toBeGreaterThan(
			Date.parse(page.headers.get("Last-Modified") ?? ""),
		);
		const unchanged = await fetchPath("/articles/tweede");
		expect(unchanged.headers.get("ETag")).toBe(other.headers.get("ETag"));
		expect(unchanged.headers.get("Last-Modified")).toBe(other.headers.get("Last-Modified"));
	});
});

/** How long any cache may keep `response` (RFC 9111 §4.2.1: s-maxage for shared caches, else max-age). */
function keptFor(response: Response): number {
	const directives = new Map(
		(response.headers.get("Cache-Control") ?? "").split(",").map((part) => {
			const [name = "", value = ""] = part.trim().toLowerCase().split("=");
			return [name, value];
		}),
	);
	// Without an explicit lifetime a cache may pick its own (RFC 9111 §4.2.2); stale-while-revalidate
	// lets it serve past the lifetime (RFC 5861 §3).
	if (!directives.has("max-age") || directives.has("stale-while-revalidate")) return Infinity;
	return Math.max(Number(directives.get("max-age")), Number(directives.get("s-maxage") ?? 0));
}

describe("the freshness promise (README: a change is visible everywhere within 60 seconds)", () => {
	it("holds for a feed and for a new article's URL, when the publish lands just after the isolate checked", async () => {
		// What a client keeps from the warm isolate just before the publish: the feed without the new
		// article, and a 404 for its URL.
		const feed = await fetchPath("/feed.xml");
		const missing = await fetchPath("/articles/tweede");
		expect([feed.status, missing.status]).toEqual([200, 404]);
		const watched = [
			{ kept: feed, isNew: (_: number, body: string) => body.includes("Tweede bericht") },
			{ kept: missing, isNew: (status: number) => status === 200 },
		].map((document) => ({ ...document, path: new URL(document.kept.url).pathname, servedAt: 0 }));
		await publishBehindTheIsolatesBack([first, second]);
		// The first whole second after the publish at which the isolate serves each document anew.
		for (let elapsed = 1; elapsed <= 60; elapsed++) {
			advance(1);
			for (const document of watched.filter(({ servedAt }) => servedAt === 0)) {
				const response = await fetchPath(document.path);
				if (document.isNew(response.status, await response.text())) document.servedAt = elapsed;
			}
		}
		// The last old answer left the isolate before servedAt; a cache may keep it its lifetime on.
		for (const { path, kept, servedAt } of watched) {
			expect(servedAt, path).toBeGreaterThan(0);
			expect(servedAt + keptFor(kept), path).toBeLessThanOrEqual(60);
		}
	});
});
