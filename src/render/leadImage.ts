import type { Article, LeadImageInput } from "../content/articleSchema";
import { html, type SafeHtml } from "./html";

/**
 * The lead image as the fragment (and so the page and the embed view) shows it: its size given so
 * the layout does not jump, loaded when it comes into view, and its credit under it.
 */
export function leadImageHtml(image: LeadImageInput): SafeHtml {
	return html`<figure class="ew-lead-image"><img class="ew-image" src="${image.url}" alt="${image.alt}" width="${image.width}" height="${image.height}" loading="lazy" decoding="async"><figcaption class="ew-image-credit">Beeld: ${image.credit}</figcaption></figure>`;
}

/** The origins of the images a view of `article` shows, for its CSP `img-src`; none without one. */
export function imageOrigins(article: Article): readonly string[] {
	return article.image === undefined ? [] : [new URL(article.image.url).origin];
}
