import type { Context } from "hono";
import { Hono } from "hono";
import { answerFromEdgeCache, storeInEdgeCache } from "../http/edgeCache";
import { answerError } from "../http/errorResponses";
import { answerPrepared } from "../http/preparedResponse";
import type { LazyMap } from "../publish/lazyMap";
import type { PreparedDocument } from "../publish/preparedSite";
import { preparedSite } from "../publish/preparedSite";
import { sitePaths } from "../site/siteUrls";
import type { AppEnv } from "./appTypes";
import { errorFor } from "./errorFor";
import { inBackground } from "./inBackground";

/**
 * The published documents: each path answers GET and HEAD from its prepared response, without
 * awaiting anything. A document this isolate has not prepared yet may come from the edge cache
 * instead (http/edgeCache.ts).
 */
export const documentRoutes = new Hono<AppEnv>().on(
	["GET", "HEAD"],
	[
		sitePaths.home,
		sitePaths.rss,
		sitePaths.atom,
		sitePaths.jsonFeed,
		sitePaths.stylesheet,
		sitePaths.article(":slug"),
		sitePaths.fragment(":slug"),
		sitePaths.embed(":slug"),
		sitePaths.rssArchive(":page"),
		sitePaths.atomArchive(":page"),
	],
	function serveDocument(c) {
		const { documents } = preparedSite(c.env);
		const path = c.req.path;
		const version = c.env.CF_VERSION_METADATA?.id;
		if (version !== undefined && documents.has(path) && !documents.isBuilt(path)) {
			return serveColdDocument(c, documents, path, version);
		}
		const document = documents.get(path);
		// An unknown slug is a 404, never a 304: preconditions apply only to what exists.
		if (document === undefined) return answerError(errorFor(c, 404), c.req.raw);
		return answerPrepared(document.response, c.req.raw);
	},
);

/** First request for a document in this isolate: the edge cache may already hold it. */
async function serveColdDocument(
	c: Context<AppEnv>,
	documents: LazyMap<string, PreparedDocument>,
	path: string,
	version: string,
): Promise<Response> {
	const hit = await answerFromEdgeCache(caches.default, c.req.raw, version);
	if (hit !== undefined) {
		inBackground(
			c,
			Promise.resolve().then(() => documents.get(path)),
		);
		return hit;
	}
	const document = documents.get(path);
	if (document === undefined) return answerError(errorFor(c, 404), c.req.raw);
	inBackground(c, storeInEdgeCache(caches.default, c.req.url, version, document.response));
	return answerPrepared(document.response, c.req.raw);
}
