/**
 * The headers of every preview answer: private (never kept by a shared cache or the edge, never
 * reused by a browser), never indexed, never framed, and no Referer leaking a preview URL.
 */
import type { Site } from "../site/siteSchema";
import { BASE_HEADERS, pagePolicy } from "./responsePolicy";

export const PREVIEW_CACHE_CONTROL = "private, no-store";

function previewHeaders(site: Site, form: boolean, imageOrigins: readonly string[]): Headers {
	return new Headers([
		["Content-Type", "text/html; charset=utf-8"],
		["Cache-Control", PREVIEW_CACHE_CONTROL],
		["X-Robots-Tag", "noindex, nofollow"],
		...BASE_HEADERS,
		// Every page's header has the search form (pageLayout.ts); the sign-in form posts here too.
		["Content-Security-Policy", pagePolicy(site, imageOrigins, form ? ["'self'"] : [])],
		["Referrer-Policy", "no-referrer"],
		["X-Frame-Options", "DENY"],
	]);
}

/**
 * A preview page (with the origins of the images it shows) or the sign-in form (the only page
 * whose form may post, to this site).
 */
export function previewAnswer(
	site: Site,
	body: string,
	request: Request,
	options: {
		readonly form?: boolean;
		readonly imageOrigins?: readonly string[];
		/** 200, or 404 for a sign-in that found no preview. */
		readonly status?: 200 | 404;
	} = {},
): Response {
	const headers = previewHeaders(site, options.form === true, options.imageOrigins ?? []);
	return new Response(request.method === "HEAD" ? null : body, {
		status: options.status ?? 200,
		headers,
	});
}

/** After a good sign-in: the cookie, and on to the article's preview (RFC 9110 §15.4.4, 303). */
export function previewSignedIn(location: string, cookie: string): Response {
	return new Response(null, {
		status: 303,
		headers: {
			Location: location,
			"Set-Cookie": cookie,
			"Cache-Control": PREVIEW_CACHE_CONTROL,
			"Referrer-Policy": "no-referrer",
		},
	});
}
