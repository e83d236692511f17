/**
 * Feed paging and archiving (RFC 5005 §4, "Archived Feeds"): the links and the `fh:archive`
 * marker that tie the current feed to its archive documents. `feed`@6 has no place for them, so
 * they are inserted into its output just before the first item or entry, where the W3C validator
 * wants every channel/feed element (MisplacedItem, MisplacedMetadata).
 */
import { escapeHtml } from "./html";

export const FEED_HISTORY_NAMESPACE = "http://purl.org/syndication/history/1.0";

/** Where a feed document sits in the feed's history. Every URL is absolute. */
export interface FeedHistory {
	/** Present when this document is an archive: its own URL and the current feed's. */
	readonly archive?: { readonly self: string; readonly current: string };
	/** The archive just before this document in time (older entries). */
	readonly prevArchive?: string;
	/** The archive just after it (newer entries); archives only. */
	readonly nextArchive?: string;
}

/** The history links, as `[rel, href]`, in a fixed order: current, prev-archive, next-archive. */
export function historyLinks(history: FeedHistory): [string, string][] {
	const links: [string, string][] = [];
	if (history.archive !== undefined) links.push(["current", history.archive.current]);
	if (history.prevArchive !== undefined) links.push(["prev-archive", history.prevArchive]);
	if (history.nextArchive !== undefined) links.push(["next-archive", history.nextArchive]);
	return links;
}

/**
 * Inserts `elements` (complete, escaped markup) before the first `<tag>` of `xml`, one per line at
 * that tag's indentation. Text and attributes are escaped in `feed`'s output, and CDATA only occurs
 * inside items, so the first literal `<tag>` is the element itself.
 */
export function insertBeforeFirst(xml: string, tag: string, elements: readonly string[]): string {
	if (elements.length === 0) return xml;
	const at = xml.indexOf(`<${tag}>`);
	if (at < 0) throw new Error(`no <${tag}> to insert feed history before`);
	const indent = xml.slice(xml.lastIndexOf("\n", at) + 1, at);
	return `${xml.slice(0, at)}${elements.map((element) => `${element}\n${indent}`).join("")}${xml.slice(at)}`;
}

/** `<name rel="..." href="..."/>` for each history link; `name` is `link` or `atom:link`. */
export function linkElements(name: string, history: FeedHistory): string[] {
	return historyLinks(history).map(
		([rel, href]) => `<${name} rel="${rel}" href="${escapeHtml(href)}"/>`,
	);
}

/** RFC 5005 §4: "fh:archive" marks an archive document; it belongs at channel or feed level. */
export function archiveMarker(history: FeedHistory): string[] {
	return history.archive === undefined ? [] : ["<fh:archive/>"];
}

/** Declares the `fh` prefix on the root element that starts with `rootStart` (archives only). */
export function declareHistoryNamespace(xml: string, rootStart: string): string {
	if (!xml.includes(rootStart)) throw new Error(`no ${rootStart} to declare xmlns:fh on`);
	return xml.replace(rootStart, `${rootStart} xmlns:fh="${FEED_HISTORY_NAMESPACE}"`);
}
