/**
 * RSS, Atom and JSON Feed rendered through the real `feed` for articles that need each of
 * Edgewire's amendments to its documents (plain-text titles, languages, lead images, RFC 5005
 * history, a section's channel, hexadecimal references in plain text), read back as
 * namespace-aware trees. What is asserted is structure and decoded text, and for the references
 * each element's source text: never layout or attribute order, so a `feed` upgrade that changes
 * either breaks nothing here.
 */
import { describe, expect, it } from "vitest";
import siteInput from "../../content/site";
import { loadArticles } from "../../src/content/loadContent";
import { type FeedChannel, sectionChannel, siteChannel } from "../../src/render/feedChannel";
import { type FeedEntry, feedEntry } from "../../src/render/feedEntry";
import { FEED_HISTORY_NAMESPACE, type FeedHistory } from "../../src/render/feedHistory";
import { MEDIA_RSS_NAMESPACE } from "../../src/render/feedImages";
import { renderAtom } from "../../src/render/renderAtom";
import { type JsonFeed, renderJsonFeed } from "../../src/render/renderJsonFeed";
import { renderRss } from "../../src/render/renderRss";
import { resolveSite } from "../../src/site/resolveSite";
import { entry, leadImageInput } from "../fixtures/articleInputs";
import {
	atomLinks,
	child,
	childrenNamed,
	elementSources,
	parseXml,
	type XmlElement,
} from "../support/parseXml";
import { site, testEnv, url } from "../support/site";

const ATOM = "http://www.w3.org/2005/Atom";
/** The plain text the W3C Feed Validation Service reads for HTML (docs/formats.md). */
const PLAIN_TEXT = {
	rss: ["title", "description", "category", "media:description"],
	atom: ["title", "subtitle"],
};

const KOP = "Q&A: AT&T < H&M > 0";
const ARABIC = "سؤال & جواب";
// No file extension: `feed` would call its type "image//beeld".
const PNG = { ...leadImageInput, url: "https://cdn.example.net/beeld?id=7", type: "image/png" };
const { length: _length, ...pngWithoutLength } = PNG;

const entries: readonly FeedEntry[] = loadArticles(
	[
		entry("content/articles/kop.ts", {
			slug: "kop",
			headline: KOP,
			published: "2024-03-03",
			source: { name: "AT&T <Nieuws>", url: "https://nos.nl/" },
			image: { ...leadImageInput, alt: "R&D <lab>", credit: "ANP & Co" },
		}),
		entry("content/articles/arabisch.ts", {
			slug: "arabisch",
			headline: ARABIC,
			language: "ar",
			published: "2024-03-02",
			image: pngWithoutLength,
		}),
		entry("content/articles/gewoon.ts", { slug: "gewoon", published: "2024-03-01" }),
	],
	{ now: undefined },
).map((article) => feedEntry(site, article));
const [kop, arabisch, gewoon] = entries as [FeedEntry, FeedEntry, FeedEntry];

const section = sectionChannel(site, { slug: "q-en-a", name: "Q&A <zaken>" });
const HISTORIES = {
	none: {},
	current: { prevArchive: url("/archive/x/2.xml") },
	archive: {
		archive: { self: url("/archive/x/2.xml"), current: url("/x.xml") },
		prevArchive: url("/archive/x/1.xml"),
		nextArchive: url("/archive/x/3.xml"),
	},
} satisfies Record<string, FeedHistory>;
type HistoryName = keyof typeof HISTORIES;

const rss = (history: HistoryName = "none", channel: FeedChannel = siteChannel(site)) =>
	renderRss(site, entries, HISTORIES[history], 1, channel);
const atom = (history: HistoryName = "none", channel: FeedChannel = siteChannel(site)) =>
	renderAtom(site, entries, HISTORIES[history], channel);

/** Every document variant, with the container of its items and the items' name. */
const DOCUMENTS = (["none", "current", "archive"] as const).flatMap((history) =>
	[siteChannel(site), section].flatMap((channel) => [
		{
			name: `RSS, ${history}, ${channel.title}`,
			xml: rss(history, channel),
			format: "rss" as const,
		},
		{
			name: `Atom, ${history}, ${channel.title}`,
			xml: atom(history, channel),
			format: "atom" as const,
		},
	]),
);

