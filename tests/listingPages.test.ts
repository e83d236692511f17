/**
 * The home page and a section's page as readers scan them: the site named once (in the header),
 * then per article its headline, time, sections, byline and source, and its summary verbatim.
 * The embed view is one `<main>` landmark holding the article.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { entry } from "./fixtures/articleInputs";
import { fetchPath } from "./support/http";
import {
	allElements,
	attr,
	elementsByTag,
	type HtmlElement,
	type HtmlNode,
	parseHtmlDocument,
	textOf,
} from "./support/parseHtml";
import { site, url } from "./support/site";
import { publishEntries } from "./support/store";

const SUMMARY =
	"Een samenvatting van meer dan een paar regels, die op de pagina heel blijft: de stylesheet toont er een paar regels van, de tekst zelf wordt nergens ingekort of afgebroken, ook niet na de derde zin.";

beforeAll(async () => {
	await publishEntries([
		entry("content/articles/met-alles.ts", {
			slug: "met-alles",
			headline: "Een artikel met alles",
			published: "2024-03-07T10:15:00+01:00",
			summary: SUMMARY,
			tags: ["Kabinet-Rutte IV", "asiel"],
			authors: [{ name: "Anna de Vries" }, { name: "Piet Jansen" }],
		}),
		entry("content/articles/kaal.ts", { slug: "kaal", published: "2024-03-06", tags: ["asiel"] }),
	]);
});

const page = async (path: string) => parseHtmlDocument(await (await fetchPath(path)).text());
const byClass = (node: HtmlNode, name: string): HtmlElement[] =>
	allElements(node).filter((e) => (attr(e, "class") ?? "").split(" ").includes(name));

function teaser(document: HtmlNode, slug: string): HtmlElement {
	const found = byClass(document, "ew-teaser").find((li) =>
		elementsByTag(li, "a").some((a) => attr(a, "href") === url(`/articles/${slug}`)),
	);
	if (found === undefined) throw new Error(`no teaser for ${slug}`);
	return found;
}

describe("GET /", () => {
	it("names the site once, in the header; its heading says what the list is", async () => {
		const document = await page("/");
		const [header] = elementsByTag(document, "header");
		// The header holds the site's name, once, and the search form.
		expect(textOf(byClass(document, "site-name")[0] ?? document)).toBe(site.title);
		expect((header ? textOf(header) : "").split(site.title)).toHaveLength(2);
		expect(header && elementsByTag(header, "form").map((form) => attr(form, "role"))).toEqual([
			"search",
		]);
		expect(elementsByTag(document, "h1").map(textOf)).toEqual(["Laatste nieuws"]);
		const [main] = elementsByTag(document, "main");
		expect(main && textOf(main)).not.toContain(site.title);
		expect(textOf(byClass(document, "page-description")[0] ?? document)).toBe(site.description);
	});

	it("gives each teaser its headline, then time, sections, byline and source, then the whole summary", async () => {
		const item = teaser(await page("/"), "met-alles");
		const children = item.childNodes.filter((node): node is HtmlElement => "tagName" in node);
		expect(children.map((child) => [child.tagName, attr(child, "class")])).toEqual([
			["h2", "ew-teaser-headline"],
			["p", "ew-meta"],
			["p", "ew-summary"],
		]);
		const [headline, meta, summary] = children as [HtmlElement, HtmlElement, HtmlElement];
		expect(textOf(headline)).toBe("Een artikel met alles");
		expect(textOf(meta)).toBe(
			"7 maart 2024, 10:15 · Kabinet-Rutte IV, asiel · Door Anna de Vries en Piet Jansen · Bron: NOS",
		);
		const [time] = elementsByTag(meta, "time");
		expect(time && attr(time, "datetime")).toBe("2024-03-07T10:15:00+01:00");
		const sections = elementsByTag(meta, "a").filter((a) => attr(a, "rel") === "tag");
		expect(sections.map((a) => [textOf(a), attr(a, "href")])).toEqual([
			["Kabinet-Rutte IV", url("/tags/kabinet-rutte-iv")],
			["asiel", url("/tags/asiel")],
		]);
		// Verbatim: the stylesheet shows a few lines, the page keeps every word.
		expect(textOf(summary)).toBe(SUMMARY);
	});

	it("names no sections or byline a teaser does not have", async () => {
		const meta = byClass(teaser(await page("/"), "kaal"), "ew-meta")[0];
		expect(meta && textOf(meta)).toBe("6 maart 2024 · asiel · Bron: NOS");
	});
});

describe("GET /tags/<tag>", () => {
	it("heads the page with the section's name, and names only the teasers' other sections", async () => {
		const document = await page("/tags/asiel");
		expect(elementsByTag(document, "h1").map(textOf)).toEqual(["asiel"]);
		const metas = ["met-alles", "kaal"].map((slug) =>
			textOf(byClass(teaser(document, slug), "ew-meta")[0] ?? document),
		);
		expect(metas).toEqual([
			"7 maart 2024, 10:15 · Kabinet-Rutte IV · Door Anna de Vries en Piet Jansen · Bron: NOS",
			"6 maart 2024 · Bron: NOS",
		]);
	});
});

describe("GET /articles/<slug>/embed", () => {
	it("holds the article in one main landmark", async () => {
		const document = await page("/articles/met-alles/embed");
		const mains = elementsByTag(document, "main");
		expect(mains).toHaveLength(1);
		expect(mains[0] && elementsByTag(mains[0], "article")).toHaveLength(1);
	});
});
