import type { Article } from "../content/articleSchema";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { sourceCreditHtml } from "./articleBody";
import { html, type SafeHtml } from "./html";
import { pageLayout } from "./pageLayout";
import { timeHtml } from "./publicationDateHtml";
import { textDirection } from "./textDirection";

/** Which page of the newest articles this is: 1 is `/`, the newest. */
export interface Pagination {
	readonly page: number;
	readonly pages: number;
}

/** The page's neighbours: `prev` is newer (towards `/`), `next` older (HTML rel="prev"/"next"). */
function neighbours(site: Site, { page, pages }: Pagination) {
	return {
		prev: page > 1 ? absoluteUrl(site, sitePaths.homePage(page - 1)) : undefined,
		next: page < pages ? absoluteUrl(site, sitePaths.homePage(page + 1)) : undefined,
	};
}

/** A page of the newest articles, newest first: `/` is page 1, older ones are `/page/2`, .... */
export function indexPage(
	site: Site,
	articles: readonly Article[],
	pagination: Pagination = { page: 1, pages: 1 },
): SafeHtml {
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
	const { prev, next } = neighbours(site, pagination);
	const { page, pages } = pagination;
	const nav =
		pages > 1
			? html`<nav class="ew-pagination" aria-label="Paginering">${prev === undefined ? "" : html`<a rel="prev" href="${prev}">Nieuwer</a> `}<span class="ew-page">Pagina ${page} van ${pages}</span>${next === undefined ? "" : html` <a rel="next" href="${next}">Ouder</a>`}</nav>\n`
			: "";
	const list =
		articles.length === 0
			? html`<p class="ew-empty">Nog geen artikelen.</p>`
			: html`<ol class="ew-articles">\n${items}</ol>`;
	return pageLayout(site, {
		title: page === 1 ? site.title : `${site.title} - pagina ${page}`,
		description: site.description,
		canonical: absoluteUrl(site, sitePaths.homePage(page)),
		head: html`${prev === undefined ? "" : html`<link rel="prev" href="${prev}">\n`}${next === undefined ? "" : html`<link rel="next" href="${next}">\n`}`,
		main: html`<h1 class="site-title">${site.title}</h1>
<p class="site-description">${site.description}</p>
${list}
${nav}`,
	});
}
