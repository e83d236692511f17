import type { Article } from "../content/articleSchema";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { articleFragment } from "./articleFragment";
import { html, type SafeHtml } from "./html";
import { pageTitle } from "./pageTitle";
import { siteIconLinks } from "./siteIconLinks";
import { stylesheetUrl } from "./stylesheetUrl";
import { textDirection } from "./textDirection";

/**
 * The embed view: the fragment as a complete, minimal document for an `<iframe>` on any site
 * (what the oEmbed `html` loads). No site chrome and no script; links open in a new browsing
 * context, because inside a frame they would replace only the frame. The article is the document's
 * main content (`<main>`: a landmark, so assistive technology can jump to it), and its image the
 * first thing the frame shows (eager).
 */
export function articleEmbed(site: Site, article: Article): SafeHtml {
	return html`<!DOCTYPE html>
<html lang="${site.language}" dir="${textDirection(site.language)}">
<head>
<meta charset="utf-8">
<base target="_blank">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTitle(article.headline, site.title)}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${absoluteUrl(site, sitePaths.article(article.slug))}">
<link rel="stylesheet" href="${stylesheetUrl(site)}">
${siteIconLinks(site)}</head>
<body class="ew-embed">
<main>
${articleFragment(site, article, { imageLoading: "eager" })}
</main>
</body>
</html>
`;
}
