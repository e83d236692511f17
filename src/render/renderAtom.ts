import { Feed } from "feed";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { type FeedChannel, siteChannel } from "./feedChannel";
import { entryCredits, type FeedEntry, feedUpdated } from "./feedEntry";
import { addFeedHistory, type FeedHistory } from "./feedHistory";
import { atomEnclosure } from "./feedImages";
import { ATOM_PLAIN_TEXT } from "./feedPlainText";
import { escapeHtml } from "./html";
import { parseXmlDocument, serializeXmlDocument } from "./xmlDocument";
import { xmlJsCdata, xmlJsText } from "./xmlJs";
import {
	childElements,
	onlyChild,
	replaceChildren,
	text,
	textContent,
	type XmlElement,
} from "./xmlTree";

/**
 * Atom 1.0 (RFC 4287), built with `feed`, whose document is then amended as a tree where `feed`
 * has no option: entry titles as plain text (it always writes `type="html"`), `xml:lang` on the
 * feed and on each entry in another language (RFC 4287 §2; it writes none), a lead image as a
 * `<link rel="enclosure">` with its real type (feedImages.ts), and `history`, which makes it an
 * RFC 5005 archive document or links the current feed to its archives (feedHistory.ts). Titles
 * and the subtitle carry `&`, `<` and `>` as hexadecimal references (feedPlainText.ts).
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
		// `feed` escapes `&` in the generator itself (which xml-js then undoes), unlike in titles.
		generator: site.title,
		// RFC 4287 §4.2.5 and §4.2.14: a square icon, a 2:1 logo.
		favicon: absoluteUrl(site, sitePaths.iconPng(64)),
		image: absoluteUrl(site, sitePaths.logo),
		// Archives never change, so there is nothing to subscribe to at a hub.
		...(site.websubHub !== undefined && history.archive === undefined && { hub: site.websubHub }),
	});
	for (const entry of entries) {
		feed.addItem({
			// Replaced by the plain-text title below; as HTML meanwhile, which is what `feed` says.
			title: xmlJsCdata(escapeHtml(entry.title)),
			id: entry.id,
			link: entry.url,
			date: entry.updated,
			published: entry.published,
			description: xmlJsCdata(entry.summaryHtml),
			content: xmlJsCdata(entry.contentHtml),
			// RFC 4287 §4.2.1: one <author> each, the source last.
			author: entryCredits(entry).map((credit) => ({
				name: xmlJsText(credit.name),
				link: credit.url,
			})),
			category: entry.tags.map((tag) => ({ name: tag, term: tag })),
		});
	}
	const root = parseXmlDocument(feed.atom1());
	const byId = new Map(entries.map((entry) => [entry.id, entry]));
	for (const element of childElements(root, "entry")) {
		const id = textContent(onlyChild(element, "id"));
		const entry = byId.get(id);
		if (entry === undefined) throw new Error(`feed wrote an Atom entry that was not added: ${id}`);
		amendEntry(element, entry, site.language);
	}
	addFeedHistory(root, { container: root, item: "entry", link: "link" }, history);
	root.attributes.set("xml:lang", site.language);
	return serializeXmlDocument(root, {
		encoding: "utf-8",
		indent: "    ",
		hexText: ATOM_PLAIN_TEXT,
	});
}

function amendEntry(element: XmlElement, entry: FeedEntry, feedLanguage: string): void {
	// RFC 4287 §2: the entry's xml:lang covers its title, summary and content; the others inherit
	// the feed's.
	if (entry.language.toLowerCase() !== feedLanguage.toLowerCase()) {
		element.attributes.set("xml:lang", entry.language);
	}
	// RFC 4287 §3.1.1.1: type "text" is the default. Readers that ignore `type` (rss-parser,
	// feedsmith) would otherwise show `&lt;` and `&amp;` from a headline with `<` or `&`.
	const title = onlyChild(element, "title");
	title.attributes.delete("type");
	replaceChildren(title, [text(entry.title)]);
	if (entry.image !== undefined) element.children.push(atomEnclosure(entry.image));
}
