import { lastChanged } from "../content/articleChanges";
import type { Article, LeadImageInput, Source } from "../content/articleSchema";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, articleId, sitePaths } from "../site/siteUrls";
import { articleBodyHtml, sourceCreditHtml } from "./articleBody";
import { changeLogHtml } from "./changeLog";
import { html } from "./html";

/** What every feed format says about one article, computed once and shared by all three. */
export interface FeedEntry {
	/** Host-independent tag URI, identical in RSS, Atom and JSON Feed. */
	readonly id: string;
	readonly url: string;
	/** Plain text. */
	readonly title: string;
	/** Plain text. */
	readonly summary: string;
	readonly summaryHtml: string;
	/** The whole article body plus its credit, as HTML. */
	readonly contentHtml: string;
	readonly published: Date;
	/** Last change: `updated`, or the publication date. */
	readonly updated: Date;
	readonly language: string;
	readonly source: Source;
	/** The byline's authors, each with their page on this site; empty when it names none. */
	readonly authors: readonly FeedAuthor[];
	readonly tags: readonly string[];
	/** The lead image, named beside the content (enclosure, media:content, image), not in it. */
	readonly image?: LeadImageInput;
}

export interface FeedAuthor {
	readonly name: string;
	/** Their author page on this site. */
	readonly url: string;
}

/**
 * Who a feed names for an entry, in order: its authors, then its source, which is credited
 * whether or not there are authors (RSS dc:creator, Atom author, JSON Feed authors).
 */
export function entryCredits(entry: FeedEntry): readonly FeedAuthor[] {
	return [...entry.authors, { name: entry.source.name, url: entry.source.url }];
}

export function feedEntry(site: Site, article: Article): FeedEntry {
	return {
		id: articleId(site, article.slug),
		url: absoluteUrl(site, sitePaths.article(article.slug)),
		title: article.headline,
		summary: article.summary,
		summaryHtml: html`<p>${article.summary}</p>`.toString(),
		// The log of corrections and updates travels with the text, so readers see what changed.
		contentHtml:
			html`${articleBodyHtml(article)}${changeLogHtml(site, article)}<p class="ew-credit">${sourceCreditHtml(article)}</p>`.toString(),
		published: article.published.instant,
		updated: lastChanged(article),
		language: article.language,
		source: article.source,
		authors: article.authors.map((author) => ({
			name: author.name,
			url: absoluteUrl(site, sitePaths.author(author.slug)),
		})),
		tags: article.tags,
		...(article.image !== undefined && { image: article.image }),
	};
}

/** The feed's own last change: the newest entry date, never "now", so output is byte-stable. */
export function feedUpdated(entries: readonly FeedEntry[]): Date {
	return new Date(Math.max(0, ...entries.map((entry) => entry.updated.getTime())));
}

/** The distinct sources of the entries: who wrote what the feed carries. */
export function feedSources(entries: readonly FeedEntry[]): readonly Source[] {
	const byName = new Map(entries.map((entry) => [entry.source.name, entry.source]));
	return [...byName.values()];
}
