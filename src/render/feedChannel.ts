/**
 * What a feed document says about itself: its title and description, the page it belongs to, its
 * own URL in each format and its id. The site's main feeds and each section's feeds differ only
 * here; their entries are the same (same ids), so a reader that follows both sees one article once.
 */
import type { Site } from "../site/siteSchema";
import { absoluteUrl, feedId, sitePaths } from "../site/siteUrls";

/** The three feed formats every channel is published in. */
export type FeedFormat = "rss" | "atom" | "jsonFeed";

export interface FeedChannel {
	readonly title: string;
	readonly description: string;
	/** The HTML page the feed belongs to (RSS `<link>`, Atom `rel="alternate"`, JSON Feed home). */
	readonly home: string;
	/** The feed's own URL per format (RSS atom:link, Atom rel="self", JSON Feed `feed_url`). */
	readonly self: Readonly<Record<FeedFormat, string>>;
	/** Atom `<id>`: the same for all of this channel's documents, archives included. */
	readonly id: string;
}

/** The site's main feeds. */
export function siteChannel(site: Site): FeedChannel {
	return {
		title: site.title,
		description: site.description,
		home: absoluteUrl(site, sitePaths.home),
		self: {
			rss: absoluteUrl(site, sitePaths.rss),
			atom: absoluteUrl(site, sitePaths.atom),
			jsonFeed: absoluteUrl(site, sitePaths.jsonFeed),
		},
		id: feedId(site),
	};
}

/** A section's feeds: `Edgewire: asiel`, at /tags/asiel/feed.xml and its siblings. */
export function sectionChannel(site: Site, section: { slug: string; name: string }): FeedChannel {
	return {
		title: `${site.title}: ${section.name}`,
		description: `Artikelen over ${section.name} van ${site.title}.`,
		home: absoluteUrl(site, sitePaths.tag(section.slug)),
		self: {
			rss: absoluteUrl(site, sitePaths.tagRss(section.slug)),
			atom: absoluteUrl(site, sitePaths.tagAtom(section.slug)),
			jsonFeed: absoluteUrl(site, sitePaths.tagJsonFeed(section.slug)),
		},
		id: `tag:${site.idAuthority},${site.idDate}:tags/${section.slug}`,
	};
}
