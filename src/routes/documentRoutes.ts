import { Hono } from "hono";
import { answerError } from "../http/errorResponses";
import { answerPrepared } from "../http/preparedResponse";
import { sitePaths } from "../site/siteUrls";
import type { AppEnv } from "./appTypes";
import { errorFor } from "./errorFor";

/** The published documents: each path answers GET and HEAD from its prepared response. */
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
		const document = c.var.prepared.documents.get(c.req.path);
		// An unknown slug is a 404, never a 304: preconditions apply only to what exists.
		if (document === undefined) return answerError(errorFor(c, 404), c.req.raw);
		return answerPrepared(document.response, c.req.raw);
	},
);
