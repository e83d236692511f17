import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { html, type SafeHtml } from "./html";

/**
 * The site's icon for browsers: the SVG mark where supported, else /favicon.ico. `sizes` on the
 * ICO keeps browsers that read both from preferring it over the SVG.
 */
export function siteIconLinks(site: Site): SafeHtml {
	return html`<link rel="icon" href="${absoluteUrl(site, sitePaths.favicon)}" sizes="32x32">
<link rel="icon" href="${absoluteUrl(site, sitePaths.iconSvg)}" type="image/svg+xml">
`;
}
