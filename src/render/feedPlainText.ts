/**
 * Plain-text titles, descriptions and categories in RSS and Atom are written with `&`, `<` and
 * `>` as hexadecimal character references (`&#x26;`, `&#x3C;`, `&#x3E;`), as the RSS Advisory
 * Board's RSS Profile asks for plain text. Readers decode them like `&amp;`; the W3C Feed
 * Validation Service takes an element with `&#x` on its lines as text escaped on purpose, and does
 * not warn that `Q&A`, `1 < 2` or `<b>` might be HTML (ContainsHTML, CharacterData,
 * ContainsUndeclaredHTML).
 *
 * Only the elements those checks read are written so (by the serializer, `hexText` in
 * xmlDocument.ts): other text (`dc:creator`, `generator`) keeps `&amp;`, which every XML reader
 * decodes, including ones built on fast-xml-parser's defaults, which leave numeric references
 * undecoded. HTML in CDATA sections is not text and is left as it is.
 */

/** RSS 2.0 and Media RSS elements the validator checks as plain text that must not look HTML. */
export const RSS_PLAIN_TEXT = ["title", "description", "category", "media:description"] as const;
/** Atom text constructs of type "text" (RFC 4287 §3.1.1.1) that Edgewire writes. */
export const ATOM_PLAIN_TEXT = ["title", "subtitle"] as const;
