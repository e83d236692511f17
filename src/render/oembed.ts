/**
 * oEmbed 1.0 answers (https://oembed.com/, §2.3) for an article: a `rich` embed whose `html` is a
 * sandboxed iframe of the embed view, followed by a plain `<blockquote>` that still credits the
 * source and links the article where a consumer strips or hides iframes (WordPress does both for
 * providers it does not know).
 */
import type { Article } from "../content/articleSchema";
import { dutchList } from "../content/dutchList";
import type { PublicationDate } from "../content/publicationDate";
import { stripForbiddenChars } from "../content/text";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { html, type SafeHtml } from "./html";
import { timeHtml } from "./publicationDateHtml";
import { textDirection } from "./textDirection";

export interface EmbedSize {
	readonly width: number;
	readonly height: number;
}

/** The size offered when the consumer asks for none; `maxwidth`/`maxheight` only shrink it. */
export const EMBED_SIZE: EmbedSize = { width: 640, height: 720 };

/** Seconds a consumer may keep an answer: the iframe always shows the article as it is now. */
export const OEMBED_CACHE_AGE = 86_400;

/**
 * The iframe may open links in a new, unsandboxed tab and do nothing else: no script, no
 * same-origin access, no forms, no top-level navigation.
 */
export const EMBED_SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

/** oEmbed §2.3.4: the fields of a `rich` response. */
export interface OEmbedRich {
	readonly type: "rich";
	readonly version: "1.0";
	readonly title: string;
	readonly author_name: string;
	readonly author_url: string;
	readonly provider_name: string;
	readonly provider_url: string;
	readonly cache_age: number;
	readonly html: string;
	readonly width: number;
	readonly height: number;
}

/** What every answer for one article says, whatever its size: computed once per isolate. */
export interface OEmbedSubject {
	readonly headline: string;
	readonly language: string;
	readonly published: PublicationDate;
	/** The newsroom's time zone, in which a published instant is shown. */
	readonly timeZone: string;
	readonly sourceName: string;
	readonly sourceUrl: string;
	/** The byline's names as one Dutch list (`A, B en C`), absent without authors. */
	readonly byline?: string;
	/** oEmbed's author: the first author's page here, else the source. */
	readonly authorUrl: string;
	readonly articleUrl: string;
	readonly embedUrl: string;
	readonly providerName: string;
	readonly providerUrl: string;
}

export function oembedSubject(site: Site, article: Article): OEmbedSubject {
	const [first] = article.authors;
	return {
		headline: article.headline,
		language: article.language,
		published: article.published,
		timeZone: site.timeZone,
		sourceName: article.source.name,
		sourceUrl: article.source.url,
		...(first !== undefined && { byline: dutchList(article.authors.map((a) => a.name)) }),
		authorUrl:
			first === undefined ? article.source.url : absoluteUrl(site, sitePaths.author(first.slug)),
		articleUrl: absoluteUrl(site, sitePaths.article(article.slug)),
		embedUrl: absoluteUrl(site, sitePaths.embed(article.slug)),
		providerName: site.title,
		providerUrl: absoluteUrl(site, sitePaths.home),
	};
}

/** The largest size within the consumer's maxima (oEmbed §2.2: a provider must respect them). */
export function fitEmbedSize(maxwidth?: number, maxheight?: number): EmbedSize {
	return {
		width: Math.min(EMBED_SIZE.width, maxwidth ?? EMBED_SIZE.width),
		height: Math.min(EMBED_SIZE.height, maxheight ?? EMBED_SIZE.height),
	};
}

/** The markup a consumer pastes: one line of iframe (WordPress matches it per line), then the fallback. */
export function oembedHtml(subject: OEmbedSubject, size: EmbedSize): SafeHtml {
	const { headline, providerName } = subject;
	return html`<iframe class="edgewire-embed" src="${subject.embedUrl}" width="${size.width}" height="${size.height}" title="${headline} (${providerName})" sandbox="${EMBED_SANDBOX}" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>
<blockquote class="edgewire-embed-fallback" cite="${subject.articleUrl}" lang="${subject.language}" dir="${textDirection(subject.language)}"><p><a href="${subject.articleUrl}">${headline}</a></p><p>${subject.byline === undefined ? "" : html`Door ${subject.byline} · `}Bron: <a href="${subject.sourceUrl}">${subject.sourceName}</a> · ${timeHtml(subject.published, "ew-date", subject.timeZone)}</p></blockquote>`;
}

export function oembed(subject: OEmbedSubject, size: EmbedSize): OEmbedRich {
	const text = stripForbiddenChars;
	return {
		type: "rich",
		version: "1.0",
		title: text(subject.headline),
		// The byline when there is one; the source stays credited in the html either way.
		author_name: text(subject.byline ?? subject.sourceName),
		author_url: subject.authorUrl,
		provider_name: text(subject.providerName),
		provider_url: subject.providerUrl,
		cache_age: OEMBED_CACHE_AGE,
		html: oembedHtml(subject, size).toString(),
		width: size.width,
		height: size.height,
	};
}

export function renderOEmbed(subject: OEmbedSubject, size: EmbedSize): string {
	return `${JSON.stringify(oembed(subject, size))}\n`;
}
