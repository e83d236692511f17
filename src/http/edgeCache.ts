/**
 * Edge caching with the Workers Cache API, used where it pays: a cold isolate.
 *
 * A document this isolate has already prepared is answered from memory, which is cheaper than any
 * cache lookup, so the cache is never asked for it. A document not yet prepared here would first
 * have to be rendered and hashed (for a large feed or archive, milliseconds of billed CPU); if
 * another isolate in the same data centre already served it, the cached copy answers at once
 * while this isolate prepares it in the background.
 *
 * Keys carry the deployed version (version_metadata binding), so a deploy never serves an older
 * version's copy, and stale copies of one version are identical by construction.
 * On workers.dev subdomains the Cache API does nothing; everything still works, uncached.
 */
import { evaluatePreconditions } from "./conditionalGet";
import { preconditionFailed } from "./errorResponses";
import type { PreparedResponse } from "./preparedResponse";

/** Response header marking an answer that came from the edge cache (for operators and tests). */
export const EDGE_CACHE_HEADER = "X-Edgewire-Cache";

/** Headers a 304 repeats from the cached 200 (RFC 9110 §15.4.5). */
const NOT_MODIFIED_HEADERS = [
	"ETag",
	"Last-Modified",
	"Cache-Control",
	"Vary",
	"Access-Control-Allow-Origin",
	"Access-Control-Expose-Headers",
	"X-Content-Type-Options",
	// WebSub discovery (websubLinks.ts), which prepared 304s carry too.
	"Link",
];

export function edgeCacheKey(requestUrl: string, version: string): string {
	const url = new URL(requestUrl);
	// A document is named by its path alone: a query cannot change it, so it cannot split the cache.
	return `${url.origin}${url.pathname}?edgewire-version=${encodeURIComponent(version)}`;
}

/** Looks up a document in the edge cache and answers the request from it, or undefined on a miss. */
export async function answerFromEdgeCache(
	cache: Cache,
	request: Request,
	version: string,
): Promise<Response | undefined> {
	if (request.method !== "GET" && request.method !== "HEAD") return undefined;
	const cached = await cache.match(edgeCacheKey(request.url, version));
	if (cached === undefined) return undefined;
	const etag = cached.headers.get("ETag");
	const lastModified = cached.headers.get("Last-Modified");
	const validators = {
		etag: etag ?? '""',
		...(lastModified !== null && { lastModifiedSeconds: Date.parse(lastModified) / 1000 }),
	};
	const outcome =
		etag === null ? "proceed" : evaluatePreconditions(request.method, request.headers, validators);
	if (outcome === "precondition-failed") return preconditionFailed();
	if (outcome === "not-modified") {
		const headers = new Headers({ [EDGE_CACHE_HEADER]: "HIT" });
		for (const name of NOT_MODIFIED_HEADERS) {
			const value = cached.headers.get(name);
			if (value !== null) headers.set(name, value);
		}
		return new Response(null, { status: 304, headers });
	}
	const headers = new Headers(cached.headers);
	headers.set(EDGE_CACHE_HEADER, "HIT");
	return new Response(request.method === "HEAD" ? null : cached.body, { status: 200, headers });
}

/** Stores the document's full 200 (whatever this request was answered) for other isolates. */
export async function storeInEdgeCache(
	cache: Cache,
	requestUrl: string,
	version: string,
	prepared: PreparedResponse,
): Promise<void> {
	const full = new Response(prepared.body, { status: 200, headers: prepared.headers });
	await cache.put(edgeCacheKey(requestUrl, version), full);
}
