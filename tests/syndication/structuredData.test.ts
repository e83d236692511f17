/** JSON-LD NewsArticle and Open Graph on the article page, read back as a crawler would. */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/articleSchema";
import { type PublicationDate, parsePublicationDate } from "../../src/content/publicationDate";
import { stripForbiddenChars } from "../../src/content/text";
import { articlePage } from "../../src/render/articlePage";
import { openGraphLocale } from "../../src/render/openGraph";
import {
	attr,
	elementsByTag,
	type HtmlNode,
	parseHtmlDocument,
	textOf,
} from "../support/parseHtml";
import { seedArticle, site, url } from "../support/site";

const articleUrl = url(`/articles/${seedArticle.slug}`);

function parsed(text: string): PublicationDate {
	const result = parsePublicationDate(text, seedArticle.slug);
	if (!result.ok) throw new Error(result.problems.join("; "));
	return result.value;
}

async function articlePageDocument(): Promise<HtmlNode> {
	return parseHtmlDocument(await (await SELF.fetch(articleUrl)).text());
}

/** The text of every JSON-LD block, parsed (a script's text is its single text child). */
function jsonLdBlocks(document: HtmlNode): unknown[] {
	return elementsByTag(document, "script")
		.filter((script) => attr(script, "type") === "application/ld+json")
		.map((script) => {
			const text = script.childNodes.map((node) => ("value" in node ? node.value : "")).join("");
			return JSON.parse(text);
		});
}

function openGraph(document: HtmlNode): Map<string, string[]> {
	const properties = new Map<string, string[]>();
	for (const meta of elementsByTag(document, "meta")) {
		const property = attr(meta, "property");
		const content = attr(meta, "content");
		if (property === undefined || content === undefined) continue;
		properties.set(property, [...(properties.get(property) ?? []), content]);
	}
	return properties;
}

describe("JSON-LD on the article page", () => {
	it("describes the article as a schema.org NewsArticle", async () => {
		const blocks = jsonLdBlocks(await articlePageDocument());
		expect(blocks).toHaveLength(1);
		expect(blocks[0]).toMatchObject({
			"@context": "https://schema.org",
			"@type": "NewsArticle",
			headline: seedArticle.headline,
			inLanguage: "nl",
			url: articleUrl,
			mainEntityOfPage: { "@type": "WebPage", "@id": articleUrl },
		});
	});

	it("gives datePublished at the precision the content knows: 2023-07, not an invented day", async () => {
		const [article] = jsonLdBlocks(await articlePageDocument()) as { datePublished: string }[];
		expect(article?.datePublished).toBe("2023-07");
	});

	it("credits NOS as author and source organisation, with the site as publisher", async () => {
		const [article] = jsonLdBlocks(await articlePageDocument()) as Record<string, unknown>[];
		const nos = { "@type": "Organization", name: "NOS", url: "https://nos.nl/" };
		expect(article?.author).toEqual(nos);
		expect(article?.sourceOrganization).toEqual(nos);
		expect(article?.publisher).toMatchObject({ name: site.title, url: url("/") });
	});

	it("sits in the head, where the page's CSP needs no script-src for a data block", async () => {
		const response = await SELF.fetch(articleUrl);
		const policy = response.headers.get("Content-Security-Policy") ?? "";
		expect(policy).toContain("default-src 'none'");
		expect(policy).not.toContain("script-src");
		const [head] = elementsByTag(parseHtmlDocument(await response.text()), "head");
		expect(head && jsonLdBlocks(head)).toHaveLength(1);
	});

	it("cannot be broken out of: </script>, <!-- and & in the text stay inside the JSON", () => {
		const hostileText = 'Kop </script><script>alert(1)</script> <!-- & "quotes" \u2028 </SCRIPT >';
		const hostile: Article = {
			...seedArticle,
			headline: hostileText,
			summary: hostileText,
			tags: ["</script>"],
		};
		const body = articlePage(site, hostile).toString();
		const document = parseHtmlDocument(body);
		// Only the data block: nothing else was opened by the text.
		expect(elementsByTag(document, "script")).toHaveLength(1);
		const [article] = jsonLdBlocks(document) as { headline: string; keywords: string[] }[];
		expect(article?.headline).toBe(stripForbiddenChars(hostileText));
		expect(article?.keywords).toEqual(["</script>"]);
		const raw = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)?.[1] ?? "";
		// The raw block was found, and it is the block the parser read: an unmatched pattern would
		// leave nothing to check.
		expect(JSON.parse(raw)).toEqual(article);
		expect(raw).not.toMatch(/[<>&]/);
		// The page's visible headline is the same text, escaped as HTML.
		expect(textOf(elementsByTag(document, "h1")[0] ?? document)).toBe(
			stripForbiddenChars(hostileText).replace(/\s+/g, " ").trim(),
		);
	});
});

describe("dates with more than millisecond precision in the page head", () => {
	const precise: Article = {
		...seedArticle,
		published: parsed("2023-08-09T10:11:12.123456789+02:00"),
		updated: parsed("2023-08-09T11:00:00.98765+02:00"),
	};
	const document = parseHtmlDocument(articlePage(site, precise).toString());

	it("writes JSON-LD datePublished and dateModified with at most three fractional digits", () => {
		const [article] = jsonLdBlocks(document) as { datePublished: string; dateModified: string }[];
		expect(article?.datePublished).toBe("2023-08-09T10:11:12.123+02:00");
		expect(article?.dateModified).toBe("2023-08-09T11:00:00.987+02:00");
	});

	it("writes article:published_time and article:modified_time likewise", () => {
		const og = openGraph(document);
		expect(og.get("article:published_time")).toEqual(["2023-08-09T10:11:12.123+02:00"]);
		expect(og.get("article:modified_time")).toEqual(["2023-08-09T11:00:00.987+02:00"]);
	});

	it("writes every <time datetime> likewise", () => {
		const datetimes = elementsByTag(document, "time").map((time) => attr(time, "datetime"));
		expect(datetimes).toEqual(["2023-08-09T10:11:12.123+02:00", "2023-08-09T11:00:00.987+02:00"]);
	});
});

describe("Open Graph on the article page", () => {
	it("gives og:title, og:type article, og:url, og:locale nl_NL and og:site_name", async () => {
		const og = openGraph(await articlePageDocument());
		expect(og.get("og:title")).toEqual([seedArticle.headline]);
		expect(og.get("og:type")).toEqual(["article"]);
		expect(og.get("og:url")).toEqual([articleUrl]);
		expect(og.get("og:locale")).toEqual(["nl_NL"]);
		expect(og.get("og:site_name")).toEqual([site.title]);
		expect(og.get("og:description")).toEqual([seedArticle.summary]);
		expect(og.get("article:published_time")).toEqual(["2023-07"]);
		expect(og.get("article:tag")).toEqual([...seedArticle.tags]);
	});

	it.each([
		["nl", "nl_NL"],
		["nl-BE", "nl_BE"],
		["en-us", "en_US"],
		["fy", undefined],
	])("maps language %s to og:locale %s", (language, locale) => {
		expect(openGraphLocale(language)).toBe(locale);
	});
});
