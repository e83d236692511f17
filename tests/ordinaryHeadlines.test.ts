/**
 * Ordinary headlines with `&`, `<` and quotes, published and served: RSS and Atom write `&`, `<`
 * and `>` in plain text as hexadecimal references (the RSS Profile's rule, which the W3C Feed
 * Validation Service recognises), and every format reads back the headline as typed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ATOM_PLAIN_TEXT, RSS_PLAIN_TEXT } from "../src/render/feedPlainText";
import { entry, leadImageInput } from "./fixtures/articleInputs";
import { fetchPath } from "./support/http";
import { child, childrenNamed, parseXml } from "./support/parseXml";
import { publishEntries } from "./support/store";

const HEADLINES = ["Q&A: AT&T en H&M", "1 < 2", `"Quotes" en 'apostrof'`, "Tom & Jerry's <b>"];

beforeAll(async () => {
	await publishEntries(
		HEADLINES.map((headline, i) =>
			entry(`content/articles/kop-${i}.ts`, {
				slug: `kop-${i}`,
				headline,
				published: `2024-03-0${i + 1}`,
				source: { name: "AT&T <Nieuws>", url: "https://nos.nl/" },
				// The image description is plain text in RSS too (media:description type="plain").
				...(i === 0 && { image: { ...leadImageInput, alt: "R&D <lab> & Co" } }),
			}),
		),
	);
});

/** The text between `<name ...>` and `</name>` of every such element of `xml` (text only). */
function rawElements(xml: string, name: string): string[] {
	return [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`, "g"))].map(
		(m) => m[1] ?? "",
	);
}

/** Every named reference for `&`, `<` or `>` in the text of the `names` elements. */
function plainTextReferences(xml: string, names: readonly string[]): string[] {
	return names.flatMap((name) =>
		rawElements(xml, name).flatMap((text) => text.match(/&(?:amp|lt|gt);/g) ?? []),
	);
}

describe("ordinary headlines in RSS (/feed.xml)", () => {
	it("writes & < > in titles and other plain text as hexadecimal references, nothing else", async () => {
		const xml = await (await fetchPath("/feed.xml")).text();
		expect(rawElements(xml, "title")).toEqual(
			expect.arrayContaining([
				"Q&#x26;A: AT&#x26;T en H&#x26;M",
				"1 &#x3C; 2",
				`"Quotes" en 'apostrof'`,
				"Tom &#x26; Jerry's &#x3C;b&#x3E;",
			]),
		);
		expect(rawElements(xml, "media:description")).toEqual(["R&#x26;D &#x3C;lab&#x3E; &#x26; Co"]);
		expect(plainTextReferences(xml, RSS_PLAIN_TEXT)).toEqual([]);
		// dc:creator is text no validator takes for HTML: &amp;, which every XML reader decodes.
		expect(rawElements(xml, "dc:creator")).toContain("AT&amp;T &lt;Nieuws&gt;");
	});

	it("reads back every headline as typed", async () => {
		const channel = child(parseXml(await (await fetchPath("/feed.xml")).text()), "channel");
		const titles = childrenNamed(channel, "item").map((item) => child(item, "title").text);
		expect(titles).toEqual([...HEADLINES].reverse());
	});
});

describe("ordinary headlines in Atom (/atom.xml)", () => {
	it("writes them as plain-text titles with hexadecimal references", async () => {
		const xml = await (await fetchPath("/atom.xml")).text();
		expect(rawElements(xml, "title")).toEqual(
			expect.arrayContaining(["Q&#x26;A: AT&#x26;T en H&#x26;M", "1 &#x3C; 2"]),
		);
		expect(plainTextReferences(xml, ATOM_PLAIN_TEXT)).toEqual([]);
		const entries = childrenNamed(parseXml(xml), "entry");
		expect(entries.map((entry) => child(entry, "title").attributes.type)).toEqual(
			HEADLINES.map(() => undefined),
		);
		expect(entries.map((entry) => child(entry, "title").text)).toEqual([...HEADLINES].reverse());
	});
});

describe("ordinary headlines in JSON Feed (/feed.json)", () => {
	it("reads back every headline as typed", async () => {
		const feed = await (await fetchPath("/feed.json")).json<{ items: { title: string }[] }>();
		expect(feed.items.map((item) => item.title)).toEqual([...HEADLINES].reverse());
	});
});
