/**
 * What every listing (the site's feeds, archives and pages of `/`, and each section's) is built
 * from: its feed in any of the three formats, its page count, and its outcome. A listing changes
 * whenever public content changes, so its Last-Modified is the store's `publicChangedAt`.
 */

import type { Article } from "../content/articleSchema";
import { type FeedChannel, type FeedFormat, siteChannel } from "../render/feedChannel";
import { feedEntry } from "../render/feedEntry";
import type { FeedHistory } from "../render/feedHistory";
import { renderAtom } from "../render/renderAtom";
import { renderJsonFeed } from "../render/renderJsonFeed";
import { renderRss } from "../render/renderRss";
import type { DocumentKind } from "../site/documentKind";
import { FEED_TTL_MINUTES } from "../site/freshness";
import type { Site } from "../site/siteSchema";
import type { ContentState } from "../store/contentState";
import type { DocumentOutcome } from "./documentOutcome";

/**
 * The feed of `articles` (newest first) in `format`: `history` places an RSS or Atom document among its RFC 5005
 * archives (JSON Feed has none), `channel` names it (the site's or a section's), and RSS carries
 * the `<ttl>` derived from the feeds' HTTP freshness.
 */
export function feedBody(
	site: Site,
	format: FeedFormat,
	articles: readonly Article[],
	history: FeedHistory = {},
	channel: FeedChannel = siteChannel(site),
): string {
	const entries = articles.map((article) => feedEntry(site, article));
	switch (format) {
		case "rss":
			return renderRss(site, entries, history, FEED_TTL_MINUTES, channel);
		case "atom":
			return renderAtom(site, entries, history, channel);
		case "jsonFeed":
			return renderJsonFeed(site, entries, channel);
	}
}

/** How many pages of `pageSize` a listing of `count` articles has: at least one, even empty. */
export function pageCount(count: number, pageSize: number): number {
	return Math.max(1, Math.ceil(count / pageSize));
}

/**
 * A listing's outcome: dated by the last change to public content; a page names the origins of
 * the teasers' images for its CSP.
 */
export function listing(
	kind: DocumentKind,
	body: string,
	state: ContentState,
	imageOrigins: readonly string[] = [],
): DocumentOutcome {
	const document = { kind, body, lastModified: state.publicChangedAt };
	return {
		status: 200,
		document: imageOrigins.length === 0 ? document : { ...document, imageOrigins },
	};
}
