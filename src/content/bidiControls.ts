/**
 * Explicit bidirectional embeddings and isolates (Unicode UAX #9 §2.1-2.4), the "Trojan Source"
 * class (CVE-2021-42574) beside the overrides U+202D/U+202E, which are refused outright.
 *
 * The rule: an embedding (U+202A LRE, U+202B RLE) must be closed by U+202C PDF and an isolate
 * (U+2066 LRI, U+2067 RLI, U+2068 FSI) by U+2069 PDI, nested like brackets, within the same
 * field and the same line. Balanced, they only shape how their own span is shown (W3C i18n
 * recommends isolates around a name in another script); left open, they reorder whatever text a
 * reader shows after the field, and a line break ends them early (UAX #9 BD7, X8).
 */

const NAMES: Record<string, string> = {
	"\u202A": "LEFT-TO-RIGHT EMBEDDING",
	"\u202B": "RIGHT-TO-LEFT EMBEDDING",
	"\u202C": "POP DIRECTIONAL FORMATTING",
	"\u2066": "LEFT-TO-RIGHT ISOLATE",
	"\u2067": "RIGHT-TO-LEFT ISOLATE",
	"\u2068": "FIRST STRONG ISOLATE",
	"\u2069": "POP DIRECTIONAL ISOLATE",
};
const OPENS: Record<string, string> = {
	"\u202A": "\u202C",
	"\u202B": "\u202C",
	"\u2066": "\u2069",
	"\u2067": "\u2069",
	"\u2068": "\u2069",
};
// Bidi paragraph separators (class B): LF, CR, U+001C-U+001E, U+0085, U+2029.
const SEPARATORS = "\\n\\r\\u001C-\\u001E\\u0085\\u2029";
const PARAGRAPH_END = new RegExp(`[${SEPARATORS}]`);
const CONTROL = new RegExp(`[\\u202A-\\u202C\\u2066-\\u2069${SEPARATORS}]`, "g");

function label(char: string): string {
	const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase();
	return `U+${code} ${NAMES[char] ?? ""}`;
}

function at(control: { char: string; offset: number }): string {
	return `${label(control.char)} at offset ${control.offset}`;
}

/** Why the embeddings and isolates in `text` are unbalanced, or undefined when they are not. */
export function unbalancedBidiControl(text: string): string | undefined {
	const open: { char: string; offset: number }[] = [];
	for (const match of text.matchAll(CONTROL)) {
		const control = { char: match[0], offset: match.index };
		const innermost = open.at(-1);
		if (PARAGRAPH_END.test(control.char)) {
			if (innermost !== undefined) {
				return `${at(innermost)} is still open at the line break at offset ${control.offset}`;
			}
		} else if (OPENS[control.char] !== undefined) {
			open.push(control);
		} else if (innermost === undefined) {
			return `${at(control)} closes nothing`;
		} else if (OPENS[innermost.char] !== control.char) {
			return `${at(control)} does not close the innermost ${at(innermost)}`;
		} else {
			open.pop();
		}
	}
	const innermost = open.at(-1);
	return innermost === undefined
		? undefined
		: `${at(innermost)} is never closed by ${label(OPENS[innermost.char] ?? "")}`;
}