function container(root: XmlElement): XmlElement {
	return root.local === "rss" ? child(root, "channel") : root;
}

function items(root: XmlElement): XmlElement[] {
	return root.local === "rss"
		? childrenNamed(child(root, "channel"), "item")
		: childrenNamed(root, "entry");
}

function byId(root: XmlElement, id: string): XmlElement {
	const found = items(root).find(
		(item) => child(item, root.local === "rss" ? "guid" : "id").text === id,
	);
	if (found === undefined) throw new Error(`no item ${id}`);
	return found;
}

/** Every element of the tree under `element` (itself included). */
function descendants(element: XmlElement): XmlElement[] {
	return [element, ...element.children.flatMap(descendants)];
}

describe("plain-text titles", () => {
	it("Atom entry titles are text constructs of type text (no type attribute), read back as typed", () => {
		const root = parseXml(atom());
		const titles = childrenNamed(root, "entry").map((item) => child(item, "title"));
		expect(titles.map((title) => title.attributes.type)).toEqual([undefined, undefined, undefined]);
		expect(titles.map((title) => title.text)).toEqual([KOP, ARABIC, gewoon.title]);
	});

	it("no title, in either format, is a CDATA section", () => {
		for (const { name, xml } of DOCUMENTS) {
			const titles = elementSources(xml).filter((element) => element.name === "title");
			expect(titles.length, name).toBeGreaterThan(3);
			for (const title of titles) expect(title.source, name).not.toContain("<![CDATA[");
		}
	});

	it("HTML (summary and content) stays in CDATA sections, exactly as rendered", () => {
		const html = { rss: ["description", "content:encoded"], atom: ["summary", "content"] };
		for (const { name, xml, format } of DOCUMENTS) {
			const sources = elementSources(xml).filter(
				(element) =>
					["item", "entry"].includes(element.parent) && html[format].includes(element.name),
			);
			expect(
				sources.map((element) => element.source),
				name,
			).toEqual(
				entries.flatMap((item) => [
					`<![CDATA[${item.summaryHtml}]]>`,
					`<![CDATA[${item.contentHtml}]]>`,
				]),
			);
		}
	});

	it("RSS item titles read back as typed", () => {
		const titles = items(parseXml(rss())).map((item) => child(item, "title").text);
		expect(titles).toEqual([KOP, ARABIC, gewoon.title]);
	});
});

