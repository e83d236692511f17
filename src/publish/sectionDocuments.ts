/**
 * Sections by tag, from the store: `/tags/<slug>` and its pages, and its RSS, Atom and JSON Feed,
 * with the same entries (same ids) as the site's feeds. A section with no public article is 404.
 */

import { type FeedFormat, sectionChannel } from "../render/feedChannel";
import { sectionPage } from "../render/indexPage";
import { articlesOf } from "../store/articleRows";
import { newestInSection, publicSection } from "../store/sectionListings";
import type { DocumentOutcome, DocumentSource } from "./documentOutcome";
import { feedBody, listing, pageCount } from "./listingDocuments";

/** Page `page` of the section `tag`, newest first, pageSize at a time. */
export async function loadSectionPage(
	source: DocumentSource,
	tag: string,
	page: number,
): Promise<DocumentOutcome> {
	const { site, db, state, now } = source;
	const section = await publicSection(db, tag, now);
	if (section === undefined) return { status: 404 };
	const pages = pageCount(section.publicCount, site.pageSize);
	if (page > pages) return { status: 404 };
	const stored = await newestInSection(db, section, site.pageSize, (page - 1) * site.pageSize);
	const channel = sectionChannel(site, section);
	const body = sectionPage(site, section, channel, articlesOf(stored), { page, pages });
	return listing("page", body.toString(), state);
}

/** The section's feed in `format`: its newest feedSize public articles (no archives). */
export async function loadSectionFeed(
	source: DocumentSource,
	tag: string,
	format: FeedFormat,
): Promise<DocumentOutcome> {
	const { site, db, state, now } = source;
	const section = await publicSection(db, tag, now);
	if (section === undefined) return { status: 404 };
	const stored = await newestInSection(db, section, site.feedSize);
	const body = feedBody(site, format, articlesOf(stored), {}, sectionChannel(site, section));
	return listing(format, body, state);
}
