/**
 * Which of our articles an oEmbed `url` names: an article page URL of this site's origin, the
 * same path a browser would request (a trailing slash, query or #fragment names the same page).
 */
import type { Site } from "../site/siteSchema";
import { documentRequest } from "./documentPaths";

/** The slug of the article `pageUrl` names, or undefined when it names none of ours. */
export function oembedTarget(site: Site, pageUrl: string): string | undefined {
	let url: URL;
	try {
		url = new URL(pageUrl);
	} catch {
		return undefined;
	}
	if (url.origin !== site.origin) return undefined;
	const path = url.pathname.length > 1 ? url.pathname.replace(/\/$/, "") : url.pathname;
	const request = documentRequest(path);
	return request?.type === "article" && request.view === "page" ? request.slug : undefined;
}
