/**
 * Characters that must never reach a published document.
 *
 * XML 1.0 §2.2 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF];
 * HTML treats C0/C1 controls and noncharacters as parse errors. Lone surrogates cannot be encoded
 * in UTF-8 at all. DEL and the C1 range are allowed by XML 1.0 but discouraged (§2.2 note) and
 * invisible to readers, so they go too.
 */
// With the `u` flag a surrogate pair is one code point, so [\uD800-\uDFFF] matches lone halves only.
const FORBIDDEN_SOURCE =
	"[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF\\uFFFE\\uFFFF]";
const FORBIDDEN_ALL = new RegExp(FORBIDDEN_SOURCE, "gu");
const FORBIDDEN_ONE = new RegExp(FORBIDDEN_SOURCE, "u");

/** Removes every character that XML 1.0 or HTML forbids; all other text is kept as it is. */
export function stripForbiddenChars(text: string): string {
	return text.replace(FORBIDDEN_ALL, "");
}

/** Describes the first forbidden character in `text` (`U+0007 at offset 12`), or undefined. */
export function findForbiddenChar(text: string): string | undefined {
	const match = FORBIDDEN_ONE.exec(text);
	if (match === null) return undefined;
	const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
	return `U+${code} at offset ${match.index}`;
}
