/** The embed view, `/articles/:slug/embed`: what the oEmbed iframe loads on any site. */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { formatDutchDate } from "../../src/content/dutchDate";
import { cspDirectives } from "../support/http";
import {
	allElements,
	attr,
	elementsByTag,
	parseHtmlDocument,
	parseHtmlFragment,
	textOf,
} from "../support/parseHtml";
import { seedArticle, url } from "../support/site";

const embedPath = `/articles/${seedArticle.slug}/embed`;

describe("GET /articles/:slug/embed", () => {
	it("is a complete HTML document holding the fragment as it is", async () => {
		const response = await SELF.fetch(url(embedPath));
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
		const body = await response.text();
		expect(body.startsWith("<!DOCTYPE html>")).toBe(true);
		const fragment = await (await SELF.fetch(url(`/articles/${seedArticle.slug}/fragment`))).text();
		const embedded = elementsByTag(parseHtmlDocument(body), "article");
		const expected = elementsByTag(parseHtmlFragment(fragment), "article");
		expect(embedded).toHaveLength(1);
		expect(expected).toHaveLength(1);
		expect(embedded[0] && textOf(embedded[0])).toBe(expected[0] && textOf(expected[0]));
		// "As it is": the fragment's markup, byte for byte, not only its text.
		expect(body).toContain(fragment.trim());
	});

	it("shows the headline, the NOS credit and the date at its known precision", async () => {
		const page = parseHtmlDocument(await (await SELF.fetch(url(embedPath))).text());
		const text = textOf(page);
		expect(text).toContain(seedArticle.headline);
		expect(text).toContain("Bron: NOS");
		const [time] = elementsByTag(page, "time");
		expect(time && attr(time, "datetime")).toBe("2023-07");
		expect(time && textOf(time)).toBe(formatDutchDate(seedArticle.published));
	});

	it("may be framed by any origin: no X-Frame-Options, no frame-ancestors", async () => {
		const response = await SELF.fetch(url(embedPath));
		expect(response.headers.get("X-Frame-Options")).toBeNull();
		const csp = cspDirectives(response.headers.get("Content-Security-Policy"));
		expect(csp.has("frame-ancestors")).toBe(false);
		expect(response.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
	});

	it("runs nothing: no script element or handler, and a CSP that allows no script", async () => {
		const response = await SELF.fetch(url(embedPath));
		const csp = cspDirectives(response.headers.get("Content-Security-Policy"));
		expect(csp.get("default-src")).toBe("'none'");
		expect(csp.has("script-src")).toBe(false);
		expect(csp.has("sandbox")).toBe(true);
		expect(csp.get("sandbox")).not.toContain("allow-scripts");
		const elements = allElements(parseHtmlDocument(await response.text()));
		expect(elements.filter((element) => element.tagName === "script")).toHaveLength(0);
		const handlers = elements.flatMap((element) =>
			element.attrs.filter((attribute) => attribute.name.startsWith("on")),
		);
		expect(handlers).toHaveLength(0);
	});

	it("opens links outside the frame and points search engines at the article page", async () => {
		const page = parseHtmlDocument(await (await SELF.fetch(url(embedPath))).text());
		const [base] = elementsByTag(page, "base");
		expect(base && attr(base, "target")).toBe("_blank");
		expect(base && attr(base, "href")).toBeUndefined();
		const canonical = elementsByTag(page, "link").find((link) => attr(link, "rel") === "canonical");
		expect(canonical && attr(canonical, "href")).toBe(url(`/articles/${seedArticle.slug}`));
	});

	it("answers 404 for an unknown slug", async () => {
		const response = await SELF.fetch(url("/articles/bestaat-niet/embed"));
		expect(response.status).toBe(404);
		await response.arrayBuffer();
	});

	it("keeps the article page itself unframeable", async () => {
		const response = await SELF.fetch(url(`/articles/${seedArticle.slug}`));
		const csp = cspDirectives(response.headers.get("Content-Security-Policy"));
		expect(csp.get("frame-ancestors")).toBe("'none'");
		await response.arrayBuffer();
	});
});
