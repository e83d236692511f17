/**
 * The seed README's rule: every sentence of the body appears verbatim, in order, in every
 * published form. Whitespace may differ; words and punctuation may not.
 */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { parseHtmlDocument, parseHtmlFragment, textOf } from "./support/parseHtml";
import { child, parseXml } from "./support/parseXml";
import { collapseWhitespace, seedDate, seedParagraphs, seedText } from "./support/seed";
import { seedArticle, url } from "./support/site";

/** Asserts each paragraph occurs in `text`, each after the previous one. */
function expectParagraphsInOrder(text: string): void {
	let from = 0;
	for (const paragraph of seedParagraphs) {
		const at = text.indexOf(paragraph, from);
		expect(
			at,
			`paragraph not found after offset ${from}: ${paragraph.slice(0, 60)}...`,
		).toBeGreaterThanOrEqual(0);
		from = at + paragraph.length;
	}
}

async function fetchText(path: string): Promise<string> {
	return (await SELF.fetch(url(path))).text();
}

describe("the seed article, published", () => {
	it("compares with the seed as handed over, byte for byte (tests/fixtures/seed/README.md)", async () => {
		const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(seedText));
		expect(Buffer.from(digest).toString("hex")).toBe(
			"c4319512392b6483275e95b89d33816c31f99eeed0bd9bc52edfe141a2860f9e",
		);
	});

	it("has four paragraphs and the date 2023-07 in the seed file", () => {
		expect(seedParagraphs).toHaveLength(4);
		expect(seedDate).toBe("2023-07");
		expect(seedArticle.published.text).toBe(seedDate);
	});

	it("appears verbatim and in order in the fragment", async () => {
		expectParagraphsInOrder(
			textOf(parseHtmlFragment(await fetchText(`/articles/${seedArticle.slug}/fragment`))),
		);
	});

	it("appears verbatim and in order in the page", async () => {
		expectParagraphsInOrder(
			textOf(parseHtmlDocument(await fetchText(`/articles/${seedArticle.slug}`))),
		);
	});

	it("appears verbatim and in order in the RSS content:encoded", async () => {
		const item = child(child(parseXml(await fetchText("/feed.xml")), "channel"), "item");
		expectParagraphsInOrder(textOf(parseHtmlFragment(child(item, "content:encoded").text)));
	});

	it("appears verbatim and in order in the Atom content", async () => {
		const entry = child(parseXml(await fetchText("/atom.xml")), "entry");
		expectParagraphsInOrder(textOf(parseHtmlFragment(child(entry, "content").text)));
	});

	it("appears verbatim and in order in the JSON Feed content_html", async () => {
		const feed = JSON.parse(await fetchText("/feed.json")) as { items: { content_html: string }[] };
		expectParagraphsInOrder(textOf(parseHtmlFragment(feed.items[0]?.content_html ?? "")));
	});

	it("uses the first paragraph, verbatim, as the summary (no sentence invented)", () => {
		expect(collapseWhitespace(seedArticle.summary)).toBe(seedParagraphs[0]);
	});

	it("credits NOS in every form", async () => {
		for (const path of [
			`/articles/${seedArticle.slug}`,
			`/articles/${seedArticle.slug}/fragment`,
			`/articles/${seedArticle.slug}/embed`,
		]) {
			expect(textOf(parseHtmlDocument(await fetchText(path))), path).toContain("Bron: NOS");
		}
		const item = child(child(parseXml(await fetchText("/feed.xml")), "channel"), "item");
		expect(child(item, "dc:creator").text).toBe("NOS");
		expect(textOf(parseHtmlFragment(child(item, "content:encoded").text))).toContain("Bron: NOS");
		const entry = child(parseXml(await fetchText("/atom.xml")), "entry");
		expect(child(child(entry, "author"), "name").text).toBe("NOS");
		const feed = JSON.parse(await fetchText("/feed.json")) as {
			items: { authors: { name: string }[]; content_html: string }[];
		};
		expect(feed.items[0]?.authors[0]?.name).toBe("NOS");
		expect(textOf(parseHtmlFragment(feed.items[0]?.content_html ?? ""))).toContain("Bron: NOS");
		expect(textOf(parseHtmlFragment(child(entry, "content").text))).toContain("Bron: NOS");
	});
});
