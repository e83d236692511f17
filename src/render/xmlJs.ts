/**
 * Inputs for `feed`@6, which writes XML through xml-js, so that its document (which
 * xmlDocument.ts then reads as a tree) is well-formed and says exactly the text given. Three of
 * xml-js's habits are owned here:
 *
 * - its writeText first turns every `&amp;` back into `&` ("to avoid double sanitization"), so the
 *   literal text `&amp;` would come out as `&`. Escaping `&` first makes the round trip exact;
 * - its writeAttributes escapes only `"`, so attribute values come escaped (`xmlJsAttribute`);
 * - its writeCdata splits only the first `]]>`. Our HTML escapes every `>`, so `]]>` can never
 *   occur in it; `cdata` checks that rather than trusting it.
 *
 * All three also drop characters XML 1.0 forbids, which neither library does.
 */
import { stripForbiddenChars } from "../content/text";
import { escapeHtml } from "./html";

/**
 * An attribute value for xml-js, which escapes only `"` in attributes: `&`, `<` and `>` are
 * escaped here (as HTML does, which is valid XML), so none reaches the output raw.
 */
export function xmlJsAttribute(value: string): string {
	return escapeHtml(value);
}

export function xmlJsText(text: string): string {
	return stripForbiddenChars(text).replace(/&/g, "&amp;");
}

export function xmlJsCdata(htmlText: string): string {
	const clean = stripForbiddenChars(htmlText);
	if (clean.includes("]]>")) throw new Error("HTML for a CDATA section contains ']]>'");
	return clean;
}
