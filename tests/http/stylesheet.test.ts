/**
 * The stylesheet is named by its bytes: every page links `/assets/edgewire.<hash>.css` and allows
 * exactly that URL in its CSP, and that URL is cached for a year, immutable. An older page's URL
 * still gets a stylesheet, but never one that claims to be immutable.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { hex } from "../../src/encoding/hex";
import { entry } from "../fixtures/articleInputs";
import { cspDirectives, fetchPath } from "../support/http";
import { attr, elementsByTag, parseHtmlDocument } from "../support/parseHtml";
import { seedArticle, site, url } from "../support/site";
import { publishEntries } from "../support/store";

const PAGES = [
	"/",
	`/articles/${seedArticle.slug}`,
	`/articles/${seedArticle.slug}/embed`,
	"/tags/asiel",
	"/feeds",
	"/bestaat-niet",
	"/articles/ingetrokken",
];

beforeAll(async () => {
	const content = (await readContentFiles()).entries;
	// An article published, then withdrawn: its URL answers 410 with a page of its own.
	await publishEntries([
		...content,
		entry("content/articles/ingetrokken.ts", { slug: "ingetrokken" }),
	]);
	await publishEntries(content);
});

/** The stylesheet URL a page links (exactly one), and the page's CSP. */
async function linkedStylesheet(path: string): Promise<{ href: string; csp: string | null }> {
	const response = await fetchPath(path);
	const links = elementsByTag(parseHtmlDocument(await response.text()), "link").filter(
		(link) => attr(link, "rel") === "stylesheet",
	);
	expect(links).toHaveLength(1);
	const [link] = links;
	return {
		href: (link && attr(link, "href")) ?? "",
		csp: response.headers.get("Content-Security-Policy"),
	};
}

describe("the stylesheet's URL", () => {
	it.each(PAGES)(
		"%s links the stylesheet by its hash, and its CSP allows exactly that URL",
		async (path) => {
			const { href, csp } = await linkedStylesheet(path);
			expect(href).toMatch(new RegExp(`^${site.origin}/assets/edgewire\\.[0-9a-f]{16}\\.css$`));
			expect(cspDirectives(csp).get("style-src")).toBe(href);
			expect(href).toBe((await linkedStylesheet("/")).href);
		},
	);

	it("is named by the first 64 bits of the SHA-256 of the bytes served at it", async () => {
		const { href } = await linkedStylesheet("/");
		const body = await (await fetchPath(new URL(href).pathname)).arrayBuffer();
		const digest = hex(await crypto.subtle.digest("SHA-256", body)).slice(0, 16);
		expect(new URL(href).pathname).toBe(`/assets/edgewire.${digest}.css`);
	});
});

describe("GET /assets/edgewire.<hash>.css", () => {
	it("answers CSS cached for a year, immutable, with a strong ETag that revalidates", async () => {
		const path = new URL((await linkedStylesheet("/")).href).pathname;
		const response = await fetchPath(path);
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
		expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
		expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
		const etag = response.headers.get("ETag") ?? "";
		expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
		const again = await fetchPath(path, { headers: { "If-None-Match": etag } });
		expect(again.status).toBe(304);
		expect(again.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
	});

	it.each([
		["another deploy's hash", "/assets/edgewire.0123456789abcdef.css"],
		["the unhashed URL pages linked before", "/assets/edgewire.css"],
	])("answers %s with the current stylesheet, cached no longer than a page", async (_, path) => {
		const current = await (
			await fetchPath(new URL((await linkedStylesheet("/")).href).pathname)
		).text();
		const response = await fetchPath(path);
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
		expect(response.headers.get("Cache-Control")).toBe("public, max-age=45, stale-if-error=86400");
		expect(await response.text()).toBe(current);
	});

	it.each([
		"/assets/edgewire.0123456789ABCDEF.css",
		"/assets/edgewire.0123.css",
		"/assets/edgewire..css",
		"/assets/other.css",
	])("answers %s, which names no stylesheet, 404", async (path) => {
		expect((await fetchPath(path)).status).toBe(404);
	});
});

describe("the stylesheet itself", () => {
	it("asks for nothing the pages' CSP would block: no @import, and url() only for the site's icon", async () => {
		const { href } = await linkedStylesheet("/");
		const css = await (await fetchPath(new URL(href).pathname)).text();
		expect(css).not.toMatch(/@import|@font-face/);
		const urls = [...css.matchAll(/url\(\s*["']?([^"')]+)/g)].map(
			(match) => new URL(match[1] ?? "", href).href,
		);
		for (const target of urls) expect(target).toBe(url("/assets/edgewire.svg"));
	});
});
