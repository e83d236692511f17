import type { Article, ContentEntry } from "./articleSchema";
import { CollectionRegistry } from "./collectionRegistry";
import { ContentError, type ContentProblem } from "./contentError";
import { FieldChecker } from "./fieldChecks";
import { type ValidationOptions, validateArticle } from "./validateArticle";

/**
 * Validates every registered article and returns them newest first (ties by slug, so the order
 * is stable). Throws one `ContentError` listing every problem in every file.
 */
export function loadArticles(
	entries: readonly ContentEntry[],
	options?: ValidationOptions,
): readonly Article[] {
	const problems: ContentProblem[] = [];
	const articles: Article[] = [];
	const slugOwners = new Map<string, string>();
	const collections = new CollectionRegistry();
	for (const entry of entries) {
		const check = new FieldChecker(entry.file);
		const article = validateArticle(entry.input, check, options);
		problems.push(...check.problems);
		if (article === undefined) continue;
		const owner = slugOwners.get(article.slug);
		if (owner !== undefined) {
			problems.push({
				file: entry.file,
				path: "slug",
				message: `${JSON.stringify(article.slug)} is already used by ${owner}`,
			});
			continue;
		}
		slugOwners.set(article.slug, entry.file);
		problems.push(...collections.claim(article, entry.file));
		articles.push(article);
	}
	if (entries.length === 0) {
		problems.push({
			file: "content/articles",
			path: "(folder)",
			message: "has no articles: refusing to withdraw everything (is this the right folder?)",
		});
	}
	if (problems.length > 0) throw new ContentError(problems);
	return articles.sort(
		(a, b) =>
			b.published.instant.getTime() - a.published.instant.getTime() || a.slug.localeCompare(b.slug),
	);
}
