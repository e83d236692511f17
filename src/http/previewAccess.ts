/**
 * Who may preview: whoever presents PREVIEW_TOKEN (a secret: `wrangler secret put PREVIEW_TOKEN`,
 * `.dev.vars` locally), either as `Authorization: Bearer <token>` (for tools) or as the cookie a
 * one-time form POST sets (for browsers), so the token never travels in a URL that logs keep.
 *
 * Secrets are compared by the platform in constant time (`crypto.subtle.timingSafeEqual`, a
 * Workers extension of Web Crypto), over SHA-256 digests of both sides: the compare always sees
 * two 32-byte values, so neither the length nor a common prefix of a wrong token changes how long
 * the answer takes.
 */
import { generateCookie } from "hono/cookie";
import { hex } from "../encoding/hex";

export const PREVIEW_COOKIE = "edgewire_preview";
/** A preview sign-in lasts a working day. */
export const PREVIEW_COOKIE_SECONDS = 8 * 3600;

const encoder = new TextEncoder();

function sha256(text: string): Promise<ArrayBuffer> {
	return crypto.subtle.digest("SHA-256", encoder.encode(text));
}

/** Equal secrets: their SHA-256 digests (always 32 bytes) compared by the platform in constant time. */
export async function sameSecret(presented: string, expected: string): Promise<boolean> {
	const [a, b] = await Promise.all([sha256(presented), sha256(expected)]);
	return crypto.subtle.timingSafeEqual(a, b);
}

let remembered: { readonly token: string; readonly value: Promise<string> } | undefined;

/**
 * The cookie's value: an HMAC of a fixed label under the token, so the cookie is worth nothing
 * once the token changes and never contains the token itself. Computed once per isolate and token.
 */
export function previewCookieValue(token: string): Promise<string> {
	if (remembered?.token !== token) remembered = { token, value: labelMac(token) };
	return remembered.value;
}

async function labelMac(token: string): Promise<string> {
	const key = await crypto.subtle.importKey(
		"raw",
		encoder.encode(token),
		{ name: "HMAC", hash: "SHA-256" },
		false,
		["sign"],
	);
	return hex(await crypto.subtle.sign("HMAC", key, encoder.encode("edgewire preview v1")));
}

/** What a request presents: its Authorization header and its preview cookie, as sent. */
export interface PreviewCredentials {
	readonly authorization: string | undefined;
	readonly cookie: string | undefined;
}

/** Whether `presented` carries the token (header) or a cookie made from it. False without a token. */
export async function mayPreview(
	presented: PreviewCredentials,
	token: string | undefined,
): Promise<boolean> {
	if (token === undefined || token === "") return false;
	if (presented.authorization !== undefined) {
		// RFC 6750 §2.1: `Bearer` and the token, the scheme's case not significant (RFC 9110 §11.1).
		const bearer = /^Bearer\s+(.+)$/i.exec(presented.authorization.trim())?.[1] ?? "";
		return sameSecret(bearer, token);
	}
	if (presented.cookie === undefined) return false;
	return sameSecret(presented.cookie, await previewCookieValue(token));
}

/** `Set-Cookie` for a signed-in editor: this site's preview paths only, never sent cross-site. */
export async function previewCookie(token: string, secure: boolean): Promise<string> {
	return generateCookie(PREVIEW_COOKIE, await previewCookieValue(token), {
		path: "/preview",
		maxAge: PREVIEW_COOKIE_SECONDS,
		httpOnly: true,
		sameSite: "Strict",
		secure,
	});
}
