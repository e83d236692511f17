/**
 * An article's lead image in RSS and Atom, beside its content: RSS `<enclosure>` (written by
 * `feed`) with Media RSS `<media:content>`, and Atom `<link rel="enclosure">` (RFC 4287 §4.2.7.2).
 */
import type { LeadImageInput } from "../content/articleSchema";
import type { FeedEntry } from "./feedEntry";
import { xmlJsAttribute, xmlJsText } from "./xmlJs";
import { element, type XmlElement } from "./xmlTree";

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
 * `<media:content>` for an RSS item's extensions (written by `feed` through xml-js): size, medium,
 * the alt text as a plain-text `<media:description>` and the credit as `<media:credit>` (no role:
 * the credit may be a photographer, an agency or both).
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

/** Declares the `media` prefix on the RSS root element when an item uses it, and only then. */
export function declareMediaNamespace(root: XmlElement, entries: readonly FeedEntry[]): void {
	if (entries.some((entry) => entry.image !== undefined)) {
		root.attributes.set("xmlns:media", MEDIA_RSS_NAMESPACE);
	}
}

/**
 * Atom `<link rel="enclosure">` with the image's real type (`feed` would derive it from the URL's
 * file extension) and its length when known.
 */
export function atomEnclosure(image: LeadImageInput): XmlElement {
	return element("link", {
		rel: "enclosure",
		type: image.type,
		href: image.url,
		...(image.length !== undefined && { length: image.length }),
	});
}
