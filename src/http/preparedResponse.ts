/**
 * Responses prepared once per isolate: body bytes, strong ETag, Last-Modified and the complete
 * header sets for 200 and 304. Answering a request is then a precondition check and a `Response`
 * built from ready parts (no hashing, rendering or date formatting per request).
 */
import { createHash } from "node:crypto";
import { evaluatePreconditions, type Validators } from "./conditionalGet";
import { preconditionFailed } from "./errorResponses";
import { formatHttpDate } from "./httpDate";

export interface PreparedResponse {
	readonly body: Uint8Array;
	readonly headers: Headers;
	/** RFC 9110 §15.4.5: a 304 repeats the validators and caching headers a 200 would carry. */
	readonly notModifiedHeaders: Headers;
	readonly validators: Validators;
}

export interface DocumentHeaders {
	readonly contentType: string;
	readonly cacheControl: string;
	/** Headers sent on both 200 and 304 (CORS, nosniff, Vary). */
	readonly common: readonly [string, string][];
	/** Headers sent on 200 only (CSP and friends). */
	readonly extra: readonly [string, string][];
	readonly lastModified?: Date;
}

const encoder = new TextEncoder();

/**
 * A strong ETag (RFC 9110 §8.8.3): the first 128 bits of the body's SHA-256, hex. node:crypto
 * (nodejs_compat) hashes synchronously, so a document can be prepared on its first request.
 */
function strongEtag(body: Uint8Array): string {
	return `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`;
}

export function prepareResponse(text: string, headers: DocumentHeaders): PreparedResponse {
	const body = encoder.encode(text);
	const etag = strongEtag(body);
	const lastModifiedSeconds =
		headers.lastModified === undefined
			? undefined
			: Math.floor(headers.lastModified.getTime() / 1000);
	const validatorHeaders: [string, string][] = [["ETag", etag]];
	if (headers.lastModified !== undefined) {
		validatorHeaders.push(["Last-Modified", formatHttpDate(headers.lastModified)]);
	}
	const shared: [string, string][] = [
		...validatorHeaders,
		["Cache-Control", headers.cacheControl],
		...headers.common,
	];
	return {
		body,
		headers: new Headers([["Content-Type", headers.contentType], ...shared, ...headers.extra]),
		notModifiedHeaders: new Headers(shared),
		validators: {
			etag,
			...(lastModifiedSeconds !== undefined && { lastModifiedSeconds }),
		},
	};
}

/**
 * Answers GET or HEAD: 412 or 304 as the preconditions decide, else 200 (HEAD without a body).
 * `Range` is ignored on purpose: the representations are small, a full 200 is always correct.
 */
export function answerPrepared(prepared: PreparedResponse, request: Request): Response {
	const outcome = evaluatePreconditions(request.method, request.headers, prepared.validators);
	if (outcome === "precondition-failed") return preconditionFailed();
	if (outcome === "not-modified") {
		return new Response(null, { status: 304, headers: prepared.notModifiedHeaders });
	}
	const body = request.method === "HEAD" ? null : prepared.body;
	return new Response(body, { status: 200, headers: prepared.headers });
}
