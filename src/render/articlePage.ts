import type { Article } from "../content/articleSchema";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, oembedUrl, sitePaths } from "../site/siteUrls";
import { articleFragment } from "./articleFragment";
import { html, type SafeHtml } from "./html";
import { jsonLdScript, newsArticle } from "./newsArticleJsonLd";
import { openGraphMeta } from "./openGraph";
import { pageLayout } from "./pageLayout";
import { pageTitle } from "./pageTitle";
import { sectionFeedLinks, sectionList } from "./sectionLinks";

/** What lets other sites find, preview and embed the article: oEmbed discovery, Open Graph, JSON-LD. */
function syndicationHead(site: Site, article: Article): SafeHtml {
	const page = absoluteUrl(site, sitePaths.article(article.slug));
	// Mastodon's link previews credit the author whose account the page names (fediverse:creator).
	const creators = article.authors.map((author) =>
		author.handle === undefined
			? ""
			: html`<meta name="fediverse:creator" content="${author.handle}">\n`,
	);
	return html`<link rel="alternate" type="application/json+oembed" title="${article.headline}" href="${oembedUrl(site, page)}">
${openGraphMeta(site, article)}${creators}${jsonLdScript(newsArticle(site, article))}`;
}

/** The article's page for people: the embeddable fragment inside the site's document. */
export function articlePage(site: Site, article: Article, head?: SafeHtml): SafeHtml {
	return pageLayout(site, {
		title: pageTitle(article.headline, site.title),
		description: article.summary,
		canonical: absoluteUrl(site, sitePaths.article(article.slug)),
		head: html`${syndicationHead(site, article)}${sectionFeedLinks(site, article)}${head}`,
		main: html`${articleFragment(site, article, { imageLoading: "eager" })}
${sectionList(site, article)}`,
	});
}
