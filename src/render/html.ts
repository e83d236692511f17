/**
 * Escape-by-construction HTML. Text interpolated into `html` is escaped (and stripped of characters
 * HTML and XML forbid); only values that are already `SafeHtml` pass through unchanged.
 *
 * @example
 * html`<p class="ew-lead">${article.summary}</p>`.toString()
 */
import { stripForbiddenChars } from "../content/text";

export class SafeHtml {
	constructor(private readonly value: string) {}
	toString(): string {
		return this.value;
	}
}

type Interpolation = SafeHtml | string | number | false | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = {
	"&": "&amp;",
	"<": "&lt;",
	">": "&gt;",
	'"': "&quot;",
	"'": "&#39;",
};

/** Escapes text for use in HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
	return stripForbiddenChars(text).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function render(value: Interpolation): string {
	if (value === undefined || value === false) return "";
	if (value instanceof SafeHtml) return value.toString();
	if (Array.isArray(value)) return value.map(render).join("");
	return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): SafeHtml {
	let out = strings[0] ?? "";
	values.forEach((value, i) => {
		out += render(value) + (strings[i + 1] ?? "");
	});
	return new SafeHtml(out);
}
