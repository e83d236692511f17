/**
 * The writing direction of a language, for HTML `dir` (HTML §3.2.6.4): text in Arabic, Hebrew,
 * Persian, Urdu... must be laid out right to left by its container, not only tagged with `lang`.
 */

/** Scripts written right to left in living use (ISO 15924; Unicode bidi class R or AL). */
const RTL_SCRIPTS: ReadonlySet<string> = new Set([
	"Adlm", // Adlam (Fulani)
	"Arab", // Arabic, Persian, Urdu, Pashto, Sindhi, Uyghur, Sorani Kurdish...
	"Aran", // Arabic in Nastaliq style
	"Hebr", // Hebrew, Yiddish, Ladino
	"Mand", // Mandaic
	"Mend", // Mende Kikakui
	"Nkoo", // N'Ko
	"Rohg", // Hanifi Rohingya
	"Samr", // Samaritan
	"Syrc", // Syriac
	"Thaa", // Thaana (Dhivehi)
	"Yezi", // Yezidi
]);

/** Languages whose usual script is one of those, when the runtime cannot say (no likely subtags). */
const RTL_LANGUAGES: ReadonlySet<string> = new Set([
	"ar",
	"arc",
	"ckb",
	"dv",
	"fa",
	"he",
	"iw",
	"ji",
	"ks",
	"ps",
	"sd",
	"syr",
	"ug",
	"ur",
	"yi",
]);

export type TextDirection = "ltr" | "rtl";

type LocaleWithTextInfo = Intl.Locale & {
	/** Intl Locale Info (ES2024 proposal); workerd has it, Node 20 does not. */
	getTextInfo?: () => { readonly direction?: string };
};

/**
 * The direction of a BCP 47 tag: what the runtime's locale data says (`getTextInfo`), else the
 * script, given (`az-Arab`) or likely (`ur` → Arab), else a short list of right-to-left languages.
 */
export function textDirection(language: string): TextDirection {
	const direction = (new Intl.Locale(language) as LocaleWithTextInfo).getTextInfo?.().direction;
	if (direction === "rtl" || direction === "ltr") return direction;
	return directionFromScript(language);
}

/** The fallback of `textDirection`, without `getTextInfo`; exported to test it where that exists. */
export function directionFromScript(language: string): TextDirection {
	const locale = new Intl.Locale(language);
	const script = locale.script ?? likelyScript(locale);
	if (script !== undefined) return RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
	return RTL_LANGUAGES.has(locale.language) ? "rtl" : "ltr";
}

function likelyScript(locale: Intl.Locale): string | undefined {
	try {
		return locale.maximize().script;
	} catch {
		return undefined;
	}
}
