import type { Site } from "./siteSchema";

/** Every public URL of the site, built in one place so routes and renderers cannot disagree. */
export const sitePaths = {
	home: "/",
	rss: "/feed.xml",
	atom: "/atom.xml",
	jsonFeed: "/feed.json",
	stylesheet: "/assets/edgewire.css",
	article: (slug: string) => `/articles/${slug}`,
	fragment: (slug: string) => `/articles/${slug}/fragment`,
} as const;

export function absoluteUrl(site: Site, path: string): string {
	return `${site.origin}${path}`;
}

/** A stable, host-independent id (RFC 4151 tag URI), the same in every feed format. */
export function articleId(site: Site, slug: string): string {
	return `tag:${site.idAuthority},${site.idDate}:articles/${slug}`;
}

export function feedId(site: Site): string {
	return `tag:${site.idAuthority},${site.idDate}:feed`;
}
