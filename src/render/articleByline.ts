/**
 * The byline: "Door Anna de Vries en Piet Jansen", each name linking to the author's page. Shown
 * beside the source's credit, which stays wherever the article goes.
 */
import type { Article } from "../content/articleSchema";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { html, type SafeHtml } from "./html";

/** `a`, `a en b`, `a, b en c`: a Dutch list. */
function dutchList(items: readonly SafeHtml[]): SafeHtml {
	return html`${items.map((item, i) =>
		i === 0 ? item : html`${i === items.length - 1 ? " en " : ", "}${item}`,
	)}`;
}

/** The article's byline paragraph, or nothing when it names no author. */
export function bylineHtml(site: Site, article: Article): SafeHtml {
	if (article.authors.length === 0) return html``;
	const names = article.authors.map(
		(author) =>
			html`<a class="ew-author" rel="author" href="${absoluteUrl(site, sitePaths.author(author.slug))}">${author.name}</a>`,
	);
	return html`<p class="ew-byline">Door ${dutchList(names)}</p>\n`;
}
