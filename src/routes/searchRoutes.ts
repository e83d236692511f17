import type { Context } from "hono";
import { Hono } from "hono";
import { answerError } from "../http/errorResponses";
import { answerPrepared } from "../http/preparedResponse";
import { ALLOWED_METHODS, PREFLIGHT_HEADERS } from "../http/responsePolicy";
import { parseSearchRequest, type SearchFormat, searchKey } from "../http/searchRequest";
import { type PreparedAnswer, preparedSite } from "../publish/preparedSite";
import { sitePaths } from "../site/siteUrls";
import type { AppEnv } from "./appTypes";

const formatOf = (c: Context<AppEnv>): SearchFormat =>
	c.req.path === sitePaths.searchJson ? "json" : "page";

function serveSearch(c: Context<AppEnv>): Response | Promise<Response> {
	const format = formatOf(c);
	const site = preparedSite(c.env);
	const parsed = parseSearchRequest(format, new URL(c.req.url).searchParams);
	if (!parsed.ok) {
		return answerError(site.searchErrors[`${parsed.problems[0]}-${format}`], c.req.raw);
	}
	const key = searchKey(parsed.value);
	const now = Date.now();
	const warm = site.warmSearch(key, now);
	if (warm !== undefined) return answer(c, warm);
	return site.search(key, parsed.value, now).then((prepared) => answer(c, prepared));
}

function preflight(c: Context<AppEnv>): Response {
	// The JSON answer is shared with any origin's scripts, as the feeds are (a CORS preflight).
	const headers: [string, string][] = [["Allow", ALLOWED_METHODS]];
	if (formatOf(c) === "json") headers.push(...PREFLIGHT_HEADERS);
	return new Response(null, { status: 204, headers });
}

function methodNotAllowed(c: Context<AppEnv>): Response {
	const site = preparedSite(c.env);
	return answerError(site.errors[`405-${formatOf(c) === "json" ? "json" : "html"}`], c.req.raw);
}

/**
 * Search: `/search?q=...[&section=...][&page=...]` for people, `/search.json?q=...` for programs
 * (docs/search.md). A query is checked first (a 400 says what is wrong, never echoing it); an
 * answer this isolate has for the same normalised query is sent without any I/O.
 */
export const searchRoutes = new Hono<AppEnv>();
for (const path of [sitePaths.search, sitePaths.searchJson]) {
	searchRoutes
		.on(["GET", "HEAD"], path, serveSearch)
		.options(path, preflight)
		.all(path, methodNotAllowed);
}

/** A prepared answer: the results (200 or 304), or the 404 of a page past the last. */
function answer(c: Context<AppEnv>, prepared: PreparedAnswer): Response {
	if (prepared.status !== 200) {
		const site = preparedSite(c.env);
		return answerError(site.errors[`404-${formatOf(c) === "json" ? "json" : "html"}`], c.req.raw);
	}
	return answerPrepared(prepared.response, c.req.raw);
}
