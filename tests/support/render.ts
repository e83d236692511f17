/**
 * Documents rendered straight from model articles by the Worker's own renderers, without the store:
 * for tests that place text in the model which validation would refuse, or that pin a renderer's
 * output for one article. Paths are those the Worker serves them at.
 */
import type { Article } from "../../src/content/articleSchema";
import { articleDocument } from "../../src/publish/loadDocument";
import { feedEntry } from "../../src/render/feedEntry";
import { indexPage } from "../../src/render/indexPage";
import { renderAtom } from "../../src/render/renderAtom";
import { renderJsonFeed } from "../../src/render/renderJsonFeed";
import { renderRss } from "../../src/render/renderRss";
import { FEED_TTL_MINUTES } from "../../src/site/freshness";
import type { Site } from "../../src/site/siteSchema";
import { sitePaths } from "../../src/site/siteUrls";

/** The feeds, the home page and each article's page, fragment and embed, by path. */
export function renderedDocuments(
	site: Site,
	articles: readonly Article[],
): ReadonlyMap<string, string> {
	const entries = articles.map((article) => feedEntry(site, article));
	const documents = new Map<string, string>([
		[sitePaths.rss, renderRss(site, entries, {}, FEED_TTL_MINUTES)],
		[sitePaths.atom, renderAtom(site, entries)],
		[sitePaths.jsonFeed, renderJsonFeed(site, entries)],
		[sitePaths.home, indexPage(site, articles).toString()],
	]);
	for (const article of articles) {
		for (const view of ["page", "fragment", "embed"] as const) {
			const path =
				view === "page" ? sitePaths.article(article.slug) : sitePaths[view](article.slug);
			documents.set(path, articleDocument(site, article, view, 0).body);
		}
	}
	return documents;
}

/** The body at `path` of `documents`; throws when there is none. */
export function bodyOf(documents: ReadonlyMap<string, string>, path: string): string {
	const body = documents.get(path);
	if (body === undefined) throw new Error(`no document at ${path}`);
	return body;
}
