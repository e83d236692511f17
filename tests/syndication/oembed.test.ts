/**
 * The oEmbed provider (oEmbed 1.0, https://oembed.com/), exercised the way a consumer does:
 * discover the endpoint from the article page, fetch it, paste its `html`.
 */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { formatDutchDate } from "../../src/content/dutchDate";
import { EMBED_SIZE } from "../../src/render/oembed";
import { articleSlugOf } from "../../src/site/articleUrl";
import { expectPreflightAllowed, headersBesidesLength, sendPreflight } from "../support/http";
import {
	attr,
	elementsByTag,
	parseHtmlDocument,
	parseHtmlFragment,
	textOf,
} from "../support/parseHtml";
import { seedArticle, site, url } from "../support/site";

const articleUrl = url(`/articles/${seedArticle.slug}`);
const embedUrl = url(`/articles/${seedArticle.slug}/embed`);

function oembedRequest(params: Record<string, string>): string {
	return url(`/oembed?${new URLSearchParams(params)}`);
}

async function oembedJson(params: Record<string, string>): Promise<Record<string, unknown>> {
	const response = await SELF.fetch(oembedRequest(params));
	expect(response.status).toBe(200);
	return (await response.json()) as Record<string, unknown>;
}

async function discoveredEndpoint(): Promise<string> {
	const page = parseHtmlDocument(await (await SELF.fetch(articleUrl)).text());
	const links = elementsByTag(page, "link").filter(
		(link) => attr(link, "rel") === "alternate" && attr(link, "type") === "application/json+oembed",
	);
	expect(links).toHaveLength(1);
	const href = links[0] && attr(links[0], "href");
	if (href === undefined) throw new Error("oEmbed discovery link has no href");
	return href;
}

describe("oEmbed discovery", () => {
	it("the article page links its oEmbed JSON endpoint with the article URL and format=json", async () => {
		const endpoint = new URL(await discoveredEndpoint());
		expect(endpoint.origin + endpoint.pathname).toBe(url("/oembed"));
		expect(endpoint.searchParams.get("url")).toBe(articleUrl);
		expect(endpoint.searchParams.get("format")).toBe("json");
	});
});

