import { Feed } from "feed";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { type FeedChannel, siteChannel } from "./feedChannel";
import { type FeedEntry, feedUpdated } from "./feedEntry";
import {
	archiveMarker,
	declareHistoryNamespace,
	type FeedHistory,
	insertBeforeFirst,
	linkElements,
} from "./feedHistory";
import { atomEnclosures } from "./feedImages";
import { ATOM_PLAIN_TEXT, withHexReferences } from "./hexReferences";
import { escapeHtml } from "./html";
import { xmlJsCdata, xmlJsText } from "./xmlJs";

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

/**
 * Atom 1.0 (RFC 4287), built with `feed`. `feed` always marks entry titles `type="html"`; they are
 * rewritten as plain text (see `plainTextTitles`); and it has no `xml:lang`, so the site's
 * language is added to the root element and an article's own to its entry when they differ
 * (RFC 4287 §2). A lead image is a `<link rel="enclosure">` (feedImages.ts). Titles and the
 * subtitle carry `&`, `<` and `>` as hexadecimal references (hexReferences.ts). `history` makes it
 * an RFC 5005 archive document or links the current feed to its archives (feedHistory.ts).
 */
export function renderAtom(
	site: Site,
	entries: readonly FeedEntry[],
	history: FeedHistory = {},
	channel: FeedChannel = siteChannel(site),
): string {
	const feed = new Feed({
		id: channel.id,
		title: xmlJsText(channel.title),
		description: xmlJsText(channel.description),
		link: channel.home,
		feed: history.archive?.self ?? channel.self.atom,
		updated: feedUpdated(entries),
		generator: xmlJsText(site.title),
		// RFC 4287 §4.2.5 and §4.2.14: a square icon, a 2:1 logo.
		favicon: absoluteUrl(site, sitePaths.iconPng(64)),
		image: absoluteUrl(site, sitePaths.logo),
		// Archives never change, so there is nothing to subscribe to at a hub.
		...(site.websubHub !== undefined && history.archive === undefined && { hub: site.websubHub }),
	});
	for (const entry of entries) {
		feed.addItem({
			title: xmlJsCdata(escapeHtml(entry.title)),
			id: entry.id,
			link: entry.url,
			date: entry.updated,
			published: entry.published,
			description: xmlJsCdata(entry.summaryHtml),
			content: xmlJsCdata(entry.contentHtml),
			author: [{ name: xmlJsText(entry.source.name), link: entry.source.url }],
			category: entry.tags.map((tag) => ({ name: tag, term: tag })),
		});
	}
	const withLanguages = entryLanguages(
		withHexReferences(
			atomEnclosures(plainTextTitles(feed.atom1(), entries), entries),
			ATOM_PLAIN_TEXT,
		),
		entries,
		site.language,
	);
	const xml = insertBeforeFirst(withLanguages, "entry", [
		...linkElements("link", history),
		...archiveMarker(history),
	]);
	if (!xml.includes(ATOM_ROOT))
		throw new Error("feed's Atom root element changed; update renderAtom");
	const rooted = xml.replace(
		ATOM_ROOT,
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(site.language)}">`,
	);
	return history.archive === undefined
		? rooted
		: declareHistoryNamespace(rooted, '<feed xmlns="http://www.w3.org/2005/Atom"');
}

/**
 * RFC 4287 §2: `xml:lang` on each `<entry>` whose article is in another language than the feed, so
 * that its title, summary and content are read in their own language (the entry's xml:lang covers
 * its children; the others inherit the feed's). `feed` writes none. Text and attributes are escaped
 * in `feed`'s output, so each literal `<entry>` is an entry element, in the order of `entries`.
 */
function entryLanguages(xml: string, entries: readonly FeedEntry[], feedLanguage: string): string {
	let index = 0;
	const out = xml.replace(/<entry>/g, () => {
		const entry = entries[index++];
		if (entry === undefined || entry.language.toLowerCase() === feedLanguage.toLowerCase()) {
			return "<entry>";
		}
		return `<entry xml:lang="${escapeHtml(entry.language)}">`;
	});
	if (index !== entries.length) throw new Error("feed's Atom entries changed; update renderAtom");
	return out;
}

/**
 * Rewrites each entry's `<title type="html"><![CDATA[...]]>` as a plain-text `<title>` (RFC 4287
 * §3.1.1.1, the default type). Readers that ignore `type` (rss-parser, feedsmith) would otherwise
 * show `&lt;` and `&amp;` from a headline with `<` or `&`. The escaped headline is valid XML text.
 */
function plainTextTitles(xml: string, entries: readonly FeedEntry[]): string {
	let out = "";
	let rest = xml;
	for (const entry of entries) {
		const escaped = escapeHtml(entry.title);
		const written = `<title type="html"><![CDATA[${escaped}]]></title>`;
		const at = rest.indexOf(written);
		if (at === -1) throw new Error("feed's Atom entry title changed; update renderAtom");
		out += `${rest.slice(0, at)}<title>${escaped}</title>`;
		rest = rest.slice(at + written.length);
	}
	return out + rest;
}
