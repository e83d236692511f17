/**
 * WebSub (W3C Recommendation, §4 Discovery): with a hub configured, every feed names it and its own
 * URL in the body and in `Link` headers; without one, nothing about hubs appears anywhere.
 * The Worker under test runs without WEBSUB_HUB (wrangler.toml); the hub case runs the same
 * Worker with the same bindings plus WEBSUB_HUB, as a deployment with it set would.
 */
import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../src/index";
import { stylesheetHash } from "../../src/render/stylesheetUrl";
import { sitePaths } from "../../src/site/siteUrls";
import { atomLinks, childrenNamed, parseXml } from "../support/parseXml";
import { articles, testEnv, url } from "../support/site";

const HUB = "https://hub.example.org/websub";
/** The site's feeds and a section's (the seed is in the section asiel). */
const FEEDS = [
	"/feed.xml",
	"/atom.xml",
	"/feed.json",
	"/tags/asiel/feed.xml",
	"/tags/asiel/atom.xml",
	"/tags/asiel/feed.json",
] as const;
/** Every other kind of document the Worker publishes. */
const OTHERS = [
	"/",
	"/tags/asiel",
	"/sitemap.xml",
	"/news-sitemap.xml",
	"/robots.txt",
	sitePaths.stylesheet(stylesheetHash()),
	...articles.flatMap((a) => [
		`/articles/${a.slug}`,
		`/articles/${a.slug}/fragment`,
		`/articles/${a.slug}/embed`,
	]),
];

function feedWithHub(path: string, init?: RequestInit): Promise<Response> {
	return Promise.resolve(app.request(url(path), init, { ...env, WEBSUB_HUB: HUB }));
}

/** RFC 8288 Link header → rel → target. */
function linkTargets(header: string | null): Map<string, string> {
	const targets = new Map<string, string>();
	for (const match of (header ?? "").matchAll(/<([^>]*)>\s*;\s*rel="([^"]*)"/g)) {
		targets.set(match[2] ?? "", match[1] ?? "");
	}
	return targets;
}

describe("with WEBSUB_HUB set", () => {
	it.each(FEEDS)("%s carries Link headers naming the hub and itself", async (path) => {
		const response = await feedWithHub(path);
		expect(response.status).toBe(200);
		const links = linkTargets(response.headers.get("Link"));
		expect(links.get("hub")).toBe(HUB);
		expect(links.get("self")).toBe(url(path));
	});

	it.each(FEEDS)("%s keeps the Link headers on a 304", async (path) => {
		const first = await feedWithHub(path);
		const etag = first.headers.get("ETag") ?? "";
		const revalidated = await feedWithHub(path, { headers: { "If-None-Match": etag } });
		expect(revalidated.status).toBe(304);
		expect(linkTargets(revalidated.headers.get("Link")).get("hub")).toBe(HUB);
	});

	it("RSS declares the hub as atom:link rel=hub beside rel=self, before the first item", async () => {
		const rss = parseXml(await (await feedWithHub("/feed.xml")).text());
		const [channel] = childrenNamed(rss, "channel");
		if (channel === undefined) throw new Error("no channel");
		const links = atomLinks(channel);
		expect(links.get("hub")).toBe(HUB);
		expect(links.get("self")).toBe(url("/feed.xml"));
		// W3C validator: channel elements after an <item> are MisplacedItem.
		const names = channel.children.map((c) => c.name);
		const lastLink = names.lastIndexOf("atom:link");
		expect(lastLink).toBeLessThan(names.indexOf("item"));
	});

	it("Atom declares <link rel=hub> beside rel=self, before the first entry", async () => {
		const feed = parseXml(await (await feedWithHub("/atom.xml")).text());
		const links = atomLinks(feed);
		expect(links.get("hub")).toBe(HUB);
		expect(links.get("self")).toBe(url("/atom.xml"));
		const names = feed.children.map((c) => c.local);
		expect(names.lastIndexOf("link")).toBeLessThan(names.indexOf("entry"));
	});

	it("JSON Feed lists the hub as a WebSub hub, and feed_url is its self URL", async () => {
		const json = (await (await feedWithHub("/feed.json")).json()) as {
			hubs?: { type: string; url: string }[];
			feed_url: string;
		};
		expect(json.hubs).toEqual([{ type: "WebSub", url: HUB }]);
		expect(json.feed_url).toBe(url("/feed.json"));
	});

	it("adds no Link header to pages, fragments, the embed view, sitemaps or robots.txt", async () => {
		for (const path of OTHERS) {
			const response = await feedWithHub(path);
			expect(response.status, path).toBe(200);
			expect(response.headers.get("Link"), path).toBeNull();
		}
	});
});

describe("without WEBSUB_HUB (the Worker as configured in wrangler.toml)", () => {
	it("the test Worker really has no hub", () => {
		expect(testEnv.WEBSUB_HUB ?? "").toBe("");
	});

	it.each(FEEDS)("%s has no Link header", async (path) => {
		const response = await SELF.fetch(url(path));
		expect(response.headers.get("Link")).toBeNull();
		await response.arrayBuffer();
	});

	it("no feed declares a hub: no rel=hub link in RSS or Atom, no hubs in JSON Feed", async () => {
		const rss = parseXml(await (await SELF.fetch(url("/feed.xml"))).text());
		const [channel] = childrenNamed(rss, "channel");
		expect(channel && atomLinks(channel).has("hub")).toBe(false);
		expect(channel && atomLinks(channel).get("self")).toBe(url("/feed.xml"));
		const atom = parseXml(await (await SELF.fetch(url("/atom.xml"))).text());
		expect(atomLinks(atom).has("hub")).toBe(false);
		const json = (await (await SELF.fetch(url("/feed.json"))).json()) as Record<string, unknown>;
		expect(Object.keys(json)).not.toContain("hubs");
	});

	it("no published document mentions a hub", async () => {
		// Every kind of document the Worker publishes, and the oEmbed answer.
		const paths = [
			...FEEDS,
			...OTHERS,
			...articles.map((a) => `/oembed?url=${encodeURIComponent(url(`/articles/${a.slug}`))}`),
		];
		for (const path of paths) {
			const response = await SELF.fetch(url(path));
			expect(response.status, path).toBe(200);
			const body = await response.text();
			expect(body, path).not.toMatch(/rel="hub"|"hubs"|websub/i);
		}
	});
});
