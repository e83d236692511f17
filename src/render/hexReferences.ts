/**
 * Plain-text titles, descriptions and categories in RSS and Atom with `&`, `<` and `>` written as
 * hexadecimal character references (`&#x26;`, `&#x3C;`, `&#x3E;`), as the RSS Advisory Board's
 * RSS Profile asks for plain text. Readers decode them like `&amp;`; the W3C Feed Validation
 * Service takes an element with `&#x` on its line as text escaped on purpose, and does not warn
 * that `Q&A`, `1 < 2` or `<b>` might be HTML (ContainsHTML, CharacterData, ContainsUndeclaredHTML).
 *
 * Only the elements those checks read are rewritten: other text (`dc:creator`, `generator`) keeps
 * `&amp;`, which every XML reader decodes, including ones built on fast-xml-parser's defaults,
 * which leave numeric references undecoded.
 */

/** RSS 2.0 and Media RSS elements the validator checks as plain text that must not look HTML. */
export const RSS_PLAIN_TEXT = ["title", "description", "category", "media:description"] as const;
/** Atom text constructs of type "text" (RFC 4287 §3.1.1.1) that Edgewire writes. */
export const ATOM_PLAIN_TEXT = ["title", "subtitle"] as const;

const HEX: Readonly<Record<string, string>> = {
	"&amp;": "&#x26;",
	"&lt;": "&#x3C;",
	"&gt;": "&#x3E;",
};

// A CDATA section cannot contain `]]>` (xmlJs.ts checks it), so the first one closes it.
const CDATA = /(<!\[CDATA\[[\s\S]*?\]\]>)/;

/**
 * Rewrites the named references in the text of each `elements` element (outside CDATA sections,
 * whose HTML is left exactly as rendered; an element holding CDATA or children is not plain text).
 * Both spellings decode to the same character, so the document's meaning is unchanged.
 */
export function withHexReferences(xml: string, elements: readonly string[]): string {
	const plainText = new RegExp(`<(${elements.join("|")})((?:\\s[^>]*)?)>([^<]*)</\\1>`, "g");
	return xml
		.split(CDATA)
		.map((part, i) =>
			i % 2 === 1
				? part
				: part.replace(
						plainText,
						(_, name: string, attributes: string, text: string) =>
							`<${name}${attributes}>${text.replace(/&(?:amp|lt|gt);/g, (ref) => HEX[ref] ?? ref)}</${name}>`,
					),
		)
		.join("");
}
