/**
 * The HTML that syndication adds passes html-validate with the conformance suite's rules: the
 * embed view as a whole document, the article page with its new head, and the oEmbed `html`.
 */
import { afterAll, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { EMBED_SIZE, oembedHtml, oembedSubject } from "../../src/render/oembed";
import { sitePaths } from "../../src/site/siteUrls";
import { htmlProblems } from "./support/htmlChecks";
import { openConformanceStore } from "./support/publish";

// The real content, published into D1 and served by the Worker.
const store = await openConformanceStore();
afterAll(() => store.close());
const { site, articles, documents } = await store.publish((await readContentFiles()).entries);

function body(path: string): string {
	const document = documents.get(path);
	if (document === undefined) throw new Error(`no document at ${path}`);
	return document.body;
}

describe("syndication HTML is valid", () => {
	it.each(articles.map((article) => article.slug))("the embed view of %s", async (slug) => {
		expect(await htmlProblems(body(sitePaths.embed(slug)), "page", site.origin)).toEqual([]);
	});

	it.each(articles.map((article) => article.slug))(
		"the page of %s with oEmbed discovery, Open Graph and JSON-LD",
		async (slug) => {
			expect(await htmlProblems(body(sitePaths.article(slug)), "page", site.origin)).toEqual([]);
		},
	);

	it.each(articles)("the oEmbed html for $slug", async (article) => {
		const markup = oembedHtml(oembedSubject(site, article), EMBED_SIZE).toString();
		expect(await htmlProblems(markup, "fragment", site.origin)).toEqual([]);
	});
});
