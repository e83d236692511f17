/**
 * What a document is, which decides its media type and HTTP policy (http/responsePolicy.ts). Kept
 * below both publish/ (which loads documents) and http/ (which serves them), so neither imports
 * the other for it. Adding a kind: docs/architecture.md, "Adding a document kind".
 */
export type DocumentKind =
	| "rss"
	| "atom"
	| "jsonFeed"
	| "page"
	| "fragment"
	| "embed"
	| "oembed"
	| "sitemap"
	| "robots"
	| "stylesheet"
	/**
	 * The current stylesheet at a URL that names other bytes: another deploy's hash, or the
	 * unhashed URL pages linked before. Served so that a page cached before a deploy keeps its look.
	 */
	| "stylesheetAlias"
	| "searchPage"
	| "searchJson"
	| "openSearch";
