/**
 * Edgewire: news articles published as RSS, Atom, JSON Feed, pages and embeddable fragments.
 * This file only composes the app; each concern lives in its own module.
 */
import { Hono } from "hono";
import { internalServerError } from "./http/errorResponses";
import type { AppEnv } from "./routes/appTypes";
import { documentRoutes } from "./routes/documentRoutes";
import { methodRoutes } from "./routes/methodRoutes";
import { oembedRoutes } from "./routes/oembedRoutes";

const app = new Hono<AppEnv>();

// oEmbed first: documents answer GET and HEAD for every other path (publish/documentPaths.ts).
app.route("/", oembedRoutes);
app.route("/", documentRoutes);
app.route("/", methodRoutes);
app.onError(function logAndHide(error, c) {
	// Logged for the operator with the request's method and path; the client learns nothing.
	console.error(`${c.req.method} ${c.req.path} failed:`, error);
	return internalServerError();
});

export default app;
