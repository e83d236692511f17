/**
 * Error answers, prepared once per isolate. Their text is fixed per status: nothing from the
 * request is ever echoed, so nothing can be reflected.
 */
import { formatDutchDay } from "../content/dutchDate";
import { errorPage } from "../render/errorPage";
import type { Site } from "../site/siteSchema";
import { ALLOWED_METHODS, BASE_HEADERS, ERROR_CACHE_CONTROL, pagePolicy } from "./responsePolicy";

export type ErrorStatus = 400 | 404 | 405 | 410;

export interface ErrorResponse {
	readonly status: number;
	readonly body: Uint8Array;
	readonly headers: Headers;
}

const TEXTS: Record<ErrorStatus, { heading: string; explanation: string }> = {
	400: { heading: "Ongeldig verzoek", explanation: "Dit adres is niet goed gevormd." },
	404: {
		heading: "Niet gevonden",
		explanation: "Op dit adres staat geen artikel of feed.",
	},
	405: {
		heading: "Methode niet toegestaan",
		explanation: `Dit adres beantwoordt alleen ${ALLOWED_METHODS}.`,
	},
	// RFC 9110 §15.5.11: the article was here and has been withdrawn on purpose, for good.
	410: {
		heading: "Artikel ingetrokken",
		explanation: "Dit artikel is ingetrokken en niet langer beschikbaar.",
	},
};

const encoder = new TextEncoder();

function errorResponse(
	site: Site,
	status: ErrorStatus,
	contentType: string,
	body: string,
): ErrorResponse {
	const headers = new Headers([
		["Content-Type", contentType],
		["Cache-Control", ERROR_CACHE_CONTROL],
		...BASE_HEADERS,
		["Content-Security-Policy", pagePolicy(site)],
		["Access-Control-Allow-Origin", "*"],
	]);
	if (status === 405) headers.set("Allow", ALLOWED_METHODS);
	return { status, body: encoder.encode(body), headers };
}

/** HTML and JSON variants of each error, for the site. */
export function prepareErrors(
	site: Site,
): Record<`${ErrorStatus}-${"html" | "json"}`, ErrorResponse> {
	const html = (status: ErrorStatus) =>
		errorResponse(
			site,
			status,
			"text/html; charset=utf-8",
			errorPage(site, TEXTS[status].heading, TEXTS[status].explanation).toString(),
		);
	const json = (status: ErrorStatus) =>
		errorResponse(
			site,
			status,
			"application/json; charset=utf-8",
			`${JSON.stringify({ status, error: TEXTS[status].heading, message: TEXTS[status].explanation })}\n`,
		);
	return {
		"400-html": html(400),
		"400-json": json(400),
		"404-html": html(404),
		"404-json": json(404),
		"405-html": html(405),
		"405-json": json(405),
		"410-html": html(410),
		"410-json": json(410),
	};
}

/** A withdrawn article, as its 410 page names it. */
export interface Withdrawn {
	readonly headline?: string;
	/** When (ms). */
	readonly at: number;
}

/**
 * The 410 of one withdrawn article: the site's 410, naming the headline it had and the day it was
 * withdrawn (in the newsroom's zone). Prepared once per isolate and content version, like a document.
 */
export function prepareGone(site: Site, withdrawn: Withdrawn): ErrorResponse {
	const day = formatDutchDay(new Date(withdrawn.at), site.timeZone);
	const what =
		withdrawn.headline === undefined ? "Dit artikel" : `Het artikel “${withdrawn.headline}”`;
	return errorResponse(
		site,
		410,
		"text/html; charset=utf-8",
		errorPage(
			site,
			TEXTS[410].heading,
			`${what} is op ${day} ingetrokken en niet langer beschikbaar.`,
		).toString(),
	);
}

export function answerError(error: ErrorResponse, request: Request): Response {
	const body = request.method === "HEAD" ? null : error.body;
	return new Response(body, { status: error.status, headers: error.headers });
}

/**
 * 412 Precondition Failed (RFC 9110 §15.5.13): no body, and nothing from the request. Not stored
 * by any cache: it depends on the request's own headers. Readable cross-origin, like the documents.
 */
export function preconditionFailed(): Response {
	return new Response(null, {
		status: 412,
		headers: {
			"Cache-Control": "no-store",
			"X-Content-Type-Options": "nosniff",
			"Access-Control-Allow-Origin": "*",
		},
	});
}

/** The last resort: fixed text, no site layout (the site itself may be what failed). */
export function internalServerError(): Response {
	return new Response("500 Internal Server Error\n", {
		status: 500,
		headers: {
			"Content-Type": "text/plain; charset=utf-8",
			"Cache-Control": "no-store",
			"X-Content-Type-Options": "nosniff",
		},
	});
}
