import { MAX_QUERY_LENGTH } from "../content/searchQuery";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { feedAutodiscovery } from "./feedAutodiscovery";
import { siteChannel } from "./feedChannel";
import { html, type SafeHtml } from "./html";
import { OPENSEARCH_MEDIA_TYPE, openSearchShortName } from "./openSearch";
import { siteIconLinks } from "./siteIconLinks";
import { stylesheetUrl } from "./stylesheetUrl";
import { textDirection } from "./textDirection";

interface PageOptions {
	readonly title: string;
	readonly description: string;
	/** Absolute canonical URL; omitted on error pages. */
	readonly canonical?: string;
	/** Extra `<head>` elements (structured data, oEmbed discovery...). */
	readonly head?: SafeHtml;
	readonly main: SafeHtml;
	/** What the header's search box holds: the query, on a page of search results. */
	readonly searchText?: string;
}

/**
 * The search form every page's header carries: a GET to /search, so results have a URL (the page
 * CSP's form-action allows exactly that target: http/responsePolicy.ts).
 */
function searchForm(site: Site, text: string | undefined): SafeHtml {
	return html`<form class="site-search" role="search" method="get" action="${absoluteUrl(site, sitePaths.search)}"><label for="ew-search-q">Zoeken</label> <input id="ew-search-q" name="q" type="search" placeholder="Zoek in alle artikelen" maxlength="${MAX_QUERY_LENGTH}"${text === undefined ? "" : html` value="${text}"`}> <button type="submit">Zoek</button></form>`;
}

/**
 * A complete HTML document in the site's look, with feed autodiscovery, the icon and the site's
 * search (OpenSearch discovery and the header's form) on every page.
 */
export function pageLayout(site: Site, page: PageOptions): SafeHtml {
	return html`<!DOCTYPE html>
<html lang="${site.language}" dir="${textDirection(site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
${page.canonical === undefined ? "" : html`<link rel="canonical" href="${page.canonical}">\n`}${feedAutodiscovery(siteChannel(site))}<link rel="stylesheet" href="${stylesheetUrl(site)}">
${siteIconLinks(site)}<link rel="search" type="${OPENSEARCH_MEDIA_TYPE}" title="${openSearchShortName(site)}" href="${absoluteUrl(site, sitePaths.openSearch)}">
${page.head}</head>
<body>
<header class="site-header"><a class="site-name" href="${absoluteUrl(site, sitePaths.home)}">${site.title}</a>
${searchForm(site, page.searchText)}</header>
<main>
${page.main}
</main>
<footer class="site-footer"><p>Volg ${site.title} via <a href="${absoluteUrl(site, sitePaths.rss)}">RSS</a>, <a href="${absoluteUrl(site, sitePaths.atom)}">Atom</a> of <a href="${absoluteUrl(site, sitePaths.jsonFeed)}">JSON Feed</a>, of kies een onderwerp of auteur op de <a href="${absoluteUrl(site, sitePaths.feeds)}">pagina met alle feeds</a>.</p></footer>
</body>
</html>
`;
}
