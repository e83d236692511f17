import { lastChanged } from "../content/articleChanges";
import type { Article, LeadImageInput, Source } from "../content/articleSchema";
import type { Site } from "../site/siteSchema";
import { absoluteUrl, articleId, sitePaths } from "../site/siteUrls";
import { articleBodyHtml, sourceCreditHtml } from "./articleBody";
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
	readonly tags: readonly string[];
	/** The lead image, named beside the content (enclosure, media:content, image), not in it. */
	readonly image?: LeadImageInput;
}

export function feedEntry(site: Site, article: Article): FeedEntry {
	return {
		id: articleId(site, article.slug),
		url: absoluteUrl(site, sitePaths.article(article.slug)),
		title: article.headline,
		summary: article.summary,
		summaryHtml: html`<p>${article.summary}</p>`.toString(),
		contentHtml:
			html`${articleBodyHtml(article)}<p class="ew-credit">${sourceCreditHtml(article)}</p>`.toString(),
		published: article.published.instant,
		updated: lastChanged(article),
		language: article.language,
		source: article.source,
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
