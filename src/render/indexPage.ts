import type { Article } from "../content/articleSchema";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { sourceCreditHtml } from "./articleBody";
import { html, type SafeHtml } from "./html";
import { pageLayout } from "./pageLayout";
import { timeHtml } from "./publicationDateHtml";
import { textDirection } from "./textDirection";

/** The home page: every article, newest first (the order `loadArticles` gives). */
export function indexPage(site: Site, articles: readonly Article[]): SafeHtml {
	const items = articles.map(
		(
			article,
		) => html`<li class="ew-teaser" lang="${article.language}" dir="${textDirection(article.language)}">
<h2 class="ew-teaser-headline"><a href="${absoluteUrl(site, sitePaths.article(article.slug))}">${article.headline}</a></h2>
<p class="ew-meta">${timeHtml(article.published, "ew-date")} · ${sourceCreditHtml(article)}</p>
<p class="ew-summary">${article.summary}</p>
</li>
`,
	);
	return pageLayout(site, {
		title: site.title,
		description: site.description,
		canonical: absoluteUrl(site, sitePaths.home),
		main: html`<h1 class="site-title">${site.title}</h1>
<p class="site-description">${site.description}</p>
<ol class="ew-articles">
${items}</ol>`,
	});
}
