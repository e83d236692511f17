import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { html, type SafeHtml } from "./html";
import { pageLayout } from "./pageLayout";

/**
 * A short error page with the way back to the front page. Its text is fixed per status (or, for a
 * withdrawn article, comes from the store): nothing from the request is echoed.
 */
export function errorPage(site: Site, heading: string, explanation: string): SafeHtml {
	return pageLayout(site, {
		title: `${heading} - ${site.title}`,
		description: explanation,
		main: html`<h1 class="page-title">${heading}</h1>
<p>${explanation}</p>
<p><a class="ew-home-link" href="${absoluteUrl(site, sitePaths.home)}">Naar de voorpagina, met alle artikelen</a></p>`,
	});
}
