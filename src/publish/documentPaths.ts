/**
 * Which document a request path names, decided from the path alone (siteUrls.ts builds the same
 * paths). A path that can name nothing answers 404 without a storage round trip; whether a named
 * article, section or page exists is the store's to say (loadDocument.ts). Searches are not among
 * them: their answer depends on the query string too (routes/searchRoutes.ts).
 */
import type { CollectionKind } from "../content/collections";
import { isSlug } from "../content/validateArticle";
import type { FeedFormat } from "../render/feedChannel";
import { stylesheetHash } from "../render/stylesheetUrl";
import { sitePaths } from "../site/siteUrls";

export type { FeedFormat };
export type ArticleView = "page" | "fragment" | "embed";

export type DocumentRequest =
	| { readonly type: "feed"; readonly format: FeedFormat }
	| { readonly type: "archive"; readonly format: "rss" | "atom"; readonly page: number }
	| { readonly type: "home"; readonly page: number }
	| { readonly type: "article"; readonly view: ArticleView; readonly slug: string }
	| {
			readonly type: "collection";
			readonly kind: CollectionKind;
			readonly segment: string;
			readonly page: number;
	  }
	| {
			readonly type: "collectionFeed";
			readonly kind: CollectionKind;
			readonly segment: string;
			readonly format: FeedFormat;
	  }
	| { readonly type: "sitemap" }
	| { readonly type: "sitemapPart"; readonly part: number }
	| { readonly type: "authorsSitemap" }
	| { readonly type: "feedsPage" }
	| { readonly type: "newsSitemap" }
	| { readonly type: "robots" }
	/** `current`: the URL names the stylesheet this isolate serves (render/stylesheetUrl.ts). */
	| { readonly type: "stylesheet"; readonly current: boolean }
	| { readonly type: "openSearch" };

const FIXED: ReadonlyMap<string, DocumentRequest> = new Map<string, DocumentRequest>([
	[sitePaths.home, { type: "home", page: 1 }],
	[sitePaths.rss, { type: "feed", format: "rss" }],
	[sitePaths.atom, { type: "feed", format: "atom" }],
	[sitePaths.jsonFeed, { type: "feed", format: "jsonFeed" }],
	[sitePaths.sitemap, { type: "sitemap" }],
	[sitePaths.newsSitemap, { type: "newsSitemap" }],
	[sitePaths.authorsSitemap, { type: "authorsSitemap" }],
	[sitePaths.feeds, { type: "feedsPage" }],
	[sitePaths.robots, { type: "robots" }],
	[sitePaths.openSearch, { type: "openSearch" }],
]);

const FEED_FILES: Readonly<Record<string, FeedFormat>> = {
	"feed.xml": "rss",
	"atom.xml": "atom",
	"feed.json": "jsonFeed",
};

// A page number as we write it: no sign, no leading zero, at most 9 digits.
const PAGE_NUMBER = "([1-9][0-9]{0,8})";
const HOME_PAGE = new RegExp(`^/page/${PAGE_NUMBER}$`);
const ARCHIVE = new RegExp(`^/archive/(rss|atom)/${PAGE_NUMBER}\\.xml$`);
const SITEMAP_PART = new RegExp(`^/sitemaps/${PAGE_NUMBER}\\.xml$`);
// The stylesheet by a hash (sitePaths.stylesheet), or by the unhashed name pages used before.
const STYLESHEET = /^\/assets\/edgewire(?:\.([0-9a-f]{16}))?\.css$/;
const ARTICLE = /^\/articles\/([^/]+)(?:\/(fragment|embed))?$/;
// A section (/tags/...) or an author's page (/authors/...): its pages and its three feeds.
const COLLECTION = new RegExp(
	`^/(tags|authors)/([^/]+)(?:/page/${PAGE_NUMBER}|/(feed\\.xml|atom\\.xml|feed\\.json))?$`,
);

/** The document `path` names, or undefined when it cannot name one. */
export function documentRequest(path: string): DocumentRequest | undefined {
	const fixed = FIXED.get(path);
	if (fixed !== undefined) return fixed;
	const stylesheet = STYLESHEET.exec(path);
	if (stylesheet !== null)
		return { type: "stylesheet", current: stylesheet[1] === stylesheetHash() };
	const article = ARTICLE.exec(path);
	if (article !== null) {
		const slug = article[1] ?? "";
		if (!isSlug(slug)) return undefined;
		const view = article[2] === "fragment" || article[2] === "embed" ? article[2] : "page";
		return { type: "article", view, slug };
	}
	const collection = COLLECTION.exec(path);
	if (collection !== null) {
		const kind = collection[1] === "tags" ? "tag" : "author";
		return collectionRequest(kind, collection[2] ?? "", collection[3], collection[4]);
	}
	const home = HOME_PAGE.exec(path);
	// Page 1 is `/` itself: /page/1 names nothing, so every page has one URL.
	if (home !== null) return pageAfterFirst(Number(home[1]), (page) => ({ type: "home", page }));
	const archive = ARCHIVE.exec(path);
	if (archive !== null) {
		const format = archive[1] === "rss" ? "rss" : "atom";
		return { type: "archive", format, page: Number(archive[2]) };
	}
	const part = SITEMAP_PART.exec(path);
	if (part !== null) return { type: "sitemapPart", part: Number(part[1]) };
	return undefined;
}

function collectionRequest(
	kind: CollectionKind,
	segment: string,
	page: string | undefined,
	file: string | undefined,
): DocumentRequest | undefined {
	if (!isSlug(segment)) return undefined;
	const format = file === undefined ? undefined : FEED_FILES[file];
	if (format !== undefined) return { type: "collectionFeed", kind, segment, format };
	if (page === undefined) return { type: "collection", kind, segment, page: 1 };
	return pageAfterFirst(Number(page), (n) => ({ type: "collection", kind, segment, page: n }));
}

/** Pages 2 and up have their own path; page 1 is the listing's own URL. */
function pageAfterFirst(
	page: number,
	request: (page: number) => DocumentRequest,
): DocumentRequest | undefined {
	return page > 1 ? request(page) : undefined;
}
