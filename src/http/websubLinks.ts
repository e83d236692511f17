/**
 * WebSub discovery in HTTP (W3C WebSub §4): a feed's response names its hub and its own topic
 * URL in `Link` headers (RFC 8288), so a subscriber finds both without parsing the body. The self
 * URL is the one the feed's body declares (atom:link / link rel="self", feed_url), byte for byte.
 */
import type { DocumentKind } from "../site/documentKind";
import type { Site } from "../site/siteSchema";
import { absoluteUrl } from "../site/siteUrls";

const FEED_KINDS: ReadonlySet<DocumentKind> = new Set(["rss", "atom", "jsonFeed"]);

/** `Link: <hub>; rel="hub", <self>; rel="self"` for a feed when a hub is configured; else nothing. */
export function websubLinks(site: Site, kind: DocumentKind, path: string): [string, string][] {
	if (site.websubHub === undefined || !FEED_KINDS.has(kind)) return [];
	// Both are URLs checked with new URL(): they hold no `>` that could end the <...> reference.
	return [["Link", `<${site.websubHub}>; rel="hub", <${absoluteUrl(site, path)}>; rel="self"`]];
}
