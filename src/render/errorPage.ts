import type { Site } from "../site/siteSchema";
import { html, type SafeHtml } from "./html";
import { pageLayout } from "./pageLayout";

/** A short error page. Its text is fixed per status: nothing from the request is echoed. */
export function errorPage(site: Site, heading: string, explanation: string): SafeHtml {
	return pageLayout(site, {
		title: `${heading} - ${site.title}`,
		description: explanation,
		main: html`<h1 class="site-title">${heading}</h1>\n<p>${explanation}</p>`,
	});
}
