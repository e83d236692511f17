/**
 * Where a search result's words were found: a short stretch of the article's text with the words
 * that match the query marked, as parts (plain or matched) that each renderer escapes its own way.
 * The index holds no text (migrations/0008), so the stretch is found here, in the article itself,
 * matching words as FTS5 does: case and diacritics folded, a phrase's words in a row, a prefix's
 * last word by its beginning.
 */
import type { Article } from "../content/articleSchema";
import { foldWord, type SearchQuery, wordsIn } from "../content/searchQuery";

export interface SnippetPart {
	readonly text: string;
	/** Whether these are words the query matched. */
	readonly match: boolean;
}

/** How many words a snippet shows. */
export const SNIPPET_WORDS = 30;

const ELLIPSIS = "…";

/** Which words of `text` the query's phrases match (by index into wordsIn(text)). */
function matchedWords(words: readonly string[], query: SearchQuery): Set<number> {
	const folded = words.map(foldWord);
	const matched = new Set<number>();
	for (const phrase of query.phrases) {
		const wanted = phrase.words.map(foldWord);
		const last = wanted.length - 1;
		for (let start = 0; start + wanted.length <= folded.length; start++) {
			const matches = wanted.every((word, i) => {
				const have = folded[start + i] ?? "";
				return i === last && phrase.prefix ? have.startsWith(word) : have === word;
			});
			if (matches) for (let i = 0; i <= last; i++) matched.add(start + i);
		}
	}
	return matched;
}

/** `text` split into parts, the matched words marked (all of it, or words `from` to `to`). */
function partsOf(
	text: string,
	query: SearchQuery,
	window: { readonly from: number; readonly to: number } | undefined = undefined,
): SnippetPart[] {
	const words = wordsIn(text);
	const matched = matchedWords(
		words.map(({ word }) => word),
		query,
	);
	const from = window?.from ?? 0;
	const to = Math.min(window?.to ?? words.length, words.length);
	const parts: SnippetPart[] = [];
	const push = (part: string, match: boolean) => {
		if (part === "") return;
		const previous = parts.at(-1);
		if (previous !== undefined && previous.match === match) {
			parts[parts.length - 1] = { text: previous.text + part, match };
		} else parts.push({ text: part, match });
	};
	// From the text's start when the stretch starts with it, and to its end when it ends with it.
	let at = from === 0 ? 0 : (words[from]?.start ?? 0);
	for (let i = from; i < to; i++) {
		const word = words[i];
		if (word === undefined) break;
		// The space between two matched words is marked with them: "het kabinet" is one mark.
		const gap = text.slice(at, word.start);
		push(gap, i > from && matched.has(i - 1) && matched.has(i) && /^\s+$/u.test(gap));
		push(word.word, matched.has(i));
		at = word.end;
	}
	if (to >= words.length) push(text.slice(at), false);
	return parts;
}

/** The headline (or any short text) with the query's words marked. */
export function markedText(text: string, query: SearchQuery): SnippetPart[] {
	return partsOf(text, query);
}

/** The texts a snippet may come from: the summary, then every block of the body, in order. */
function snippetSources(article: Article): string[] {
	const blocks = article.body.map((block) =>
		block.type === "mediaCaption" ? block.caption : block.text,
	);
	return [...new Set([article.summary, ...blocks])];
}

/**
 * SNIPPET_WORDS words of the article around its best match: the stretch with the most different
 * matched words (the earliest of equals), `…` where text is left out. Without a match in the text
 * (the words were in the headline, a tag or a byline), the start of the summary, unmarked.
 */
export function searchSnippet(article: Article, query: SearchQuery): SnippetPart[] {
	let best: { source: string; from: number; score: number } | undefined;
	for (const source of snippetSources(article)) {
		const words = wordsIn(source).map(({ word }) => word);
		const matched = matchedWords(words, query);
		for (const index of matched) {
			// A stretch that starts a few words before a match, so that it reads in context.
			const from = Math.max(0, Math.min(index - 3, words.length - SNIPPET_WORDS));
			const inside = new Set(
				[...matched]
					.filter((i) => i >= from && i < from + SNIPPET_WORDS)
					.map((i) => foldWord(words[i] ?? "")),
			);
			if (best === undefined || inside.size > best.score) {
				best = { source, from, score: inside.size };
			}
		}
	}
	const source = best?.source ?? article.summary;
	const from = best?.from ?? 0;
	const count = wordsIn(source).length;
	const parts = partsOf(source, query, { from, to: from + SNIPPET_WORDS });
	if (from > 0) parts.unshift({ text: `${ELLIPSIS} `, match: false });
	if (from + SNIPPET_WORDS < count) parts.push({ text: ` ${ELLIPSIS}`, match: false });
	return mergeParts(parts);
}

/** Neighbouring parts of the same kind as one. */
function mergeParts(parts: readonly SnippetPart[]): SnippetPart[] {
	const merged: SnippetPart[] = [];
	for (const part of parts) {
		const previous = merged.at(-1);
		if (previous !== undefined && previous.match === part.match) {
			merged[merged.length - 1] = { text: previous.text + part.text, match: part.match };
		} else merged.push(part);
	}
	return merged;
}
