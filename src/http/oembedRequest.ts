/**
 * The query of an oEmbed request (oEmbed 1.0 §2.2), checked before anything is looked up. Only
 * JSON is offered; XML, the other format the spec names, is answered 501 as §2.3.5 asks.
 */
import { type Checked, invalid, valid } from "../content/checked";

export interface OEmbedQuery {
	/** The page the consumer wants to embed; whether it is ours is decided by the provider. */
	readonly url: string;
	readonly maxwidth?: number;
	readonly maxheight?: number;
}

/** Why a request cannot be answered, each with its own status and message (oembedErrors.ts). */
export type OEmbedProblem =
	| "missing-url"
	| "bad-maxwidth"
	| "bad-maxheight"
	| "unknown-url"
	| "unsupported-format";

const WHOLE_NUMBER = /^[0-9]+$/;
/** Far beyond any screen: a larger maximum means the same (no answer exceeds EMBED_SIZE). */
const MAX_PIXELS = 999_999_999;

/**
 * An absent or empty dimension sets no maximum; a positive whole number of any length is a maximum
 * (clamped to MAX_PIXELS); anything else (`0`, `-1`, `1.5`, `1e3`) is malformed.
 */
function dimension(value: string | null): Checked<number | undefined, "malformed"> {
	if (value === null || value === "") return valid(undefined);
	if (!WHOLE_NUMBER.test(value)) return invalid("malformed");
	const digits = value.replace(/^0+/, "");
	if (digits === "") return invalid("malformed");
	return valid(digits.length > 9 ? MAX_PIXELS : Number(digits));
}

export function parseOEmbedQuery(query: URLSearchParams): Checked<OEmbedQuery, OEmbedProblem> {
	const url = query.get("url");
	if (url === null || url.trim() === "") return invalid("missing-url");
	const maxwidth = dimension(query.get("maxwidth"));
	if (!maxwidth.ok) return invalid("bad-maxwidth");
	const maxheight = dimension(query.get("maxheight"));
	if (!maxheight.ok) return invalid("bad-maxheight");
	// §2.2: format is optional; JSON is what we give when it is absent. Empty counts as absent,
	// as for maxwidth and maxheight.
	const format = query.get("format");
	if (format !== null && format !== "" && format.toLowerCase() !== "json") {
		return invalid("unsupported-format");
	}
	return valid({
		url: url.trim(),
		...(maxwidth.value !== undefined && { maxwidth: maxwidth.value }),
		...(maxheight.value !== undefined && { maxheight: maxheight.value }),
	});
}
