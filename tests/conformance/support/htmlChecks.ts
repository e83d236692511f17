/**
 * HTML checks: html-validate (strict: its recommended rules, plus document-level rules for whole
 * pages) and an "inert" check for the embeddable fragment (nothing that could run on a host page).
 */

import { type ConfigData, HtmlValidate } from "html-validate";
import { allElements, parseHtmlFragment } from "../../support/parseHtml";
import { canParseUrl } from "./canParseUrl";

/** Everything in `html-validate:recommended`, for fragments. */
const FRAGMENT_RULES: ConfigData = { extends: ["html-validate:recommended"] };

/**
 * Recommended plus `html-validate:document` (doctype, heading order, references, SRI) for pages.
 * SRI is required on every subresource from another origin; the stylesheet comes from the page's
 * own origin, where `integrity` guards nothing and would block it when the site is reached under
 * a host name other than SITE_URL (an opaque no-cors response fails the integrity check).
 */
function pageRules(origin: string): ConfigData {
	return {
		extends: ["html-validate:recommended", "html-validate:document"],
		rules: { "require-sri": ["error", { target: "crossorigin", exclude: [`${origin}/`] }] },
	};
}

/** html-validate's messages for one document, as `rule: message` lines; empty when valid. */
export async function htmlProblems(
	html: string,
	kind: "page" | "fragment",
	origin: string,
): Promise<string[]> {
	const validator = new HtmlValidate(kind === "page" ? pageRules(origin) : FRAGMENT_RULES);
	const report = await validator.validateString(html, `${kind}.html`);
	return report.results.flatMap((result) =>
		result.messages.map((m) => `${m.ruleId} (${m.line}:${m.column}): ${m.message}`),
	);
}

/**
 * The `<time datetime>` forms Edgewire writes, as HTML defines them (§2.3.5): a year, a valid
 * month or date string, or a valid global date and time string, whose seconds take at most three
 * fractional digits.
 */
const TIME_DATETIME =
	/^\d{4,}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2}))?)?)?$/;

/** Every `datetime` of a `<time>` in `html` that is not one of those forms. */
export function invalidTimeDatetimes(html: string): string[] {
	return allElements(parseHtmlFragment(html))
		.filter((element) => element.tagName === "time")
		.map((time) => time.attrs.find((attribute) => attribute.name === "datetime")?.value ?? "")
		.filter((datetime) => !TIME_DATETIME.test(datetime));
}

const ACTIVE_ELEMENTS = new Set([
	"script",
	"style",
	"iframe",
	"frame",
	"object",
	"embed",
	"applet",
	"form",
	"base",
	"meta",
	"link",
	"svg",
	"math",
	"template",
]);
const URL_ATTRIBUTES = new Set([
	"href",
	"src",
	"action",
	"formaction",
	"poster",
	"cite",
	"background",
	"srcset",
	"xlink:href",
]);

/**
 * Everything in a fragment that could act on the page that embeds it: active elements, event
 * handler and style attributes, and URLs that are not absolute http(s) (javascript:, data:,
 * relative and protocol-relative ones, which would resolve against the host page).
 */
export function activeContent(fragmentHtml: string): string[] {
	const problems: string[] = [];
	for (const element of allElements(parseHtmlFragment(fragmentHtml))) {
		if (ACTIVE_ELEMENTS.has(element.tagName)) problems.push(`<${element.tagName}> element`);
		for (const { name, value } of element.attrs) {
			const attribute = name.toLowerCase();
			if (attribute.startsWith("on"))
				problems.push(`${attribute} attribute on <${element.tagName}>`);
			if (attribute === "style") problems.push(`style attribute on <${element.tagName}>`);
			if (URL_ATTRIBUTES.has(attribute) && !isAbsoluteHttpUrl(value)) {
				problems.push(`${attribute}=${JSON.stringify(value)} on <${element.tagName}>`);
			}
		}
	}
	return problems;
}

function isAbsoluteHttpUrl(value: string): boolean {
	// Browsers strip tabs and newlines from URLs (WHATWG URL), so "java\tscript:" must fail here too.
	if (!/^https?:\/\/[^/]/i.test(value)) return false;
	return canParseUrl(value) && /^https?:$/.test(new URL(value).protocol);
}
