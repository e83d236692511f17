import type { Context } from "hono";
import type { AppEnv } from "./appTypes";

/** Runs work after the response is sent when the runtime allows it (not under `app.request`). */
export function inBackground(c: Context<AppEnv>, task: Promise<unknown>): void {
	const quiet = task.catch((error: unknown) => console.error("background task failed:", error));
	try {
		c.executionCtx.waitUntil(quiet);
	} catch {
		// No ExecutionContext (called through app.request): the task simply runs on.
	}
}
