import type { Article } from "./articleSchema";

/** An article's last change as an instant: `updated` when given (never earlier), else `published`. */
export function lastChanged(article: Article): Date {
	return (article.updated ?? article.published).instant;
}

/** The newest last change among `articles` (the epoch for none): a feed's or page's Last-Modified. */
export function newestChange(articles: readonly Article[]): Date {
	let newest = 0;
	for (const article of articles) newest = Math.max(newest, lastChanged(article).getTime());
	return new Date(newest);
}
