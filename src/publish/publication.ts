import type { Article } from "../content/articleSchema";
import { laterDate } from "../content/publicationDate";
import { articleFragment } from "../render/articleFragment";
import { articlePage } from "../render/articlePage";
import { type FeedEntry, feedEntry, feedUpdated } from "../render/feedEntry";
import { indexPage } from "../render/indexPage";
import { renderAtom } from "../render/renderAtom";
import { renderJsonFeed } from "../render/renderJsonFeed";
import { renderRss } from "../render/renderRss";
import type { Site } from "../site/siteSchema";
import { sitePaths } from "../site/siteUrls";
import { stylesheet } from "./stylesheet";

/** What a document is, which decides its media type and HTTP policy. */
export type DocumentKind = "rss" | "atom" | "jsonFeed" | "page" | "fragment" | "stylesheet";

/** One published document: its bytes-to-be and the date of the newest content in it. */
export interface PublishedDocument {
	readonly kind: DocumentKind;
	readonly body: string;
	/** Newest content date (published or updated); absent for assets that carry no content. */
	readonly lastModified?: Date;
}

/** Every document the site publishes, by path. Pure: the same content gives the same bytes. */
export function buildPublication(
	site: Site,
	articles: readonly Article[],
): ReadonlyMap<string, PublishedDocument> {
	const documents = new Map<string, PublishedDocument>();
	// Feeds stay bounded: the newest `feedSize` articles (articles arrive newest first).
	const entries: readonly FeedEntry[] = articles
		.slice(0, site.feedSize)
		.map((article) => feedEntry(site, article));
	const feedChanged = feedUpdated(entries);
	documents.set(sitePaths.rss, {
		kind: "rss",
		body: renderRss(site, entries),
		lastModified: feedChanged,
	});
	documents.set(sitePaths.atom, {
		kind: "atom",
		body: renderAtom(site, entries),
		lastModified: feedChanged,
	});
	documents.set(sitePaths.jsonFeed, {
		kind: "jsonFeed",
		body: renderJsonFeed(site, entries),
		lastModified: feedChanged,
	});
	const newest = new Date(
		Math.max(...articles.map((a) => laterDate(a.published, a.updated).instant.getTime())),
	);
	documents.set(sitePaths.home, {
		kind: "page",
		body: indexPage(site, articles).toString(),
		lastModified: newest,
	});
	for (const article of articles) {
		const changed = laterDate(article.published, article.updated).instant;
		documents.set(sitePaths.article(article.slug), {
			kind: "page",
			body: articlePage(site, article).toString(),
			lastModified: changed,
		});
		documents.set(sitePaths.fragment(article.slug), {
			kind: "fragment",
			body: `${articleFragment(site, article).toString()}\n`,
			lastModified: changed,
		});
	}
	documents.set(sitePaths.stylesheet, { kind: "stylesheet", body: stylesheet });
	return documents;
}
