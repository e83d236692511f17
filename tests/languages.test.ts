/**
 * An article in another language than the site's: its Atom entry says so (RFC 4287 §2), and every
 * HTML container of it carries `lang` and `dir`, so right-to-left text is laid out right to left.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../src/content/articleSchema";
import { EMBED_SIZE, oembedHtml, oembedSubject } from "../src/render/oembed";
import { directionFromScript, textDirection } from "../src/render/textDirection";
import {
	attr,
	elementsByTag,
	type HtmlElement,
	parseHtmlDocument,
	parseHtmlFragment,
} from "./support/parseHtml";
import { childrenNamed, parseXml, type XmlElement } from "./support/parseXml";
import { bodyOf, renderedDocuments } from "./support/render";
import { seedArticle, site } from "./support/site";

const arabic: Article = {
	...seedArticle,
	slug: "arabisch-artikel",
	language: "ar",
	headline: "\u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
	summary: "\u0645\u0644\u062E\u0635",
	body: [{ type: "paragraph", text: "\u0641\u0642\u0631\u0629 \u0623\u0648\u0644\u0649." }],
};
const documents = renderedDocuments(site, [seedArticle, arabic]);
const body = (path: string) => bodyOf(documents, path);

/** The language in scope for `element`: its own xml:lang, else its nearest ancestor's. */
function xmlLangOf(path: readonly XmlElement[]): string | undefined {
	for (const element of [...path].reverse()) {
		const lang = element.attributes["xml:lang"];
		if (lang !== undefined) return lang;
	}
	return undefined;
}

/** The one element with class `className`, checked to be there. */
function byClass(elements: HtmlElement[], className: string, slug: string): HtmlElement {
	const found = elements.find(
		(element) =>
			(attr(element, "class") ?? "").split(" ").includes(className) &&
			elementsByTag(element, "a").some((a) => (attr(a, "href") ?? "").endsWith(slug)),
	);
	if (found === undefined) throw new Error(`no .${className} for ${slug}`);
	return found;
}

describe("an Arabic article on a Dutch site", () => {
	it("has its own xml:lang on its Atom entry, which covers its title, summary and content", () => {
		const feed = parseXml(body("/atom.xml"));
		expect(feed.attributes["xml:lang"]).toBe("nl");
		const entries = childrenNamed(feed, "entry");
		const byId = (slug: string) => {
			const entry = entries.find((e) => childrenNamed(e, "id")[0]?.text.endsWith(slug));
			if (entry === undefined) throw new Error(`no entry for ${slug}`);
			return entry;
		};
		const arabicEntry = byId(arabic.slug);
		expect(arabicEntry.attributes["xml:lang"]).toBe("ar");
		for (const name of ["title", "summary", "content"]) {
			const [element] = childrenNamed(arabicEntry, name);
			expect(element, name).toBeDefined();
			if (element !== undefined) expect(xmlLangOf([feed, arabicEntry, element]), name).toBe("ar");
		}
		// The Dutch entry inherits the feed's language rather than repeating it.
		const dutchEntry = byId(seedArticle.slug);
		expect(dutchEntry.attributes["xml:lang"]).toBeUndefined();
		expect(xmlLangOf([feed, dutchEntry])).toBe("nl");
	});

	it("lays out its fragment right to left, and the Dutch one left to right", () => {
		for (const [article, dir] of [
			[arabic, "rtl"],
			[seedArticle, "ltr"],
		] as const) {
			const fragment = parseHtmlFragment(body(`/articles/${article.slug}/fragment`));
			const [container] = elementsByTag(fragment, "article");
			expect(container && [attr(container, "lang"), attr(container, "dir")]).toEqual([
				article.language,
				dir,
			]);
		}
	});

	it("lays out its page's article and its embed right to left, inside a Dutch, left-to-right page", () => {
		for (const path of [`/articles/${arabic.slug}`, `/articles/${arabic.slug}/embed`]) {
			const document = parseHtmlDocument(body(path));
			const [root] = elementsByTag(document, "html");
			expect(root && [attr(root, "lang"), attr(root, "dir")], path).toEqual(["nl", "ltr"]);
			const [container] = elementsByTag(document, "article");
			expect(container && [attr(container, "lang"), attr(container, "dir")], path).toEqual([
				"ar",
				"rtl",
			]);
		}
	});

	it("lays out its teaser on the home page right to left", () => {
		const teasers = elementsByTag(parseHtmlDocument(body("/")), "li");
		const teaser = byClass(teasers, "ew-teaser", arabic.slug);
		expect([attr(teaser, "lang"), attr(teaser, "dir")]).toEqual(["ar", "rtl"]);
		const dutch = byClass(teasers, "ew-teaser", seedArticle.slug);
		expect([attr(dutch, "lang"), attr(dutch, "dir")]).toEqual(["nl", "ltr"]);
	});

	it("lays out its oEmbed fallback right to left", () => {
		const markup = parseHtmlFragment(
			oembedHtml(oembedSubject(site, arabic), EMBED_SIZE).toString(),
		);
		const [quote] = elementsByTag(markup, "blockquote");
		expect(quote && [attr(quote, "lang"), attr(quote, "dir")]).toEqual(["ar", "rtl"]);
	});
});

describe("text direction of a language", () => {
	const CASES: [string, "ltr" | "rtl"][] = [
		["ar", "rtl"],
		["he", "rtl"],
		["fa", "rtl"],
		["ur", "rtl"],
		["ps", "rtl"],
		["sd", "rtl"],
		["ug", "rtl"],
		["yi", "rtl"],
		["dv", "rtl"],
		["ckb", "rtl"],
		["az-Arab", "rtl"],
		["pa-Arab", "rtl"],
		["nl", "ltr"],
		["nl-BE", "ltr"],
		["en", "ltr"],
		["az", "ltr"],
		["sr-Cyrl", "ltr"],
		["zh-Hant", "ltr"],
	];

	it.each(CASES)("%s is %s", (language, dir) => {
		expect(textDirection(language)).toBe(dir);
	});

	it.each(CASES)("%s is %s without the runtime's text info, from its script", (language, dir) => {
		expect(directionFromScript(language)).toBe(dir);
	});
});
