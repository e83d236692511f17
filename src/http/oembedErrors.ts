/**
 * oEmbed error answers (oEmbed 1.0 §2.3.5: 404 for a URL with no embed, 501 for a format we do
 * not offer; 400 for a request we cannot read). Fixed JSON per problem, prepared once: nothing
 * from the request is echoed. CORS-enabled, so a consumer's script can read why.
 */
import type { ErrorResponse } from "./errorResponses";
import type { OEmbedProblem } from "./oembedRequest";
import { BASE_HEADERS, ERROR_CACHE_CONTROL } from "./responsePolicy";

const ANSWERS: Record<OEmbedProblem, { status: number; message: string }> = {
	"missing-url": { status: 400, message: "The url parameter is required." },
	"bad-maxwidth": {
		status: 400,
		message: "maxwidth must be a positive whole number of pixels.",
	},
	"bad-maxheight": {
		status: 400,
		message: "maxheight must be a positive whole number of pixels.",
	},
	"unknown-url": { status: 404, message: "The url is not an article on this site." },
	"unsupported-format": { status: 501, message: "Only format=json is supported." },
};

const encoder = new TextEncoder();

function prepare(problem: OEmbedProblem): ErrorResponse {
	const { status, message } = ANSWERS[problem];
	const headers = new Headers([
		["Content-Type", "application/json; charset=utf-8"],
		["Cache-Control", ERROR_CACHE_CONTROL],
		...BASE_HEADERS,
		["Content-Security-Policy", "default-src 'none'; sandbox"],
		["Access-Control-Allow-Origin", "*"],
	]);
	const body = encoder.encode(`${JSON.stringify({ status, error: problem, message })}\n`);
	return { status, body, headers };
}

export const OEMBED_ERRORS: Record<OEmbedProblem, ErrorResponse> = {
	"missing-url": prepare("missing-url"),
	"bad-maxwidth": prepare("bad-maxwidth"),
	"bad-maxheight": prepare("bad-maxheight"),
	"unknown-url": prepare("unknown-url"),
	"unsupported-format": prepare("unsupported-format"),
};
