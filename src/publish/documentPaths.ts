/**
 * Which document a request path names, decided from the path alone (siteUrls.ts builds the same
 * paths). A path that can name nothing answers 404 without a storage round trip; whether a named
 * article or page exists is the store's to say (loadDocument.ts).
 */
import { SLUG, SLUG_MAX } from "../content/validateArticle";
import { sitePaths } from "../site/siteUrls";

export type FeedFormat = "rss" | "atom" | "jsonFeed";
export type ArticleView = "page" | "fragment" | "embed";

export type DocumentRequest =
	| { readonly type: "feed"; readonly format: FeedFormat }
	| { readonly type: "archive"; readonly format: "rss" | "atom"; readonly page: number }
	| { readonly type: "home"; readonly page: number }
	| { readonly type: "article"; readonly view: ArticleView; readonly slug: string }
	| { readonly type: "stylesheet" };

const FIXED: ReadonlyMap<string, DocumentRequest> = new Map<string, DocumentRequest>([
	[sitePaths.home, { type: "home", page: 1 }],
	[sitePaths.rss, { type: "feed", format: "rss" }],
	[sitePaths.atom, { type: "feed", format: "atom" }],
	[sitePaths.jsonFeed, { type: "feed", format: "jsonFeed" }],
	[sitePaths.stylesheet, { type: "stylesheet" }],
]);

// A page number as we write it: no sign, no leading zero, at most 9 digits.
const PAGE_NUMBER = "([1-9][0-9]{0,8})";
const HOME_PAGE = new RegExp(`^/page/${PAGE_NUMBER}$`);
const ARCHIVE = new RegExp(`^/archive/(rss|atom)/${PAGE_NUMBER}\\.xml$`);
const ARTICLE = /^\/articles\/([^/]+)(?:\/(fragment|embed))?$/;

/** The document `path` names, or undefined when it cannot name one. */
export function documentRequest(path: string): DocumentRequest | undefined {
	const fixed = FIXED.get(path);
	if (fixed !== undefined) return fixed;
	const article = ARTICLE.exec(path);
	if (article !== null) {
		const slug = article[1] ?? "";
		if (slug.length > SLUG_MAX || !SLUG.test(slug)) return undefined;
		const view = article[2] === "fragment" || article[2] === "embed" ? article[2] : "page";
		return { type: "article", view, slug };
	}
	const home = HOME_PAGE.exec(path);
	// Page 1 is `/` itself: /page/1 names nothing, so every page has one URL.
	if (home !== null)
		return Number(home[1]) > 1 ? { type: "home", page: Number(home[1]) } : undefined;
	const archive = ARCHIVE.exec(path);
	if (archive !== null) {
		return {
			type: "archive",
			format: archive[1] === "rss" ? "rss" : "atom",
			page: Number(archive[2]),
		};
	}
	return undefined;
}
