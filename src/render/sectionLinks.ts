/**
 * An article's sections, where its page shows them: feed autodiscovery for each section's feeds
 * in the head, and a list of links to the section pages under the article.
 */
import type { Article } from "../content/articleSchema";
import { tagSlug } from "../content/tagSlug";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { feedAutodiscovery } from "./feedAutodiscovery";
import { sectionChannel } from "./feedChannel";
import { html, type SafeHtml } from "./html";

/** `<link rel="alternate">` for the RSS, Atom and JSON Feed of each of the article's sections. */
export function sectionFeedLinks(site: Site, article: Article): SafeHtml {
	return html`${article.tags.map((name) =>
		feedAutodiscovery(sectionChannel(site, { slug: tagSlug(name), name })),
	)}`;
}

/** "Onderwerpen: asiel · kabinet-Rutte IV", each linking to its section page. */
export function sectionList(site: Site, article: Article): SafeHtml {
	if (article.tags.length === 0) return html``;
	const links = article.tags.map(
		(name, i) =>
			html`${i > 0 ? " · " : ""}<a class="ew-section-link" rel="tag" href="${absoluteUrl(site, sitePaths.tag(tagSlug(name)))}">${name}</a>`,
	);
	return html`<nav class="ew-sections" aria-label="Onderwerpen"><p>Onderwerpen: ${links}</p></nav>\n`;
}
