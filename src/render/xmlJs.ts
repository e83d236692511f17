/**
 * Inputs for `feed`@6, which writes XML through xml-js. Two of xml-js's habits are owned here:
 *
 * - its writeText first turns every `&amp;` back into `&` ("to avoid double sanitization"), so the
 *   literal text `&amp;` would come out as `&`. Escaping `&` first makes the round trip exact;
 * - its writeCdata splits only the first `]]>`. Our HTML escapes every `>`, so `]]>` can never
 *   occur in it; `cdata` checks that rather than trusting it.
 *
 * Both also drop characters XML 1.0 forbids, which neither library does.
 */
import { stripForbiddenChars } from "../content/text";

export function xmlJsText(text: string): string {
	return stripForbiddenChars(text).replace(/&/g, "&amp;");
}

export function xmlJsCdata(htmlText: string): string {
	const clean = stripForbiddenChars(htmlText);
	if (clean.includes("]]>")) throw new Error("HTML for a CDATA section contains ']]>'");
	return clean;
}
