import { escapeHtml } from "./html";

/**
 * A page's `<title>`: the headline, then the site's name when both fit in 70 characters, the
 * length search results and tabs show (html-validate's `long-title` rule, which counts the
 * escaped source, so `&` counts as `&amp;`). A longer headline is shortened at a word boundary
 * with an ellipsis; the page's `<h1>` keeps it whole.
 */
export const TITLE_MAX = 70;

const fits = (text: string) => escapeHtml(text).length <= TITLE_MAX;

export function pageTitle(headline: string, siteTitle: string): string {
	const withSite = `${headline} - ${siteTitle}`;
	if (fits(withSite)) return withSite;
	if (fits(headline)) return headline;
	return shorten(headline);
}

/** The longest start of `text` that fits with `…`, cut between graphemes (never inside an emoji). */
function shorten(text: string): string {
	const segments = new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text);
	let cut = "";
	for (const { segment } of segments) {
		if (!fits(`${cut}${segment}…`)) break;
		cut += segment;
	}
	// Prefer the last word boundary when it keeps most of the text.
	const space = cut.search(/\s+\S*$/);
	const words = space > cut.length / 2 ? cut.slice(0, space) : cut;
	return `${words.trimEnd()}…`;
}
