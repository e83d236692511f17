/**
 * Conditional GET and HEAD (RFC 9110 §13). Decides whether a request for a representation with
 * these validators can be answered 304 Not Modified.
 */
import { parseHttpDate } from "./httpDate";

export interface Validators {
	/** Strong entity tag, quoted: `"abc"`. */
	readonly etag: string;
	/** Last-Modified, in whole seconds since the epoch (HTTP dates have one-second resolution). */
	readonly lastModifiedSeconds?: number;
}

// An entity-tag (RFC 9110 §8.8.3): optional W/ prefix, then a quoted opaque tag.
const ENTITY_TAG = /(?:W\/)?"([^"]*)"/g;

/**
 * True when the request's preconditions say the client's copy is current.
 *
 * - If-None-Match uses the weak comparison (§13.1.2): `W/"x"` matches `"x"`, because Cloudflare
 *   weakens strong tags when it compresses. `*` matches any current representation.
 * - If-Modified-Since counts only without If-None-Match, only for GET and HEAD, and only when it
 *   is a valid HTTP date (§13.1.3).
 */
export function isNotModified(method: string, headers: Headers, validators: Validators): boolean {
	if (method !== "GET" && method !== "HEAD") return false;
	const ifNoneMatch = headers.get("If-None-Match");
	if (ifNoneMatch !== null) return noneMatchFails(ifNoneMatch, validators.etag);
	const ifModifiedSince = headers.get("If-Modified-Since");
	if (ifModifiedSince === null || validators.lastModifiedSeconds === undefined) return false;
	const since = parseHttpDate(ifModifiedSince);
	return since !== undefined && validators.lastModifiedSeconds * 1000 <= since;
}

function noneMatchFails(field: string, etag: string): boolean {
	// The common cases first, without a regular expression: our tag as we sent it, or weakened.
	if (field === etag || field === `W/${etag}`) return true;
	if (field.trim() === "*") return true;
	const opaque = etag.slice(1, -1);
	for (const match of field.matchAll(ENTITY_TAG)) {
		if (match[1] === opaque) return true;
	}
	return false;
}
