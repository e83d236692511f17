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

// A positive whole number of pixels; nine digits is far beyond any screen and keeps it an int.
const PIXELS = /^[0-9]{1,9}$/;

type Dimension = { ok: true; value: number | undefined } | { ok: false };

/** An absent or empty dimension sets no maximum; anything but a positive integer is malformed. */
function dimension(value: string | null): Dimension {
	if (value === null || value === "") return { ok: true, value: undefined };
	if (!PIXELS.test(value)) return { ok: false };
	const pixels = Number(value);
	return pixels >= 1 ? { ok: true, value: pixels } : { ok: false };
}

export function parseOEmbedQuery(query: URLSearchParams): OEmbedQuery {
	const url = query.get("url");
	if (url === null || url.trim() === "") return { ok: false, problem: "missing-url" };
	const maxwidth = dimension(query.get("maxwidth"));
	if (!maxwidth.ok) return { ok: false, problem: "bad-maxwidth" };
	const maxheight = dimension(query.get("maxheight"));
	if (!maxheight.ok) return { ok: false, problem: "bad-maxheight" };
	// §2.2: format is optional; JSON is what we give when it is absent.
	const format = query.get("format");
	if (format !== null && format.toLowerCase() !== "json") {
		return { ok: false, problem: "unsupported-format" };
	}
	return {
		ok: true,
		url: url.trim(),
		...(maxwidth.value !== undefined && { maxwidth: maxwidth.value }),
		...(maxheight.value !== undefined && { maxheight: maxheight.value }),
	};
}
