/**
 * The site as the conformance suite renders it: the real content pipeline (load-time validation,
 * then `buildPublication`) run on Node, so parsers that need Node's built-ins can read the output.
 */
import siteInput from "../../../content/site";
import type { Article, ContentEntry } from "../../../src/content/articleSchema";
import { loadArticles } from "../../../src/content/loadContent";
import { buildPublication, type PublishedDocument } from "../../../src/publish/publication";
import { resolveSite } from "../../../src/site/resolveSite";
import type { Site } from "../../../src/site/siteSchema";

/** The origin `npm run dev` is checked on; any valid origin would do. */
export const CONFORMANCE_ORIGIN = "http://127.0.0.1:8787";

export interface Publication {
	readonly site: Site;
	readonly articles: readonly Article[];
	readonly documents: ReadonlyMap<string, PublishedDocument>;
}

/** Validates the entries exactly as the Worker does at load time, then publishes them. */
export function publish(entries: readonly ContentEntry[]): Publication {
	const site = resolveSite(siteInput, { SITE_URL: CONFORMANCE_ORIGIN });
	const articles = loadArticles(entries);
	return { site, articles, documents: buildPublication(site, articles) };
}

/** Every published document of the given kinds, by path (archives and extra feeds included). */
export function documentsOfKind(
	publication: Publication,
	...kinds: readonly PublishedDocument["kind"][]
): [string, PublishedDocument][] {
	return [...publication.documents].filter(([, document]) => kinds.includes(document.kind));
}
