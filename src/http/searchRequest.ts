/**
 * The query string of a search (`/search?q=` and `/search.json?q=`), checked before anything is
 * looked up. Any text is a query; what cannot be answered is refused with a fixed reason
 * (searchErrors.ts), never echoed: a query over MAX_QUERY_LENGTH characters or MAX_QUERY_WORDS
 * words, a malformed page number or section.
 */
import { type Checked, invalid, valid } from "../content/checked";
import {
	MAX_QUERY_LENGTH,
	MAX_QUERY_WORDS,
	normalizeQueryText,
	parseSearchQuery,
	type SearchQuery,
	wordCount,
} from "../content/searchQuery";
import { isSlug } from "../content/validateArticle";

export type SearchFormat = "page" | "json";

export type SearchProblem =
	| "missing-query"
	| "query-too-long"
	| "too-many-words"
	| "bad-page"
	| "bad-section";

export interface SearchRequest {
	readonly format: SearchFormat;
	/** The query as shown and cached (normalizeQueryText); empty when none was typed. */
	readonly text: string;
	readonly query: SearchQuery;
	/** A section (tag URL segment) to search in. */
	readonly section?: string;
	/** From 1. */
	readonly page: number;
}

// A page number as the site writes them: no sign, no leading zero; far past the last page there is.
const PAGE = /^[1-9][0-9]{0,3}$/;

/**
 * The search `params` ask for. `q` may be absent on the page (the form's own page) but not in JSON,
 * which is for programs that always send one.
 */
export function parseSearchRequest(
	format: SearchFormat,
	params: URLSearchParams,
): Checked<SearchRequest, SearchProblem> {
	const raw = params.get("q");
	if (raw === null && format === "json") return invalid("missing-query");
	// Checked before normalising too, so a long text costs nothing but its length.
	if (raw !== null && raw.length > MAX_QUERY_LENGTH * 4) return invalid("query-too-long");
	const text = normalizeQueryText(raw ?? "");
	if ([...text].length > MAX_QUERY_LENGTH) return invalid("query-too-long");
	const query = parseSearchQuery(text);
	if (wordCount(query) > MAX_QUERY_WORDS) return invalid("too-many-words");
	const page = params.get("page");
	if (page !== null && page !== "" && !PAGE.test(page)) return invalid("bad-page");
	const section = params.get("section");
	if (section !== null && section !== "" && !isSlug(section)) return invalid("bad-section");
	return valid({
		format,
		text,
		query,
		...(section !== null && section !== "" && { section }),
		page: page === null || page === "" ? 1 : Number(page),
	});
}

/** The key a search's answer is kept under: format, page, section and the normalised query. */
export function searchKey(request: SearchRequest): string {
	return `${request.format}\n${request.page}\n${request.section ?? ""}\n${request.text}`;
}
