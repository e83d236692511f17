import { createMiddleware } from "hono/factory";
import { answerError } from "../http/errorResponses";
import { preparedSite } from "../publish/preparedSite";
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

/** Puts the prepared site (set up once per isolate) on the context; turns away malformed paths. */
export const withPreparedSite = createMiddleware<AppEnv>(async function withPreparedSite(c, next) {
	const prepared = preparedSite(c.env);
	c.set("prepared", prepared);
	if (isMalformedPath(c.req.url)) {
		const format = c.req.path.endsWith(".json") ? "json" : "html";
		return answerError(prepared.errors[`400-${format}`], c.req.raw);
	}
	await next();
});
