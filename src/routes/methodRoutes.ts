import type { Context } from "hono";
import { Hono } from "hono";
import { answerError } from "../http/errorResponses";
import { ALLOWED_METHODS, isCorsEnabled, PREFLIGHT_HEADERS } from "../http/responsePolicy";
import { documentRequest } from "../publish/documentPaths";
import { type PreparedAnswer, preparedSite } from "../publish/preparedSite";
import type { AppEnv } from "./appTypes";
import { errorFor } from "./errorFor";

/** The document at the request's path as GET would answer it, or a 404 when the path names none. */
async function documentAt(c: Context<AppEnv>): Promise<PreparedAnswer> {
	const request = documentRequest(c.req.path);
	if (request === undefined) return { status: 404 };
	return preparedSite(c.env).document(c.req.path, request, Date.now());
}

/**
 * OPTIONS and every method other than GET and HEAD, for any path. A path that GET would answer
 * with a document answers OPTIONS with 204 (a CORS preflight where the document is shared) and
 * other methods with 405; anything else gets GET's 404 or 410.
 */
export const methodRoutes = new Hono<AppEnv>()
	.options("*", async function preflight(c) {
		const document = await documentAt(c);
		if (document.status !== 200) return answerError(errorFor(c, document.status), c.req.raw);
		const headers = new Headers({ Allow: ALLOWED_METHODS });
		if (isCorsEnabled(document.kind)) {
			for (const [name, value] of PREFLIGHT_HEADERS) headers.set(name, value);
		}
		return new Response(null, { status: 204, headers });
	})
	.all("*", async function methodNotAllowed(c) {
		const document = await documentAt(c);
		return answerError(errorFor(c, document.status === 200 ? 405 : document.status), c.req.raw);
	});
