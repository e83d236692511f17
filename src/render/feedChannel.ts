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

/** An author's feeds: `Edgewire: Anna de Vries`, at /authors/anna-de-vries/feed.xml and its siblings. */
export function authorChannel(site: Site, author: { segment: string; name: string }): FeedChannel {
	return {
		title: `${site.title}: ${author.name}`,
		description: `Artikelen van ${author.name} op ${site.title}.`,
		home: absoluteUrl(site, sitePaths.author(author.segment)),
		self: {
			rss: absoluteUrl(site, sitePaths.authorRss(author.segment)),
			atom: absoluteUrl(site, sitePaths.authorAtom(author.segment)),
			jsonFeed: absoluteUrl(site, sitePaths.authorJsonFeed(author.segment)),
		},
		id: `tag:${site.idAuthority},${site.idDate}:authors/${author.segment}`,
	};
}

/** A collection's feeds: a section's or an author's. */
export function collectionChannel(
	site: Site,
	collection: { kind: "tag" | "author"; segment: string; name: string },
): FeedChannel {
	return collection.kind === "tag"
		? sectionChannel(site, { slug: collection.segment, name: collection.name })
		: authorChannel(site, collection);
}