describe("GET /oembed?url=<article>&format=json", () => {
	it("answers a rich oEmbed 1.0 response crediting NOS as the author", async () => {
		const response = await SELF.fetch(await discoveredEndpoint());
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
		const json = (await response.json()) as Record<string, unknown>;
		expect(json).toMatchObject({
			type: "rich",
			version: "1.0",
			title: seedArticle.headline,
			author_name: seedArticle.source.name,
			author_url: seedArticle.source.url,
			provider_name: site.title,
			provider_url: url("/"),
			width: EMBED_SIZE.width,
			height: EMBED_SIZE.height,
		});
		expect(json.author_name).toBe("NOS");
		expect(Number.isInteger(json.cache_age) && (json.cache_age as number) > 0).toBe(true);
	});

	it("treats an omitted format as json", async () => {
		const withFormat = await oembedJson({ url: articleUrl, format: "json" });
		const without = await oembedJson({ url: articleUrl });
		expect(without).toEqual(withFormat);
	});

	it("gives html with a sandboxed iframe of the embed view, then a blockquote that links and credits", async () => {
		const json = await oembedJson({ url: articleUrl });
		const markup = parseHtmlFragment(String(json.html));
		const [iframe, ...moreFrames] = elementsByTag(markup, "iframe");
		if (iframe === undefined) throw new Error("no iframe in oEmbed html");
		expect(moreFrames).toHaveLength(0);
		expect(attr(iframe, "src")).toBe(embedUrl);
		expect(Number(attr(iframe, "width"))).toBe(json.width);
		expect(Number(attr(iframe, "height"))).toBe(json.height);
		expect(attr(iframe, "title")).toContain(seedArticle.headline);
		// Sandboxed without allow-scripts or allow-same-origin: the frame can open links, nothing else.
		const sandbox = attr(iframe, "sandbox")?.split(/\s+/) ?? [];
		expect(attr(iframe, "sandbox")).toBeDefined();
		expect(sandbox).not.toContain("allow-scripts");
		expect(sandbox).not.toContain("allow-same-origin");
		const [quote] = elementsByTag(markup, "blockquote");
		if (quote === undefined) throw new Error("no blockquote fallback");
		expect(elementsByTag(quote, "a").map((a) => attr(a, "href"))).toContain(articleUrl);
		expect(textOf(quote)).toContain(seedArticle.headline);
		expect(textOf(quote)).toContain("Bron: NOS");
		expect(textOf(quote)).toContain(formatDutchDate(seedArticle.published));
		expect(elementsByTag(markup, "script")).toHaveLength(0);
	});

	it("keeps the iframe on one line, as WordPress's oEmbed filter matches it per line", async () => {
		const json = await oembedJson({ url: articleUrl });
		expect(String(json.html)).toMatch(/^.*<iframe[^\n]*><\/iframe>.*$/m);
	});

	it("shares the answer with any origin and exposes its validators", async () => {
		const response = await SELF.fetch(oembedRequest({ url: articleUrl }), {
			headers: { Origin: "https://partner.example" },
		});
		expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
		expect(response.headers.get("Access-Control-Allow-Credentials")).toBeNull();
		expect(response.headers.get("Access-Control-Expose-Headers")).toContain("ETag");
		expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
		expect(response.headers.get("Cache-Control")).toMatch(/max-age=\d+/);
	});

	it("accepts the article URL with a trailing slash, a query or a fragment", async () => {
		const plain = await oembedJson({ url: articleUrl });
		for (const variant of [
			`${articleUrl}/`,
			`${articleUrl}/?utm_source=x`,
			`${articleUrl}?utm_source=x`,
			`${articleUrl}#top`,
		]) {
			expect(await oembedJson({ url: variant }), variant).toEqual(plain);
		}
	});
});

describe("what an article URL is: the page and oEmbed agree", () => {
	const { slug } = seedArticle;
	// The first letter percent-encoded, in lower- and upper-case hex: `%6babinets...`, `%6Babinets...`.
	const hex = slug.charCodeAt(0).toString(16);
	const [lowerHex, upperHex] = [hex, hex.toUpperCase()].map((h) => `%${h}${slug.slice(1)}`);
	// [path, does it name the article?]: read as the router reads a request for it.
	const FORMS: [string, boolean][] = [
		[`/articles/${slug}`, true],
		[`/articles/${lowerHex}`, true],
		[`/articles/${upperHex}`, true],
		[`/%61rticles/${slug}`, true],
		[`/x/../articles/${slug}`, true],
		[`/articles/%2e%2e/articles/${slug}`, true],
		[`/articles/./${slug}`, true],
		[`/articles/${slug}?a=1#b`, true],
		[`/articles/${slug.toUpperCase()}`, false],
		[`/articles//${slug}`, false],
		[`/articles/${slug}%2F`, false],
		[`/articles%2F${slug}`, false],
		["/articles/%2e%2e/feed.xml", false],
		[`/articles/${slug}/fragment`, false],
	];

	it.each(FORMS)("%s names the article: %s", async (path, names) => {
		expect(articleSlugOf(url(path), site.origin) === slug, "articleSlugOf").toBe(names);
		const oembed = await SELF.fetch(oembedRequest({ url: url(path) }));
		expect(oembed.status, "oEmbed").toBe(names ? 200 : 404);
		await oembed.arrayBuffer();
		const page = await SELF.fetch(url(path));
		const isArticlePage =
			page.status === 200 &&
			(page.headers.get("Content-Security-Policy") ?? "").includes("frame-ancestors 'none'") &&
			(await page.text()).includes(`<link rel="canonical" href="${articleUrl}">`);
		expect(isArticlePage, "page").toBe(names);
	});

	it("reads nothing as an article URL of another origin", () => {
		expect(
			articleSlugOf(`https://elsewhere.example/articles/${slug}`, site.origin),
		).toBeUndefined();
		expect(articleSlugOf("/articles/relative", site.origin)).toBeUndefined();
	});
});

