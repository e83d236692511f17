import { Hono } from "hono";
import { answerError } from "../http/errorResponses";
import { OEMBED_ERRORS } from "../http/oembedErrors";
import { parseOEmbedQuery } from "../http/oembedRequest";
import { answerPrepared } from "../http/preparedResponse";
import { ALLOWED_METHODS, PREFLIGHT_HEADERS } from "../http/responsePolicy";
import { answerVariant } from "../http/sizedVariant";
import { preparedSite } from "../publish/preparedSite";
import { EMBED_SIZE, fitEmbedSize, renderOEmbed } from "../render/oembed";
import { sitePaths } from "../site/siteUrls";
import type { AppEnv } from "./appTypes";

/** The oEmbed endpoint (oEmbed 1.0 §2): `/oembed?url=<article URL>[&format=json][&maxwidth=][&maxheight=]`. */
export const oembedRoutes = new Hono<AppEnv>()
	.on(["GET", "HEAD"], sitePaths.oembed, function serveOEmbed(c) {
		const query = parseOEmbedQuery(new URL(c.req.url).searchParams);
		if (!query.ok) return answerError(OEMBED_ERRORS[query.problem], c.req.raw);
		const prepared = preparedSite(c.env).oembed.forUrl(query.url);
		if (prepared === undefined) return answerError(OEMBED_ERRORS["unknown-url"], c.req.raw);
		const size = fitEmbedSize(query.maxwidth, query.maxheight);
		if (size.width === EMBED_SIZE.width && size.height === EMBED_SIZE.height) {
			return answerPrepared(prepared.standard, c.req.raw);
		}
		const render = () => renderOEmbed(prepared.subject, size);
		return answerVariant(prepared.standard, `${size.width}x${size.height}`, render, c.req.raw);
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
