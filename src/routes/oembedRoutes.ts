import type { Context } from "hono";
import { Hono } from "hono";
import { answerError } from "../http/errorResponses";
import { OEMBED_ERRORS } from "../http/oembedErrors";
import { parseOEmbedQuery } from "../http/oembedRequest";
import { answerPrepared } from "../http/preparedResponse";
import { ALLOWED_METHODS, PREFLIGHT_HEADERS } from "../http/responsePolicy";
import { answerVariant } from "../http/sizedVariant";
import { oembedTarget } from "../publish/oembedTarget";
import { type PreparedAnswer, preparedSite } from "../publish/preparedSite";
import { EMBED_SIZE, fitEmbedSize, renderOEmbed } from "../render/oembed";
import { sitePaths } from "../site/siteUrls";
import type { AppEnv } from "./appTypes";

/** The oEmbed endpoint (oEmbed 1.0 §2): `/oembed?url=<article URL>[&format=json][&maxwidth=][&maxheight=]`. */
export const oembedRoutes = new Hono<AppEnv>()
	.on(["GET", "HEAD"], sitePaths.oembed, async function serveOEmbed(c) {
		const parsed = parseOEmbedQuery(new URL(c.req.url).searchParams);
		if (!parsed.ok) return answerError(OEMBED_ERRORS[parsed.problems[0]], c.req.raw);
		const query = parsed.value;
		const site = preparedSite(c.env);
		const slug = oembedTarget(site.site, query.url);
		if (slug === undefined) return answerError(OEMBED_ERRORS["unknown-url"], c.req.raw);
		const size = fitEmbedSize(query.maxwidth, query.maxheight);
		const now = Date.now();
		const warm = site.warm(`oembed:${slug}`, now);
		if (warm !== undefined) return answerOEmbed(c, warm, size);
		return site.oembed(slug, now).then((prepared) => answerOEmbed(c, prepared, size));
	})
	.options(sitePaths.oembed, function preflight() {
		return new Response(null, {
			status: 204,
			headers: [["Allow", ALLOWED_METHODS], ...PREFLIGHT_HEADERS],
		});
	})
	.all(sitePaths.oembed, function methodNotAllowed(c) {
		return answerError(preparedSite(c.env).errors["405-json"], c.req.raw);
	});

/** The standard size from the prepared answer; any other size rendered from its subject. */
function answerOEmbed(
	c: Context<AppEnv>,
	prepared: PreparedAnswer,
	size: { readonly width: number; readonly height: number },
): Response {
	if (prepared.status !== 200 || prepared.oembed === undefined) {
		return answerError(OEMBED_ERRORS["unknown-url"], c.req.raw);
	}
	if (size.width === EMBED_SIZE.width && size.height === EMBED_SIZE.height) {
		return answerPrepared(prepared.response, c.req.raw);
	}
	const { oembed } = prepared;
	const render = () => renderOEmbed(oembed, size);
	return answerVariant(prepared.response, `${size.width}x${size.height}`, render, c.req.raw);
}
