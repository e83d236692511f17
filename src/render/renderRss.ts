import { Feed } from "feed";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { type FeedChannel, siteChannel } from "./feedChannel";
import { entryCredits, type FeedEntry, feedUpdated } from "./feedEntry";
import { addFeedHistory, type FeedHistory } from "./feedHistory";
import { declareMediaNamespace, mediaContent, rssEnclosure } from "./feedImages";
import { RSS_PLAIN_TEXT } from "./feedPlainText";
import { parseXmlDocument, serializeXmlDocument } from "./xmlDocument";
import { xmlJsCdata, xmlJsText } from "./xmlJs";
import { childElements, element, onlyChild, textContent, type XmlElement } from "./xmlTree";

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification), built with `feed`.
 * What `feed` would get wrong is set explicitly through its extensions: item titles as escaped
 * text rather than CDATA (`feed` splits only the first `]]>`), and the credit as `dc:creator`,
 * because RSS `<author>` must be an e-mail address and the source has none. A lead image is an
 * `<enclosure>` and a `<media:content>` (feedImages.ts). Where `feed` has no option, its document
 * is amended as a tree: the `media` namespace, and `history`, which makes it an RFC 5005 archive
 * document or links the current feed to its archives (feedHistory.ts). Titles, descriptions and
 * categories carry `&`, `<` and `>` as hexadecimal references (feedPlainText.ts). `ttlMinutes` is
 * the `<ttl>` polling hint, which the caller derives from the feed's HTTP freshness. `channel`
 * names the feed: the site's own, or a section's (feedChannel.ts).
 */
export function renderRss(
	site: Site,
	entries: readonly FeedEntry[],
	history: FeedHistory,
	ttlMinutes: number,
	channel: FeedChannel = siteChannel(site),
): string {
	const feed = new Feed({
		title: xmlJsText(channel.title),
		description: xmlJsText(channel.description),
		link: channel.home,
		language: site.language,
		ttl: ttlMinutes,
		updated: feedUpdated(entries),
		generator: xmlJsText(site.title),
		// This exact URL also tells the W3C validator that extension attributes are expected.
		docs: "http://www.rssboard.org/rss-specification",
		// Makes `feed` write <image> in its place; the extension below gives its full content.
		image: absoluteUrl(site, sitePaths.iconPng(RSS_IMAGE_SIZE)),
		feedLinks: { rss: history.archive?.self ?? channel.self.rss },
		// Archives never change, so there is nothing to subscribe to at a hub.
		...(site.websubHub !== undefined && history.archive === undefined && { hub: site.websubHub }),
	});
	feed.addExtension({ name: "image", objects: channelImage(site, channel) });
	for (const entry of entries) {
		feed.addItem({
			title: entry.title,
			link: entry.url,
			guid: entry.id,
			date: entry.updated,
			published: entry.published,
			description: xmlJsCdata(entry.summaryHtml),
			content: xmlJsCdata(entry.contentHtml),
			category: entry.tags.map((tag) => ({ name: xmlJsText(tag) })),
			...(entry.image !== undefined && { enclosure: rssEnclosure(entry.image) }),
			extensions: [
				// Replaces feed's CDATA title (same key, same position).
				{ name: "title", objects: { _text: xmlJsText(entry.title) } },
				// The first credit; the others follow it in the tree (creditsAfterFirst).
				{ name: "dc:creator", objects: { _text: xmlJsText(entryCredits(entry)[0]?.name ?? "") } },
				...(entry.image === undefined
					? []
					: [{ name: "media:content", objects: mediaContent(entry.image) }]),
			],
		});
	}
	const root = parseXmlDocument(feed.rss2());
	declareMediaNamespace(root, entries);
	const channelElement = onlyChild(root, "channel");
	const byId = new Map(entries.map((entry) => [entry.id, entry]));
	for (const item of childElements(channelElement, "item")) {
		const entry = byId.get(textContent(onlyChild(item, "guid")));
		if (entry === undefined) throw new Error("feed wrote an RSS item that was not added");
		creditsAfterFirst(item, entry);
	}
	const place = { container: channelElement, item: "item", link: "atom:link" };
	addFeedHistory(root, place, history);
	return serializeXmlDocument(root, { encoding: "utf-8", indent: "    ", hexText: RSS_PLAIN_TEXT });
}

/**
 * One `dc:creator` per author, then the source (Dublin Core's creator repeats; RSS `<author>` needs
 * an e-mail address, which nobody here has): the rest after the first, which `feed` wrote.
 */
function creditsAfterFirst(item: XmlElement, entry: FeedEntry): void {
	const first = onlyChild(item, "dc:creator");
	const more = entryCredits(entry)
		.slice(1)
		.map((credit) => element("dc:creator", {}, [credit.name]));
	item.children.splice(item.children.indexOf(first) + 1, 0, ...more);
}

/** RSS 2.0 `<image>` is at most 144 pixels wide (and 400 high); the square icon at full size. */
const RSS_IMAGE_SIZE = 144;

/**
 * The channel's `<image>`: its title and link must be the channel's (the W3C validator warns
 * otherwise); width and height are given, as readers otherwise assume 88 × 31.
 */
function channelImage(site: Site, channel: FeedChannel) {
	return {
		url: { _text: xmlJsText(absoluteUrl(site, sitePaths.iconPng(RSS_IMAGE_SIZE))) },
		title: { _text: xmlJsText(channel.title) },
		link: { _text: xmlJsText(channel.home) },
		width: { _text: RSS_IMAGE_SIZE },
		height: { _text: RSS_IMAGE_SIZE },
	};
}
