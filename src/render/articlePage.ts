import type { Article } from "../content/articleSchema";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { articleFragment } from "./articleFragment";
import { html, type SafeHtml } from "./html";
import { pageLayout } from "./pageLayout";

/** The article's page for people: the embeddable fragment inside the site's document. */
export function articlePage(site: Site, article: Article, head?: SafeHtml): SafeHtml {
	return pageLayout(site, {
		title: `${article.headline} - ${site.title}`,
		description: article.summary,
		canonical: absoluteUrl(site, sitePaths.article(article.slug)),
		head: head ?? html``,
		main: articleFragment(site, article),
	});
}
