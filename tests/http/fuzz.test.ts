/**
 * A bounded fuzz run: a few hundred odd requests (methods, paths, headers), generated from a fixed
 * seed so a failure reproduces. No answer may be a 5xx, and nothing sent may come back as markup.
 */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { seedArticle, url } from "../support/site";

const REQUESTS = 300;
const MARKER = "<b>fz</b>";

/** mulberry32: a tiny deterministic PRNG. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const next = random(20230707);
function pick<T>(items: readonly T[]): T {
	return items[Math.floor(next() * items.length)] as T;
}

const METHODS = [
	"GET",
	"HEAD",
	"OPTIONS",
	"POST",
	"PUT",
	"DELETE",
	"PATCH",
	"PROPFIND",
	"TRACE",
	"MKCOL",
	"PURGE",
];
const PATHS = [
	"/",
	"/feed.xml",
	"/atom.xml",
	"/feed.json",
	`/articles/${seedArticle.slug}`,
	`/articles/${seedArticle.slug}/fragment`,
	"/page/2",
	"/page/99999999",
	"/tags/asiel",
	"/tags/asiel/feed.xml",
	"/tags/asiel/page/2",
	`/tags/${encodeURIComponent(MARKER)}`,
	"/tags/%C3%A9",
	"/sitemap.xml",
	"/sitemaps/1.xml",
	"/news-sitemap.xml",
	"/robots.txt",
	"/preview",
	`/preview/${seedArticle.slug}`,
	`/preview/${encodeURIComponent(MARKER)}`,
	"//feed.xml",
	"/articles/",
	"/articles//fragment",
	"/articles/%",
	"/articles/%zz",
	"/articles/%E0%A4%A",
	"/articles/%C0%AF",
	"/articles/..%2f..%2fetc%2fpasswd",
	"/articles/%2e%2e/%2e%2e/",
	"/feed.xml;jsessionid=1",
	"/feed.xml%00",
	`/articles/${encodeURIComponent(MARKER)}`,
	`/${"a".repeat(4000)}`,
	"/articles/😀",
	"/ARTICLES/x",
	"/feed.json?callback=alert",
	// Dot segments, plain and percent-encoded, and a percent-encoded letter (README: HTTP behaviour).
	"/articles/../feed.xml",
	"/articles/%2e%2e/feed.xml",
	"/%2e%2e/feed.xml",
	"/x/../feed.xml",
	"/articles/%2E%2e/%2e./atom.xml",
	`/articles/%6b${seedArticle.slug.slice(1)}`,
	`/articles/${seedArticle.slug}/./fragment`,
	`/oembed?url=${encodeURIComponent(`/articles/%6b${seedArticle.slug.slice(1)}`)}`,
	`/oembed?format=&maxwidth=&url=${encodeURIComponent(url(`/x/../articles/${seedArticle.slug}`))}`,
	`/oembed?maxwidth=${"9".repeat(40)}&url=${encodeURIComponent(url(`/articles/${seedArticle.slug}`))}`,
	// Search (docs/search.md): any query is data; a malformed page or section is a 400.
	"/search",
	"/search.json",
	"/opensearch.xml",
	`/search?q=${encodeURIComponent(MARKER)}`,
	`/search.json?q=${encodeURIComponent(`"${MARKER}" NEAR(a b) OR *`)}`,
	"/search?q=kabinet*&section=asiel&page=2",
	"/search.json?q=%22&page=0",
	"/search?q=%E0%A4%A&section=%zz",
	`/search.json?q=${"x".repeat(300)}`,
	// A surrogate's bytes (not UTF-8), a NUL and SQL.
	"/search?q=%ED%A0%80%00%27%3B%20DROP%20TABLE%20articles%3B%20--",
];
const IF_NONE_MATCH = [
	'"x"',
	"W/",
	'"',
	"*, *",
	",,,",
	'W/"a" "b"',
	MARKER,
	"\u00ff".repeat(3),
	"x".repeat(8000),
];
const DATES = [
	"0",
	"Sat, 01 Jul 2023 12:00:00 GMT",
	"Fri, 31 Feb 2023 25:61:61 GMT",
	"-1",
	MARKER,
	"9".repeat(300),
];
/** If-Match values: matching only by chance (`*`), never ours otherwise, some malformed. */
const IF_MATCH = ['"zzz"', "*", 'W/"zzz"', "", ",", MARKER, '"a", "b"'];
const RANGES = ["bytes=0-0", "bytes=-1", "bytes=999999-", "lines=1-2", "bytes=0-1,2-3", MARKER];

function oddRequest(i: number): Request {
	const method = pick(METHODS);
	const headers = new Headers();
	if (next() < 0.5) headers.set("If-None-Match", pick(IF_NONE_MATCH));
	if (next() < 0.4) headers.set("If-Modified-Since", pick(DATES));
	if (next() < 0.3) headers.set("Range", pick(RANGES));
	if (next() < 0.25) headers.set("If-Match", pick(IF_MATCH));
	if (next() < 0.25) headers.set("If-Unmodified-Since", pick(DATES));
	if (next() < 0.2) headers.set("Origin", next() < 0.5 ? "null" : MARKER.replace(/[<>/]/g, ""));
	if (next() < 0.1) headers.set("X-Oversized", "y".repeat(16_000));
	if (next() < 0.2) headers.set("Accept", pick(["*/*", "application/json", MARKER, ""]));
	const withBody = method !== "GET" && method !== "HEAD" && next() < 0.5;
	const query = next() < 0.3 ? `?q=${encodeURIComponent(MARKER)}&n=${i}` : "";
	return new Request(`${url(pick(PATHS))}${query}`, {
		method,
		headers,
		...(withBody && { body: MARKER }),
	});
}

describe("odd requests", () => {
	it(`answers ${REQUESTS} of them without a 5xx and without reflecting any input`, async () => {
		const statuses = new Map<number, number>();
		for (let i = 0; i < REQUESTS; i++) {
			const request = oddRequest(i);
			const description = `${request.method} ${request.url.slice(0, 120)}`;
			const response = await SELF.fetch(request);
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
			expect(response.status, description).toBeLessThan(500);
			const body = await response.text();
			// 304 and 412 carry no body (RFC 9110 §15.4.5; 412 as src/http/errorResponses.ts says).
			if (response.status === 304 || response.status === 412) expect(body, description).toBe("");
			expect(body.includes(MARKER), description).toBe(false);
			expect(body.includes("<b>fz"), description).toBe(false);
			for (const [, value] of response.headers)
				expect(value.includes(MARKER), description).toBe(false);
		}
		// The run really exercised successes, failed preconditions and refusals.
		expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
		expect(statuses.get(412) ?? 0).toBeGreaterThan(0);
		expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);
	}, 60_000);
});
