/**
 * Small checks for untrusted content fields. Each returns the value when it is right, or records a
 * problem at its path and returns undefined, so that one pass reports every problem at once.
 */

import { unbalancedBidiControl } from "./bidiControls";
import type { ContentProblem } from "./contentError";
import { describeValue } from "./describeValue";
import { checkHttpUrl } from "./httpUrl";
import { quoted } from "./limits";
import { findForbiddenChar } from "./text";
import { findMarkPileUp, MAX_MARKS_PER_CHARACTER, onlyInvisible } from "./visibleText";

/** LEFT-TO-RIGHT OVERRIDE and RIGHT-TO-LEFT OVERRIDE (Unicode UAX #9 explicit overrides). */
const BIDI_OVERRIDE = /[\u202D\u202E]/;

/**
 * `&amp;`, `&#39;` or `&copy` in a headline or alt text is HTML pasted as text. Readers that
 * decode RSS titles as HTML would show it decoded, others literally (the W3C validator warns
 * "ContainsHTML").
 */
const CHARACTER_REFERENCE =
	/&(?:#x?[0-9a-f]+;?|[a-z][a-z0-9]*;|(?:amp|lt|gt|quot|apos|nbsp|copy|reg)(?![a-z0-9]))/i;

/**
 * `</b>` in a headline or alt text is markup pasted as text. Feed validators flag an end tag in a
 * plain-text title or media:description whatever its escaping (W3C feedvalidator ContainsHTML in
 * RSS, ContainsUndeclaredHTML in Atom), and readers that treat titles as HTML would apply it. A
 * lone `<` or `<b>` is fine.
 */
const END_TAG = /<\/[a-z][a-z0-9-]*\s*>/i;

export class FieldChecker {
	readonly problems: ContentProblem[] = [];

	constructor(readonly file: string) {}

	report(path: string, message: string): undefined {
		this.problems.push({ file: this.file, path, message });
		return undefined;
	}

	/**
	 * A string with at least one visible character, no forbidden characters, no bidi override or
	 * unbalanced embedding, no pile of combining marks, on one line unless `multiline`.
	 */
	text(
		value: unknown,
		path: string,
		options: { maxLength?: number; multiline?: boolean } = {},
	): string | undefined {
		if (typeof value !== "string")
			return this.report(path, `expected a string, got ${describeValue(value)}`);
		// First, before any scan of the text: an oversized value costs no more than a short one.
		if (options.maxLength !== undefined) {
			const length = characterCount(value, options.maxLength);
			if (length > options.maxLength) {
				return this.report(path, `must be at most ${options.maxLength} characters, got ${length}`);
			}
		}
		if (value.trim() === "") return this.report(path, "must not be empty");
		const forbidden = findForbiddenChar(value);
		if (forbidden !== undefined) {
			return this.report(path, `contains a character XML 1.0 forbids (${forbidden})`);
		}
		const override = BIDI_OVERRIDE.exec(value);
		if (override !== null) {
			// Overrides display the following text reversed (a "Trojan Source" spoof) in every reader
			// that shows the field; natural right-to-left text never needs them.
			const code = (override[0].codePointAt(0) ?? 0).toString(16).toUpperCase();
			return this.report(
				path,
				`contains a bidirectional override (U+${code} at offset ${override.index}) that reverses how text is shown: remove it (use U+200F RIGHT-TO-LEFT MARK if a mark is needed)`,
			);
		}
		const unbalanced = unbalancedBidiControl(value);
		if (unbalanced !== undefined) {
			return this.report(
				path,
				`contains an unbalanced bidirectional control: ${unbalanced}; close each embedding or isolate on the same line, or remove it`,
			);
		}
		if (value.includes("\uFFFD")) {
			// Feed validators flag it, and it always means the text was decoded with the wrong charset.
			return this.report(
				path,
				"contains U+FFFD, a replacement character: re-copy the text from its source",
			);
		}
		// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR break lines as surely as LF does.
		if (options.multiline !== true && /[\r\n\u0085\u2028\u2029]/.test(value)) {
			return this.report(path, "must be a single line");
		}
		const invisible = onlyInvisible(value);
		if (invisible !== undefined) {
			return this.report(
				path,
				`has no visible character, only invisible ones (${invisible}): write the text itself`,
			);
		}
		const pileUp = findMarkPileUp(value);
		if (pileUp !== undefined) {
			return this.report(
				path,
				`stacks ${pileUp.marks} combining marks on the character at offset ${pileUp.offset}; at most ${MAX_MARKS_PER_CHARACTER} are allowed`,
			);
		}
		return value;
	}

	/**
	 * One line of plain text that no reader can take for HTML: `text`, without a character
	 * reference or an end tag (headlines, image descriptions).
	 */
	plainLine(value: unknown, path: string, maxLength: number): string | undefined {
		const text = this.text(value, path, { maxLength });
		if (text === undefined) return undefined;
		const reference = CHARACTER_REFERENCE.exec(text);
		if (reference !== null) {
			return this.report(
				path,
				`contains ${JSON.stringify(reference[0])}, an HTML character reference: type the character itself (for example & instead of &amp;)`,
			);
		}
		const endTag = END_TAG.exec(text);
		if (endTag !== null) {
			return this.report(
				path,
				`contains ${JSON.stringify(endTag[0])}, an HTML end tag: this is plain text, so leave the markup out`,
			);
		}
		return text;
	}

	/** A whole number from `min` to `max`. */
	wholeNumber(value: unknown, path: string, min: number, max: number): number | undefined {
		if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
			return this.report(
				path,
				`expected a whole number from ${min} to ${max}, got ${typeof value === "number" ? value : describeValue(value)}`,
			);
		}
		return value;
	}

	/** An absolute http(s) URL without credentials, returned in its serialised form. */
	httpUrl(value: unknown, path: string): string | undefined {
		const url = checkHttpUrl(value);
		if (!url.ok) return this.report(path, url.problems.join("; "));
		return url.value.href;
	}

	/** A well-formed BCP 47 language tag, returned in canonical case (`nl-nl` → `nl-NL`). */
	language(value: unknown, path: string): string | undefined {
		if (typeof value !== "string" || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) {
			return this.report(
				path,
				`expected a BCP 47 language tag such as "nl", got ${describeValue(value)}`,
			);
		}
		try {
			const [canonical] = Intl.getCanonicalLocales(value);
			return canonical ?? value;
		} catch {
			return this.report(
				path,
				`expected a BCP 47 language tag such as "nl", got ${describeValue(value)}`,
			);
		}
	}

	/** An IANA time zone the runtime knows (`Europe/Amsterdam`), in its canonical spelling. */
	timeZone(value: unknown, path: string): string | undefined {
		const problem = `expected an IANA time zone such as "Europe/Amsterdam", got ${describeValue(value)}`;
		if (typeof value !== "string" || value === "") return this.report(path, problem);
		try {
			return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
		} catch {
			return this.report(path, problem);
		}
	}

	object(value: unknown, path: string): Record<string, unknown> | undefined {
		if (typeof value !== "object" || value === null || Array.isArray(value)) {
			return this.report(path, `expected an object, got ${describeValue(value)}`);
		}
		return value as Record<string, unknown>;
	}

	array(value: unknown, path: string): readonly unknown[] | undefined {
		if (!Array.isArray(value))
			return this.report(path, `expected a list, got ${describeValue(value)}`);
		return value;
	}

	/** Reports fields an editor wrote that the schema does not know (a typo loses data silently). */
	knownKeys(value: Record<string, unknown>, path: string, known: readonly string[]): void {
		for (const key of Object.keys(value)) {
			if (!known.includes(key)) {
				// A key is input too: anything but a plain name is shown escaped and cut.
				const name = /^[A-Za-z_$][\w$]{0,40}$/.test(key) ? key : `[${quoted(key)}]`;
				const where = path === "" || name.startsWith("[") ? `${path}${name}` : `${path}.${name}`;
				this.report(where, `unknown field; expected one of ${known.join(", ")}`);
			}
		}
	}
}

/**
 * The characters (code points) of `text`, counted without copying it; a text of at most `limit`
 * UTF-16 units is within the limit whatever it holds, so it is not counted.
 */
function characterCount(text: string, limit: number): number {
	if (text.length <= limit) return text.length;
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		// A high surrogate followed by a low one is one character.
		if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) i++;
		}
		count++;
	}
	return count;
}
