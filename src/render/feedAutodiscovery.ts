/**
 * Feed autodiscovery: a `<link rel="alternate">` in a page's head for each format of a channel,
 * titled by the channel, so a reader offered the page finds its RSS, Atom and JSON Feed.
 */
import type { FeedChannel } from "./feedChannel";
import { html, type SafeHtml } from "./html";

const FORMATS = [
	{ format: "rss", type: "application/rss+xml", label: "RSS" },
	{ format: "atom", type: "application/atom+xml", label: "Atom" },
	{ format: "jsonFeed", type: "application/feed+json", label: "JSON Feed" },
] as const;

/** The three `<link rel="alternate">` of `channel`, one per line. */
export function feedAutodiscovery(channel: FeedChannel): SafeHtml {
	return html`${FORMATS.map(
		(feed) =>
			html`<link rel="alternate" type="${feed.type}" title="${channel.title} (${feed.label})" href="${channel.self[feed.format]}">\n`,
	)}`;
}
