/**
 * Sections by tag, from the store: `/tags/<slug>` and its pages, and its RSS, Atom and JSON Feed,
 * with the same entries (same ids) as the site's feeds. A section with no public article is 404.
 */

import { FEED_TTL_MINUTES } from "../http/responsePolicy";
import { type FeedFormat, sectionChannel } from "../render/feedChannel";
import { feedEntry } from "../render/feedEntry";
import { sectionPage } from "../render/indexPage";
import { renderAtom } from "../render/renderAtom";
import { renderJsonFeed } from "../render/renderJsonFeed";
import { renderRss } from "../render/renderRss";
import { newestInSection, publicSection } from "../store/sectionListings";
import type { DocumentOutcome, DocumentSource } from "./loadDocument";

/** Page `page` of the section `tag`, newest first, pageSize at a time. */
export async function loadSectionPage(
	source: DocumentSource,
	tag: string,
	page: number,
): Promise<DocumentOutcome> {
	const { site, db, state, now } = source;
	const section = await publicSection(db, tag, now);
	if (section === undefined) return { status: 404 };
	const pages = Math.max(1, Math.ceil(section.publicCount / site.pageSize));
	if (page > pages) return { status: 404 };
	const stored = await newestInSection(db, section, site.pageSize, (page - 1) * site.pageSize);
	const articles = stored.map(({ article }) => article);
	const body = sectionPage(site, section, sectionChannel(site, section), articles, { page, pages });
	return {
		status: 200,
		document: { kind: "page", body: body.toString(), lastModified: state.publicChangedAt },
	};
}

/** The section's feed in `format`: its newest feedSize public articles. */
export async function loadSectionFeed(
	source: DocumentSource,
	tag: string,
	format: FeedFormat,
): Promise<DocumentOutcome> {
	const { site, db, state, now } = source;
	const section = await publicSection(db, tag, now);
	if (section === undefined) return { status: 404 };
	const stored = await newestInSection(db, section, site.feedSize);
	const entries = stored.map(({ article }) => feedEntry(site, article));
	const channel = sectionChannel(site, section);
	const body =
		format === "jsonFeed"
			? renderJsonFeed(site, entries, channel)
			: format === "rss"
				? renderRss(site, entries, {}, FEED_TTL_MINUTES, channel)
				: renderAtom(site, entries, {}, channel);
	return { status: 200, document: { kind: format, body, lastModified: state.publicChangedAt } };
}
