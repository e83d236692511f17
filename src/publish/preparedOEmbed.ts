import { lastChanged } from "../content/articleChanges";
import type { Article } from "../content/articleSchema";
import { type PreparedResponse, prepareResponse } from "../http/preparedResponse";
import {
	BASE_HEADERS,
	CORS_HEADERS,
	cacheControl,
	MEDIA_TYPES,
	securityHeaders,
} from "../http/responsePolicy";
import { EMBED_SIZE, type OEmbedSubject, oembedSubject, renderOEmbed } from "../render/oembed";
import { articleSlugOf } from "../site/articleUrl";
import type { Site } from "../site/siteSchema";
import { sitePaths } from "../site/siteUrls";
import { LazyMap } from "./lazyMap";

/** One article's oEmbed answers: the standard size prepared, any other size rendered on demand. */
export interface PreparedOEmbed {
	readonly subject: OEmbedSubject;
	/** The answer at EMBED_SIZE: body, strong ETag, Last-Modified and headers, once per isolate. */
	readonly standard: PreparedResponse;
}

/** The oEmbed provider's side of the prepared site: which URLs are ours, and their answers. */
export interface OEmbedProvider {
	/** The prepared answers for one of our article URLs, or undefined for any other URL. */
	forUrl(pageUrl: string): PreparedOEmbed | undefined;
}

/** Same policy as every document (responsePolicy.ts): CORS, caching, nosniff, inert CSP. */
function oembedHeaders(site: Site, lastModified: Date) {
	return {
		contentType: MEDIA_TYPES.oembed,
		cacheControl: cacheControl("oembed"),
		common: [...BASE_HEADERS, ...CORS_HEADERS],
		extra: securityHeaders(site, "oembed"),
		lastModified,
	};
}

/** Like the documents (preparedSite.ts), each article's answer is prepared on first request, then kept. */
export function prepareOEmbed(site: Site, articles: readonly Article[]): OEmbedProvider {
	const builders = new Map<string, () => PreparedOEmbed>();
	for (const article of articles) {
		builders.set(sitePaths.article(article.slug), () => {
			const subject = oembedSubject(site, article);
			const changed = lastChanged(article);
			const body = renderOEmbed(subject, EMBED_SIZE);
			return { subject, standard: prepareResponse(body, oembedHeaders(site, changed)) };
		});
	}
	const byPath = new LazyMap(builders);
	return {
		forUrl(pageUrl) {
			// Consumers paste article URLs with a trailing slash; the endpoint forgives one (README).
			const slug =
				articleSlugOf(pageUrl, site.origin) ??
				articleSlugOf(pageUrl.replace(/\/(?=[?#]|$)/, ""), site.origin);
			return slug === undefined ? undefined : byPath.get(sitePaths.article(slug));
		},
	};
}
