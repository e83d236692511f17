/**
 * A query as data: what a person types becomes phrases of words (src/content/searchQuery.ts), and
 * the FTS5 expression is built from those words alone, each one inside an FTS5 string
 * (src/store/articleSearch.ts). Nothing typed is ever FTS5 syntax.
 */
import { describe, expect, it } from "vitest";
import {
	foldWord,
	normalizeQueryText,
	parseSearchQuery,
	wordCount,
} from "../../src/content/searchQuery";
import { matchExpression } from "../../src/store/articleSearch";

const phrases = (text: string) => parseSearchQuery(text).phrases;

describe("parseSearchQuery", () => {
	it("makes each word a phrase of one, all of them required", () => {
		expect(phrases("kabinet asiel")).toEqual([
			{ words: ["kabinet"], prefix: false },
			{ words: ["asiel"], prefix: false },
		]);
	});

	it("keeps words as typed (FTS5 folds case and diacritics as it did for the index)", () => {
		expect(phrases("België Coöperatie")).toEqual([
			{ words: ["België"], prefix: false },
			{ words: ["Coöperatie"], prefix: false },
		]);
	});

	it("makes text in double quotes one phrase, and an unclosed quote runs to the end", () => {
		expect(phrases('"het kabinet" asiel')).toEqual([
			{ words: ["het", "kabinet"], prefix: false },
			{ words: ["asiel"], prefix: false },
		]);
		expect(phrases('asiel "het kabinet')).toEqual([
			{ words: ["asiel"], prefix: false },
			{ words: ["het", "kabinet"], prefix: false },
		]);
	});

	it("makes a word a prefix when a * follows it, inside or right after a phrase", () => {
		expect(phrases("kabin*")).toEqual([{ words: ["kabin"], prefix: true }]);
		expect(phrases('"het kabin*"')).toEqual([{ words: ["het", "kabin"], prefix: true }]);
		expect(phrases('"het kabin"*')).toEqual([{ words: ["het", "kabin"], prefix: true }]);
		// A star on its own or before a word is no prefix of anything.
		expect(phrases("* *kabinet")).toEqual([{ words: ["kabinet"], prefix: false }]);
	});

	it("reads a word joined by punctuation as the phrase the index holds (kabinet-Rutte: kabinet, Rutte)", () => {
		expect(phrases("kabinet-Rutte")).toEqual([{ words: ["kabinet", "Rutte"], prefix: false }]);
		expect(phrases("D66")).toEqual([{ words: ["D66"], prefix: false }]);
	});

	it("gives FTS5's operators and punctuation no meaning: they separate words, or are words", () => {
		expect(phrases("-asiel ^kabinet title:x NEAR(a b) (x OR y) NOT z AND")).toEqual([
			{ words: ["asiel"], prefix: false },
			{ words: ["kabinet"], prefix: false },
			{ words: ["title", "x"], prefix: false },
			{ words: ["NEAR", "a"], prefix: false },
			{ words: ["b"], prefix: false },
			{ words: ["x"], prefix: false },
			{ words: ["OR"], prefix: false },
			{ words: ["y"], prefix: false },
			{ words: ["NOT"], prefix: false },
			{ words: ["z"], prefix: false },
			{ words: ["AND"], prefix: false },
		]);
	});

	it("finds no word in text without letters or digits", () => {
		for (const text of [
			"",
			" ",
			'""',
			"***",
			"-^:()",
			"\u0000\u0007",
			"'; DROP TABLE articles; --",
		]) {
			const words = phrases(text).flatMap((phrase) => phrase.words);
			expect(
				words.every((word) => /^[\p{L}\p{N}\p{M}\p{Co}]+$/u.test(word)),
				text,
			).toBe(true);
		}
		expect(phrases("***")).toEqual([]);
		expect(phrases('""')).toEqual([]);
	});

	it("counts a phrase given twice once, however it is spelt", () => {
		expect(phrases("asiel Asiel ASIËL")).toEqual([{ words: ["asiel"], prefix: false }]);
		expect(wordCount(parseSearchQuery('"het kabinet" asiel'))).toBe(3);
	});
});

describe("normalizeQueryText", () => {
	it("composes to NFC, drops characters no document may hold, and collapses white space", () => {
		expect(normalizeQueryText("  Belgie\u0308 \t\n  asiel\u0000\uD800 ")).toBe("België asiel");
	});
});

describe("foldWord", () => {
	it("folds case and diacritics as unicode61 with remove_diacritics 2 does", () => {
		expect(foldWord("België")).toBe("belgie");
		expect(foldWord("Coöperatie")).toBe("cooperatie");
		expect(foldWord("CAFÉ")).toBe("cafe");
	});
});

describe("matchExpression", () => {
	it("quotes every phrase, marks prefixes with FTS5's *, and joins them with AND", () => {
		const query = parseSearchQuery('"het kabinet" kabin* asiel');
		expect(matchExpression(query.phrases)).toBe('"het kabinet" AND "kabin" * AND "asiel"');
	});

	it("holds nothing of the typed text but its words in FTS5 strings", () => {
		const hostile = `"a" OR b* NEAR(c d, 1) col:e ^f -g ("h") '"; DROP TABLE articles; --' \u0000 ${"x".repeat(20)}`;
		const expression = matchExpression(parseSearchQuery(hostile).phrases);
		// Take out the quoted strings: what is left is only the syntax we write.
		const rest = expression.replace(/"(?:[^"]|"")*"/g, "S");
		expect(rest).toMatch(/^S( \*)?( AND S( \*)?)*$/);
		expect(expression).not.toMatch(/[:^();']/);
		expect(expression).not.toContain("\u0000");
	});

	it("doubles a double quote inside a word, should one ever get there (FTS5 §3.1)", () => {
		expect(matchExpression([{ words: ['a"b'], prefix: false }])).toBe('"a""b"');
	});
});
