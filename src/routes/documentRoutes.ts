import type { Context } from "hono";
import { Hono } from "hono";
import { answerFromEdgeCache, storeInEdgeCache } from "../http/edgeCache";
import { answerError } from "../http/errorResponses";
import { answerPrepared } from "../http/preparedResponse";
import { type DocumentRequest, documentRequest } from "../publish/documentPaths";
import { type PreparedAnswer, type PreparedSite, preparedSite } from "../publish/preparedSite";
import type { AppEnv } from "./appTypes";
import { errorFor } from "./errorFor";
import { inBackground } from "./inBackground";

/**
 * The published documents. A warm request answers from the isolate's prepared response without
 * awaiting anything; otherwise the document is loaded from the store (D1) and prepared, or, in a
 * cold isolate, taken from the edge cache when another isolate already served it.
 */
export const documentRoutes = new Hono<AppEnv>().on(
	["GET", "HEAD"],
	// Which paths name a document is decided in one place (publish/documentPaths.ts).
	"*",
	function serveDocument(c) {
		const site = preparedSite(c.env);
		const warm = site.warm(c.req.path, Date.now());
		if (warm !== undefined) return answer(c, warm);
		const request = documentRequest(c.req.path);
		if (request === undefined) return answerError(errorFor(c, 404), c.req.raw);
		return serveCold(c, site, request);
	},
);

/** A prepared answer: the document (200 or 304), or its 404/410 page. */
function answer(c: Context<AppEnv>, prepared: PreparedAnswer): Response {
	// An unknown slug is a 404, never a 304: preconditions apply only to what exists.
	if (prepared.status === 410 && prepared.page !== undefined) {
		return answerError(prepared.page, c.req.raw);
	}
	if (prepared.status !== 200) return answerError(errorFor(c, prepared.status), c.req.raw);
	return answerPrepared(prepared.response, c.req.raw);
}

/** A document this isolate has not prepared for the current content. */
async function serveCold(
	c: Context<AppEnv>,
	site: PreparedSite,
	request: DocumentRequest,
): Promise<Response> {
	const path = c.req.path;
	const now = Date.now();
	const state = await site.state(now);
	const warm = site.warm(path, now);
	if (warm !== undefined) return answer(c, warm);
	const generation = site.generation(state);
	// The edge cache holds what depends on content alone; the news sitemap changes with the clock.
	const edge = site.deployment.id !== undefined && request.type !== "newsSitemap";
	if (edge) {
		const hit = await answerFromEdgeCache(caches.default, c.req.raw, generation);
		if (hit !== undefined) {
			inBackground(c, site.document(path, request, now));
			return hit;
		}
	}
	const prepared = await site.document(path, request, now);
	if (prepared.status === 200 && edge) {
		inBackground(c, storeInEdgeCache(caches.default, c.req.url, generation, prepared.response));
	}
	return answer(c, prepared);
}
