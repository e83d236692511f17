import type { Article } from "../content/articleSchema";
import type { Collection } from "../content/collections";
import { dutchList } from "../content/dutchList";
import { handleUrl } from "../content/fediverseHandle";
import { tagSlug } from "../content/tagSlug";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { sourceCreditHtml } from "./articleBody";
import { feedAutodiscovery } from "./feedAutodiscovery";
import type { FeedChannel } from "./feedChannel";
import { html, type SafeHtml } from "./html";
import { teaserImageHtml } from "./leadImage";
import { pageLayout } from "./pageLayout";
import { paginationNav } from "./paginationNav";
import { timeHtml } from "./publicationDateHtml";
import { textDirection } from "./textDirection";

/** Which page of a listing this is: 1 is the listing's own URL, the newest articles. */
export interface Pagination {
	readonly page: number;
	readonly pages: number;
}

/** A paginated list of articles: the home page, or a section's page. */
interface Listing {
	/** The page's `<title>` (page 1). */
	readonly title: string;
	/** Its `<h1>`: what the list is (the site's name is in the header already). */
	readonly heading: string;
	/** What kind of list it is, above the heading ("Onderwerp"); none on the home page. */
	readonly kind?: string;
	readonly description: string;
	/** The path of page `n` (1 is the listing itself). */
	readonly pagePath: (page: number) => string;
	/** The listing's own feeds, for autodiscovery beside the site's. */
	readonly channel?: FeedChannel;
	/** Shown under the description (an author's links). */
	readonly intro?: SafeHtml;
	/** A section's own segment: its teasers name only the article's other sections. */
	readonly section?: string;
}

/** A page of the newest articles, newest first: `/` is page 1, older ones are `/page/2`, .... */
export function indexPage(
	site: Site,
	articles: readonly Article[],
	pagination: Pagination = { page: 1, pages: 1 },
): SafeHtml {
	const listing = {
		title: site.title,
		heading: "Laatste nieuws",
		description: site.description,
		pagePath: sitePaths.homePage,
	};
	return listingPage(site, listing, articles, pagination);
}

/**
 * A page of a collection, with its own feeds: a section by tag (`/tags/asiel`, `/tags/asiel/page/2`)
 * or an author's page (`/authors/anna-de-vries`), which also links the author's own page and
 * fediverse account, with `rel="me"` so that they can verify this page from their profile.
 */
export function collectionPage(
	site: Site,
	collection: Collection,
	channel: FeedChannel,
	articles: readonly Article[],
	pagination: Pagination,
): SafeHtml {
	const pagePath =
		collection.kind === "tag"
			? (page: number) => sitePaths.tagPage(collection.segment, page)
			: (page: number) => sitePaths.authorPage(collection.segment, page);
	const listing = {
		title: collection.name,
		heading: collection.name,
		kind: collection.kind === "tag" ? "Onderwerp" : "Auteur",
		description: channel.description,
		pagePath,
		channel,
		...(collection.kind === "author" && { intro: authorLinks(collection) }),
		...(collection.kind === "tag" && { section: collection.segment }),
	};
	return listingPage(site, listing, articles, pagination);
}

/** An author's own page and fediverse account, when their newest article names them. */
function authorLinks(author: Collection): SafeHtml {
	const links = [
		author.url === undefined
			? undefined
			: html`<a class="ew-author-url" rel="me" href="${author.url}">${author.url}</a>`,
		author.handle === undefined
			? undefined
			: html`<a class="ew-author-handle" rel="me" href="${handleUrl(author.handle)}">${author.handle}</a>`,
	].filter((link) => link !== undefined);
	if (links.length === 0) return html``;
	return html`<p class="ew-author-links">${links.map((link, i) => html`${i > 0 ? " · " : ""}${link}`)}</p>\n`;
}

/**
 * One article in a list: its headline (the link), when it was published, its sections (on a
 * section's page, the others: the page names its own), who wrote it and its source, its summary
 * (whole, so it stays verbatim; the stylesheet shows a few lines), and its lead image, small.
 */
function teaserHtml(site: Site, article: Article, section?: string): SafeHtml {
	const { image } = article;
	const others = article.tags.filter((name) => tagSlug(name) !== section);
	const sections = others.map(
		(name, i) =>
			html`${i > 0 ? ", " : ""}<a class="ew-section-link" rel="tag" href="${absoluteUrl(site, sitePaths.tag(tagSlug(name)))}">${name}</a>`,
	);
	const byline =
		article.authors.length === 0
			? ""
			: html`Door ${dutchList(article.authors.map((author) => author.name))} · `;
	return html`<li class="ew-teaser${image === undefined ? "" : " ew-teaser-illustrated"}" lang="${article.language}" dir="${textDirection(article.language)}">
<h2 class="ew-teaser-headline"><a href="${absoluteUrl(site, sitePaths.article(article.slug))}">${article.headline}</a></h2>
<p class="ew-meta">${timeHtml(article.published, "ew-date", site.timeZone)}${sections.length === 0 ? "" : html` · <span class="ew-teaser-sections">${sections}</span>`} · ${byline}${sourceCreditHtml(article)}</p>
<p class="ew-summary">${article.summary}</p>
${image === undefined ? "" : html`${teaserImageHtml(image)}\n`}</li>
`;
}

function listingPage(
	site: Site,
	listing: Listing,
	articles: readonly Article[],
	{ page, pages }: Pagination,
): SafeHtml {
	const items = articles.map((article) => teaserHtml(site, article, listing.section));
	// rel="prev" is newer (towards page 1), rel="next" older.
	const prev = page > 1 ? absoluteUrl(site, listing.pagePath(page - 1)) : undefined;
	const next = page < pages ? absoluteUrl(site, listing.pagePath(page + 1)) : undefined;
	const nav = paginationNav({ page, pages, prev, next }, { prev: "Nieuwer", next: "Ouder" });
	const list =
		articles.length === 0
			? html`<p class="ew-empty">Nog geen artikelen.</p>`
			: // The newest first, on a list's first page, shown as its lead story.
				html`<ol class="ew-articles${page === 1 ? " ew-latest" : ""}">\n${items}</ol>`;
	const feeds = listing.channel === undefined ? "" : feedAutodiscovery(listing.channel);
	const kind = listing.kind === undefined ? "" : html`<p class="ew-kicker">${listing.kind}</p>\n`;
	const pageNumber = page === 1 ? "" : html`<span class="ew-heading-page">, pagina ${page}</span>`;
	return pageLayout(site, {
		title: page === 1 ? listing.title : `${listing.title} - pagina ${page}`,
		description: listing.description,
		canonical: absoluteUrl(site, listing.pagePath(page)),
		head: html`${feeds}${prev === undefined ? "" : html`<link rel="prev" href="${prev}">\n`}${next === undefined ? "" : html`<link rel="next" href="${next}">\n`}`,
		main: html`${kind}<h1 class="page-title">${listing.heading}${pageNumber}</h1>
<p class="page-description">${listing.description}</p>
${listing.intro}${list}
${nav}`,
	});
}
