/**
 * Fresh without a redeploy: an isolate answers warm requests from memory, re-reads the content
 * version every CONTENT_CHECK_SECONDS, and then serves what was published. The clock is driven
 * (vi.setSystemTime), never slept on. Last-Modified moves with every change of a document's bytes.
 */

import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { publishContent } from "../../src/commands/publishContent";
import type { ContentEntry } from "../../src/content/articleSchema";
import { CONTENT_CHECK_SECONDS, CONTENT_MAX_AGE } from "../../src/site/freshness";
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

	it("states a bound that the interval and Cache-Control add up to", async () => {
		const response = await fetchPath("/feed.xml");
		const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get("Cache-Control") ?? "")?.[1]);
		expect(maxAge).toBe(CONTENT_MAX_AGE);
		expect(CONTENT_CHECK_SECONDS + maxAge).toBeLessThanOrEqual(60);
		expect(response.headers.get("Cache-Control")).not.toMatch(/stale-while-revalidate/);
	});
});
