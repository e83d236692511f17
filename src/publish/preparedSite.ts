import { articleEntries } from "../../content/articles";
import siteInput from "../../content/site";
import type { Article } from "../content/articleSchema";
import { loadArticles } from "../content/loadContent";
import type { Env } from "../env";
import { type ErrorResponse, type ErrorStatus, prepareErrors } from "../http/errorResponses";
import { type PreparedResponse, prepareResponse } from "../http/preparedResponse";
import {
	BASE_HEADERS,
	CORS_HEADERS,
	cacheControl,
	isCorsEnabled,
	MEDIA_TYPES,
	securityHeaders,
} from "../http/responsePolicy";
import { resolveSite } from "../site/resolveSite";
import type { Site } from "../site/siteSchema";
import { buildPublication, type DocumentKind } from "./publication";

/** Everything a request may be answered with, for one deployment's settings. */
export interface PreparedSite {
	readonly site: Site;
	readonly documents: ReadonlyMap<string, PreparedDocument>;
	readonly errors: Record<`${ErrorStatus}-${"html" | "json"}`, ErrorResponse>;
}

export interface PreparedDocument {
	readonly kind: DocumentKind;
	readonly response: PreparedResponse;
}

// Content is validated once, when the isolate loads this module: a malformed article stops
// `npm run dev` and `npm test` with a message naming the file and field.
const articles: readonly Article[] = loadArticles(articleEntries);

const prepared = new Map<string, Promise<PreparedSite>>();

/** The prepared site for these settings, built on first use and kept for the isolate's life. */
export function preparedSite(env: Pick<Env, "SITE_URL" | "WEBSUB_HUB">): Promise<PreparedSite> {
	const key = `${env.SITE_URL}\n${env.WEBSUB_HUB ?? ""}`;
	let site = prepared.get(key);
	if (site === undefined) {
		site = prepareSite(resolveSite(siteInput, env), articles);
		// A failed build is not cached: the next request reports the same error afresh.
		site.catch(() => prepared.delete(key));
		prepared.set(key, site);
	}
	return site;
}

export async function prepareSite(site: Site, content: readonly Article[]): Promise<PreparedSite> {
	const publication = buildPublication(site, content);
	const documents = new Map<string, PreparedDocument>();
	for (const [path, document] of publication) {
		const common = isCorsEnabled(document.kind) ? [...BASE_HEADERS, ...CORS_HEADERS] : BASE_HEADERS;
		const response = await prepareResponse(document.body, {
			contentType: MEDIA_TYPES[document.kind],
			cacheControl: cacheControl(document.kind),
			common,
			extra: securityHeaders(site, document.kind),
			...(document.lastModified && { lastModified: document.lastModified }),
		});
		documents.set(path, { kind: document.kind, response });
	}
	return { site, documents, errors: prepareErrors(site) };
}
