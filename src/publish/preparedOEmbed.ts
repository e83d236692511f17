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
			let url: URL;
			try {
				url = new URL(pageUrl);
			} catch {
				return undefined;
			}
			if (url.origin !== site.origin) return undefined;
			// Query and fragment do not change which article a URL names; nor does a trailing slash.
			const path = url.pathname.length > 1 ? url.pathname.replace(/\/$/, "") : url.pathname;
			return byPath.get(path);
		},
	};
}
