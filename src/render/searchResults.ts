/**
 * One page of search results, as the HTML page (searchPage.ts) and the JSON answer (below) both
 * show it: the query, where it looked, how many articles match, and this page's articles with the
 * matched words marked.
 */
import type { Article } from "../content/articleSchema";
import { machineReadableDate } from "../content/publicationDate";
import type { SearchQuery } from "../content/searchQuery";
import { tagSlug } from "../content/tagSlug";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, searchPath, sitePaths } from "../site/siteUrls";
import { markedText, type SnippetPart, searchSnippet } from "./searchSnippet";

export interface SearchResults {
	/** The query as typed (normalised): what the search box shows again. */
	readonly text: string;
	readonly query: SearchQuery;
	/** The section searched in (a tag's URL segment), when one was chosen. */
	readonly section?: string;
	/** This page (from 1) and how many there are (at least 1). */
	readonly page: number;
	readonly pages: number;
	/** How many articles match, over all pages. */
	readonly total: number;
	/**
	 * Set when the query was ranked among this many newest articles only: its words are in too
	 * many articles to rank the whole archive within the time a search may take (docs/search.md).
	 */
	readonly newest?: number;
	/** This page's articles, best first. */
	readonly articles: readonly Article[];
}

/** Where page `page` of the same search is (same query and section). */
export function resultsPagePath(
	results: SearchResults,
	format: "page" | "json",
	page: number,
): string {
	return searchPath(format, { text: results.text, section: results.section, page });
}

/** The section named by `segment` as one of these articles spells it, or the segment itself. */
export function sectionName(results: SearchResults, segment: string): string {
	for (const article of results.articles) {
		const name = article.tags.find((tag) => tagSlug(tag) === segment);
		if (name !== undefined) return name;
	}
	return segment;
}

interface SearchJson {
	readonly query: string;
	readonly section: string | null;
	readonly page: number;
	readonly pages: number;
	readonly total: number;
	/** "all" public articles, or "newest" (then `newest` says how many). */
	readonly searched: "all" | "newest";
	readonly newest?: number;
	readonly results: readonly {
		readonly url: string;
		readonly headline: readonly SnippetPart[];
		readonly published: string;
		readonly sections: readonly { readonly name: string; readonly url: string }[];
		readonly authors: readonly string[];
		readonly snippet: readonly SnippetPart[];
	}[];
	readonly prev?: string;
	readonly next?: string;
}

/**
 * The JSON answer of /search.json: the same results as the page, the headline and snippet as
 * parts (`{ "text": ..., "match": true }`) so that a program marks matches its own way.
 */
export function renderSearchJson(site: Site, results: SearchResults): string {
	const pageUrl = (page: number) => absoluteUrl(site, resultsPagePath(results, "json", page));
	const answer: SearchJson = {
		query: results.text,
		section: results.section ?? null,
		page: results.page,
		pages: results.pages,
		total: results.total,
		searched: results.newest === undefined ? "all" : "newest",
		...(results.newest !== undefined && { newest: results.newest }),
		results: results.articles.map((article) => ({
			url: absoluteUrl(site, sitePaths.article(article.slug)),
			headline: markedText(article.headline, results.query),
			published: machineReadableDate(article.published),
			sections: article.tags.map((name) => ({
				name,
				url: absoluteUrl(site, sitePaths.tag(tagSlug(name))),
			})),
			authors: article.authors.map((author) => author.name),
			snippet: searchSnippet(article, results.query),
		})),
		...(results.page > 1 && { prev: pageUrl(results.page - 1) }),
		...(results.page < results.pages && { next: pageUrl(results.page + 1) }),
	};
	return `${jsonText(answer)}\n`;
}

const MARKUP_CHARACTERS: Readonly<Record<string, string>> = {
	"<": "\\u003c",
	">": "\\u003e",
	"&": "\\u0026",
};

/**
 * JSON text of `value` with `<`, `>` and `&` written as `\u` escapes (RFC 8259 §7: any character
 * of a string may be), as Go's encoding/json does: the answer echoes the query, and no byte of it
 * then reads as markup to anything that sniffs or embeds it. Outside strings JSON has none of them.
 */
function jsonText(value: unknown): string {
	return JSON.stringify(value).replace(/[<>&]/g, (char) => MARKUP_CHARACTERS[char] ?? char);
}
