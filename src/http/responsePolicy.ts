/**
 * The headers each kind of document is served with: media type, caching, CORS and security.
 * Decided per kind (and, for a page's CSP, per the image origins it shows); prepareDocument.ts
 * applies them once per isolate and content version.
 */

import { EMBED_SANDBOX } from "../render/oembed";
import { stylesheetUrl } from "../render/stylesheetUrl";
import type { DocumentKind } from "../site/documentKind";
import { CONTENT_MAX_AGE } from "../site/freshness";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";

export const MEDIA_TYPES: Record<DocumentKind, string> = {
	rss: "application/rss+xml; charset=utf-8",
	atom: "application/atom+xml; charset=utf-8",
	jsonFeed: "application/feed+json; charset=utf-8",
	page: "text/html; charset=utf-8",
	fragment: "text/html; charset=utf-8",
	embed: "text/html; charset=utf-8",
	// oEmbed §2.3.4 names application/json.
	oembed: "application/json; charset=utf-8",
	// sitemaps.org: UTF-8 XML; robots.txt is text/plain (RFC 9309 §2.3).
	sitemap: "application/xml; charset=utf-8",
	robots: "text/plain; charset=utf-8",
	stylesheet: "text/css; charset=utf-8",
	stylesheetAlias: "text/css; charset=utf-8",
	searchPage: "text/html; charset=utf-8",
	searchJson: "application/json; charset=utf-8",
	// OpenSearch 1.1, "OpenSearch description document": its own media type.
	openSearch: "application/opensearchdescription+xml; charset=utf-8",
};

/**
 * Feeds, pages, fragments, archives and oEmbed: reused for 45 s, then revalidated (a 304 is nearly
 * free). No stale-while-revalidate: it would let a cache serve a withdrawn article past the bound.
 * stale-if-error keeps the site readable for a day if the Worker fails (RFC 5861 §4).
 */
export const CONTENT_CACHE_CONTROL = `public, max-age=${CONTENT_MAX_AGE}, stale-if-error=86400`;
/**
 * The stylesheet's URL names its bytes (render/stylesheetUrl.ts): a year, never revalidated
 * (RFC 8246 `immutable`). A new stylesheet is a new URL.
 */
export const STYLESHEET_CACHE_CONTROL = "public, max-age=31536000, immutable";
/** Errors (404, 410...) are kept no longer than content, so a new article's URL works in time. */
export const ERROR_CACHE_CONTROL = `public, max-age=${CONTENT_MAX_AGE}`;

export const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

/** Feeds and fragments are meant to be fetched by other origins' scripts (never with credentials). */
export const CORS_HEADERS: readonly [string, string][] = [
	["Access-Control-Allow-Origin", "*"],
	["Access-Control-Expose-Headers", "ETag, Last-Modified"],
];

/** Answer to a CORS preflight (Fetch standard, CORS protocol). */
export const PREFLIGHT_HEADERS: readonly [string, string][] = [
	...CORS_HEADERS,
	["Access-Control-Allow-Methods", ALLOWED_METHODS],
	[
		"Access-Control-Allow-Headers",
		"If-None-Match, If-Modified-Since, If-Match, If-Unmodified-Since",
	],
	["Access-Control-Max-Age", "86400"],
];

export const BASE_HEADERS: readonly [string, string][] = [
	["X-Content-Type-Options", "nosniff"],
	// Cloudflare compresses per Accept-Encoding; caches must keep the variants apart.
	["Vary", "Accept-Encoding"],
];

/** Documents that need no scripts at all: nothing runs even if markup were ever injected. */
const INERT_CSP = "default-src 'none'; sandbox";

export function isCorsEnabled(kind: DocumentKind): boolean {
	return (
		kind === "rss" ||
		kind === "atom" ||
		kind === "jsonFeed" ||
		kind === "fragment" ||
		kind === "oembed" ||
		kind === "searchJson"
	);
}

/** CSP `style-src` of every page: the site's stylesheet by its exact, hash-named URL, nothing else. */
export function styleSource(site: Site): string {
	return `style-src ${stylesheetUrl(site)}`;
}

