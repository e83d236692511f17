/**
 * Feed paging and archiving (RFC 5005 §4, "Archived Feeds"): the links and the `fh:archive`
 * marker that tie the current feed to its archive documents. `feed`@6 has no place for them, so
 * they are added to its document as elements, before the first item or entry, where the W3C
 * validator wants every channel/feed element (MisplacedItem, MisplacedMetadata).
 */
import { element, insertBeforeFirst, type XmlElement } from "./xmlTree";

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

/** Where the history goes in a format: RSS `<channel>`/`<item>`/`atom:link`, Atom `<feed>`/`<entry>`/`link`. */
export interface HistoryPlace {
	readonly container: XmlElement;
	readonly item: string;
	readonly link: string;
}

/**
 * Adds `history` to the feed document of `root`: the links and, in an archive, `<fh:archive/>`
 * (which RFC 5005 §4 puts at channel or feed level), before the first item of `place.container`;
 * and the `fh` prefix on the root element of an archive only.
 */
export function addFeedHistory(root: XmlElement, place: HistoryPlace, history: FeedHistory): void {
	const links = historyLinks(history).map(([rel, href]) => element(place.link, { rel, href }));
	if (history.archive === undefined) {
		insertBeforeFirst(place.container, place.item, links);
		return;
	}
	root.attributes.set("xmlns:fh", FEED_HISTORY_NAMESPACE);
	insertBeforeFirst(place.container, place.item, [...links, element("fh:archive")]);
}
