/**
 * A search's answer: the page of matching articles from the store (store/articleSearch.ts),
 * rendered for people or for programs. Like a listing, it changes only when public content does,
 * so its Last-Modified is the store's `publicChangedAt`. A page past the last one is a 404, as
 * for every listing; the first page always exists, with results or none.
 */
import type { SearchRequest } from "../http/searchRequest";
import { searchPage } from "../render/searchPage";
import { renderSearchJson, type SearchResults } from "../render/searchResults";
import { articlesOf } from "../store/articleRows";
import { searchArticles } from "../store/articleSearch";
import { RECENT_ARTICLES } from "../store/searchIndex";
import type { DocumentOutcome, DocumentSource } from "./documentOutcome";
import { listing, pageCount } from "./listingDocuments";

export async function loadSearch(
	source: DocumentSource,
	request: SearchRequest,
): Promise<DocumentOutcome> {
	const { site, db, state } = source;
	const found = await searchArticles(db, request.query, {
		...(request.section !== undefined && { section: request.section }),
		page: request.page,
		pageSize: site.pageSize,
	});
	const pages = pageCount(found.total, site.pageSize);
	if (request.page > pages) return { status: 404 };
	const results: SearchResults = {
		text: request.text,
		query: request.query,
		...(request.section !== undefined && { section: request.section }),
		page: request.page,
		pages,
		total: found.total,
		...(found.scope === "recent" && { newest: RECENT_ARTICLES }),
		articles: articlesOf(found.articles),
	};
	return request.format === "json"
		? listing("searchJson", renderSearchJson(site, results), state)
		: listing("searchPage", searchPage(site, results).toString(), state);
}
