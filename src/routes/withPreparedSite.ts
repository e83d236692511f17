import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { answerFromEdgeCache, storeInEdgeCache } from "../http/edgeCache";
import { answerError } from "../http/errorResponses";
import { type PreparedSite, preparedSite, readyPreparedSite } from "../publish/preparedSite";
import type { AppEnv } from "./appTypes";

/** Percent-encoding that does not decode (`%E0%A4%A`, `%zz`) makes a path malformed: 400. */
function isMalformedPath(url: string): boolean {
	if (!url.includes("%")) return false;
	try {
		decodeURIComponent(new URL(url).pathname);
		return false;
	} catch {
		return true;
	}
}

/** Runs work after the response is sent when the runtime allows it (not under `app.request`). */
function inBackground(c: Context<AppEnv>, task: Promise<unknown>): void {
	const quiet = task.catch((error: unknown) => console.error("background task failed:", error));
	try {
		c.executionCtx.waitUntil(quiet);
	} catch {
		// No ExecutionContext (called through app.request): the task simply runs on.
	}
}

/**
 * Puts the prepared site on the context and turns away malformed paths. A warm isolate has the site
 * in memory; a cold one may answer from the edge cache while it prepares (see http/edgeCache.ts).
 */
export const withPreparedSite = createMiddleware<AppEnv>(async function withPreparedSite(c, next) {
	let prepared: PreparedSite | undefined = readyPreparedSite(c.env);
	const version = c.env.CF_VERSION_METADATA?.id;
	const cold = prepared === undefined && version !== undefined;
	if (prepared === undefined) {
		const preparing = preparedSite(c.env);
		if (version !== undefined) {
			const hit = await answerFromEdgeCache(caches.default, c.req.raw, version);
			if (hit !== undefined) {
				inBackground(c, preparing);
				return hit;
			}
		}
		prepared = await preparing;
	}
	c.set("prepared", prepared);
	if (isMalformedPath(c.req.url)) {
		const format = c.req.path.endsWith(".json") ? "json" : "html";
		return answerError(prepared.errors[`400-${format}`], c.req.raw);
	}
	await next();
	if (cold && version !== undefined) {
		inBackground(c, storeInEdgeCache(caches.default, c.req.raw, version, c.res.clone()));
	}
});
