/**
 * Where the stylesheet is served: a URL that names its bytes, `/assets/edgewire.<hash>.css`, so
 * that it can be cached for a year and never revalidated (a new stylesheet is a new URL). Every
 * page links this URL and its CSP allows exactly it.
 */
import { createHash } from "node:crypto";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { stylesheet } from "./stylesheet";

let hash: string | undefined;

/**
 * The first 64 bits of the stylesheet's SHA-256, hex: computed once per isolate, on first use.
 * 64 bits: two stylesheets of one site will never share a name.
 */
export function stylesheetHash(): string {
	hash ??= createHash("sha256")
		.update(new TextEncoder().encode(stylesheet))
		.digest("hex")
		.slice(0, 16);
	return hash;
}

/** The stylesheet's absolute URL, as pages link it and their CSP `style-src` names it. */
export function stylesheetUrl(site: Site): string {
	return absoluteUrl(site, sitePaths.stylesheet(stylesheetHash()));
}
