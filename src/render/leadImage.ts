import type { Article, LeadImageInput } from "../content/articleSchema";
import { html, type SafeHtml } from "./html";

/**
 * The lead image as the fragment (and so the page and the embed view) shows it: its size given so
 * the layout does not jump, and its credit under it. `eager` where it is above the fold (the
 * article's page and embed view: a lazy image there would wait for layout before loading); `lazy`
 * in the fragment, which a partner page may place anywhere.
 */
export function leadImageHtml(image: LeadImageInput, loading: "eager" | "lazy"): SafeHtml {
	return html`<figure class="ew-lead-image"><img class="ew-image" src="${image.url}" alt="${image.alt}" width="${image.width}" height="${image.height}" loading="${loading}" decoding="async"><figcaption class="ew-image-credit">Beeld: ${image.credit}</figcaption></figure>`;
}

/**
 * The lead image, small, beside a teaser: lazy (most teasers are below the fold), its size given
 * so the list does not jump while it loads. Its credit is on the article's page.
 */
export function teaserImageHtml(image: LeadImageInput): SafeHtml {
	return html`<img class="ew-teaser-image" src="${image.url}" alt="${image.alt}" width="${image.width}" height="${image.height}" loading="lazy" decoding="async">`;
}

/** The origins of the images a view of `article` shows, for its CSP `img-src`; none without one. */
export function imageOrigins(article: Article): readonly string[] {
	return article.image === undefined ? [] : [new URL(article.image.url).origin];
}

/** The origins of the images a listing of `articles` shows beside their teasers, each once. */
export function teaserImageOrigins(articles: readonly Article[]): readonly string[] {
	return [...new Set(articles.flatMap(imageOrigins))];
}
