/**
 * The 400 answers of a search that cannot be answered (searchRequest.ts), as an HTML page for
 * /search and JSON for /search.json. Fixed text per problem, prepared once per isolate: nothing
 * the request carried is echoed. Readable cross-origin, like the JSON results.
 */
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from "../content/searchQuery";
import { errorPage } from "../render/errorPage";
import type { Site } from "../site/siteSchema";
import type { ErrorResponse } from "./errorResponses";
import { BASE_HEADERS, ERROR_CACHE_CONTROL, pagePolicy } from "./responsePolicy";
import type { SearchFormat, SearchProblem } from "./searchRequest";

const REASONS: Record<SearchProblem, string> = {
	"missing-query": "Geef een zoekvraag mee: q=...",
	"query-too-long": `Een zoekvraag is hoogstens ${MAX_QUERY_LENGTH} tekens lang.`,
	"too-many-words": `Een zoekvraag heeft hoogstens ${MAX_QUERY_WORDS} woorden.`,
	"bad-page": "Het paginanummer is een geheel getal vanaf 1.",
	"bad-section": "Een onderwerp wordt geschreven zoals in zijn adres: /tags/<onderwerp>.",
};

const encoder = new TextEncoder();

function searchError(site: Site, problem: SearchProblem, format: SearchFormat): ErrorResponse {
	const reason = REASONS[problem];
	const page = format === "page";
	const headers = new Headers([
		["Content-Type", page ? "text/html; charset=utf-8" : "application/json; charset=utf-8"],
		["Cache-Control", ERROR_CACHE_CONTROL],
		...BASE_HEADERS,
		["Content-Security-Policy", page ? pagePolicy(site) : "default-src 'none'; sandbox"],
		["Access-Control-Allow-Origin", "*"],
		["X-Robots-Tag", "noindex"],
	]);
	const body = page
		? errorPage(site, "Ongeldige zoekvraag", reason).toString()
		: `${JSON.stringify({ status: 400, error: problem, message: reason })}\n`;
	return { status: 400, body: encoder.encode(body), headers };
}

export type SearchErrors = Record<`${SearchProblem}-${SearchFormat}`, ErrorResponse>;

/** Every search error in both formats, for the site. */
export function prepareSearchErrors(site: Site): SearchErrors {
	const error = (problem: SearchProblem, format: SearchFormat) =>
		searchError(site, problem, format);
	return {
		"missing-query-page": error("missing-query", "page"),
		"missing-query-json": error("missing-query", "json"),
		"query-too-long-page": error("query-too-long", "page"),
		"query-too-long-json": error("query-too-long", "json"),
		"too-many-words-page": error("too-many-words", "page"),
		"too-many-words-json": error("too-many-words", "json"),
		"bad-page-page": error("bad-page", "page"),
		"bad-page-json": error("bad-page", "json"),
		"bad-section-page": error("bad-section", "page"),
		"bad-section-json": error("bad-section", "json"),
	};
}
