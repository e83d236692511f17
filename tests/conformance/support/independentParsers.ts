/**
 * Feed parsers this project did not write, each reduced to what a reader shows of an item.
 * Every adapter only picks fields out of the parser's own result; HTML content is turned into
 * text by one shared HTML parser (parse5), so parsers are compared on what they extracted.
 *
 * RSS and Atom: @rowanmanning/feed-parser, feedsmith, rss-parser, @extractus/feed-extractor.
 * JSON Feed: feedsmith and @extractus/feed-extractor (the other two read XML only).
 */
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { parseFeed as rowanmanningParseFeed } from "@rowanmanning/feed-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import RssParser from "rss-parser";
import { parseHtmlFragment, textOf } from "../../support/parseHtml";

export type FeedFormat = "rss" | "atom" | "jsonFeed";

/** One item as a feed reader would present it. */
export interface ReadItem {
	readonly title: string | undefined;
	readonly link: string | undefined;
	readonly id: string | undefined;
	/** ISO 8601 in UTC, as `Date#toISOString` writes it. */
	readonly published: string | undefined;
	/** The item's language, or the feed's when the format has none per item. */
	readonly language: string | undefined;
	readonly author: string | undefined;
	/** The full content as HTML (content:encoded, Atom content, content_html). */
	readonly contentHtml: string | undefined;
	/** The lead image's URL (RSS enclosure or media:content, Atom enclosure link, JSON image). */
	readonly image: string | undefined;
}

export type ItemField = keyof ReadItem;

export interface IndependentParser {
	readonly name: string;
	readonly formats: readonly FeedFormat[];
	/** Fields the parser does not expose for a format (a limit of the parser, not of the feed). */
	readonly cannotRead?: Partial<Record<FeedFormat, readonly ItemField[]>>;
	/**
	 * The parser decodes HTML entities a second time after XML has decoded them, so text that
	 * contains `<` or `&` cannot reach its users as written (a defect of the parser: the others
	 * read the same bytes correctly). Its titles and content are compared only for other text.
	 */
	readonly decodesEntitiesTwice?: boolean;
	read(body: string, format: FeedFormat): Promise<readonly ReadItem[]>;
}

