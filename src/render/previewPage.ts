import type { Article } from "../content/articleSchema";
import type { Site } from "../site/siteSchema";
import { sitePaths } from "../site/siteUrls";
import { articleFragment } from "./articleFragment";
import { html, type SafeHtml } from "./html";
import { pageLayout } from "./pageLayout";
import { pageTitle } from "./pageTitle";
import { timeHtml } from "./publicationDateHtml";

const NOINDEX = html`<meta name="robots" content="noindex, nofollow">\n`;

/**
 * An editor's preview of an article before (or after) its instant: the article as it will be
 * shown, under a banner that says whether and when it goes public. Never indexed, never canonical.
 */
export function previewPage(site: Site, article: Article, isPublic: boolean): SafeHtml {
	const status = isPublic
		? html`is openbaar sinds ${timeHtml(article.published, "ew-preview-date", site.timeZone)}`
		: html`wordt openbaar op ${timeHtml(article.published, "ew-preview-date", site.timeZone)}`;
	return pageLayout(site, {
		title: pageTitle(`Voorvertoning: ${article.headline}`, site.title),
		description: article.summary,
		head: NOINDEX,
		main: html`<p class="ew-preview-banner" role="status">Voorvertoning: dit artikel ${status}.</p>
${articleFragment(site, article)}`,
	});
}

/** The form an editor opens a preview with: the token goes in the body of a POST, not in a URL. */
export function previewForm(site: Site): SafeHtml {
	return pageLayout(site, {
		title: `Voorvertoning - ${site.title}`,
		description: "Open een gepland artikel voordat het openbaar is.",
		head: NOINDEX,
		main: html`<h1 class="site-title">Voorvertoning</h1>
<form class="ew-preview-form" method="post" action="${sitePaths.preview}">
<p><label for="ew-preview-token">Voorvertoningssleutel</label><br><input id="ew-preview-token" name="token" type="password" autocomplete="current-password" required></p>
<p><label for="ew-preview-slug">Slug van het artikel</label><br><input id="ew-preview-slug" name="slug" type="text" pattern="[a-z0-9]+(-[a-z0-9]+)*" required></p>
<p><button type="submit">Open voorvertoning</button></p>
</form>`,
	});
}
