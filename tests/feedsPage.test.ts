/**
 * GET /feeds: every feed the site offers, for people to copy into a feed reader: the site's own,
 * each section's and each author's, with the full URLs as text. Nothing of a scheduled article
 * shows before its instant.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readContentFiles } from "../src/commands/contentFiles";
import { entry } from "./fixtures/articleInputs";
import { startClock } from "./support/clock";
import { fetchPath } from "./support/http";
import { attr, elementsByTag, parseHtmlDocument, textOf } from "./support/parseHtml";
import { url } from "./support/site";
import { emptyStore, publishEntries } from "./support/store";

const content = (await readContentFiles()).entries;

beforeAll(async () => {
	await emptyStore();
	const start = startClock();
	await publishEntries(
		[
			...content,
			entry("content/articles/a1.ts", {
				slug: "met-auteur",
				authors: [{ name: "Anna de Vries" }],
				tags: ["Economie"],
			}),
			entry("content/articles/a2.ts", {
				slug: "later",
				published: new Date(start + 3_600_000).toISOString(),
				authors: [{ name: "Nog Geheim" }],
				tags: ["Verrassing"],
			}),
		],
		start,
	);
});

describe("GET /feeds", () => {
	it("lists the site's feeds, each section's and each author's, as copyable URLs", async () => {
		const response = await fetchPath("/feeds");
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
		const page = parseHtmlDocument(await response.text());
		const codes = elementsByTag(page, "code").map(textOf);
		expect(codes).toEqual(
			expect.arrayContaining(
				[
					"/feed.xml",
					"/atom.xml",
					"/feed.json",
					"/tags/asiel/feed.xml",
					"/tags/economie/atom.xml",
					"/authors/anna-de-vries/feed.json",
				].map(url),
			),
		);
		for (const link of elementsByTag(page, "a").filter((a) => elementsByTag(a, "code").length)) {
			expect(attr(link, "href")).toBe(textOf(link));
		}
		expect(textOf(page)).toContain("feedlezer");
	});

	it("lists no section or author that only a scheduled article has", async () => {
		const text = await (await fetchPath("/feeds")).text();
		expect(text).not.toContain("verrassing");
		expect(text).not.toContain("nog-geheim");
	});

	it("is linked from every page's footer", async () => {
		const home = parseHtmlDocument(await (await fetchPath("/")).text());
		expect(elementsByTag(home, "a").map((a) => attr(a, "href"))).toContain(url("/feeds"));
	});
});
