/**
 * Text that displays as something: at least one visible character, and no pile of combining marks
 * that draws over the lines around it ("Zalgo" text).
 */

/**
 * Characters that show nothing on their own: white space (including U+2028, U+2029, U+3000),
 * controls, format characters (U+200B ZERO WIDTH SPACE, U+200D ZWJ, U+2060 WORD JOINER, bidi
 * marks, U+00AD SOFT HYPHEN), the other default-ignorable code points (Hangul fillers U+115F,
 * U+1160, U+3164, U+FFA0, variation selectors), combining marks without a base, and U+2800
 * BRAILLE PATTERN BLANK, which is drawn as an empty cell.
 */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** The invisible characters `text` consists of (`U+200B, U+2060`), or undefined if one is visible. */
export function onlyInvisible(text: string): string | undefined {
	const seen = new Set<string>();
	for (const char of text) {
		if (!INVISIBLE.test(char)) return undefined;
		seen.add(codePoint(char));
	}
	return [...seen].join(", ");
}

/**
 * Combining marks one character may carry. Real orthographies stack few: Vietnamese 2 (ệ), Thai 3,
 * Burmese 4 (မြို့), pointed and cantillated Hebrew up to 5; "Zalgo" text stacks dozens, drawn over
 * the lines above and below. Indic conjuncts do not count against it: each consonant is a letter.
 */
export const MAX_MARKS_PER_CHARACTER = 5;

const MARK = /\p{M}/u;
// Joiners and other format characters between marks do not start a new character.
const FORMAT = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** The first character carrying more than MAX_MARKS_PER_CHARACTER marks: its offset and count. */
export function findMarkPileUp(text: string): { offset: number; marks: number } | undefined {
	let base = 0;
	let marks = 0;
	let offset = 0;
	let found: { offset: number; marks: number } | undefined;
	for (const char of text) {
		if (MARK.test(char)) {
			marks += 1;
			if (marks > MAX_MARKS_PER_CHARACTER) found = { offset: base, marks };
		} else if (!FORMAT.test(char)) {
			if (found !== undefined) return found;
			base = offset;
			marks = 0;
		}
		offset += char.length;
	}
	return found;
}

function codePoint(char: string): string {
	return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
