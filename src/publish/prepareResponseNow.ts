/**
 * The synchronous twin of `prepareResponse` (http/preparedResponse.ts): the same body bytes, the
 * same strong ETag (first 128 bits of SHA-256, hex) and the same header sets, computed with
 * node:crypto's synchronous hash so a document can be prepared inside `LazyMap.get`.
 * TODO(lead): fold into http/preparedResponse.ts and make `prepareResponse` itself synchronous.
 */
import { createHash } from "node:crypto";
import { formatHttpDate } from "../http/httpDate";
import type { DocumentHeaders, PreparedResponse } from "../http/preparedResponse";

const encoder = new TextEncoder();

export function prepareResponseNow(text: string, headers: DocumentHeaders): PreparedResponse {
	const body = encoder.encode(text);
	const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`;
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
