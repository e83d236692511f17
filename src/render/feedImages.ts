/**
 * An article's lead image in RSS and Atom, beside its content: RSS `<enclosure>` (written by
 * `feed`) with Media RSS `<media:content>`, and Atom `<link rel="enclosure">` (RFC 4287 §4.2.7.2).
 */
import type { LeadImageInput } from "../content/articleSchema";
import type { FeedEntry } from "./feedEntry";
import { escapeHtml } from "./html";
import { xmlJsAttribute, xmlJsText } from "./xmlJs";

/** Media RSS (https://www.rssboard.org/media-rss): the validator knows exactly this URI. */
export const MEDIA_RSS_NAMESPACE = "http://search.yahoo.com/mrss/";

/**
 * RSS 2.0 `<enclosure>`: `length` is required; "0" when the size is not known, as the RSS Advisory
 * Board advises.
 */
export function rssEnclosure(image: LeadImageInput) {
	return { url: image.url, length: image.length ?? 0, type: image.type };
}

/**
 * `<media:content>` for an RSS item's extensions: size, medium, the alt text as a plain-text
 * `<media:description>` and the credit as `<media:credit>` (no role: the credit may be a
 * photographer, an agency or both).
 */
export function mediaContent(image: LeadImageInput) {
	return {
		_attributes: {
			url: xmlJsAttribute(image.url),
			type: image.type,
			medium: "image",
			width: image.width,
			height: image.height,
			...(image.length !== undefined && { fileSize: image.length }),
		},
		"media:description": { _attributes: { type: "plain" }, _text: xmlJsText(image.alt) },
		"media:credit": { _text: xmlJsText(image.credit) },
	};
}

/** Declares the `media` prefix on the RSS root when an item uses it. */
export function declareMediaNamespace(xml: string, entries: readonly FeedEntry[]): string {
	if (!entries.some((entry) => entry.image !== undefined)) return xml;
	const root = '<rss version="2.0"';
	if (!xml.includes(root)) throw new Error("feed's RSS root element changed; update feedImages");
	return xml.replace(root, `${root} xmlns:media="${MEDIA_RSS_NAMESPACE}"`);
}

/**
 * Adds `<link rel="enclosure">` to each Atom entry with an image, as its last child. `feed` derives
 * an enclosure's type from the URL's file extension, so it is written here with the real type.
 * Text and attributes are escaped in `feed`'s output and its HTML sits in CDATA with every `<`
 * of text escaped, so each literal `</entry>` closes an entry, in the order of `entries`.
 */
export function atomEnclosures(xml: string, entries: readonly FeedEntry[]): string {
	const parts = xml.split("</entry>");
	if (parts.length !== entries.length + 1) {
		throw new Error("feed's Atom entries changed; update feedImages");
	}
	return parts
		.map((part, i) => {
			const image = entries[i]?.image;
			if (image === undefined) return part;
			const length = image.length === undefined ? "" : ` length="${image.length}"`;
			const link = `<link rel="enclosure" type="${image.type}" href="${escapeHtml(image.url)}"${length}/>`;
			// Before the whitespace that indents </entry>, one level deeper.
			return part.replace(
				/\n([ \t]*)$/,
				(_, indent: string) => `\n${indent}    ${link}\n${indent}`,
			);
		})
		.join("</entry>");
}
