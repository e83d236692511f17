/**
 * The search page for people (`/search?q=`): the results with headline, date, sections and a
 * snippet, matched words in `<mark>`, 20 to a page with rel="prev"/"next", and links to narrow
 * the search to one section. Never indexed (the meta here, X-Robots-Tag in the headers), never in
 * a sitemap. Every text, the query included, goes through `html`, which escapes.
 */
import { tagSlug } from "../content/tagSlug";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, searchPath, sitePaths } from "../site/siteUrls";
import { html, type SafeHtml } from "./html";
import { pageLayout } from "./pageLayout";
import { pageTitle } from "./pageTitle";
import { paginationNav } from "./paginationNav";
import { timeHtml } from "./publicationDateHtml";
import { resultsPagePath, type SearchResults, sectionName } from "./searchResults";
import { markedText, type SnippetPart, searchSnippet } from "./searchSnippet";
import { textDirection } from "./textDirection";

const NOINDEX = html`<meta name="robots" content="noindex">\n`;

/** Dutch thousands: 2.000. */
const number = (count: number) => count.toLocaleString("nl-NL");

function marked(parts: readonly SnippetPart[]): SafeHtml {
	return html`${parts.map((part) => (part.match ? html`<mark>${part.text}</mark>` : part.text))}`;
}

/** What a person can type, for the page without a query. */
const HELP = html`<p class="ew-search-help">Zoek in alle artikelen. Zet woorden tussen aanhalingstekens voor een woordgroep (<kbd>"het kabinet"</kbd>) en een sterretje achter het begin van een woord voor alle woorden die zo beginnen, in de nieuwste artikelen (<kbd>kabinet*</kbd>). Hoofdletters en accenten tellen niet: <kbd>België</kbd> vindt ook <kbd>belgie</kbd>.</p>`;

/** The page for `results`; with no query, the search form's own page. */
export function searchPage(site: Site, results: SearchResults): SafeHtml {
	const at = (page: number) => absoluteUrl(site, resultsPagePath(results, "page", page));
	const prev = results.page > 1 ? at(results.page - 1) : undefined;
	const next = results.page < results.pages ? at(results.page + 1) : undefined;
	const title =
		results.text === ""
			? `Zoeken - ${site.title}`
			: pageTitle(
					`Zoeken: ${results.text}${results.page > 1 ? ` - pagina ${results.page}` : ""}`,
					site.title,
				);
	return pageLayout(site, {
		title,
		description: `Zoek in de artikelen van ${site.title}.`,
		searchText: results.text,
		head: html`${NOINDEX}${prev === undefined ? "" : html`<link rel="prev" href="${prev}">\n`}${next === undefined ? "" : html`<link rel="next" href="${next}">\n`}`,
		main: html`<h1 class="page-title">Zoeken</h1>
${results.text === "" ? HELP : resultsHtml(site, results, prev, next)}`,
	});
}

/**
 * Why only the newest articles were searched, and what reaches further back: a whole word instead
 * of a prefix, or a rarer word beside common ones (store/articleSearch.ts, searchScope).
 */
function newestOnly(results: SearchResults, newest: number): string {
	const count = number(newest);
	return results.query.phrases.some((phrase) => phrase.prefix)
		? `Een woord met een sterretje doorzoekt alleen de nieuwste ${count} artikelen. Typ het hele woord om verder terug te zoeken.`
		: `Deze woorden staan in zoveel artikelen dat alleen de nieuwste ${count} zijn doorzocht. Voeg een zeldzamer woord toe om verder terug te zoeken.`;
}

function resultsHtml(
	site: Site,
	results: SearchResults,
	prev: string | undefined,
	next: string | undefined,
): SafeHtml {
	const section =
		results.section === undefined
			? ""
			: html` in <a href="${absoluteUrl(site, sitePaths.tag(results.section))}">${sectionName(results, results.section)}</a>`;
	const found =
		results.total === 0
			? html`Geen artikelen gevonden voor <q>${results.text}</q>${section}.`
			: html`${number(results.total)} ${results.total === 1 ? "artikel" : "artikelen"} gevonden voor <q>${results.text}</q>${section}.`;
	const newest =
		results.newest === undefined
			? ""
			: html`<p class="ew-search-note">${newestOnly(results, results.newest)}</p>\n`;
	const first = (results.page - 1) * site.pageSize + 1;
	const items = results.articles.map(
		(
			article,
		) => html`<li class="ew-search-result" lang="${article.language}" dir="${textDirection(article.language)}">
<h2><a href="${absoluteUrl(site, sitePaths.article(article.slug))}">${marked(markedText(article.headline, results.query))}</a></h2>
<p class="ew-meta">${timeHtml(article.published, "ew-date", site.timeZone)}${article.tags.map(
			(name) =>
				html` · <a class="ew-section-link" rel="tag" href="${absoluteUrl(site, sitePaths.tag(tagSlug(name)))}">${name}</a>`,
		)}</p>
<p class="ew-snippet">${marked(searchSnippet(article, results.query))}</p>
</li>
`,
	);
	const list =
		results.articles.length === 0
			? ""
			: html`<ol class="ew-search-results" start="${first}">\n${items}</ol>\n`;
	const nav = paginationNav(
		{ page: results.page, pages: results.pages, prev, next },
		{ prev: "Vorige", next: "Volgende" },
	);
	return html`<p class="ew-search-summary">${found}</p>
${newest}${list}${nav}${sectionChoice(site, results)}`;
}

/**
 * Narrowing and widening: with a section chosen, a link to search everywhere; otherwise a link to
 * search only in each section this page's results are in.
 */
function sectionChoice(site: Site, results: SearchResults): SafeHtml {
	const path = (section: string | undefined) =>
		absoluteUrl(site, searchPath("page", { text: results.text, section, page: 1 }));
	if (results.section !== undefined) {
		return html`<p class="ew-search-sections"><a href="${path(undefined)}">Zoek in alle onderwerpen</a></p>\n`;
	}
	const segments = new Map<string, string>();
	for (const article of results.articles) {
		for (const name of article.tags)
			if (!segments.has(tagSlug(name))) segments.set(tagSlug(name), name);
	}
	if (segments.size === 0) return html``;
	const links = [...segments].map(
		([segment, name], i) => html`${i > 0 ? " · " : ""}<a href="${path(segment)}">${name}</a>`,
	);
	return html`<p class="ew-search-sections">Alleen zoeken in: ${links}</p>\n`;
}
