import type { Article } from "./articleSchema";

/** An article's last change as an instant: `updated` when given (never earlier), else `published`. */
export function lastChanged(article: Article): Date {
	return (article.updated ?? article.published).instant;
}
