import type { Article } from "./articleSchema";
import type { PublicationDate } from "./publicationDate";

/**
 * When an article last changed, as readers are told (Atom `<updated>`, JSON Feed `date_modified`,
 * JSON-LD `dateModified`): the latest of `updated` and its log's entries, undefined when neither
 * says it changed after publication.
 */
export function modified(article: Article): PublicationDate | undefined {
	const logged = article.changes[article.changes.length - 1]?.at;
	if (article.updated === undefined) return logged;
	if (logged === undefined) return article.updated;
	return logged.instant > article.updated.instant ? logged : article.updated;
}

/** An article's last change as an instant: `modified`, else its publication. */
export function lastChanged(article: Article): Date {
	return (modified(article) ?? article.published).instant;
}