describe("maxwidth and maxheight", () => {
	it("never answers wider or taller than asked, in the fields and in the iframe", async () => {
		const json = await oembedJson({ url: articleUrl, maxwidth: "400", maxheight: "300" });
		expect([json.width, json.height]).toEqual([400, 300]);
		const [iframe] = elementsByTag(parseHtmlFragment(String(json.html)), "iframe");
		expect(iframe && [attr(iframe, "width"), attr(iframe, "height")]).toEqual(["400", "300"]);
	});

	it("keeps the standard size when the maxima are larger", async () => {
		const json = await oembedJson({ url: articleUrl, maxwidth: "5000", maxheight: "5000" });
		expect([json.width, json.height]).toEqual([EMBED_SIZE.width, EMBED_SIZE.height]);
	});

	it("limits one dimension without touching the other", async () => {
		const json = await oembedJson({ url: articleUrl, maxwidth: "320" });
		expect([json.width, json.height]).toEqual([320, EMBED_SIZE.height]);
	});

	it("treats a maxwidth of any length as a maximum: the answer is never larger than standard", async () => {
		for (const value of ["1000000000", "9".repeat(40), "000480"]) {
			const json = await oembedJson({ url: articleUrl, maxwidth: value });
			expect(json.width, value).toBe(value === "000480" ? 480 : EMBED_SIZE.width);
		}
	});

	it("treats empty maxwidth, maxheight and format as absent", async () => {
		const plain = await oembedJson({ url: articleUrl });
		expect(await oembedJson({ url: articleUrl, format: "", maxwidth: "", maxheight: "" })).toEqual(
			plain,
		);
	});

	it.each(["abc", "-5", "0", "000", "12.5", "1e3", "0x20", "+400", " 400"])(
		"answers 400 with a JSON reason for maxwidth=%j",
		async (value) => {
			const response = await SELF.fetch(oembedRequest({ url: articleUrl, maxwidth: value }));
			expect(response.status).toBe(400);
			expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
			const body = (await response.json()) as { status: number; message: string };
			expect(body.status).toBe(400);
			expect(body.message).toMatch(/maxwidth/);
		},
	);

	it("answers 400 naming maxheight when maxheight is malformed", async () => {
		const response = await SELF.fetch(oembedRequest({ url: articleUrl, maxheight: "tall" }));
		expect(response.status).toBe(400);
		expect(((await response.json()) as { message: string }).message).toMatch(/maxheight/);
	});
});

describe("oEmbed errors (oEmbed 1.0 §2.3.5)", () => {
	it("answers 400 without a url", async () => {
		for (const request of [url("/oembed"), url("/oembed?format=json"), url("/oembed?url=")]) {
			const response = await SELF.fetch(request);
			expect(response.status, request).toBe(400);
			expect(((await response.json()) as { message: string }).message).toMatch(/url/);
		}
	});

	it.each([
		["another site", `https://elsewhere.example/articles/${seedArticle.slug}`],
		["an unknown slug", url("/articles/bestaat-niet")],
		["our home page", url("/")],
		["our feed", url("/feed.xml")],
		["the fragment", url(`/articles/${seedArticle.slug}/fragment`)],
		["not a URL", "kabinetsberaad"],
		["a javascript: URL", "javascript:alert(1)"],
	])("answers 404 for %s", async (_label, target) => {
		const response = await SELF.fetch(oembedRequest({ url: target }));
		expect(response.status).toBe(404);
		expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
		const text = await response.text();
		expect(JSON.parse(text)).toMatchObject({ status: 404 });
		// Nothing from the request is echoed back.
		expect(text).not.toContain(target);
	});

	it.each(["xml", "html", "yaml"])("answers 501 for format=%s", async (format) => {
		const response = await SELF.fetch(oembedRequest({ url: articleUrl, format }));
		expect(response.status).toBe(501);
		expect(JSON.parse(await response.text())).toMatchObject({ status: 501 });
	});
});

