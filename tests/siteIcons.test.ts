/**
 * The site's icon: static assets at fixed paths (public/, served by Cloudflare before the Worker
 * runs), linked from every page, and named by every feed format in the place and size the format
 * asks for.
 */
import { describe, expect, it } from "vitest";
import { sitePaths } from "../src/site/siteUrls";
import { cspDirectives, fetchPath, fetchServed } from "./support/http";
import { icoImages, type PixelSize, pngSize } from "./support/imageFiles";
import { attr, elementsByTag, parseHtmlDocument } from "./support/parseHtml";
import { child, parseXml } from "./support/parseXml";
import { seedArticle, url } from "./support/site";

const PNGS: [string, PixelSize][] = [
	[sitePaths.iconPng(64), { width: 64, height: 64 }],
	[sitePaths.iconPng(144), { width: 144, height: 144 }],
	[sitePaths.iconPng(512), { width: 512, height: 512 }],
	[sitePaths.logo, { width: 288, height: 144 }],
];

async function bytesAt(path: string): Promise<Uint8Array> {
	return new Uint8Array(await (await fetchServed(path)).arrayBuffer());
}

describe("the icon files", () => {
	it.each(PNGS)("GET %s answers a PNG of %o", async (path, size) => {
		const response = await fetchServed(path);
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("image/png");
		expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual(size);
	});

	it("GET /favicon.ico answers an ICO of 16 and 32 pixel PNGs", async () => {
		const response = await fetchServed("/favicon.ico");
		expect(response.headers.get("Content-Type")).toBe("image/vnd.microsoft.icon");
		expect(icoImages(new Uint8Array(await response.arrayBuffer()))).toEqual([
			{ size: 16, png: { width: 16, height: 16 } },
			{ size: 32, png: { width: 32, height: 32 } },
		]);
	});

	it("GET /assets/edgewire.svg answers the mark as SVG, inert if opened on its own", async () => {
		const response = await fetchServed(sitePaths.iconSvg);
		expect(response.headers.get("Content-Type")).toBe("image/svg+xml");
		expect(response.headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
		const svg = parseXml(await response.text());
		expect([svg.local, svg.uri, svg.attributes.viewBox]).toEqual([
			"svg",
			"http://www.w3.org/2000/svg",
			"0 0 64 64",
		]);
	});

	it.each([sitePaths.iconSvg, sitePaths.favicon, sitePaths.logo])(
		"serves %s cached an hour (it changes only with the code), with a validator, 304, shared cross-origin",
		async (path) => {
			const response = await fetchServed(path);
			await response.arrayBuffer();
			expect(response.headers.get("Cache-Control")).toBe(
				"public, max-age=3600, stale-while-revalidate=86400",
			);
			expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
			expect(response.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
			const etag = response.headers.get("ETag") ?? "";
			expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
			const again = await fetchServed(path, { headers: { "If-None-Match": etag } });
			expect(again.status).toBe(304);
			const head = await fetchServed(path, { method: "HEAD" });
			expect([head.status, (await head.arrayBuffer()).byteLength]).toEqual([200, 0]);
		},
	);
});

describe("<link rel=icon> on every page", () => {
	it.each([
		"/",
		`/articles/${seedArticle.slug}`,
		`/articles/${seedArticle.slug}/embed`,
		"/bestaat-niet",
	])("%s links the SVG and the ICO, and its CSP lets exactly those load", async (path) => {
		const response = await fetchPath(path);
		const page = parseHtmlDocument(await response.text());
		const icons = elementsByTag(page, "link")
			.filter((link) => attr(link, "rel") === "icon")
			.map((link) => [attr(link, "href"), attr(link, "type") ?? attr(link, "sizes")]);
		expect(icons).toEqual([
			[url("/favicon.ico"), "32x32"],
			[url("/assets/edgewire.svg"), "image/svg+xml"],
		]);
		const csp = cspDirectives(response.headers.get("Content-Security-Policy"));
		expect(csp.get("img-src")).toBe(`${url("/favicon.ico")} ${url("/assets/edgewire.svg")}`);
	});
});

describe("the icon in every feed format", () => {
	it("RSS names the 144 px PNG in <image>, with the channel's title and link and its size", async () => {
		const channel = child(parseXml(await (await fetchPath("/feed.xml")).text()), "channel");
		const image = child(channel, "image");
		expect(image.children.map((element) => [element.name, element.text])).toEqual([
			["url", url("/assets/edgewire-144.png")],
			["title", child(channel, "title").text],
			["link", child(channel, "link").text],
			["width", "144"],
			["height", "144"],
		]);
		expect(pngSize(await bytesAt("/assets/edgewire-144.png"))).toEqual({ width: 144, height: 144 });
	});

	it("Atom names a square <icon> and a 2:1 <logo> before the first entry", async () => {
		const feed = parseXml(await (await fetchPath("/atom.xml")).text());
		const names = feed.children.map((element) => element.name);
		expect(names.indexOf("icon")).toBeLessThan(names.indexOf("entry"));
		expect(names.indexOf("logo")).toBeLessThan(names.indexOf("entry"));
		const icon = pngSize(await bytesAt(new URL(child(feed, "icon").text).pathname));
		const logo = pngSize(await bytesAt(new URL(child(feed, "logo").text).pathname));
		expect(icon && icon.width === icon.height).toBe(true);
		expect(logo && logo.width === 2 * logo.height).toBe(true);
	});

	it("JSON Feed names a 512 px icon and a 64 px favicon", async () => {
		const feed = await (await fetchPath("/feed.json")).json<{ icon: string; favicon: string }>();
		expect(feed.icon).toBe(url("/assets/edgewire-512.png"));
		expect(feed.favicon).toBe(url("/assets/edgewire-64.png"));
		expect(pngSize(await bytesAt(new URL(feed.icon).pathname))).toEqual({
			width: 512,
			height: 512,
		});
		expect(pngSize(await bytesAt(new URL(feed.favicon).pathname))).toEqual({
			width: 64,
			height: 64,
		});
	});
});