/**
 * CSP `img-src` for a document people view: the icon files its `<link rel="icon">` loads (Firefox
 * applies img-src to them), by exact URL as the stylesheet, and the origins of the images it shows.
 */
export function imageSources(site: Site, imageOrigins: readonly string[] = []): string {
	const icons = [sitePaths.favicon, sitePaths.iconSvg].map((path) => absoluteUrl(site, path));
	return ["img-src", ...icons, ...imageOrigins].join(" ");
}

/**
 * CSP for a page people view (articles, listings, search, error pages, previews): no script; the
 * site's stylesheet, its icon and the origins in `imageOrigins` (those of the images it shows);
 * never framed; and one form target, the search (the header's form: pageLayout.ts), plus
 * `formTargets` when the page has a form of its own. The exact URL rather than 'self': the form
 * posts to the site's public origin, which is not always the origin a page was fetched from.
 */
export function pagePolicy(
	site: Site,
	imageOrigins: readonly string[] = [],
	formTargets: readonly string[] = [],
): string {
	const forms = [...formTargets, absoluteUrl(site, sitePaths.search)].join(" ");
	return `default-src 'none'; ${styleSource(site)}; ${imageSources(site, imageOrigins)}; base-uri 'none'; form-action ${forms}; frame-ancestors 'none'`;
}

/** Search answers are found by searching, never by a search engine (noindex): docs/search.md. */
const NOINDEX: [string, string] = ["X-Robots-Tag", "noindex"];

/**
 * Security headers by kind. Pages use no script, so their CSP allows only the site's stylesheet,
 * its icon and the origins in `imageOrigins` (those of the images the document shows).
 */
export function securityHeaders(
	site: Site,
	kind: DocumentKind,
	imageOrigins: readonly string[] = [],
): [string, string][] {
	switch (kind) {
		case "page":
			return [
				["Content-Security-Policy", pagePolicy(site, imageOrigins)],
				["Referrer-Policy", "strict-origin-when-cross-origin"],
				["X-Frame-Options", "DENY"],
			];
		case "searchPage":
			// A query may be personal: the results page sends no Referer with it to other sites.
			return [
				["Content-Security-Policy", pagePolicy(site)],
				["Referrer-Policy", "same-origin"],
				["X-Frame-Options", "DENY"],
				NOINDEX,
			];
		case "searchJson":
			return [
				["Content-Security-Policy", INERT_CSP],
				["Cross-Origin-Resource-Policy", "cross-origin"],
				NOINDEX,
			];
		case "fragment":
			// Other origins may fetch it (CORS) and load it (CORP); it stays inert wherever it is opened.
			return [
				["Content-Security-Policy", INERT_CSP],
				["Cross-Origin-Resource-Policy", "cross-origin"],
				["Referrer-Policy", "strict-origin-when-cross-origin"],
			];
		case "embed":
			// Framed by any site (no frame-ancestors, no X-Frame-Options). No script; even opened
			// outside the oEmbed iframe it keeps that iframe's sandbox.
			return [
				[
					"Content-Security-Policy",
					`default-src 'none'; ${styleSource(site)}; ${imageSources(site, imageOrigins)}; base-uri 'none'; form-action 'none'; sandbox ${EMBED_SANDBOX}`,
				],
				["Cross-Origin-Resource-Policy", "cross-origin"],
				["Referrer-Policy", "strict-origin-when-cross-origin"],
			];
		case "rss":
		case "atom":
		case "jsonFeed":
		case "oembed":
			return [
				["Content-Security-Policy", INERT_CSP],
				["Cross-Origin-Resource-Policy", "cross-origin"],
			];
		case "sitemap":
		case "robots":
		case "openSearch":
			return [["Content-Security-Policy", INERT_CSP]];
		case "stylesheet":
		case "stylesheetAlias":
			return [];
	}
}

export function cacheControl(kind: DocumentKind): string {
	if (kind === "stylesheet") return STYLESHEET_CACHE_CONTROL;
	// Everything else; the stylesheet at an alias URL too: its bytes are not the ones its URL
	// names, so it is kept no longer than a page that may link that URL.
	return CONTENT_CACHE_CONTROL;
}
