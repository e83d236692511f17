/**
 * Who may preview: whoever presents PREVIEW_TOKEN (a secret: `wrangler secret put PREVIEW_TOKEN`,
 * `.dev.vars` locally), either as `Authorization: Bearer <token>` (for tools) or as the cookie a
 * one-time form POST sets (for browsers), so the token never travels in a URL that logs keep.
 *
 * - The token is compared by the platform in constant time (`crypto.subtle.timingSafeEqual`, a
 *   Workers extension of Web Crypto), over SHA-256 digests of both sides: the compare always sees
 *   two 32-byte values, so neither the length nor a common prefix of a wrong token changes how
 *   long the answer takes.
 * - The cookie holds its issue time, signed with the token (HMAC-SHA256, Hono's signed cookies,
 *   verified by `crypto.subtle.verify`): the server refuses it once PREVIEW_COOKIE_SECONDS have
 *   passed, whatever a browser or a copied header does, and it is worth nothing once the token
 *   changes. It never contains the token.
 * - Failures are not slowed down: a token of at least MIN_TOKEN_LENGTH random characters cannot
 *   be guessed at any rate a network allows, and a slowdown would be a signal (docs/http.md,
 *   "Previews").
 */
import { parseSigned, serializeSigned } from "hono/utils/cookie";

export const PREVIEW_COOKIE = "edgewire_preview";
/** A preview sign-in lasts a working day. */
export const PREVIEW_COOKIE_SECONDS = 8 * 3600;
/** The shortest PREVIEW_TOKEN accepted: 32 characters (`openssl rand -hex 32` gives 64). */
export const MIN_TOKEN_LENGTH = 32;
/** What the signed value says before its issue time, so no other signed value passes for it. */
const COOKIE_PURPOSE = "preview-v2";
/** How far ahead of this isolate's clock an issue time may be (clocks of isolates differ a little). */
const CLOCK_SKEW_SECONDS = 60;

const encoder = new TextEncoder();

function sha256(text: string): Promise<ArrayBuffer> {
	return crypto.subtle.digest("SHA-256", encoder.encode(text));
}

/** Equal secrets: their SHA-256 digests (always 32 bytes) compared by the platform in constant time. */
export async function sameSecret(presented: string, expected: string): Promise<boolean> {
	const [a, b] = await Promise.all([sha256(presented), sha256(expected)]);
	return crypto.subtle.timingSafeEqual(a, b);
}

let warnedLength: number | undefined;

/**
 * The preview token of these bindings when previews are on: undefined when PREVIEW_TOKEN is unset,
 * or too short to be a secret (then logged once per isolate, naming the variable and the fix).
 */
export function previewToken(value: string | undefined): string | undefined {
	if (value === undefined || value === "") return undefined;
	if (value.length >= MIN_TOKEN_LENGTH) return value;
	if (warnedLength !== value.length) {
		warnedLength = value.length;
		console.error(
			`PREVIEW_TOKEN: ${value.length} characters, at least ${MIN_TOKEN_LENGTH} are needed; previews stay off until it is replaced (openssl rand -hex 32)`,
		);
	}
	return undefined;
}

/** What a request presents: its Authorization and Cookie headers, as sent. */
export interface PreviewCredentials {
	readonly authorization: string | undefined;
	readonly cookies: string | undefined;
}

/**
 * Whether `presented` carries the token (header) or a preview cookie signed with it and issued at
 * most PREVIEW_COOKIE_SECONDS before `now` (ms). False when previews are off (`token` undefined).
 */
export async function mayPreview(
	presented: PreviewCredentials,
	token: string | undefined,
	now: number,
): Promise<boolean> {
	if (token === undefined) return false;
	if (presented.authorization !== undefined) {
		// RFC 6750 §2.1: `Bearer` and the token, the scheme's case not significant (RFC 9110 §11.1).
		const bearer = /^Bearer\s+(.+)$/i.exec(presented.authorization.trim())?.[1] ?? "";
		return sameSecret(bearer, token);
	}
	if (presented.cookies === undefined) return false;
	const signed = (await parseSigned(presented.cookies, token, PREVIEW_COOKIE))[PREVIEW_COOKIE];
	if (typeof signed !== "string") return false;
	const issued = issuedAt(signed);
	if (issued === undefined) return false;
	const seconds = Math.floor(now / 1000);
	return issued <= seconds + CLOCK_SKEW_SECONDS && seconds - issued < PREVIEW_COOKIE_SECONDS;
}

const SIGNED_VALUE = new RegExp(`^${COOKIE_PURPOSE}:([0-9]{1,12})$`);

/** The issue time (s) a signed value names, or undefined when it names none. */
function issuedAt(value: string): number | undefined {
	const match = SIGNED_VALUE.exec(value);
	return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * `Set-Cookie` for an editor signed in at `now` (ms): its issue time signed with the token, for
 * this site's preview paths only, never sent cross-site, gone from the browser when the server
 * would refuse it anyway.
 */
export function previewCookie(token: string, secure: boolean, now: number): Promise<string> {
	return serializeSigned(PREVIEW_COOKIE, `${COOKIE_PURPOSE}:${Math.floor(now / 1000)}`, token, {
		path: "/preview",
		maxAge: PREVIEW_COOKIE_SECONDS,
		httpOnly: true,
		sameSite: "Strict",
		secure,
	});
}
