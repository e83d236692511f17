import type { Context } from "hono";
import type { ErrorResponse, ErrorStatus } from "../http/errorResponses";
import type { AppEnv } from "./appTypes";

/** The prepared error for this status, as JSON for `.json` paths and as HTML otherwise. */
export function errorFor(c: Context<AppEnv>, status: ErrorStatus): ErrorResponse {
	const format = c.req.path.endsWith(".json") ? "json" : "html";
	return c.var.prepared.errors[`${status}-${format}`];
}
