import { stripForbiddenChars } from "../content/text";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { type FeedChannel, siteChannel } from "./feedChannel";
import { entryCredits, type FeedEntry, feedSources } from "./feedEntry";

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). `feed` writes only 1.0, so this is ours. */
export interface JsonFeed {
	readonly version: "https://jsonfeed.org/version/1.1";
	readonly title: string;
	readonly home_page_url: string;
	readonly feed_url: string;
	readonly description: string;
	/** 512 × 512, as JSON Feed 1.1 recommends; `favicon` 64 × 64. */
	readonly icon: string;
	readonly favicon: string;
	readonly language: string;
	readonly authors: readonly JsonFeedAuthor[];
	readonly hubs?: readonly { readonly type: string; readonly url: string }[];
	readonly items: readonly JsonFeedItem[];
}

interface JsonFeedAuthor {
	readonly name: string;
	readonly url: string;
}

interface JsonFeedItem {
	readonly id: string;
	readonly url: string;
	readonly title: string;
	readonly summary: string;
	readonly content_html: string;
	readonly date_published: string;
	readonly date_modified: string;
	readonly authors: readonly JsonFeedAuthor[];
	/** JSON Feed 1.0's single author, for readers that know only it (Python's feedparser). */
	readonly author: JsonFeedAuthor;
	readonly tags: readonly string[];
	readonly language: string;
	/** The lead image's URL. */
	readonly image?: string;
}

/** RFC 3339 in UTC, without the `.000` JavaScript adds. */
function rfc3339(date: Date): string {
	return date.toISOString().replace(".000Z", "Z");
}

export function jsonFeed(
	site: Site,
	entries: readonly FeedEntry[],
	channel: FeedChannel = siteChannel(site),
): JsonFeed {
	const text = stripForbiddenChars;
	return {
		version: "https://jsonfeed.org/version/1.1",
		title: text(channel.title),
		home_page_url: channel.home,
		feed_url: channel.self.jsonFeed,
		description: text(channel.description),
		icon: absoluteUrl(site, sitePaths.iconPng(512)),
		favicon: absoluteUrl(site, sitePaths.iconPng(64)),
		language: site.language,
		// The feed's authors are the sources of what it carries.
		authors: feedSources(entries).map((source) => ({ name: text(source.name), url: source.url })),
		...(site.websubHub !== undefined && { hubs: [{ type: "WebSub", url: site.websubHub }] }),
		items: entries.map((entry) => {
			const credits = entryCredits(entry).map((credit) => ({
				name: text(credit.name),
				url: credit.url,
			}));
			return {
				id: entry.id,
				url: entry.url,
				title: text(entry.title),
				summary: text(entry.summary),
				content_html: entry.contentHtml,
				date_published: rfc3339(entry.published),
				date_modified: rfc3339(entry.updated),
				authors: credits,
				// The first credit (the first author, else the source): JSON Feed 1.0 readers know only `author`.
				author: credits[0] ?? { name: text(entry.source.name), url: entry.source.url },
				tags: entry.tags,
				language: entry.language,
				...(entry.image !== undefined && { image: entry.image.url }),
			};
		}),
	};
}

export function renderJsonFeed(
	site: Site,
	entries: readonly FeedEntry[],
	channel: FeedChannel = siteChannel(site),
): string {
	return `${JSON.stringify(jsonFeed(site, entries, channel), null, 2)}\n`;
}
