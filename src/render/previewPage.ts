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
	const when = timeHtml(article.published, "ew-preview-date", site.timeZone);
	const status = isPublic
		? html`is openbaar sinds ${when}. Dit is de voorvertoning; lezers zien het artikel op de site.`
		: html`wordt openbaar op ${when}. Tot dan is het alleen hier te zien, voor redacteuren.`;
	return pageLayout(site, {
		title: pageTitle(`Voorvertoning: ${article.headline}`, site.title),
		description: article.summary,
		head: NOINDEX,
		// No link to the article's public URL: before its instant that URL answers 404.
		main: html`<div class="ew-preview-banner" role="status"><p><strong>Voorvertoning</strong>: dit artikel ${status}</p></div>
${articleFragment(site, article, { canonicalLink: false, imageLoading: "eager" })}`,
	});
}

/** The form an editor opens a preview with: the token goes in the body of a POST, not in a URL. */
export function previewForm(site: Site, options: { readonly refused?: boolean } = {}): SafeHtml {
	// The same words for a wrong key and an unknown slug: which of the two was wrong is not said.
	const refused =
		options.refused === true
			? html`<p class="ew-form-problem" role="alert">Er is geen voorvertoning voor deze slug met deze sleutel.</p>\n`
			: "";
	return pageLayout(site, {
		title: `Voorvertoning - ${site.title}`,
		description: "Open een gepland artikel voordat het openbaar is.",
		head: NOINDEX,
		main: html`<h1 class="page-title">Voorvertoning</h1>
${refused}<form class="ew-preview-form" method="post" action="${sitePaths.preview}">
<p><label for="ew-preview-token">Voorvertoningssleutel</label><br><input id="ew-preview-token" name="token" type="password" autocomplete="current-password" required></p>
<p><label for="ew-preview-slug">Slug van het artikel</label><br><input id="ew-preview-slug" name="slug" type="text" pattern="[a-z0-9]+(-[a-z0-9]+)*" required></p>
<p><button type="submit">Open voorvertoning</button></p>
</form>`,
	});
}
