/**
 * What a person types into a search box, as data: phrases of words. A word is a run of letters,
 * digits and marks, the runs FTS5's unicode61 tokenizer makes tokens of (migrations/0008); every
 * other character only separates words. Double quotes make a phrase (`"het kabinet"`), a `*` right
 * after a word makes it a prefix (`kabin*`). Nothing else a person types means anything: `-`, `^`,
 * `:`, `NEAR(`, `AND`, `OR`, `NOT` and parentheses are not operators here, and the store quotes
 * every word it sends to FTS5 (store/articleSearch.ts), so the text only ever reaches it as data.
 *
 * @example
 * parseSearchQuery('"het kabinet" asiel*')
 * // { phrases: [{ words: ["het", "kabinet"], prefix: false }, { words: ["asiel"], prefix: true }] }
 */
import { stripForbiddenChars } from "./text";

/** The longest query answered, in characters after normalisation (the search box holds no more). */
export const MAX_QUERY_LENGTH = 200;

/** The most words a query may have: each costs the search a bounded count (store/articleSearch.ts). */
export const MAX_QUERY_WORDS = 10;

/** One word: letters, digits, marks and private-use characters, as unicode61 reads them. */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

export interface SearchPhrase {
	/** The words as typed: FTS5 folds case and diacritics itself, as it did for the index. */
	readonly words: readonly string[];
	/** Whether the last word is a prefix (`kabin*` finds kabinet, kabinetten, kabinetsberaad). */
	readonly prefix: boolean;
}

export interface SearchQuery {
	/** Every phrase must match (AND); a word on its own is a phrase of one. */
	readonly phrases: readonly SearchPhrase[];
}

/**
 * The query as it is shown back and cached: Unicode NFC, characters no document may hold removed,
 * every run of white space one space, trimmed. Two spellings that normalise alike are one query.
 */
export function normalizeQueryText(text: string): string {
	return stripForbiddenChars(text.normalize("NFC")).replace(/\s+/gu, " ").trim();
}

/** The words of `text` with where each starts and ends (UTF-16 offsets), in order. */
export function wordsIn(text: string): { word: string; start: number; end: number }[] {
	return [...text.matchAll(WORD)].map((match) => ({
		word: match[0],
		start: match.index,
		end: match.index + match[0].length,
	}));
}

/**
 * A word as unicode61 with remove_diacritics 2 compares it, near enough to mark matches in a
 * snippet: lower case, diacritics dropped (`België` and `belgie` are one word).
 */
export function foldWord(word: string): string {
	const lower = word.toLowerCase();
	// Most words are ASCII: nothing to decompose (a snippet folds every word of an article).
	return /^[a-z0-9]*$/.test(lower) ? lower : lower.normalize("NFD").replace(/\p{M}/gu, "");
}

/** A phrase of the words in `text`, or undefined when it has none; prefix when a `*` follows the last. */
function phraseOf(text: string, starred: boolean): SearchPhrase | undefined {
	const words = wordsIn(text);
	const last = words.at(-1);
	if (last === undefined) return undefined;
	const prefix = starred || text[last.end] === "*";
	return { words: words.map(({ word }) => word), prefix };
}

/**
 * The phrases of `text`: each quoted part is one phrase (an unclosed quote runs to the end); outside
 * quotes each run of non-space characters is one (`kabinet-Rutte` is the phrase "kabinet Rutte", as
 * the index holds it). A phrase given twice counts once.
 */
export function parseSearchQuery(text: string): SearchQuery {
	const phrases: SearchPhrase[] = [];
	const parts = text.split('"');
	parts.forEach((part, i) => {
		if (i % 2 === 1) {
			// A `*` right after the closing quote marks the phrase's last word as a prefix too.
			const phrase = phraseOf(part, parts[i + 1]?.startsWith("*") === true);
			if (phrase !== undefined) phrases.push(phrase);
			return;
		}
		for (const chunk of part.split(/\s+/u)) {
			const phrase = phraseOf(chunk, false);
			if (phrase !== undefined) phrases.push(phrase);
		}
	});
	const seen = new Set<string>();
	return {
		phrases: phrases.filter((phrase) => {
			const key = `${phrase.words.map(foldWord).join(" ")}${phrase.prefix ? "*" : ""}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		}),
	};
}

/** How many words the query has, over all its phrases. */
export function wordCount(query: SearchQuery): number {
	return query.phrases.reduce((sum, phrase) => sum + phrase.words.length, 0);
}
