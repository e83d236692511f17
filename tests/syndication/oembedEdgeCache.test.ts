/**
 * oEmbed answers depend on the query (url, maxwidth, maxheight): whatever a cold isolate does, it
 * must never hand one query's answer to another. (oEmbed answers are not edge-cached at all; the
 * edge-cache test asserts that. This one guards the behaviour a consumer sees if that changes.)
 */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { forgetPreparedSites } from "../../src/publish/preparedSite";
import { EMBED_SIZE } from "../../src/render/oembed";
import { seedArticle, url } from "../support/site";

const articleUrl = url(`/articles/${seedArticle.slug}`);

async function widthFromColdIsolate(maxwidth?: string): Promise<unknown> {
	forgetPreparedSites();
	const query = new URLSearchParams({ url: articleUrl, ...(maxwidth && { maxwidth }) });
	const response = await SELF.fetch(url(`/oembed?${query}`));
	expect(response.status).toBe(200);
	const { width } = (await response.json()) as { width: unknown };
	// Let the cold isolate's cache.put (waitUntil) land before the next one asks.
	await new Promise((resolve) => setTimeout(resolve, 100));
	return width;
}

describe("oEmbed behind the edge cache", () => {
	it("gives each cold isolate the answer to its own query", async () => {
		expect(await widthFromColdIsolate("300")).toBe(300);
		expect(await widthFromColdIsolate()).toBe(EMBED_SIZE.width);
		expect(await widthFromColdIsolate("250")).toBe(250);
		expect(await widthFromColdIsolate("300")).toBe(300);
	});
});
