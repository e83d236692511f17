/**
 * The stored form of an article: the validated article written back as an `ArticleInput`, in
 * canonical JSON (fixed key order, normalised values), so that the same content always gives the
 * same bytes and the same hash. The store keeps this text; the Worker validates it again on read.
 */
import { hex } from "../encoding/hex";
import type { Article, ArticleInput, ChangeInput } from "./articleSchema";

/** The article as an editor could have written it, with every value in its normalised form. */
export function toArticleInput(article: Article): ArticleInput {
	const lead = article.body.find((block) => block.type === "paragraph");
	return {
		slug: article.slug,
		headline: article.headline,
		published: article.published.text,
		...(article.updated !== undefined && { updated: article.updated.text }),
		language: article.language,
		source: { name: article.source.name, url: article.source.url },
		// The default summary is the lead paragraph: stored only when the editor wrote another one.
		...(article.summary !== lead?.text && { summary: article.summary }),
		tags: [...article.tags],
		...(article.authors.length > 0 && {
			authors: article.authors.map(({ name, url, handle }) => ({
				name,
				...(url !== undefined && { url }),
				...(handle !== undefined && { handle }),
			})),
		}),
		body: article.body.map((block) => ({ ...block })),
		...(article.image !== undefined && { image: { ...article.image } }),
		...(article.changes.length > 0 && {
			changes: article.changes.map(({ at, kind, note }) => ({ at: at.text, kind, note })),
		}),
	};
}

/**
 * The log of corrections and updates of a stored document, as written (the store's documents
 * passed validation when they were written).
 */
export function changeLogOf(document: string): readonly ChangeInput[] {
	const input = JSON.parse(document) as Partial<ArticleInput>;
	return input.changes ?? [];
}

/** Canonical JSON: object keys sorted, no whitespace. Equal content gives equal text. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, nested: unknown) => {
		if (nested === null || typeof nested !== "object" || Array.isArray(nested)) return nested;
		const sorted: Record<string, unknown> = {};
		for (const key of Object.keys(nested).sort()) {
			sorted[key] = (nested as Record<string, unknown>)[key];
		}
		return sorted;
	});
}

/** The stored document and its SHA-256 (hex), which tells a publish whether anything changed. */
export async function articleDocument(
	article: Article,
): Promise<{ readonly document: string; readonly contentHash: string }> {
	const document = canonicalJson(toArticleInput(article));
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(document));
	return { document, contentHash: hex(digest) };
}
