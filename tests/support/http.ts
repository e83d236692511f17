/** Requests to the Worker under test, and the HTTP checks more than one suite makes. */
import { env, SELF } from "cloudflare:test";
import { expect } from "vitest";
import { url } from "./site";

/** `path` on the site's origin, fetched from the Worker under test. */
export function fetchPath(path: string, init: RequestInit = {}): Promise<Response> {
	return SELF.fetch(url(path), init);
}

/**
 * `path` as Cloudflare routes it: from the static assets (public/, the icon files) when one is
 * there, else from the Worker. `SELF` reaches the Worker alone.
 */
export async function fetchServed(path: string, init: RequestInit = {}): Promise<Response> {
	const asset = await env.ASSETS?.fetch(url(path), init);
	if (asset !== undefined && asset.status !== 404) return asset;
	await asset?.arrayBuffer();
	return fetchPath(path, init);
}

/** The preflight a browser sends before a cross-origin conditional GET of `target`. */
export function sendPreflight(target: string): Promise<Response> {
	return SELF.fetch(target, {
		method: "OPTIONS",
		headers: {
			Origin: "https://partner.example",
			"Access-Control-Request-Method": "GET",
			"Access-Control-Request-Headers": "if-none-match",
		},
	});
}

/** A preflight answer that lets any origin GET with every conditional header, cached a while. */
export function expectPreflightAllowed(response: Response): void {
	expect(response.status).toBe(204);
	expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
	expect(response.headers.get("Access-Control-Allow-Methods")).toBe("GET, HEAD, OPTIONS");
	const allowed = (response.headers.get("Access-Control-Allow-Headers") ?? "").toLowerCase();
	expect(allowed).toContain("if-none-match");
	expect(allowed).toContain("if-modified-since");
	expect(allowed).toContain("if-match");
	expect(allowed).toContain("if-unmodified-since");
	expect(Number(response.headers.get("Access-Control-Max-Age"))).toBeGreaterThan(0);
}

/** Every header but Content-Length (which a HEAD answer may leave out), in order. */
export function headersBesidesLength(response: Response): [string, string][] {
	return [...response.headers].filter(([name]) => name !== "content-length");
}

/** CSP directives by name (CSP3 §2.2: the first occurrence of a directive wins). */
export function cspDirectives(policy: string | null): Map<string, string> {
	const directives = new Map<string, string>();
	for (const part of (policy ?? "").split(";")) {
		const [name, ...value] = part.trim().split(/\s+/);
		if (name && !directives.has(name.toLowerCase())) {
			directives.set(name.toLowerCase(), value.join(" "));
		}
	}
	return directives;
}
