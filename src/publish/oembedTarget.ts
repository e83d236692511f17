/**
 * Which of our articles an oEmbed `url` names: an article page URL of this site's origin, read as
 * a request for it would be routed (site/articleUrl.ts). Consumers paste article URLs with a
 * trailing slash; the endpoint forgives one (README).
 */
import { articleSlugOf } from "../site/articleUrl";
import type { Site } from "../site/siteSchema";
import { sitePaths } from "../site/siteUrls";
import { documentRequest } from "./documentPaths";

/** The slug of the article `pageUrl` names, or undefined when it names none of ours. */
export function oembedTarget(site: Site, pageUrl: string): string | undefined {
	const slug =
		articleSlugOf(pageUrl, site.origin) ??
		articleSlugOf(pageUrl.replace(/\/(?=[?#]|$)/, ""), site.origin);
	if (slug === undefined) return undefined;
	const request = documentRequest(sitePaths.article(slug));
	return request?.type === "article" ? request.slug : undefined;
}
