/**
 * The oEmbed provider's answers for one article: the standard size prepared once per isolate and
 * content version, any other size rendered on demand (http/sizedVariant.ts).
 */
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

export interface PreparedOEmbed {
	readonly subject: OEmbedSubject;
	/** The answer at EMBED_SIZE: body, strong ETag, Last-Modified and headers. */
	readonly standard: PreparedResponse;
}

/** Same policy as every document (responsePolicy.ts): CORS, caching, nosniff, inert CSP. */
export function prepareOEmbed(site: Site, article: Article, lastModified: number): PreparedOEmbed {
	const subject = oembedSubject(site, article);
	const standard = prepareResponse(renderOEmbed(subject, EMBED_SIZE), {
		contentType: MEDIA_TYPES.oembed,
		cacheControl: cacheControl("oembed"),
		common: [...BASE_HEADERS, ...CORS_HEADERS],
		extra: securityHeaders(site, "oembed"),
		lastModified: new Date(lastModified),
	});
	return { subject, standard };
}
