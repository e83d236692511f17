/**
 * Text written to break things, placed straight into the model (bypassing load-time validation,
 * which would reject some of it): every format must stay well-formed and read back as the same
 * text, with only the characters XML forbids removed.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../src/content/articleSchema";
import { stripForbiddenChars } from "../src/content/text";
import {
	allElements,
	attr,
	elementsByTag,
	parseHtmlDocument,
	parseHtmlFragment,
	textOf,
} from "./support/parseHtml";
import { child, parseXml } from "./support/parseXml";
import { bodyOf, renderedDocuments } from "./support/render";
import { collapseWhitespace } from "./support/seed";
import { seedArticle, site } from "./support/site";

const HOSTILE =
	'<script>alert("x")</script> AT&T &amp; ]]> en ]]> <i>a < b</i> \u0001\u0008\u001B\u007F\u0085 ' +
	"lone \uD800 \uDC00 😀🇳🇱 \u200F\u202Eomgekeerd\u202C \u200B zwj";
const expected = collapseWhitespace(stripForbiddenChars(HOSTILE));

const hostile: Article = {
	...seedArticle,
	slug: "vijandig",
	headline: HOSTILE,
	summary: HOSTILE,
	body: [
		{ type: "paragraph", text: HOSTILE },
		{ type: "heading", text: HOSTILE },
		{ type: "mediaCaption", media: "video", caption: HOSTILE, credit: "NOS" },
	],
};
// Rendered by the Worker's own renderers, as the store would hand the article to them.
const documents = renderedDocuments(site, [hostile]);
const body = (path: string) => bodyOf(documents, path);

describe("hostile text in headline, summary and body", () => {
	it("the test string really contains what XML forbids", () => {
		expect(stripForbiddenChars(HOSTILE)).not.toBe(HOSTILE);
	});

	it("keeps RSS well-formed and reads back as the same text", () => {
		const item = child(child(parseXml(body("/feed.xml")), "channel"), "item");
		expect(child(item, "title").text).toBe(stripForbiddenChars(HOSTILE));
		expect(textOf(parseHtmlFragment(child(item, "description").text))).toBe(expected);
		const content = parseHtmlFragment(child(item, "content:encoded").text);
		expect(elementsByTag(content, "script")).toHaveLength(0);
		expect(elementsByTag(content, "p").map(textOf)).toContain(expected);
		expect(elementsByTag(content, "h2").map(textOf)).toEqual([expected]);
	});

	it("keeps Atom well-formed and reads back as the same text", () => {
		const entry = child(parseXml(body("/atom.xml")), "entry");
		expect(child(entry, "title").text).toBe(stripForbiddenChars(HOSTILE));
		expect(textOf(parseHtmlFragment(child(entry, "summary").text))).toBe(expected);
		const content = parseHtmlFragment(child(entry, "content").text);
		expect(elementsByTag(content, "script")).toHaveLength(0);
		expect(elementsByTag(content, "p").map(textOf)).toContain(expected);
	});

	it("keeps JSON Feed valid JSON and reads back as the same text", () => {
		const feed = JSON.parse(body("/feed.json")) as {
			items: { title: string; summary: string; content_html: string }[];
		};
		const [item] = feed.items;
		expect(item?.title).toBe(stripForbiddenChars(HOSTILE));
		expect(item?.summary).toBe(stripForbiddenChars(HOSTILE));
		const content = parseHtmlFragment(item?.content_html ?? "");
		expect(elementsByTag(content, "script")).toHaveLength(0);
		expect(elementsByTag(content, "p").map(textOf)).toContain(expected);
	});

	it("keeps the fragment inert and reads back as the same text", () => {
		const fragment = parseHtmlFragment(body("/articles/vijandig/fragment"));
		expect(allElements(fragment).map((element) => element.tagName)).not.toContain("script");
		expect(allElements(fragment).map((element) => element.tagName)).not.toContain("i");
		expect(elementsByTag(fragment, "h1").map(textOf)).toEqual([expected]);
		const caption = elementsByTag(fragment, "p").find((p) =>
			(attr(p, "class") ?? "").startsWith("ew-media-caption"),
		);
		expect(textOf(caption ?? fragment)).toBe(
			`Bij een video die hier niet te zien is: ${expected} - NOS`,
		);
	});

	it("keeps the page's title and description as text", () => {
		const page = parseHtmlDocument(body("/articles/vijandig"));
		// The only script is the JSON-LD data block (never executed): the text opened none.
		const scripts = elementsByTag(page, "script");
		expect(scripts.map((s) => s.attrs.find((a) => a.name === "type")?.value)).toEqual([
			"application/ld+json",
		]);
		// A long headline is shortened in <title> (70 characters) and shown whole in <h1>.
		const title = textOf(elementsByTag(page, "title")[0] ?? page);
		expect(title.endsWith("…")).toBe(true);
		expect(expected.startsWith(title.slice(0, -1))).toBe(true);
		const description = elementsByTag(page, "meta").find((meta) =>
			meta.attrs.some((a) => a.name === "name" && a.value === "description"),
		);
		const content = description?.attrs.find((a) => a.name === "content")?.value ?? "";
		expect(collapseWhitespace(content)).toBe(expected);
	});

	it("never lets ']]>' split a CDATA section early", () => {
		for (const path of ["/feed.xml", "/atom.xml"]) {
			const xml = body(path);
			// Every CDATA section that opens closes exactly once: none was cut short by the text.
			expect(xml.split("<![CDATA[").length).toBe(xml.split("]]>").length);
		}
	});
});
