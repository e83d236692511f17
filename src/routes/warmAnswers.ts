import { getPath } from "hono/utils/url";
import type { Env } from "../env";
import { answerPrepared } from "../http/preparedResponse";
import { type PreparedSite, preparedSite } from "../publish/preparedSite";

/**
 * The warm path, before the router: a GET or HEAD for a document this isolate has prepared for
 * the current content is answered from memory, exactly as documentRoutes.ts would answer it (the
 * same path, read by the router's own getPath). Anything else, including every error, goes to the
 * Hono app. Most requests a feed publisher gets are these.
 */
export function answerWarm(request: Request, env: Env): Response | undefined {
	const method = request.method;
	if (method !== "GET" && method !== "HEAD") return undefined;
	let site: PreparedSite;
	try {
		site = preparedSite(env);
	} catch {
		// Invalid settings: the app reports them (a logged 500).
		return undefined;
	}
	const prepared = site.warm(getPath(request), Date.now());
	if (prepared === undefined || prepared.status !== 200 || prepared.kind === "oembed") {
		return undefined;
	}
	return answerPrepared(prepared.response, request);
}
