import { articleEntries } from "../../content/articles";
import siteInput from "../../content/site";
import type { Article } from "../content/articleSchema";
import { loadArticles } from "../content/loadContent";
import type { Env } from "../env";
import { type ErrorResponse, type ErrorStatus, prepareErrors } from "../http/errorResponses";
import type { PreparedResponse } from "../http/preparedResponse";
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
import { ARCHIVE_CACHE_CONTROL } from "./feedArchives";
import { LazyMap } from "./lazyMap";
import { type OEmbedProvider, prepareOEmbed } from "./preparedOEmbed";
import { prepareResponseNow } from "./prepareResponseNow";
import { buildPublication, type DocumentKind } from "./publication";

/** Everything a request may be answered with, for one deployment's settings. */
export interface PreparedSite {
	readonly site: Site;
	readonly documents: ReadonlyMap<string, PreparedDocument>;
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

const preparing = new Map<string, Promise<PreparedSite>>();
const ready = new Map<string, PreparedSite>();

function settingsKey(env: SiteVars): string {
	return `${env.SITE_URL}\n${env.WEBSUB_HUB ?? ""}`;
}

/** The prepared site for these settings, built on first use and kept for the isolate's life. */
export function preparedSite(env: SiteVars): Promise<PreparedSite> {
	const key = settingsKey(env);
	let site = preparing.get(key);
	if (site === undefined) {
		site = prepareSite(resolveSite(siteInput, env), articles);
		site.then(
			(value) => ready.set(key, value),
			// A failed build is not kept: the next request reports the same error afresh.
			() => preparing.delete(key),
		);
		preparing.set(key, site);
	}
	return site;
}

/** The prepared site if this isolate has already built it (a warm isolate), else undefined. */
export function readyPreparedSite(env: SiteVars): PreparedSite | undefined {
	return ready.get(settingsKey(env));
}

/** Forgets every prepared site, as a new isolate would have none. For tests. */
export function forgetPreparedSites(): void {
	preparing.clear();
	ready.clear();
}

export async function prepareSite(site: Site, content: readonly Article[]): Promise<PreparedSite> {
	// Each document is rendered and prepared when first requested, then kept for the isolate's
	// life: start-up stays flat however many articles there are (docs/performance.md).
	const builders = new Map<string, () => PreparedDocument>();
	for (const [path, document] of buildPublication(site, content)) {
		builders.set(path, () => {
			const common = isCorsEnabled(document.kind)
				? [...BASE_HEADERS, ...CORS_HEADERS]
				: BASE_HEADERS;
			const response = prepareResponseNow(document.body, {
				contentType: MEDIA_TYPES[document.kind],
				cacheControl: document.archived ? ARCHIVE_CACHE_CONTROL : cacheControl(document.kind),
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
