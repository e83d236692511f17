import { Feed } from "feed";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, feedId, sitePaths } from "../site/siteUrls";
import { type FeedEntry, feedUpdated } from "./feedEntry";
import { escapeHtml } from "./html";
import { xmlJsCdata, xmlJsText } from "./xmlJs";

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

/**
 * Atom 1.0 (RFC 4287), built with `feed`. `feed` always marks entry titles `type="html"`, so the
 * plain-text headline is HTML-escaped to match (RFC 4287 §3.1.1.2); and it has no `xml:lang`, so
 * the language is added to the root element (RFC 4287 §2).
 */
export function renderAtom(site: Site, entries: readonly FeedEntry[]): string {
	const feed = new Feed({
		id: feedId(site),
		title: xmlJsText(site.title),
		description: xmlJsText(site.description),
		link: absoluteUrl(site, sitePaths.home),
		feed: absoluteUrl(site, sitePaths.atom),
		updated: feedUpdated(entries),
		generator: xmlJsText(site.title),
		...(site.websubHub !== undefined && { hub: site.websubHub }),
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
	const xml = feed.atom1();
	if (!xml.includes(ATOM_ROOT))
		throw new Error("feed's Atom root element changed; update renderAtom");
	return xml.replace(
		ATOM_ROOT,
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(site.language)}">`,
	);
}