describe("hexadecimal references for & < > in plain text, and only there", () => {
	const cases = DOCUMENTS.map(({ name, xml, format }) => ({
		name,
		xml,
		plainText: new Set(PLAIN_TEXT[format]),
	}));

	it.each(cases)(
		"$name: plain-text elements use &#x26; &#x3C; &#x3E;, never &amp; &lt; &gt;",
		({ xml, plainText }) => {
			const sources = elementSources(xml).filter((element) => plainText.has(element.name));
			const escaped = sources.filter((element) => /&#x/.test(element.source));
			// The headline, the section's name (titles, description) and the alt text all carry them.
			expect(escaped.length).toBeGreaterThanOrEqual(2);
			for (const element of sources) {
				if (element.source.startsWith("<![CDATA[")) continue;
				expect(element.source, element.name).not.toMatch(/&(?:amp|lt|gt);/);
			}
		},
	);

	it.each(cases)("$name: every other element keeps named references", ({ xml, plainText }) => {
		const others = elementSources(xml).filter((element) => !plainText.has(element.name));
		const named = others.filter((element) => /&(?:amp|lt|gt);/.test(element.source));
		// The credit (dc:creator, Atom name), the image credit or the URLs: some carry `&`.
		expect(named.length).toBeGreaterThan(0);
		for (const element of others) expect(element.source, element.name).not.toContain("&#x");
	});

	it("the references read back as the characters: plain text in every place it is written", () => {
		const channel = child(parseXml(rss("none", section)), "channel");
		expect(child(channel, "title").text).toBe("Edgewire: Q&A <zaken>");
		expect(child(channel, "description").text).toBe(section.description);
		expect(child(child(channel, "image"), "title").text).toBe("Edgewire: Q&A <zaken>");
		const media = child(byId(parseXml(rss()), kop.id), "media:content");
		expect(child(media, "media:description").text).toBe("R&D <lab>");
		const feed = parseXml(atom("none", section));
		expect(child(feed, "title").text).toBe("Edgewire: Q&A <zaken>");
		expect(child(feed, "subtitle").text).toBe(section.description);
	});
});

describe("languages (RFC 4287 §2)", () => {
	it("Atom: the site's language on <feed>, and an entry's own only where it differs", () => {
		for (const history of ["none", "archive"] as const) {
			const root = parseXml(atom(history));
			expect(root.attributes["xml:lang"]).toBe(site.language);
			expect(byId(root, arabisch.id).attributes["xml:lang"]).toBe("ar");
			expect(byId(root, kop.id).attributes["xml:lang"]).toBeUndefined();
			expect(byId(root, gewoon.id).attributes["xml:lang"]).toBeUndefined();
			// Only <feed> and that entry carry one.
			const withLang = descendants(root).filter((element) => "xml:lang" in element.attributes);
			expect(withLang.map((element) => element.local)).toEqual(["feed", "entry"]);
		}
	});

	it("RSS: the channel's language (RSS 2.0 has no per-item language)", () => {
		const channel = child(parseXml(rss()), "channel");
		expect(child(channel, "language").text).toBe(site.language);
	});

	it("JSON Feed: the feed's language and each item's", () => {
		const feed = JSON.parse(renderJsonFeed(site, entries)) as JsonFeed;
		expect(feed.language).toBe(site.language);
		expect(feed.items.map((item) => [item.title, item.language])).toEqual([
			[KOP, "nl"],
			[ARABIC, "ar"],
			[gewoon.title, "nl"],
		]);
	});
});

describe("lead images", () => {
	it("Atom: a <link rel=enclosure> with the real type, and the length when known", () => {
		const root = parseXml(atom());
		const enclosures = (item: XmlElement) =>
			childrenNamed(item, "link").filter((link) => link.attributes.rel === "enclosure");
		expect(enclosures(byId(root, kop.id)).map((link) => link.attributes)).toEqual([
			{ rel: "enclosure", type: "image/jpeg", href: leadImageInput.url, length: "183402" },
		]);
		expect(enclosures(byId(root, arabisch.id)).map((link) => link.attributes)).toEqual([
			{ rel: "enclosure", type: "image/png", href: PNG.url },
		]);
		expect(enclosures(byId(root, gewoon.id))).toEqual([]);
		// The entry's own link stays its alternate link, as before.
		expect(atomLinks(byId(root, kop.id)).get("")).toBe(kop.url);
	});

	it("RSS: <enclosure> and <media:content>, in the Media RSS namespace", () => {
		const item = byId(parseXml(rss()), kop.id);
		expect(child(item, "enclosure").attributes).toEqual({
			url: leadImageInput.url,
			length: "183402",
			type: "image/jpeg",
		});
		const media = child(item, "media:content");
		expect(media.uri).toBe(MEDIA_RSS_NAMESPACE);
		expect(media.attributes).toMatchObject({
			url: leadImageInput.url,
			type: "image/jpeg",
			medium: "image",
		});
		expect(child(media, "media:credit").text).toBe("ANP & Co");
		expect(childrenNamed(byId(parseXml(rss()), gewoon.id), "media:content")).toEqual([]);
	});

	it("RSS declares the media prefix when an item has an image, and only then", () => {
		expect(parseXml(rss()).attributes["xmlns:media"]).toBe(MEDIA_RSS_NAMESPACE);
		const withoutImages = renderRss(site, [gewoon], {}, 1);
		expect(parseXml(withoutImages).attributes["xmlns:media"]).toBeUndefined();
	});

	it("JSON Feed: the item's image", () => {
		const feed = JSON.parse(renderJsonFeed(site, entries)) as JsonFeed;
		expect(feed.items.map((item) => item.image)).toEqual([leadImageInput.url, PNG.url, undefined]);
	});
});

describe("RFC 5005 history", () => {
	for (const format of ["rss", "atom"] as const) {
		const render = format === "rss" ? rss : atom;
		const item = format === "rss" ? "item" : "entry";

		it(`${format}: an archive links current, prev-archive and next-archive and says fh:archive, before the first ${item}`, () => {
			const root = parseXml(render("archive"));
			const children = container(root).children;
			const firstItem = children.findIndex((element) => element.local === item);
			const history = children.filter(
				(element) =>
					(element.uri === ATOM &&
						element.local === "link" &&
						element.attributes.rel?.endsWith("archive")) ||
					(element.uri === ATOM &&
						element.local === "link" &&
						element.attributes.rel === "current") ||
					element.uri === FEED_HISTORY_NAMESPACE,
			);
			expect(history.map((element) => [element.local, element.attributes.rel])).toEqual([
				["link", "current"],
				["link", "prev-archive"],
				["link", "next-archive"],
				["archive", undefined],
			]);
			for (const element of history) expect(children.indexOf(element)).toBeLessThan(firstItem);
			expect(atomLinks(container(root)).get("current")).toBe(url("/x.xml"));
			expect(atomLinks(container(root)).get("prev-archive")).toBe(url("/archive/x/1.xml"));
			expect(atomLinks(container(root)).get("next-archive")).toBe(url("/archive/x/3.xml"));
			expect(root.attributes["xmlns:fh"]).toBe(FEED_HISTORY_NAMESPACE);
		});

		it(`${format}: the current feed links its newest archive before the first ${item}, and is no archive`, () => {
			const root = parseXml(render("current"));
			const children = container(root).children;
			const prev = children.findIndex((element) => element.attributes.rel === "prev-archive");
			expect(prev).toBeGreaterThanOrEqual(0);
			expect(prev).toBeLessThan(children.findIndex((element) => element.local === item));
			expect(descendants(root).filter((element) => element.uri === FEED_HISTORY_NAMESPACE)).toEqual(
				[],
			);
			expect(root.attributes["xmlns:fh"]).toBeUndefined();
		});

		it(`${format}: a feed without archives has no history`, () => {
			const root = parseXml(render("none"));
			const rels = [...atomLinks(container(root)).keys()];
			expect(
				rels.filter((rel) => ["current", "prev-archive", "next-archive"].includes(rel)),
			).toEqual([]);
			expect(root.attributes["xmlns:fh"]).toBeUndefined();
		});
	}
});

describe("a section's channel", () => {
	it("names the section in RSS and Atom, with its own self links and the same entries", () => {
		const channel = child(parseXml(rss("none", section)), "channel");
		expect(atomLinks(channel).get("self")).toBe(section.self.rss);
		expect(child(channel, "link").text).toBe(section.home);
		const feed = parseXml(atom("none", section));
		expect(child(feed, "id").text).toBe(section.id);
		expect(atomLinks(feed).get("self")).toBe(section.self.atom);
		expect(items(feed).map((element) => child(element, "id").text)).toEqual(
			entries.map((e) => e.id),
		);
	});
});

describe("the site's own text", () => {
	it("reads back as written in every place feed puts it, & and a literal &amp; included", () => {
		const title = "Nieuws & Co &amp; zo";
		const named = resolveSite({ ...siteInput, title }, testEnv);
		const channel = child(parseXml(renderRss(named, entries, {}, 1)), "channel");
		const feed = parseXml(renderAtom(named, entries));
		expect([
			child(channel, "title").text,
			child(channel, "generator").text,
			child(child(channel, "image"), "title").text,
			child(feed, "title").text,
			child(feed, "generator").text,
		]).toEqual([title, title, title, title, title]);
	});
});

describe("namespaces are declared on the root element, where they are used", () => {
	it.each(DOCUMENTS)("$name", ({ xml }) => {
		// The parser resolves every prefix (an undeclared one throws); each declared one is used.
		const root = parseXml(xml);
		const declared = Object.entries(root.attributes).filter(([name]) => name.startsWith("xmlns:"));
		const used = new Set(descendants(root).map((element) => element.uri));
		for (const [name, uri] of declared) expect(used.has(uri), name).toBe(true);
		for (const element of descendants(root).filter((e) => e !== root)) {
			expect(
				Object.keys(element.attributes).filter((name) => name.startsWith("xmlns")),
				element.name,
			).toEqual([]);
		}
	});
});
