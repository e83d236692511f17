import type { Site } from "./siteSchema";

/** Every public URL of the site, built in one place so routes and renderers cannot disagree. */
export const sitePaths = {
	home: "/",
	/** Page `n` of the newest articles; page 1 is the home page itself. */
	homePage: (page: number) => (page === 1 ? "/" : `/page/${page}`),
	rss: "/feed.xml",
	atom: "/atom.xml",
	jsonFeed: "/feed.json",
	/** Every feed, listed for people. */
	feeds: "/feeds",
	/**
	 * The stylesheet, named by a hash of its bytes (render/stylesheetUrl.ts); `/assets/edgewire.css`,
	 * its name before it had one, still answers (publish/documentPaths.ts).
	 */
	stylesheet: (hash: string) => `/assets/edgewire.${hash}.css`,
	/**
	 * The site's icon, static files in public/ drawn by `npm run icons` (scripts/icons): the mark as
	 * SVG, the favicon, PNGs for feeds.
	 */
	iconSvg: "/assets/edgewire.svg",
	favicon: "/favicon.ico",
	iconPng: (size: 64 | 144 | 512) => `/assets/edgewire-${size}.png`,
	/** A 2:1 image for Atom's <logo> (RFC 4287 §4.2.14). */
	logo: "/assets/edgewire-logo.png",
	article: (slug: string) => `/articles/${slug}`,
	fragment: (slug: string) => `/articles/${slug}/fragment`,
	/** RFC 5005 archive pages, numbered from 1 (the oldest articles). */
	rssArchive: (page: number | string) => `/archive/rss/${page}.xml`,
	atomArchive: (page: number | string) => `/archive/atom/${page}.xml`,
	/** A complete, frameable document around the fragment: what oEmbed's iframe loads. */
	embed: (slug: string) => `/articles/${slug}/embed`,
	oembed: "/oembed",
	robots: "/robots.txt",
	sitemap: "/sitemap.xml",
	/** Part `n` of the sitemap once the site has more URLs than one sitemap file may hold. */
	sitemapPart: (part: number | string) => `/sitemaps/${part}.xml`,
	newsSitemap: "/news-sitemap.xml",
	/** Every author's page (sitemaps.org urlset), named in robots.txt and in the sitemap index. */
	authorsSitemap: "/sitemaps/authors.xml",
	/** A section by tag: its pages and its feeds. */
	tag: (slug: string) => `/tags/${slug}`,
	tagPage: (slug: string, page: number) =>
		page === 1 ? `/tags/${slug}` : `/tags/${slug}/page/${page}`,
	tagRss: (slug: string) => `/tags/${slug}/feed.xml`,
	tagAtom: (slug: string) => `/tags/${slug}/atom.xml`,
	tagJsonFeed: (slug: string) => `/tags/${slug}/feed.json`,
	/** An author's page (like a section's): their articles, pages and feeds. */
	author: (slug: string) => `/authors/${slug}`,
	authorPage: (slug: string, page: number) =>
		page === 1 ? `/authors/${slug}` : `/authors/${slug}/page/${page}`,
	authorRss: (slug: string) => `/authors/${slug}/feed.xml`,
	authorAtom: (slug: string) => `/authors/${slug}/atom.xml`,
	authorJsonFeed: (slug: string) => `/authors/${slug}/feed.json`,
	/** Search for people (HTML) and for programs (JSON); `searchPage` builds one page's URL. */
	search: "/search",
	searchJson: "/search.json",
	/** The OpenSearch 1.1 description every page links with rel="search", for browsers. */
	openSearch: "/opensearch.xml",
	/** The editors' preview: a form (GET), its sign-in (POST), and one article before its time. */
	preview: "/preview",
	previewArticle: (slug: string) => `/preview/${slug}`,
} as const;

/** What a search page is of: the query as shown, an optional section, a page (1: the first). */
export interface SearchLocation {
	readonly text: string;
	readonly section?: string | undefined;
	readonly page: number;
}

/** The path of a search page: `/search?q=...` (`.json` for programs), section and page when set. */
export function searchPath(format: "page" | "json", location: SearchLocation): string {
	const query = new URLSearchParams({ q: location.text });
	if (location.section !== undefined) query.set("section", location.section);
	if (location.page > 1) query.set("page", String(location.page));
	return `${format === "json" ? sitePaths.searchJson : sitePaths.search}?${query}`;
}

export function absoluteUrl(site: Site, path: string): string {
	return `${site.origin}${path}`;
}

/** The oEmbed endpoint's answer for one of our pages, as discovery links give it (oEmbed §4). */
export function oembedUrl(site: Site, pageUrl: string): string {
	const query = new URLSearchParams({ url: pageUrl, format: "json" });
	return `${site.origin}${sitePaths.oembed}?${query}`;
}

/** A stable, host-independent id (RFC 4151 tag URI), the same in every feed format. */
export function articleId(site: Site, slug: string): string {
	return `tag:${site.idAuthority},${site.idDate}:articles/${slug}`;
}

export function feedId(site: Site): string {
	return `tag:${site.idAuthority},${site.idDate}:feed`;
}
