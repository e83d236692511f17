/**
 * Rows of the `articles` table (migrations/0001_article_store.sql) and how the Worker reads them:
 * the stored document goes through the same `validateArticle` as content files, so the Worker
 * renders only what passed it, and a row that does not is reported instead of rendered.
 */
import type { Article } from "../content/articleSchema";
import { formatProblem } from "../content/contentError";
import { FieldChecker } from "../content/fieldChecks";
import { validateArticle } from "../content/validateArticle";
import { StoreError } from "./storeError";

/** The columns a reader needs to render an article and date its documents. */
export interface ArticleRow {
	readonly slug: string;
	readonly document: string;
	readonly published_at: number;
	readonly revised_at: number;
}

/** The columns listed by every query that returns `ArticleRow`s. */
export const ARTICLE_COLUMNS = "slug, document, published_at, revised_at";

/** An article as stored: the validated model and when its documents last changed. */
export interface StoredArticle {
	readonly article: Article;
	/** When its public documents last changed: its revision, or its release if that is later (ms). */
	readonly changedAt: number;
}

/** Runs `statement` (which lists ARTICLE_COLUMNS) and validates every row it returns, in order. */
export async function readArticles(statement: D1PreparedStatement): Promise<StoredArticle[]> {
	const { results } = await statement.all<ArticleRow>();
	return results.map(readArticleRow);
}

/** The models of `stored`, in the same order. */
export function articlesOf(stored: readonly StoredArticle[]): Article[] {
	return stored.map(({ article }) => article);
}

/** Validates a row as content is validated; throws a StoreError naming the row otherwise. */
export function readArticleRow(row: ArticleRow): StoredArticle {
	const where = `D1 articles row ${JSON.stringify(row.slug)}`;
	let input: unknown;
	try {
		input = JSON.parse(row.document);
	} catch {
		throw new StoreError(`${where}: document is not JSON`);
	}
	const check = new FieldChecker(where);
	// The store decided visibility; a scheduled row read for a preview is not "in the future".
	const article = validateArticle(input, check, { now: undefined });
	if (article === undefined || check.problems.length > 0) {
		throw new StoreError(check.problems.map(formatProblem).join("; ") || `${where}: unreadable`);
	}
	if (article.slug !== row.slug) {
		throw new StoreError(`${where}: document has slug ${JSON.stringify(article.slug)}`);
	}
	return { article, changedAt: Math.max(row.revised_at, row.published_at) };
}
