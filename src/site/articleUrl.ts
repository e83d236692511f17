import { getPath } from "hono/utils/url";

// sitePaths.article(slug): one segment after /articles/.
const ARTICLE_PATH = /^\/articles\/([^/]+)$/;

/**
 * The slug of the article page that `url` names on `origin`, or undefined: the one notion of "an
 * article URL", read exactly as a request for it is routed. The WHATWG URL parser resolves dot
 * segments, plain or percent-encoded (`/x/../articles/a`, `/articles/%2e%2e/...`), as the runtime
 * does before the Worker sees a path; then the router's own decoding applies (Hono's getPath:
 * `%6b` is `k`, while `%2F` stays an escaped slash). Query and fragment name no other article.
 * Whether an article with that slug exists is for the caller to look up.
 */
export function articleSlugOf(url: string, origin: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	if (parsed.origin !== origin) return undefined;
	parsed.search = "";
	parsed.hash = "";
	return ARTICLE_PATH.exec(getPath(new Request(parsed.href)))?.[1];
}
