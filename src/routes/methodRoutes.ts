import { Hono } from "hono";
import { answerError } from "../http/errorResponses";
import { ALLOWED_METHODS, isCorsEnabled, PREFLIGHT_HEADERS } from "../http/responsePolicy";
import { preparedSite } from "../publish/preparedSite";
import type { AppEnv } from "./appTypes";
import { errorFor } from "./errorFor";

/**
 * OPTIONS and every method other than GET and HEAD, for any path. A known path answers OPTIONS
 * with 204 (a CORS preflight where the document is shared) and other methods with 405.
 */
export const methodRoutes = new Hono<AppEnv>()
	.options("*", function preflight(c) {
		const document = preparedSite(c.env).documents.get(c.req.path);
		if (document === undefined) return answerError(errorFor(c, 404), c.req.raw);
		const headers = new Headers({ Allow: ALLOWED_METHODS });
		if (isCorsEnabled(document.kind)) {
			for (const [name, value] of PREFLIGHT_HEADERS) headers.set(name, value);
		}
		return new Response(null, { status: 204, headers });
	})
	.all("*", function methodNotAllowed(c) {
		if (c.req.method === "GET" || c.req.method === "HEAD")
			return answerError(errorFor(c, 404), c.req.raw);
		const known = preparedSite(c.env).documents.has(c.req.path);
		return answerError(errorFor(c, known ? 405 : 404), c.req.raw);
	});
