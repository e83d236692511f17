/** Searching the Worker under test, as a program does (/search.json) or a person (/search). */
import { expect } from "vitest";
import { fetchPath } from "./http";

export interface SnippetPart {
	readonly text: string;
	readonly match: boolean;
}

/** /search.json's answer (src/render/searchResults.ts). */
export interface SearchAnswer {
	readonly query: string;
	readonly section: string | null;
	readonly page: number;
	readonly pages: number;
	readonly total: number;
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

/** The path of a search for `q`, with any other parameters (`section`, `page`). */
export function searchPath(
	q: string,
	params: Record<string, string> = {},
	format: "page" | "json" = "json",
): string {
	const path = format === "json" ? "/search.json" : "/search";
	return `${path}?${new URLSearchParams({ q, ...params })}`;
}

/**
 * /search.json's answer for `q`, which must be a 200 whose count agrees with its results (an
 * index row left behind by an article that is gone would be counted, not listed).
 */
export async function searchFor(
	q: string,
	params: Record<string, string> = {},
): Promise<SearchAnswer> {
	const response = await fetchPath(searchPath(q, params));
	expect(response.status, q).toBe(200);
	const answer = (await response.json()) as SearchAnswer;
	if (answer.pages === 1) expect(answer.total, `${q}: total`).toBe(answer.results.length);
	return answer;
}

/** The slugs of the articles an answer lists, in its order. */
export function slugsOf(answer: SearchAnswer): string[] {
	return answer.results.map((result) => new URL(result.url).pathname.replace("/articles/", ""));
}

/** The slugs found for `q`, best first. */
export async function found(q: string, params: Record<string, string> = {}): Promise<string[]> {
	return slugsOf(await searchFor(q, params));
}

/** Headers that say how a response travelled, not what the document is. */
const TRANSPORT = new Set(["date", "age", "cf-cache-status", "content-length"]);

/** All that is public about the answer at `path`: status, every header of the document, the body. */
export async function seen(path: string) {
	const response = await fetchPath(path);
	const headers = [...response.headers].filter(([name]) => !TRANSPORT.has(name));
	return { status: response.status, headers, body: await response.text() };
}
