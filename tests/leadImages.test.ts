/**
 * An article's lead image, published through the store and served: named in every feed format
 * beside the content, shown with its credit in the fragment, the page and the embed view, offered
 * to link previews, and allowed by exactly those pages' CSP. An article without one shows none.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { entry, leadImageInput } from "./fixtures/articleInputs";
import { cspDirectives, fetchPath } from "./support/http";
import {
	allElements,
	attr,
	elementsByTag,
	type HtmlNode,
	parseHtmlDocument,
	parseHtmlFragment,
	textOf,
} from "./support/parseHtml";
import { child, childrenNamed, parseXml, type XmlElement } from "./support/parseXml";
import { url } from "./support/site";
import { publishEntries } from "./support/store";

const MEDIA = "http://search.yahoo.com/mrss/";
const ICONS = `${url("/favicon.ico")} ${url("/assets/edgewire.svg")}`;
const { length: _unknownLength, ...withoutLength } = leadImageInput;

beforeAll(async () => {
	await publishEntries([
		entry("content/articles/met-beeld.ts", {
			slug: "met-beeld",
			published: "2024-03-07",
			image: leadImageInput,
		}),
		entry("content/articles/zonder-lengte.ts", {
			slug: "zonder-lengte",
			published: "2024-03-06",
			image: { ...withoutLength, url: "https://cdn.example.net/b.webp", type: "image/webp" },
		}),
		entry("content/articles/zonder-beeld.ts", { slug: "zonder-beeld", published: "2024-03-05" }),
	]);
});

const page = async (path: string) => parseHtmlDocument(await (await fetchPath(path)).text());

function items(rss: XmlElement): Map<string, XmlElement> {
	const channel = child(rss, "channel");
	return new Map(
		childrenNamed(channel, "item").map((item) => [
			child(item, "link").text.split("/").pop() ?? "",
			item,
		]),
	);
}

describe("the store keeps the image", () => {
	it("writes it into the article's canonical document, and reads it back into the page", async () => {
		const row = await env.DB.prepare(
			"SELECT document FROM articles WHERE slug = 'met-beeld'",
		).first<{
			document: string;
		}>();
		expect(JSON.parse(row?.document ?? "{}").image).toEqual(leadImageInput);
		const [img] = elementsByTag(await page("/articles/met-beeld"), "img");
		expect(img && attr(img, "src")).toBe(leadImageInput.url);
	});
});

describe("RSS (/feed.xml)", () => {
	it("names the image in <enclosure> and <media:content>, with its alt text and credit", async () => {
		const rss = parseXml(await (await fetchPath("/feed.xml")).text());
		expect(rss.attributes["xmlns:media"]).toBe(MEDIA);
		const item = items(rss).get("met-beeld");
		if (item === undefined) throw new Error("no item for met-beeld");
		expect(child(item, "enclosure").attributes).toEqual({
			url: leadImageInput.url,
			length: "183402",
			type: "image/jpeg",
		});
		const media = child(item, "media:content");
		expect(media.uri).toBe(MEDIA);
		expect(media.attributes).toEqual({
			url: leadImageInput.url,
			type: "image/jpeg",
			medium: "image",
			width: "1200",
			height: "800",
			fileSize: "183402",
		});
		expect(child(media, "media:description").attributes.type).toBe("plain");
		expect(child(media, "media:description").text).toBe(leadImageInput.alt);
		expect(child(media, "media:credit").text).toBe(leadImageInput.credit);
	});

	it("says length 0 when the size is not known, and names nothing for an article without an image", async () => {
		const all = items(parseXml(await (await fetchPath("/feed.xml")).text()));
		const unknown = all.get("zonder-lengte");
		expect(unknown && child(unknown, "enclosure").attributes.length).toBe("0");
		expect(unknown && child(unknown, "media:content").attributes.fileSize).toBeUndefined();
		const none = all.get("zonder-beeld");
		expect(none && childrenNamed(none, "enclosure")).toEqual([]);
		expect(none && childrenNamed(none, "media:content")).toEqual([]);
	});
});

describe("Atom (/atom.xml)", () => {
	it("names the image in <link rel=enclosure> with its real type, and its length when known", async () => {
		const entries = childrenNamed(parseXml(await (await fetchPath("/atom.xml")).text()), "entry");
		const enclosures = entries.map((entry) =>
			childrenNamed(entry, "link")
				.filter((link) => link.attributes.rel === "enclosure")
				.map((link) => link.attributes),
		);
		expect(enclosures).toEqual([
			[{ rel: "enclosure", type: "image/jpeg", href: leadImageInput.url, length: "183402" }],
			[{ rel: "enclosure", type: "image/webp", href: "https://cdn.example.net/b.webp" }],
			[],
		]);
	});
});

describe("JSON Feed (/feed.json)", () => {
	it("gives the item an image, and none to an article without one", async () => {
		const feed = await (await fetchPath("/feed.json")).json<{ items: { image?: string }[] }>();
		expect(feed.items.map((item) => item.image)).toEqual([
			leadImageInput.url,
			"https://cdn.example.net/b.webp",
			undefined,
		]);
	});
});

describe("the fragment, the page and the embed view", () => {
	it.each([
		["/articles/met-beeld/fragment", "lazy"],
		["/articles/met-beeld", "eager"],
		["/articles/met-beeld/embed", "eager"],
	])(
		"%s shows the image with alt and size, loading %s, above the body, with its credit",
		async (path, loading) => {
			const body = await (await fetchPath(path)).text();
			const html: HtmlNode = path.endsWith("/fragment")
				? parseHtmlFragment(body)
				: parseHtmlDocument(body);
			const [figure] = elementsByTag(html, "figure").filter(
				(f) => attr(f, "class") === "ew-lead-image",
			);
			if (figure === undefined) throw new Error("no lead image figure");
			const [img] = elementsByTag(figure, "img");
			// Eager where it is above the fold (the page, the embed view); lazy in the fragment, which a
			// partner places wherever it likes.
			expect(img && Object.fromEntries(img.attrs.map((a) => [a.name, a.value]))).toEqual({
				class: "ew-image",
				src: leadImageInput.url,
				alt: leadImageInput.alt,
				width: "1200",
				height: "800",
				loading,
				decoding: "async",
			});
			expect(textOf(figure)).toBe(`Beeld: ${leadImageInput.credit}`);
			// Above the body: after the headline, before the body's first paragraph.
			const all = allElements(html);
			const headline = all.findIndex((e) => attr(e, "class") === "ew-headline");
			const firstParagraph = all.findIndex(
				(e) => e.tagName === "p" && textOf(e) === "Eerste alinea.",
			);
			expect(headline).toBeGreaterThanOrEqual(0);
			expect(all.indexOf(figure)).toBeGreaterThan(headline);
			expect(all.indexOf(figure)).toBeLessThan(firstParagraph);
		},
	);

	it("shows no figure for an article without an image", async () => {
		expect(elementsByTag(await page("/articles/zonder-beeld"), "img")).toEqual([]);
	});
});

describe("teasers on the home page and a section's page", () => {
	it.each(["/", "/tags/test"])(
		"%s shows each lead image small beside its teaser: alt, size, lazy; none without one",
		async (path) => {
			const teasers = elementsByTag(await page(path), "li").filter((li) =>
				(attr(li, "class") ?? "").split(" ").includes("ew-teaser"),
			);
			const images = teasers.map((teaser) =>
				elementsByTag(teaser, "img").map((img) =>
					Object.fromEntries(img.attrs.map((a) => [a.name, a.value])),
				),
			);
			expect(images).toEqual([
				[
					{
						class: "ew-teaser-image",
						src: leadImageInput.url,
						alt: leadImageInput.alt,
						width: "1200",
						height: "800",
						loading: "lazy",
						decoding: "async",
					},
				],
				[expect.objectContaining({ src: "https://cdn.example.net/b.webp", loading: "lazy" })],
				[],
			]);
		},
	);
});

describe("Content-Security-Policy img-src", () => {
	it.each([
		["/articles/met-beeld", `${ICONS} https://images.example.org`],
		["/articles/met-beeld/embed", `${ICONS} https://images.example.org`],
		["/articles/zonder-lengte", `${ICONS} https://cdn.example.net`],
		["/articles/zonder-beeld", ICONS],
		// Listings show each teaser's image.
		["/", `${ICONS} https://images.example.org https://cdn.example.net`],
		["/tags/test", `${ICONS} https://images.example.org https://cdn.example.net`],
	])(
		"%s allows exactly the icon files and the image origins it shows: %s",
		async (path, sources) => {
			const response = await fetchPath(path);
			await response.arrayBuffer();
			expect(cspDirectives(response.headers.get("Content-Security-Policy")).get("img-src")).toBe(
				sources,
			);
		},
	);

	it("keeps the fragment inert wherever it is opened", async () => {
		const response = await fetchPath("/articles/met-beeld/fragment");
		await response.arrayBuffer();
		expect(response.headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
	});
});

describe("link previews and search", () => {
	it("offers og:image with its type, size and alt text", async () => {
		const meta = elementsByTag(await page("/articles/met-beeld"), "meta")
			.filter((m) => (attr(m, "property") ?? "").startsWith("og:image"))
			.map((m) => [attr(m, "property"), attr(m, "content")]);
		expect(meta).toEqual([
			["og:image", leadImageInput.url],
			["og:image:type", "image/jpeg"],
			["og:image:width", "1200"],
			["og:image:height", "800"],
			["og:image:alt", leadImageInput.alt],
		]);
	});

	it("gives the NewsArticle an ImageObject with its credit", async () => {
		const [script] = elementsByTag(await page("/articles/met-beeld"), "script");
		const text =
			script?.childNodes.map((node) => ("value" in node ? node.value : "")).join("") ?? "";
		expect(JSON.parse(text).image).toEqual({
			"@type": "ImageObject",
			url: leadImageInput.url,
			width: 1200,
			height: 800,
			encodingFormat: "image/jpeg",
			creditText: leadImageInput.credit,
		});
	});

	it("offers neither for an article without an image", async () => {
		const document = await page("/articles/zonder-beeld");
		expect(elementsByTag(document, "meta").some((m) => attr(m, "property") === "og:image")).toBe(
			false,
		);
		const [script] = elementsByTag(document, "script");
		const text =
			script?.childNodes.map((node) => ("value" in node ? node.value : "")).join("") ?? "";
		expect(JSON.parse(text)).not.toHaveProperty("image");
	});
});
