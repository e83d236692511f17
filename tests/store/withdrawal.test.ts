/**
 * Withdrawal: an article whose file was removed answers 410 Gone with a short page on every URL
 * it had, and leaves every feed, archive page, index page and oEmbed.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContentEntry } from "../../src/content/articleSchema";
import { formatDutchDay } from "../../src/content/dutchDate";
import { entry } from "../fixtures/articleInputs";
import { fetchPath } from "../support/http";
import { attr, elementsByTag, parseHtmlDocument, textOf } from "../support/parseHtml";
import { site, url } from "../support/site";
import { bodyAt, emptyStore, publishEntries, siteWith } from "../support/store";

const article = (n: number): ContentEntry =>
	entry(`content/articles/a${n}.ts`, {
		slug: `artikel-${n}`,
		headline: `Artikel nummer ${n}`,
		published: `2024-01-${String(n).padStart(2, "0")}T09:00:00+01:00`,
	});
const all = Array.from({ length: 9 }, (_, i) => article(i + 1));
const GONE = "artikel-2"; // old enough to sit on an archive page of 4
const gone = `/articles/${GONE}`;

let withdrawnDay = "";
beforeAll(async () => {
	await emptyStore();
	await publishEntries(all);
	await publishEntries(all.filter((_, i) => i !== 1));
	const { results } = await env.DB.prepare("SELECT withdrawn_at FROM withdrawn WHERE slug = ?1")
		.bind(GONE)
		.all<{ withdrawn_at: number }>();
	withdrawnDay = formatDutchDay(new Date(results[0]?.withdrawn_at ?? 0), site.timeZone);
});

describe("a withdrawn article", () => {
	it.each([gone, `${gone}/fragment`, `${gone}/embed`])("answers 410 Gone at %s", async (path) => {
		const response = await fetchPath(path);
		expect(response.status).toBe(410);
		expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
		expect(response.headers.get("Cache-Control")).toBe("public, max-age=45");
		const page = parseHtmlDocument(await response.text());
		const text = textOf(page);
		expect(text).toContain("Artikel ingetrokken");
		// Names what was withdrawn, and the day, in the newsroom's zone.
		expect(text).toContain(`Het artikel “Artikel nummer 2” is op ${withdrawnDay} ingetrokken`);
		expect(elementsByTag(page, "a").map((a) => attr(a, "href"))).toContain(url("/"));
	});

	it("answers HEAD with 410 and no body", async () => {
		const response = await fetchPath(gone, { method: "HEAD" });
		expect(response.status).toBe(410);
		expect(await response.text()).toBe("");
	});

	it("is in no feed, the site's or its section's", async () => {
		const feeds = ["/feed.xml", "/atom.xml", "/feed.json"];
		for (const path of [...feeds, ...feeds.map((feed) => `/tags/test${feed}`)]) {
			const body = await (await fetchPath(path)).text();
			expect(body, path).toContain("artikel-3");
			expect(body, path).not.toContain(GONE);
		}
	});

	it("is on no index page, the site's or its section's", async () => {
		for (const path of ["/", "/tags/test"]) {
			const body = await (await fetchPath(path)).text();
			expect(body, path).toContain("Artikel nummer 3");
			expect(body, path).not.toContain(GONE);
		}
	});

	it("is on no archive page, which close ranks without it", async () => {
		const small = siteWith({ feedSize: 4, archivePageSize: 4 });
		for (const format of ["atom", "rss"]) {
			const page1 = await bodyAt(small, `/archive/${format}/1.xml`);
			expect(page1, format).toBeDefined();
			expect(page1, format).not.toContain(GONE);
			for (const n of [1, 3, 4, 5]) expect(page1, format).toContain(`articles/artikel-${n}<`);
		}
		// 8 articles left: two full pages, and no third.
		expect(await bodyAt(small, "/archive/atom/2.xml")).toBeDefined();
		expect(await bodyAt(small, "/archive/atom/3.xml")).toBeUndefined();
	});

	it("has no oEmbed answer (404, as oEmbed asks for a URL with nothing to embed)", async () => {
		const query = new URLSearchParams({ url: url(gone) });
		const response = await fetchPath(`/oembed?${query}`);
		expect(response.status).toBe(404);
	});

	it("is not mistaken for a slug that never existed, which stays 404", async () => {
		expect((await fetchPath("/articles/nooit-gepubliceerd")).status).toBe(404);
	});
});
