import type { Context } from "hono";
import { Hono } from "hono";
import { isSlug } from "../content/validateArticle";
import { answerError } from "../http/errorResponses";
import { mayPreview, previewCookie, sameSecret } from "../http/previewAccess";
import { previewAnswer, previewSignedIn } from "../http/previewResponses";
import { preparedSite } from "../publish/preparedSite";
import { imageOrigins } from "../render/leadImage";
import { previewForm, previewPage } from "../render/previewPage";
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
 * Editors' previews of scheduled articles (README, "Previewing"). Off without PREVIEW_TOKEN.
 * Answers are never cached (previewResponses.ts) and never pass through the edge cache.
 */
export const previewRoutes = new Hono<AppEnv>()
	.on(["GET", "HEAD"], sitePaths.previewArticle(":slug"), async function servePreview(c) {
		const slug = c.req.param("slug") ?? "";
		if (!isSlug(slug) || !(await mayPreview(c.req.raw, c.env.PREVIEW_TOKEN))) {
			return notFound(c);
		}
		const site = preparedSite(c.env);
		const stored = await storedArticle(site.db, slug);
		if (stored === undefined) return notFound(c);
		const isPublic = stored.article.published.instant.getTime() <= Date.now();
		const body = previewPage(site.site, stored.article, isPublic).toString();
		return previewAnswer(site.site, body, c.req.raw, {
			imageOrigins: imageOrigins(stored.article),
		});
	})
	.on(["GET", "HEAD"], sitePaths.preview, function serveForm(c) {
		if (!c.env.PREVIEW_TOKEN) return notFound(c);
		const site = preparedSite(c.env).site;
		return previewAnswer(site, previewForm(site).toString(), c.req.raw, { form: true });
	})
	.post(sitePaths.preview, async function signIn(c) {
		const token = c.env.PREVIEW_TOKEN;
		const length = Number(c.req.header("Content-Length") ?? Number.NaN);
		if (!token || !(length > 0 && length <= FORM_LIMIT_BYTES)) return notFound(c);
		const form = new URLSearchParams(await c.req.text());
		const slug = form.get("slug")?.trim() ?? "";
		if (!isSlug(slug) || !(await sameSecret(form.get("token") ?? "", token))) {
			return notFound(c);
		}
		const secure = new URL(c.req.url).protocol === "https:";
		return previewSignedIn(sitePaths.previewArticle(slug), await previewCookie(token, secure));
	});
