/**
 * Structured data for search engines and link previews: a schema.org `NewsArticle` as JSON-LD
 * (https://schema.org/NewsArticle), in a `<script type="application/ld+json">` data block.
 */
import type { Article } from "../content/articleSchema";
import { machineReadableDate } from "../content/publicationDate";
import { stripForbiddenChars } from "../content/text";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { SafeHtml } from "./html";

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** The article as a schema.org NewsArticle. Dates keep their known precision (`2023-07`, ISO 8601). */
export function newsArticle(site: Site, article: Article): Json {
	const url = absoluteUrl(site, sitePaths.article(article.slug));
	const source = { "@type": "Organization", name: article.source.name, url: article.source.url };
	return {
		"@context": "https://schema.org",
		"@type": "NewsArticle",
		"@id": url,
		url,
		mainEntityOfPage: { "@type": "WebPage", "@id": url },
		headline: article.headline,
		description: article.summary,
		inLanguage: article.language,
		datePublished: machineReadableDate(article.published),
		...(article.updated !== undefined && { dateModified: machineReadableDate(article.updated) }),
		// NOS wrote it; this site republishes it with credit.
		author: source,
		sourceOrganization: source,
		publisher: {
			"@type": "Organization",
			name: site.title,
			url: absoluteUrl(site, sitePaths.home),
		},
		keywords: article.tags,
		isAccessibleForFree: true,
		...(article.image !== undefined && {
			image: {
				"@type": "ImageObject",
				url: article.image.url,
				width: article.image.width,
				height: article.image.height,
				encodingFormat: article.image.type,
				creditText: article.image.credit,
			},
		}),
	};
}

// In a <script> element, `</script` or `<!--` in the text would end or bend the element (HTML
// "script data" states); entities are not decoded there, so HTML escaping cannot help. JSON's own
// \u escapes can: the parsed value is unchanged. U+2028/U+2029 are escaped for old JS parsers.
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/** JSON that can sit inside a `<script>` element: no `<`, `>` or `&` appears literally. */
export function jsonForScript(value: Json): string {
	const json = JSON.stringify(value, (_key, item: unknown) =>
		typeof item === "string" ? stripForbiddenChars(item) : item,
	);
	return json.replace(
		SCRIPT_UNSAFE,
		(char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
	);
}

/** The data block. Not executed, so the page's CSP needs no script-src for it. */
export function jsonLdScript(value: Json): SafeHtml {
	// jsonForScript leaves nothing that could end the element, so the text may pass unescaped.
	return new SafeHtml(`<script type="application/ld+json">${jsonForScript(value)}</script>\n`);
}
