import type { SiteInput } from "../src/site/siteSchema";

/** The site's own settings. Its public URL is not here: it comes from SITE_URL (wrangler.toml). */
export default {
	title: "Edgewire",
	description: "Het belangrijkste nieuws uit Nederland en de wereld, elke dag bijgewerkt.",
	language: "nl",
	// Times of day are shown to readers in the newsroom's zone, summer time included.
	timeZone: "Europe/Amsterdam",
	// Stable entry ids are tag URIs (RFC 4151) minted under this authority, so they never depend on
	// the host the site is served from. Never change these two once published.
	idAuthority: "edgewire.news",
	idDate: "2026",
	// The newest articles carried by each feed; older ones stay reachable as pages.
	feedSize: 50,
	// Articles per page of the home page; older ones are on /page/2, /page/3, ...
	pageSize: 20,
	// Older articles are in RFC 5005 archives of this many, oldest first (/archive/rss/1.xml, ...).
	// Never change it once published: it decides which articles each archive URL holds.
	archivePageSize: 50,
} satisfies SiteInput;
