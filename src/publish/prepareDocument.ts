/**
 * A published document made ready to answer requests: body bytes, strong ETag, Last-Modified and
 * the header sets its kind is served with (http/responsePolicy.ts). Done once per isolate and
 * content version, never per request.
 */
import { type PreparedResponse, prepareResponse } from "../http/preparedResponse";
import {
	BASE_HEADERS,
	CORS_HEADERS,
	cacheControl,
	isCorsEnabled,
	MEDIA_TYPES,
	securityHeaders,
} from "../http/responsePolicy";
import { websubLinks } from "../http/websubLinks";
import type { Site } from "../site/siteSchema";
import type { PublishedDocument } from "./documentOutcome";

/**
 * Prepares `document`, served at `path`. Last-Modified is the later of the content's last change
 * and the deployment's time: a deploy may change the bytes of every document (RFC 9110 §8.8.2).
 */
export function prepareDocument(
	site: Site,
	path: string,
	document: PublishedDocument,
	deployedAt: number,
): PreparedResponse {
	const common = isCorsEnabled(document.kind) ? [...BASE_HEADERS, ...CORS_HEADERS] : BASE_HEADERS;
	return prepareResponse(document.body, {
		contentType: MEDIA_TYPES[document.kind],
		cacheControl: cacheControl(document.kind),
		// WebSub discovery rides on 200 and 304 alike (websubLinks.ts); archives are not subscribed to.
		common: document.archived ? common : [...common, ...websubLinks(site, document.kind, path)],
		extra: securityHeaders(site, document.kind, document.imageOrigins),
		...(document.lastModified !== undefined && {
			lastModified: new Date(Math.max(document.lastModified, deployedAt)),
		}),
	});
}
