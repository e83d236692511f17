/**
 * Input as a command's message shows it: an argument, an option's value, a file name or a key
 * from a file may hold terminal control sequences or be megabytes long. The same rules as the
 * content problems (src/content/limits.ts `quoted`) and the hub's answers (src/websub/notifyHub.ts
 * `printable`): control and format characters escaped, at most LIMITS.quoted characters, cut with
 * a visible ellipsis.
 */
import { LIMITS } from "../../src/content/limits";
import { printable } from "../../src/websub/notifyHub";

/** How much of a file or folder name is shown: enough for any real path (Linux PATH_MAX). */
export const PATH_SHOWN = 4096;

/** `text` in double quotes, escaped and cut: safe to print, whatever it came from. */
export function shown(text: string, max: number = LIMITS.quoted): string {
	return `"${printable(cut(text, max))}"`;
}

/** `text` escaped and cut, without quotes (for a file name inside a longer message). */
export function shownBare(text: string, max: number = LIMITS.quoted): string {
	return printable(cut(text, max));
}

function cut(text: string, max: number): string {
	if (text.length <= max) return text;
	// Never half a surrogate pair: the ellipsis follows whole characters.
	const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
	return `${text.slice(0, end)}…`;
}
