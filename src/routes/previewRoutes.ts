import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { isSlug } from "../content/validateArticle";
import { answerError } from "../http/errorResponses";
import { mayPreview, previewCookie, previewToken, sameSecret } from "../http/previewAccess";
import { previewAnswer, previewSignedIn } from "../http/previewResponses";
import { preparedSite } from "../publish/preparedSite";
import { loadPreview, previewSignInForm } from "../publish/previewDocuments";
import { sitePaths } from "../site/siteUrls";
import { storedArticle } from "../store/articleLookup";
import type { AppEnv } from "./appTypes";

/** The sign-in form posts two short fields; anything bigger is not ours to read. */
const FORM_LIMIT_BYTES = 2048;

/** The same 404 as any unknown path: a preview that is off, refused or empty reveals nothing. */
function notFound(c: Context<AppEnv>): Response {
	return answerError(preparedSite(c.env).errors["404-html"], c.req.raw);
}

/**
 * Editors' previews of scheduled articles (README, "Scheduling and previews"). Off without a
 * PREVIEW_TOKEN of at least MIN_TOKEN_LENGTH characters. Answers are never cached
 * (previewResponses.ts) and never pass through the edge cache.
 */
export const previewRoutes = new Hono<AppEnv>()
	.on(["GET", "HEAD"], sitePaths.previewArticle(":slug"), async function servePreview(c) {
		const slug = c.req.param("slug") ?? "";
		const now = Date.now();
		const presented = {
			authorization: c.req.header("Authorization"),
			cookies: c.req.header("Cookie"),
		};
		const token = previewToken(c.env.PREVIEW_TOKEN);
		if (!isSlug(slug) || !(await mayPreview(presented, token, now))) return notFound(c);
		const site = preparedSite(c.env);
		const preview = await loadPreview(site.site, site.db, slug, now);
		if (preview === undefined) return notFound(c);
		return previewAnswer(site.site, preview.body, c.req.raw, {
			imageOrigins: preview.imageOrigins,
		});
	})
	.on(["GET", "HEAD"], sitePaths.preview, function serveForm(c) {
		if (previewToken(c.env.PREVIEW_TOKEN) === undefined) return notFound(c);
		const site = preparedSite(c.env).site;
		return previewAnswer(site, previewSignInForm(site), c.req.raw, { form: true });
	})
	.post(
		sitePaths.preview,
		bodyLimit({ maxSize: FORM_LIMIT_BYTES, onError: notFound }),
		async function signIn(c) {
			const token = previewToken(c.env.PREVIEW_TOKEN);
			if (token === undefined) return notFound(c);
			// Hono reads only what a form sends (URL-encoded or multipart); any other type is empty.
			const form = await c.req.parseBody().catch(() => undefined);
			const slug = typeof form?.slug === "string" ? form.slug.trim() : "";
			const presented = typeof form?.token === "string" ? form.token : "";
			const site = preparedSite(c.env);
			// Both are always checked, and a failure of either gets the same answer.
			const [rightToken, stored] = await Promise.all([
				sameSecret(presented, token),
				isSlug(slug) ? storedArticle(site.db, slug) : undefined,
			]);
			if (!rightToken || stored === undefined) {
				const body = previewSignInForm(site.site, { refused: true });
				return previewAnswer(site.site, body, c.req.raw, { form: true, status: 404 });
			}
			const secure = new URL(c.req.url).protocol === "https:";
			const cookie = await previewCookie(token, secure, Date.now());
			return previewSignedIn(sitePaths.previewArticle(slug), cookie);
		},
	);
