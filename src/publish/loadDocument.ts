/**
 * A document's body and dates, read from the store and rendered: the one place where queries
 * (src/store/) meet renderers (src/render/). Pure given the store's answers: the same rows give
 * the same bytes.
 */
import type { Article } from "../content/articleSchema";
import { articleEmbed } from "../render/articleEmbed";
import { articleFragment } from "../render/articleFragment";
import { articlePage } from "../render/articlePage";
import { feedsPage } from "../render/feedsPage";
import { indexPage } from "../render/indexPage";
import { imageOrigins, teaserImageOrigins } from "../render/leadImage";
import { renderOpenSearch } from "../render/openSearch";
import { stylesheet } from "../render/stylesheet";
import type { Site } from "../site/siteSchema";
import { publicArticle } from "../store/articleLookup";
import { articlesOf } from "../store/articleRows";
import { publicCollections } from "../store/collectionListings";
import { articlesByPosition, newestArticles } from "../store/listings";
import { loadCollectionFeed, loadCollectionPage } from "./collectionDocuments";
import type { DocumentOutcome, DocumentSource, PublishedDocument } from "./documentOutcome";
import type { DocumentRequest } from "./documentPaths";
import { archiveHistory, archivePageCount, currentFeedHistory } from "./feedArchives";
import { feedBody, listing, pageCount } from "./listingDocuments";
import {
	loadAuthorsSitemap,
	loadNewsSitemap,
	loadRobots,
	loadSitemap,
	loadSitemapPart,
} from "./sitemapDocuments";

const NOT_FOUND = { status: 404 } as const;
/** Sections and authors the feeds page lists, each: far more than a newsroom has. */
const FEEDS_PAGE_MAX = 5_000;

/** Loads and renders the document `request` names, or says it is not (404) or no longer (410) there. */
export async function loadDocument(
	source: DocumentSource,
	request: DocumentRequest,
): Promise<DocumentOutcome> {
	const { site, db, state } = source;
	switch (request.type) {
		case "stylesheet": {
			// Any other hash is another deploy's (a page cached before it, or an isolate still running
			// the other version): the current bytes beat an unstyled page, but never as immutable.
			const kind = request.current ? "stylesheet" : "stylesheetAlias";
			return { status: 200, document: { kind, body: stylesheet } };
		}
		case "openSearch":
			// Depends on the settings alone: dated like the rest of the site's documents.
			return listing("openSearch", renderOpenSearch(site), state);
		case "robots":
			return loadRobots(source);
		case "sitemap":
			return loadSitemap(source);
		case "sitemapPart":
			return loadSitemapPart(source, request.part);
		case "newsSitemap":
			return loadNewsSitemap(source);
		case "authorsSitemap":
			return loadAuthorsSitemap(source);
		case "feedsPage": {
			const [sections, authors] = await Promise.all([
				publicCollections(db, "tag", source.now, FEEDS_PAGE_MAX),
				publicCollections(db, "author", source.now, FEEDS_PAGE_MAX),
			]);
			return listing("page", feedsPage(site, sections, authors).toString(), state);
		}
		case "collection":
			return loadCollectionPage(source, request, request.page);
		case "collectionFeed":
			return loadCollectionFeed(source, request, request.format);
		case "article":
			return loadArticleView(source, request.slug, request.view);
		case "feed": {
			const newest = await newestArticles(db, state.publicCount, site.feedSize);
			const pages = archivePageCount(state.publicCount, site.archivePageSize);
			const history =
				request.format === "jsonFeed" ? {} : currentFeedHistory(site, request.format, pages);
			return listing(
				request.format,
				feedBody(site, request.format, articlesOf(newest), history),
				state,
			);
		}
		case "archive": {
			const pages = archivePageCount(state.publicCount, site.archivePageSize);
			if (request.page > pages) return NOT_FOUND;
			const first = (request.page - 1) * site.archivePageSize + 1;
			const stored = await articlesByPosition(db, first, first + site.archivePageSize - 1);
			const history = archiveHistory(site, request.format, request.page, pages);
			const body = feedBody(site, request.format, articlesOf(stored), history);
			const lastModified = state.publicChangedAt;
			return {
				status: 200,
				document: { kind: request.format, body, lastModified, archived: true },
			};
		}
		case "home": {
			const pages = pageCount(state.publicCount, site.pageSize);
			if (request.page > pages) return NOT_FOUND;
			const skip = (request.page - 1) * site.pageSize;
			const articles = articlesOf(await newestArticles(db, state.publicCount, site.pageSize, skip));
			const body = indexPage(site, articles, { page: request.page, pages });
			return listing("page", body.toString(), state, teaserImageOrigins(articles));
		}
	}
}

async function loadArticleView(
	source: DocumentSource,
	slug: string,
	view: "page" | "fragment" | "embed",
): Promise<DocumentOutcome> {
	const found = await publicArticle(source.db, slug, source.now);
	if (found.state === "withdrawn") {
		const { at, headline } = found;
		return { status: 410, withdrawn: { at, ...(headline !== undefined && { headline }) } };
	}
	if (found.state === "unknown") return NOT_FOUND;
	const { article, changedAt } = found.stored;
	return { status: 200, document: articleDocument(source.site, article, view, changedAt) };
}

/** One view of an article: the page for people, the embeddable fragment, or the framable embed. */
export function articleDocument(
	site: Site,
	article: Article,
	view: "page" | "fragment" | "embed",
	lastModified: number,
): PublishedDocument {
	// The fragment stays inert (default-src 'none') wherever it is opened: partners embed its markup.
	const images = { imageOrigins: imageOrigins(article) };
	switch (view) {
		case "page":
			return { kind: "page", body: articlePage(site, article).toString(), lastModified, ...images };
		case "fragment":
			return {
				kind: "fragment",
				body: `${articleFragment(site, article).toString()}\n`,
				lastModified,
			};
		case "embed":
			return {
				kind: "embed",
				body: articleEmbed(site, article).toString(),
				lastModified,
				...images,
			};
	}
}