describe("oEmbed caching and methods", () => {
	it("answers 304 to If-None-Match with the ETag it gave", async () => {
		const first = await SELF.fetch(oembedRequest({ url: articleUrl }));
		const etag = first.headers.get("ETag");
		expect(etag).toMatch(/^"[^"]+"$/);
		// The article page's own Last-Modified: when the store last changed the article.
		const page = await SELF.fetch(articleUrl, { method: "HEAD" });
		expect(first.headers.get("Last-Modified")).toBe(page.headers.get("Last-Modified"));
		await first.arrayBuffer();
		const again = await SELF.fetch(oembedRequest({ url: articleUrl }), {
			headers: { "If-None-Match": etag ?? "" },
		});
		expect(again.status).toBe(304);
		expect(await again.text()).toBe("");
	});

	it("gives each size its own ETag, and revalidates each size on its own", async () => {
		const small = { url: articleUrl, maxwidth: "300" };
		const smaller = { url: articleUrl, maxwidth: "200" };
		const standard = await SELF.fetch(oembedRequest({ url: articleUrl }));
		const first = await SELF.fetch(oembedRequest(small));
		const second = await SELF.fetch(oembedRequest(smaller));
		const tags = [standard, first, second].map((r) => r.headers.get("ETag"));
		expect(new Set(tags).size).toBe(3);
		await Promise.all([standard, first, second].map((r) => r.arrayBuffer()));
		const revalidated = await SELF.fetch(oembedRequest(small), {
			headers: { "If-None-Match": tags[1] ?? "" },
		});
		expect(revalidated.status).toBe(304);
		expect(revalidated.headers.get("ETag")).toBe(tags[1]);
		const otherTag = await SELF.fetch(oembedRequest(small), {
			headers: { "If-None-Match": tags[0] ?? "" },
		});
		expect(otherTag.status).toBe(200);
		expect(((await otherTag.json()) as { width: number }).width).toBe(300);
	});

	it("answers 412 without a body when If-Match or If-Unmodified-Since fails, at every size", async () => {
		for (const params of [{ url: articleUrl }, { url: articleUrl, maxwidth: "300" }]) {
			const current = await SELF.fetch(oembedRequest(params));
			const etag = current.headers.get("ETag") ?? "";
			await current.arrayBuffer();
			for (const headers of [
				{ "If-Match": '"zzz"' },
				{ "If-Unmodified-Since": "Thu, 01 Jan 1970 00:00:00 GMT" },
			]) {
				const response = await SELF.fetch(oembedRequest(params), { headers });
				expect(response.status, JSON.stringify([params, headers])).toBe(412);
				expect(await response.text()).toBe("");
			}
			const held = await SELF.fetch(oembedRequest(params), { headers: { "If-Match": etag } });
			expect(held.status).toBe(200);
			await held.arrayBuffer();
		}
	});

	it("answers HEAD with GET's status and headers and no body", async () => {
		const get = await SELF.fetch(oembedRequest({ url: articleUrl, maxwidth: "300" }));
		const head = await SELF.fetch(oembedRequest({ url: articleUrl, maxwidth: "300" }), {
			method: "HEAD",
		});
		expect(get.status).toBe(200);
		expect(head.status).toBe(get.status);
		expect(head.headers.get("ETag")).toBe(get.headers.get("ETag"));
		expect(headersBesidesLength(head)).toEqual(headersBesidesLength(get));
		expect(await head.text()).toBe("");
		await get.arrayBuffer();
	});

	it("answers a CORS preflight with 204", async () => {
		const response = await sendPreflight(oembedRequest({ url: articleUrl }));
		expect(response.headers.get("Access-Control-Allow-Methods")).toContain("GET");
		expect(response.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain(
			"if-none-match",
		);
		expectPreflightAllowed(response);
	});

	it("answers other methods 405 with Allow", async () => {
		const response = await SELF.fetch(oembedRequest({ url: articleUrl }), { method: "POST" });
		expect(response.status).toBe(405);
		expect(response.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
		await response.arrayBuffer();
	});
});
