/** The Workers Cache API (the real one, inside workerd) serving cold isolates. */
import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { EDGE_CACHE_HEADER, edgeCacheKey } from "../../src/http/edgeCache";
import { forgetPreparedSites, preparedSite } from "../../src/publish/preparedSite";
import { seedArticle, url } from "../support/site";

const deployed = env.CF_VERSION_METADATA?.id ?? "";

/** What the Worker keys the edge cache with now: the deployment and the content version. */
async function currentGeneration(): Promise<string> {
	const site = preparedSite(env);
	return site.generation(await site.state(Date.now()));
}

let version = "";

async function cachedCopy(path: string): Promise<Response | undefined> {
	// cache.put runs after the response (waitUntil): give it a few turns to land.
	for (let attempt = 0; attempt < 50; attempt++) {
		const hit = await caches.default.match(edgeCacheKey(url(path), version));
		if (hit !== undefined) return hit;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	return undefined;
}

beforeEach(async () => {
	version = await currentGeneration();
	for (const path of ["/feed.xml", "/atom.xml", "/articles/bestaat-niet", "/oembed"]) {
		await caches.default.delete(edgeCacheKey(url(path), version));
	}
	forgetPreparedSites();
});

describe("edge caching for cold isolates", () => {
	it("has a deployed version to key the cache with", () => {
		expect(deployed).not.toBe("");
	});

	it("stores what a cold isolate served, under a key that carries the deployed and content versions", async () => {
		const served = await SELF.fetch(url("/feed.xml"));
		expect(served.headers.get(EDGE_CACHE_HEADER)).toBeNull();
		const copy = await cachedCopy("/feed.xml");
		expect(copy?.headers.get("ETag")).toBe(served.headers.get("ETag"));
		expect(await copy?.text()).toBe(await served.text());
		const key = edgeCacheKey(url("/feed.xml"), version);
		expect(key).toContain(encodeURIComponent(deployed));
		const { version: content } = await preparedSite(env).state(Date.now());
		expect(key).toContain(encodeURIComponent(`/${content}.`));
	});

	it("answers the next cold isolate from the cache, with the same bytes and validators", async () => {
		const first = await SELF.fetch(url("/atom.xml"));
		const body = await first.text();
		await cachedCopy("/atom.xml");
		forgetPreparedSites();
		const second = await SELF.fetch(url("/atom.xml"));
		expect(second.headers.get(EDGE_CACHE_HEADER)).toBe("HIT");
		expect(second.headers.get("ETag")).toBe(first.headers.get("ETag"));
		expect(second.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
		expect(await second.text()).toBe(body);
	});

	it("evaluates preconditions on a cached copy: 304 for a matching tag", async () => {
		const first = await SELF.fetch(url("/atom.xml"));
		await first.arrayBuffer();
		await cachedCopy("/atom.xml");
		forgetPreparedSites();
		const response = await SELF.fetch(url("/atom.xml"), {
			headers: { "If-None-Match": `W/${first.headers.get("ETag")}` },
		});
		expect(response.status).toBe(304);
		expect(response.headers.get(EDGE_CACHE_HEADER)).toBe("HIT");
		expect(response.headers.get("ETag")).toBe(first.headers.get("ETag"));
	});

	it("evaluates If-Match and If-Unmodified-Since on a cached copy: 412 when they fail", async () => {
		const first = await SELF.fetch(url("/atom.xml"));
		await first.arrayBuffer();
		expect(await cachedCopy("/atom.xml")).toBeDefined();
		for (const headers of [
			{ "If-Match": '"zzz"' },
			{ "If-Unmodified-Since": "Thu, 01 Jan 1970 00:00:00 GMT" },
		]) {
			forgetPreparedSites();
			const response = await SELF.fetch(url("/atom.xml"), { headers });
			expect(response.headers.get(EDGE_CACHE_HEADER)).toBeNull();
			expect(response.status).toBe(412);
			expect(await response.text()).toBe("");
		}
		forgetPreparedSites();
		const held = await SELF.fetch(url("/atom.xml"), {
			headers: { "If-Match": first.headers.get("ETag") ?? "" },
		});
		expect(held.status).toBe(200);
		expect(held.headers.get(EDGE_CACHE_HEADER)).toBe("HIT");
	});

	it("does not consult the cache once the isolate is warm", async () => {
		await (await SELF.fetch(url("/feed.xml"))).arrayBuffer();
		await cachedCopy("/feed.xml");
		const warm = await SELF.fetch(url("/feed.xml"));
		expect(warm.headers.get(EDGE_CACHE_HEADER)).toBeNull();
	});

	it("never stores an error, not even a document route's 404", async () => {
		const error = await SELF.fetch(url("/articles/bestaat-niet"));
		expect(error.status).toBe(404);
		await error.arrayBuffer();
		// A document served after the error is stored: background stores have had time to land.
		await (await SELF.fetch(url("/feed.xml"))).arrayBuffer();
		expect(await cachedCopy("/feed.xml")).toBeDefined();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(
			await caches.default.match(edgeCacheKey(url("/articles/bestaat-niet"), version)),
		).toBeUndefined();
	});

	it("keys a document by its path alone: a query neither misses the cache nor splits it", async () => {
		const first = await SELF.fetch(url("/atom.xml"));
		await first.arrayBuffer();
		expect(await cachedCopy("/atom.xml")).toBeDefined();
		forgetPreparedSites();
		const withQuery = await SELF.fetch(url("/atom.xml?utm_source=reader"));
		expect(withQuery.headers.get(EDGE_CACHE_HEADER)).toBe("HIT");
		expect(withQuery.headers.get("ETag")).toBe(first.headers.get("ETag"));
	});

	it("never stores an oEmbed answer, whose body depends on its query", async () => {
		forgetPreparedSites();
		const query = new URLSearchParams({
			url: url(`/articles/${seedArticle.slug}`),
			maxwidth: "300",
		});
		const answer = await SELF.fetch(url(`/oembed?${query}`));
		expect(answer.status).toBe(200);
		await answer.arrayBuffer();
		// A document served after it is stored: background stores have had time to land.
		await (await SELF.fetch(url("/feed.xml"))).arrayBuffer();
		expect(await cachedCopy("/feed.xml")).toBeDefined();
		expect(await caches.default.match(edgeCacheKey(url("/oembed"), version))).toBeUndefined();
	});
});
