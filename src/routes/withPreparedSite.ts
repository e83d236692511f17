import { createMiddleware } from "hono/factory";
import { answerError } from "../http/errorResponses";
import { preparedSite } from "../publish/preparedSite";
import type { AppEnv } from "./appTypes";

/** Percent-encoding that does not decode (`%E0%A4%A`, `%zz`) makes a path malformed: 400. */
function isMalformedPath(path: string): boolean {
	if (!path.includes("%")) return false;
	try {
		decodeURIComponent(path);
		return false;
	} catch {
		return true;
	}
}

/** Puts the prepared site (built once per isolate) on the context, and turns away malformed paths. */
export const withPreparedSite = createMiddleware<AppEnv>(async function withPreparedSite(c, next) {
	const prepared = await preparedSite(c.env);
	c.set("prepared", prepared);
	if (isMalformedPath(new URL(c.req.url).pathname)) {
		const format = c.req.path.endsWith(".json") ? "json" : "html";
		return answerError(prepared.errors[`400-${format}`], c.req.raw);
	}
	await next();
});
