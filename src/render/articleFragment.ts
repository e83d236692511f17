import { modified } from "../content/articleChanges";
import type { Article } from "../content/articleSchema";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { articleBodyHtml, sourceCreditHtml } from "./articleBody";
import { bylineHtml } from "./articleByline";
import { changeLogHtml } from "./changeLog";
import { html, type SafeHtml } from "./html";
import { leadImageHtml } from "./leadImage";
import { timeHtml } from "./publicationDateHtml";
import { textDirection } from "./textDirection";

interface FragmentOptions {
	/** The link to the article's page at the end (default); not in a preview, whose URL is not public yet. */
	readonly canonicalLink?: boolean;
	/** Load the lead image at once where the fragment is the page (default `lazy`: a partner's page). */
	readonly imageLoading?: "eager" | "lazy";
}

/**
 * The embeddable article: one inert `<article>` (no script, no style or event attributes, absolute
 * http(s) links only) that a partner site can insert as it is.
 */
export function articleFragment(
	site: Site,
	article: Article,
	options: FragmentOptions = {},
): SafeHtml {
	const canonical = absoluteUrl(site, sitePaths.article(article.slug));
	const lastModified = modified(article);
	const updated =
		lastModified === undefined
			? undefined
			: html` · bijgewerkt ${timeHtml(lastModified, "ew-updated", site.timeZone)}`;
	// dir as well as lang: a partner page of either direction must lay the article out its own way.
	return html`<article class="ew-article" lang="${article.language}" dir="${textDirection(article.language)}">
<header class="ew-header">
<h1 class="ew-headline">${article.headline}</h1>
${bylineHtml(site, article)}<p class="ew-meta">${timeHtml(article.published, "ew-date", site.timeZone)}${updated} · ${sourceCreditHtml(article)}</p>
</header>
${article.image === undefined ? "" : html`${leadImageHtml(article.image, options.imageLoading ?? "lazy")}\n`}${articleBodyHtml(article)}${changeLogHtml(site, article)}<footer class="ew-footer"><p>${sourceCreditHtml(article)}${options.canonicalLink === false ? "" : html` · <a class="ew-canonical" href="${canonical}">Lees dit artikel op ${site.title}</a>`}</p></footer>
</article>`;
}