function isoDate(value: unknown): string | undefined {
	if (typeof value !== "string" && !(value instanceof Date)) return undefined;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function htmlText(html: string | undefined): string | undefined {
	return html === undefined ? undefined : textOf(parseHtmlFragment(html));
}

function str(value: unknown): string | undefined {
	return typeof value === "string" ? value : undefined;
}

/** fast-xml-parser (used by feed-extractor) gives an element as text or `{ "#text": ... }`. */
function xmlText(value: unknown): string | undefined {
	if (typeof value === "string" || typeof value === "number") return String(value);
	if (typeof value === "object" && value !== null && "#text" in value)
		return xmlText(value["#text"]);
	return undefined;
}

const rowanmanning: IndependentParser = {
	name: "@rowanmanning/feed-parser",
	formats: ["rss", "atom"],
	// lib/xml/element.js: textContentNormalized and innerHtml run html-entities' decode() on text
	// fast-xml-parser has already decoded.
	decodesEntitiesTwice: true,
	async read(body) {
		const feed = rowanmanningParseFeed(body);
		return feed.items.map((item) => ({
			title: item.title ?? undefined,
			link: item.url ?? undefined,
			id: item.id ?? undefined,
			published: isoDate(item.published),
			language: feed.language ?? undefined,
			author: item.authors[0]?.name ?? undefined,
			contentHtml: item.content ?? undefined,
			image: item.media.find((media) => media.type === "image")?.url ?? undefined,
		}));
	},
};

const feedsmith: IndependentParser = {
	name: "feedsmith",
	formats: ["rss", "atom", "jsonFeed"],
	// feedsmith 3 keeps xml:lang only on text constructs, not on <feed> or <entry>.
	cannotRead: { atom: ["language"] },
	async read(body, format) {
		if (format === "rss") {
			const feed = parseRssFeed(body);
			return (feed.items ?? []).map((item) => ({
				title: item.title,
				link: item.link,
				id: item.guid?.value,
				published: isoDate(item.pubDate),
				language: feed.language,
				author: item.dc?.creators?.[0],
				contentHtml: item.content?.encoded,
				image: item.enclosures?.[0]?.url,
			}));
		}
		if (format === "atom") {
			const feed = parseAtomFeed(body);
			return (feed.entries ?? []).map((entry) => ({
				// RFC 4287 §3.1.1.2: a type="html" title is HTML; a reader shows its text.
				title: entry.title?.type === "html" ? htmlText(entry.title.value) : entry.title?.value,
				link: entry.links?.find((link) => (link.rel ?? "alternate") === "alternate")?.href,
				id: entry.id,
				published: isoDate(entry.published),
				language: undefined,
				author: entry.authors?.[0]?.name,
				contentHtml: entry.content?.value,
				image: entry.links?.find((link) => link.rel === "enclosure")?.href,
			}));
		}
		const feed = parseJsonFeed(body);
		return (feed.items ?? []).map((item) => ({
			title: item.title,
			link: item.url,
			id: item.id,
			published: isoDate(item.date_published),
			language: item.language ?? feed.language,
			author: item.authors?.[0]?.name,
			contentHtml: item.content_html,
			image: item.image,
		}));
	},
};

const rssParser: IndependentParser = {
	name: "rss-parser",
	formats: ["rss", "atom"],
	// rss-parser 3 reads <language> from RSS only; it ignores xml:lang. It reads no Atom enclosure.
	cannotRead: { atom: ["language", "image"] },
	async read(body, format) {
		const parser = new RssParser<Record<string, unknown>, { id?: string; author?: string }>({
			customFields: { item: ["id", "author"] },
		});
		const feed = await parser.parseString(body);
		return feed.items.map((item) => ({
			title: item.title,
			link: item.link,
			id: format === "atom" ? str(item.id) : item.guid,
			published: isoDate(item.isoDate ?? item.pubDate),
			language: str(feed.language),
			author: item.creator ?? xmlAuthorName(item.author),
			contentHtml:
				format === "rss" ? str((item as Record<string, unknown>)["content:encoded"]) : item.content,
			image: item.enclosure?.url,
		}));
	},
};

/** rss-parser returns an Atom `<author>` as xml2js gives it: `{ name: ["NOS"], ... }`. */
function xmlAuthorName(value: unknown): string | undefined {
	if (typeof value === "string") return value;
	if (typeof value === "object" && value !== null && "name" in value) {
		const name = value.name;
		return Array.isArray(name) ? str(name[0]) : str(name);
	}
	return undefined;
}

const feedExtractor: IndependentParser = {
	name: "@extractus/feed-extractor",
	formats: ["rss", "atom", "jsonFeed"],
	async read(body, format) {
		const options = {
			descriptionMaxLen: 0,
			useISODateFormat: true,
			getExtraEntryFields: (raw: Record<string, unknown>) => ({
				contentHtml:
					format === "jsonFeed"
						? str(raw.content_html)
						: xmlText(raw["content:encoded"] ?? raw.content),
				author: extractorAuthor(raw, format),
				// Its own `published` is an Atom entry's <updated>; the <published> element is this.
				atomPublished: format === "atom" ? xmlText(raw.published) : undefined,
				lang: str(raw.language),
				image: extractorImage(raw, format),
			}),
		};
		const feed =
			format === "jsonFeed" ? extractFromJson(body, options) : extractFromXml(body, options);
		return (feed.entries ?? []).map((entry) => ({
			title: entry.title,
			link: entry.link,
			id: entry.id,
			published: isoDate(entry.atomPublished ?? entry.published),
			language: str(entry.lang) ?? feed.language,
			author: str(entry.author),
			contentHtml: str(entry.contentHtml),
			image: str(entry.image),
		}));
	},
};

/** fast-xml-parser's raw item: attributes as `@_name`, repeated elements as arrays. */
function extractorImage(raw: Record<string, unknown>, format: FeedFormat): string | undefined {
	if (format === "jsonFeed") return str(raw.image);
	const attribute = (element: unknown, name: string) =>
		typeof element === "object" && element !== null && name in element
			? str((element as Record<string, unknown>)[name])
			: undefined;
	if (format === "rss") return attribute(raw.enclosure, "@_url");
	const links = Array.isArray(raw.link) ? raw.link : [raw.link];
	const enclosure = links.find((link) => attribute(link, "@_rel") === "enclosure");
	return attribute(enclosure, "@_href");
}

function extractorAuthor(raw: Record<string, unknown>, format: FeedFormat): string | undefined {
	if (format === "rss") return xmlText(raw["dc:creator"]);
	const authors = format === "jsonFeed" ? raw.authors : raw.author;
	const first = Array.isArray(authors) ? authors[0] : authors;
	if (typeof first === "object" && first !== null && "name" in first) return xmlText(first.name);
	return undefined;
}

export const independentParsers: readonly IndependentParser[] = [
	rowanmanning,
	feedsmith,
	rssParser,
	feedExtractor,
];

export function parsersFor(format: FeedFormat): readonly IndependentParser[] {
	return independentParsers.filter((parser) => parser.formats.includes(format));
}

/** The parsers of a format that expose `field`. */
export function parsersReading(format: FeedFormat, field: ItemField): readonly IndependentParser[] {
	return parsersFor(format).filter((parser) => !parser.cannotRead?.[format]?.includes(field));
}
