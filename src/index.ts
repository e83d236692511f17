/**
 * Edgewire: news articles published as RSS, Atom, JSON Feed, pages and embeddable fragments.
 * This file only composes the Worker: the Hono app for requests, the release notifier for the cron.
 */
import { Hono } from "hono";
import type { Env } from "./env";
import { internalServerError } from "./http/errorResponses";
import type { AppEnv } from "./routes/appTypes";
import { documentRoutes } from "./routes/documentRoutes";
import { methodRoutes } from "./routes/methodRoutes";
import { oembedRoutes } from "./routes/oembedRoutes";
import { previewRoutes } from "./routes/previewRoutes";
import { searchRoutes } from "./routes/searchRoutes";
import { answerWarm } from "./routes/warmAnswers";
import { indexReleases } from "./store/searchIndex";
import { notifyReleases } from "./websub/releaseNotifier";

const app = new Hono<AppEnv>();

// oEmbed, preview and search first: documents answer GET and HEAD for every other path
// (publish/documentPaths.ts).
app.route("/", oembedRoutes);
app.route("/", previewRoutes);
app.route("/", searchRoutes);
app.route("/", documentRoutes);
app.route("/", methodRoutes);
app.onError(function logAndHide(error, c) {
	// Logged for the operator with the request's method and path; the client learns nothing.
	console.error(`${c.req.method} ${c.req.path} failed:`, error);
	return internalServerError();
});

export { app };

export default {
	fetch(request, env, ctx) {
		return answerWarm(request, env) ?? app.fetch(request, env, ctx);
	},
	/**
	 * Cron Trigger (wrangler.toml [triggers]), every minute: scheduled articles whose instant has
	 * passed enter the search index, then the WebSub hub is told about them. Each is tried whatever
	 * the other does.
	 */
	scheduled(_controller, env, ctx) {
		const now = Date.now();
		ctx.waitUntil(
			indexReleases(env.DB, now).catch((error: unknown) => {
				console.error("scheduled: indexing released articles for search failed:", error);
			}),
		);
		ctx.waitUntil(
			notifyReleases(env, now).catch((error: unknown) => {
				console.error("scheduled: WebSub release notification failed:", error);
			}),
		);
	},
} satisfies ExportedHandler<Env>;
