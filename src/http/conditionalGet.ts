/**
 * Conditional requests (RFC 9110 §13). Decides, for a representation that exists, whether a
 * request is answered normally, with 304 Not Modified, or with 412 Precondition Failed.
 *
 * Callers evaluate preconditions only for documents that exist: RFC 9110 §13.2.1 says a server
 * ignores them when the answer without them would not be a 2xx, so a missing document stays a 404
 * whatever the request says (even `If-Match: *`).
 */
import { parseHttpDate } from "./httpDate";

export interface Validators {
	/** Strong entity tag, quoted: `"abc"`. */
	readonly etag: string;
	/** Last-Modified, in whole seconds since the epoch (HTTP dates have one-second resolution). */
	readonly lastModifiedSeconds?: number;
}

/** What the preconditions decide: answer as usual, 304, or 412. */
export type PreconditionOutcome = "proceed" | "not-modified" | "precondition-failed";

// An entity-tag (RFC 9110 §8.8.3): optional W/ prefix, then a quoted opaque tag.
const ENTITY_TAG = /(W\/)?"([^"]*)"/g;

/**
 * The request's preconditions against the current representation, in RFC 9110 §13.2.2 order:
 *
 * 1. If-Match (§13.1.1), strong comparison: `*` or a listed strong tag equal to ours, else 412.
 *    A weak tag never matches (a weakened tag names bytes we may not have sent).
 * 2. Without If-Match, If-Unmodified-Since (§13.1.4), when it is a valid HTTP date and the
 *    representation has a Last-Modified: modified after that date gives 412.
 * 3. If-None-Match (§13.1.2), weak comparison: `W/"x"` matches `"x"`, because Cloudflare weakens
 *    strong tags when it compresses; `*` matches. A match gives 304 for GET and HEAD, else 412.
 * 4. Without If-None-Match, for GET and HEAD only, If-Modified-Since (§13.1.3) when it is a valid
 *    HTTP date: not modified since gives 304.
 */
export function evaluatePreconditions(
	method: string,
	headers: Headers,
	validators: Validators,
): PreconditionOutcome {
	const ifMatch = headers.get("If-Match");
	if (ifMatch !== null) {
		if (!matchesStrongly(ifMatch, validators.etag)) return "precondition-failed";
	} else if (modifiedSince(headers.get("If-Unmodified-Since"), validators) === true) {
		return "precondition-failed";
	}
	const isRead = method === "GET" || method === "HEAD";
	const ifNoneMatch = headers.get("If-None-Match");
	if (ifNoneMatch !== null) {
		if (!matchesWeakly(ifNoneMatch, validators.etag)) return "proceed";
		return isRead ? "not-modified" : "precondition-failed";
	}
	if (isRead && modifiedSince(headers.get("If-Modified-Since"), validators) === false) {
		return "not-modified";
	}
	return "proceed";
}

/**
 * Whether the representation changed after the date in `field`; undefined when the field is
 * absent or not a valid HTTP date, or there is no Last-Modified to compare (the field is ignored).
 */
function modifiedSince(field: string | null, validators: Validators): boolean | undefined {
	if (field === null || validators.lastModifiedSeconds === undefined) return undefined;
	const since = parseHttpDate(field);
	return since === undefined ? undefined : validators.lastModifiedSeconds * 1000 > since;
}

function matchesWeakly(field: string, etag: string): boolean {
	// The common cases first, without a regular expression: our tag as we sent it, or weakened.
	if (field === etag || field === `W/${etag}`) return true;
	if (field.trim() === "*") return true;
	const opaque = etag.slice(1, -1);
	for (const match of field.matchAll(ENTITY_TAG)) {
		if (match[2] === opaque) return true;
	}
	return false;
}

function matchesStrongly(field: string, etag: string): boolean {
	if (field === etag || field.trim() === "*") return true;
	const opaque = etag.slice(1, -1);
	for (const match of field.matchAll(ENTITY_TAG)) {
		if (match[1] === undefined && match[2] === opaque) return true;
	}
	return false;
}
