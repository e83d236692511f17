/**
 * The stylesheet is named by its bytes: every page links `/assets/edgewire.<hash>.css` and allows
 * exactly that URL in its CSP, and that URL is cached for a year, immutable. An older page's URL
 * still gets a stylesheet, but never one that claims to be immutable.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { hex } from "../../src/encoding/hex";
import { app } from "../../src/index";
import { entry } from "../fixtures/articleInputs";
import { cspDirectives, fetchPath } from "../support/http";
import { attr, elementsByTag, parseHtmlDocument } from "../support/parseHtml";
import { seedArticle, site, url } from "../support/site";
import { publishEntries } from "../support/store";

/** Every kind of page the public can open, with its status. */
const PAGES: readonly [string, number][] = [
	["/", 200],
	[`/articles/${seedArticle.slug}`, 200],
	[`/articles/${seedArticle.slug}/embed`, 200],
	["/tags/asiel", 200],
	["/feeds", 200],
	["/search", 200],
	["/search?q=asiel", 200],
	// A search that cannot be answered: its 400 page is prepared apart from the other errors.
	["/search?q=asiel&page=0", 400],
	["/bestaat-niet", 404],
	["/articles/ingetrokken", 410],
];

const PREVIEW_TOKEN = "a-long-random-preview-token-0123456789";
const SCHEDULED = "gepland-voor-volgende-week";
/** The editors' pages, answered only with PREVIEW_TOKEN set: the sign-in form and a preview. */
const PREVIEW_PAGES: readonly [string, RequestInit][] = [
	["/preview", {}],
	[`/preview/${SCHEDULED}`, { headers: { Authorization: `Bearer ${PREVIEW_TOKEN}` } }],
];

interface LinkedStylesheet {
	readonly status: number;
	readonly href: string;
	readonly csp: string | null;
}

beforeAll(async () => {
	const content = (await readContentFiles()).entries;
	const scheduled = entry("content/articles/gepland.ts", {
		slug: SCHEDULED,
		published: new Date(Date.now() + 7 * 86_400_000).toISOString(),
	});
	// An article published, then withdrawn: its URL answers 410 with a page of its own.
	await publishEntries([
		...content,
		scheduled,
		entry("content/articles/ingetrokken.ts", { slug: "ingetrokken" }),
	]);
	await publishEntries([...content, scheduled]);
});

/** The stylesheet URL a page links (exactly one), and the page's CSP. */
async function linkedStylesheet(
	path: string,
	answer: (path: string) => Response | Promise<Response> = fetchPath,
): Promise<LinkedStylesheet> {
	const response = await answer(path);
	expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
	const links = elementsByTag(parseHtmlDocument(await response.text()), "link").filter(
		(link) => attr(link, "rel") === "stylesheet",
	);
	expect(links).toHaveLength(1);
	const [link] = links;
	return {
		status: response.status,
		href: (link && attr(link, "href")) ?? "",
		csp: response.headers.get("Content-Security-Policy"),
	};
}

/** A page links the hashed stylesheet, the one every page links, and its CSP allows that alone. */
async function expectHashedStylesheet({ href, csp }: LinkedStylesheet) {
	expect(href).toMatch(new RegExp(`^${site.origin}/assets/edgewire\\.[0-9a-f]{16}\\.css$`));
	expect(href).toBe((await linkedStylesheet("/")).href);
	const directives = cspDirectives(csp);
	expect(directives.get("default-src")).toBe("'none'");
	expect(directives.get("style-src")).toBe(href);
	// Nothing narrower that would allow other styles (CSP3 §6.1.11, §6.1.12).
	expect(directives.has("style-src-elem")).toBe(false);
	expect(directives.has("style-src-attr")).toBe(false);
}

describe("the stylesheet's URL", () => {
	it.each(PAGES)(
		"%s (%i) links the stylesheet by its hash, and its CSP allows exactly that URL",
		async (path, status) => {
			const linked = await linkedStylesheet(path);
			expect(linked.status).toBe(status);
			await expectHashedStylesheet(linked);
		},
	);

	it.each(PREVIEW_PAGES)(
		"the editors' %s links it too, and its CSP allows exactly that URL",
		async (path, init) => {
			const bindings = { ...env, PREVIEW_TOKEN };
			const answer = (target: string) => app.request(url(target), init, bindings);
			const linked = await linkedStylesheet(path, answer);
			expect(linked.status).toBe(200);
			await expectHashedStylesheet(linked);
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
