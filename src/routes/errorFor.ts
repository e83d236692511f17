import type { Context } from "hono";
import type { ErrorResponse, ErrorStatus } from "../http/errorResponses";
import { preparedSite } from "../publish/preparedSite";
import type { AppEnv } from "./appTypes";

/** Percent-encoding that does not decode (`%E0%A4%A`, `%zz`) makes a path malformed. */
function isMalformedPath(url: string): boolean {
	if (!url.includes("%")) return false;
	try {
		decodeURIComponent(new URL(url).pathname);
		return false;
	} catch {
		return true;
	}
}

/**
 * The prepared error for this status, as JSON for `.json` paths and as HTML otherwise. A path that
 * names nothing is a 404, or a 400 when it is not even well-formed; only such paths are checked,
 * so documents pay nothing for it.
 */
export function errorFor(c: Context<AppEnv>, status: ErrorStatus): ErrorResponse {
	const format = c.req.path.endsWith(".json") ? "json" : "html";
	const actual = status === 404 && isMalformedPath(c.req.url) ? 400 : status;
	return preparedSite(c.env).errors[`${actual}-${format}`];
}
