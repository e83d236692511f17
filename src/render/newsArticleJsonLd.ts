/**
 * Structured data for search engines and link previews: a schema.org `NewsArticle` as JSON-LD
 * (https://schema.org/NewsArticle), in a `<script type="application/ld+json">` data block.
 */
import { modified } from "../content/articleChanges";
import type { Article, Author } from "../content/articleSchema";
import { handleUrl } from "../content/fediverseHandle";
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
	const lastModified = modified(article);
	const corrections = article.changes.filter((change) => change.kind === "correction");
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
		...(lastModified !== undefined && { dateModified: machineReadableDate(lastModified) }),
		// Its authors when the byline names them, else the source: NOS wrote it, this site
		// republishes it with credit, and the source stays credited either way.
		author:
			article.authors.length === 0 ? source : article.authors.map((author) => person(site, author)),
		sourceOrganization: source,
		publisher: {
			"@type": "Organization",
			name: site.title,
			url: absoluteUrl(site, sitePaths.home),
		},
		keywords: article.tags,
		isAccessibleForFree: true,
		// schema.org `correction`: each correction, with its text and date (updates are not errors).
		...(corrections.length > 0 && {
			correction: corrections.map((change) => ({
				"@type": "CorrectionComment",
				text: change.note,
				datePublished: machineReadableDate(change.at),
			})),
		}),
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

/** An author as a schema.org Person: their page here, and their own page and account beside it. */
function person(site: Site, author: Author): Json {
	const elsewhere = [
		author.url,
		author.handle === undefined ? undefined : handleUrl(author.handle),
	];
	const sameAs = elsewhere.filter((url): url is string => url !== undefined);
	return {
		"@type": "Person",
		name: author.name,
		url: absoluteUrl(site, sitePaths.author(author.slug)),
		...(sameAs.length > 0 && { sameAs }),
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
