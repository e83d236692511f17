/**
 * The query of an oEmbed request (oEmbed 1.0 §2.2), checked before anything is looked up. Only
 * JSON is offered; XML, the other format the spec names, is answered 501 as §2.3.5 asks.
 */

export type OEmbedQuery =
	| {
			readonly ok: true;
			/** The page the consumer wants to embed; whether it is ours is decided by the provider. */
			readonly url: string;
			readonly maxwidth?: number;
			readonly maxheight?: number;
	  }
	| { readonly ok: false; readonly problem: OEmbedProblem };

/** Why a request cannot be answered, each with its own status and message (oEmbedErrors.ts). */
export type OEmbedProblem =
	| "missing-url"
	| "bad-maxwidth"
	| "bad-maxheight"
	| "unknown-url"
	| "unsupported-format";

const WHOLE_NUMBER = /^[0-9]+$/;
/** Far beyond any screen: a larger maximum means the same (no answer exceeds EMBED_SIZE). */
const MAX_PIXELS = 999_999_999;

type Dimension = { ok: true; value: number | undefined } | { ok: false };

/**
 * An absent or empty dimension sets no maximum; a positive whole number of any length is a maximum
 * (clamped to MAX_PIXELS); anything else (`0`, `-1`, `1.5`, `1e3`) is malformed.
 */
function dimension(value: string | null): Dimension {
	if (value === null || value === "") return { ok: true, value: undefined };
	if (!WHOLE_NUMBER.test(value)) return { ok: false };
	const digits = value.replace(/^0+/, "");
	if (digits === "") return { ok: false };
	return { ok: true, value: digits.length > 9 ? MAX_PIXELS : Number(digits) };
}

export function parseOEmbedQuery(query: URLSearchParams): OEmbedQuery {
	const url = query.get("url");
	if (url === null || url.trim() === "") return { ok: false, problem: "missing-url" };
	const maxwidth = dimension(query.get("maxwidth"));
	if (!maxwidth.ok) return { ok: false, problem: "bad-maxwidth" };
	const maxheight = dimension(query.get("maxheight"));
	if (!maxheight.ok) return { ok: false, problem: "bad-maxheight" };
	// §2.2: format is optional; JSON is what we give when it is absent. Empty counts as absent,
	// as for maxwidth and maxheight.
	const format = query.get("format");
	if (format !== null && format !== "" && format.toLowerCase() !== "json") {
		return { ok: false, problem: "unsupported-format" };
	}
	return {
		ok: true,
		url: url.trim(),
		...(maxwidth.value !== undefined && { maxwidth: maxwidth.value }),
		...(maxheight.value !== undefined && { maxheight: maxheight.value }),
	};
}
