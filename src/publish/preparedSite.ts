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
import { websubLinks } from "../http/websubLinks";
import { resolveSite } from "../site/resolveSite";
import type { Site } from "../site/siteSchema";
import { LazyMap } from "./lazyMap";
import { type OEmbedProvider, prepareOEmbed } from "./preparedOEmbed";
import { buildPublication, type DocumentKind } from "./publication";

/** Everything a request may be answered with, for one deployment's settings. */
export interface PreparedSite {
	readonly site: Site;
	/** Every document by path, each prepared on its first request (lazyMap.ts). */
	readonly documents: LazyMap<string, PreparedDocument>;
	readonly errors: Record<`${ErrorStatus}-${"html" | "json"}`, ErrorResponse>;
	/** The oEmbed endpoint's answers per article (oembedRoutes.ts). */
	readonly oembed: OEmbedProvider;
}

export interface PreparedDocument {
	readonly kind: DocumentKind;
	readonly response: PreparedResponse;
}

// Content is validated once, when the isolate loads this module: a malformed article stops
// `npm run dev` and `npm test` with a message naming the file and field.
const articles: readonly Article[] = loadArticles(articleEntries);

type SiteVars = Pick<Env, "SITE_URL" | "WEBSUB_HUB">;

const prepared = new Map<string, PreparedSite>();

function settingsKey(env: SiteVars): string {
	return `${env.SITE_URL}\n${env.WEBSUB_HUB ?? ""}`;
}

// Workers hand every request of an isolate the same `env` object: remembering the last one makes
// the lookup on the request path one comparison instead of building a key.
let lastEnv: SiteVars | undefined;
let lastSite: PreparedSite | undefined;

/**
 * The prepared site for these settings, set up on first use and kept for the isolate's life.
 * Invalid settings throw (a ContentError naming the variable) and are tried afresh next time.
 */
export function preparedSite(env: SiteVars): PreparedSite {
	if (env === lastEnv && lastSite !== undefined) return lastSite;
	const key = settingsKey(env);
	let site = prepared.get(key);
	if (site === undefined) {
		site = prepareSite(resolveSite(siteInput, env), articles);
		prepared.set(key, site);
	}
	lastEnv = env;
	lastSite = site;
	return site;
}

/** Forgets every prepared site, as a new isolate would have none. For tests. */
export function forgetPreparedSites(): void {
	prepared.clear();
	lastEnv = undefined;
	lastSite = undefined;
}

export function prepareSite(site: Site, content: readonly Article[]): PreparedSite {
	// Each document is rendered and prepared when first requested, then kept for the isolate's
	// life: start-up stays flat however many articles there are (docs/performance.md).
	const builders = new Map<string, () => PreparedDocument>();
	for (const [path, document] of buildPublication(site, content)) {
		builders.set(path, () => {
			const common = isCorsEnabled(document.kind)
				? [...BASE_HEADERS, ...CORS_HEADERS]
				: BASE_HEADERS;
			const response = prepareResponse(document.body, {
				contentType: MEDIA_TYPES[document.kind],
				cacheControl: cacheControl(document.kind, { archived: document.archived === true }),
				// WebSub discovery rides on 200 and 304 alike (websubLinks.ts); archives never change.
				common: document.archived ? common : [...common, ...websubLinks(site, document.kind, path)],
				extra: securityHeaders(site, document.kind),
				...(document.lastModified && { lastModified: document.lastModified }),
			});
			return { kind: document.kind, response };
		});
	}
	const documents = new LazyMap(builders);
	const oembed = prepareOEmbed(site, content);
	return { site, documents, errors: prepareErrors(site), oembed };
}
