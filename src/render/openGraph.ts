/** Open Graph tags (https://ogp.me/) for link previews on social sites and chat apps. */
import { modified } from "../content/articleChanges";
import type { Article, LeadImageInput } from "../content/articleSchema";
import { machineReadableDate } from "../content/publicationDate";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { html, type SafeHtml } from "./html";

/** The usual territory for a language without one (og:locale wants `language_TERRITORY`). */
const DEFAULT_TERRITORY: Record<string, string> = { nl: "NL", en: "GB", de: "DE", fr: "FR" };

/** `nl` → `nl_NL`, `nl-BE` → `nl_BE`; undefined when no territory can be told. */
export function openGraphLocale(language: string): string | undefined {
	const [primary = "", region] = language.split("-");
	const territory =
		region !== undefined && /^[A-Za-z]{2}$/.test(region)
			? region.toUpperCase()
			: DEFAULT_TERRITORY[primary.toLowerCase()];
	return territory === undefined ? undefined : `${primary.toLowerCase()}_${territory}`;
}

export function openGraphMeta(site: Site, article: Article): SafeHtml {
	const lastModified = modified(article);
	const tags: [string, string | undefined][] = [
		["og:type", "article"],
		["og:title", article.headline],
		["og:description", article.summary],
		["og:url", absoluteUrl(site, sitePaths.article(article.slug))],
		["og:site_name", site.title],
		["og:locale", openGraphLocale(article.language)],
		["article:published_time", machineReadableDate(article.published)],
		[
			"article:modified_time",
			lastModified === undefined ? undefined : machineReadableDate(lastModified),
		],
		...article.tags.map((tag): [string, string] => ["article:tag", tag]),
		...imageTags(article.image),
	];
	return html`${tags.map(([property, content]) =>
		content === undefined ? "" : html`<meta property="${property}" content="${content}">\n`,
	)}`;
}

/** og:image and its structured properties (https://ogp.me/#structured), alt text included. */
function imageTags(image: LeadImageInput | undefined): [string, string][] {
	if (image === undefined) return [];
	return [
		["og:image", image.url],
		["og:image:type", image.type],
		["og:image:width", String(image.width)],
		["og:image:height", String(image.height)],
		["og:image:alt", image.alt],
	];
}
