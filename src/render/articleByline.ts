/**
 * The byline: "Door Anna de Vries en Piet Jansen", each name linking to the author's page. Shown
 * beside the source's credit, which stays wherever the article goes.
 */
import type { Article } from "../content/articleSchema";
import { dutchListSeparators } from "../content/dutchList";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { html, type SafeHtml } from "./html";

/** The article's byline paragraph, or nothing when it names no author. */
export function bylineHtml(site: Site, article: Article): SafeHtml {
	if (article.authors.length === 0) return html``;
	const names = article.authors.map(
		(author) =>
			html`<a class="ew-author" rel="author" href="${absoluteUrl(site, sitePaths.author(author.slug))}">${author.name}</a>`,
	);
	const separators = dutchListSeparators(names.length);
	return html`<p class="ew-byline">Door ${names.map((name, i) => html`${separators[i]}${name}`)}</p>\n`;
}
