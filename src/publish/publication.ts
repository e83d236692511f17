import { lastChanged, newestChange } from "../content/articleChanges";
import type { Article } from "../content/articleSchema";
import { articleEmbed } from "../render/articleEmbed";
import { articleFragment } from "../render/articleFragment";
import { articlePage } from "../render/articlePage";
import { feedEntry } from "../render/feedEntry";
import { indexPage } from "../render/indexPage";
import { renderAtom } from "../render/renderAtom";
import { renderJsonFeed } from "../render/renderJsonFeed";
import { renderRss } from "../render/renderRss";
import type { Site } from "../site/siteSchema";
import { sitePaths } from "../site/siteUrls";
import { archiveHistory, archivePages, archivePath, currentFeedHistory } from "./feedArchives";
import { stylesheet } from "./stylesheet";

/** What a document is, which decides its media type and HTTP policy. */
export type DocumentKind =
	| "rss"
	| "atom"
	| "jsonFeed"
	| "page"
	| "fragment"
	| "embed"
	| "oembed"
	| "stylesheet";

/** One published document: its bytes-to-be and the date of the newest content in it. */
export interface PublishedDocument {
	readonly kind: DocumentKind;
	readonly body: string;
	/** Newest content date (published or updated); absent for assets that carry no content. */
	readonly lastModified?: Date;
	/** An RFC 5005 archive page: its entries never change (feedArchives.ts). */
	readonly archived?: true;
}

/**
 * Every document the site publishes, by path. Pure: the same content gives the same bytes. Each
 * body is rendered when read, so a large site costs only the documents actually served.
 */
export function buildPublication(
	site: Site,
	articles: readonly Article[],
): ReadonlyMap<string, PublishedDocument> {
	const documents = new Map<string, PublishedDocument>();
	// Feeds stay bounded: the newest `feedSize` articles (articles arrive newest first).
	const newest = articles.slice(0, site.feedSize);
	const entries = once(() => newest.map((article) => feedEntry(site, article)));
	const feedChanged = newestChange(newest);
	// Older articles stay reachable through RFC 5005 archive pages, linked from the feeds.
	const pages = archivePages(articles, site.archivePageSize);
	documents.set(
		sitePaths.rss,
		published("rss", feedChanged, () =>
			renderRss(site, entries(), currentFeedHistory(site, "rss", pages.length)),
		),
	);
	documents.set(
		sitePaths.atom,
		published("atom", feedChanged, () =>
			renderAtom(site, entries(), currentFeedHistory(site, "atom", pages.length)),
		),
	);
	documents.set(
		sitePaths.jsonFeed,
		published("jsonFeed", feedChanged, () => renderJsonFeed(site, entries())),
	);
	for (const page of pages) {
		const pageEntries = once(() => page.articles.map((article) => feedEntry(site, article)));
		const pageChanged = newestChange(page.articles);
		for (const format of ["rss", "atom"] as const) {
			const render = format === "rss" ? renderRss : renderAtom;
			const history = archiveHistory(site, format, page.number, pages.length);
			documents.set(
				archivePath(format, page.number),
				published(format, pageChanged, () => render(site, pageEntries(), history), true),
			);
		}
	}
	documents.set(
		sitePaths.home,
		published("page", newestChange(articles), () => indexPage(site, articles).toString()),
	);
	for (const article of articles) {
		const changed = lastChanged(article);
		documents.set(
			sitePaths.article(article.slug),
			published("page", changed, () => articlePage(site, article).toString()),
		);
		documents.set(
			sitePaths.fragment(article.slug),
			published("fragment", changed, () => `${articleFragment(site, article).toString()}\n`),
		);
		documents.set(
			sitePaths.embed(article.slug),
			published("embed", changed, () => articleEmbed(site, article).toString()),
		);
	}
	documents.set(sitePaths.stylesheet, { kind: "stylesheet", body: stylesheet });
	return documents;
}

/**
 * A document whose body is rendered when read. It is not kept here: preparedSite.ts reads it once
 * per isolate and keeps the encoded bytes, so a second copy of the text would only cost memory.
 */
function published(
	kind: DocumentKind,
	lastModified: Date,
	render: () => string,
	archived?: true,
): PublishedDocument {
	// A getter, not a value: never spread this object, which would render the body.
	return {
		kind,
		lastModified,
		...(archived && { archived }),
		get body() {
			return render();
		},
	};
}

function once<T>(compute: () => T): () => T {
	let done = false;
	let value: T;
	return () => {
		if (!done) {
			value = compute();
			done = true;
		}
		return value;
	};
}
