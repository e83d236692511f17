/**
 * Who may preview: whoever presents PREVIEW_TOKEN (a secret: `wrangler secret put PREVIEW_TOKEN`,
 * `.dev.vars` locally), either as `Authorization: Bearer <token>` (for tools) or as the cookie a
 * one-time form POST sets (for browsers), so the token never travels in a URL that logs keep.
 * Comparisons hash both sides first and compare the digests in constant time: neither the
 * length nor a common prefix of a wrong token changes how long the answer takes.
 */
export const PREVIEW_COOKIE = "edgewire_preview";
/** A preview sign-in lasts a working day. */
export const PREVIEW_COOKIE_SECONDS = 8 * 3600;

const encoder = new TextEncoder();

async function sha256(text: string): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

/** Equal secrets, compared over fixed-length digests in constant time. */
export async function sameSecret(presented: string, expected: string): Promise<boolean> {
	const [a, b] = await Promise.all([sha256(presented), sha256(expected)]);
	let difference = 0;
	for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return difference === 0;
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
	const mac = await crypto.subtle.sign("HMAC", key, encoder.encode("edgewire preview v1"));
	return [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

function cookieNamed(header: string | null, name: string): string | undefined {
	for (const part of (header ?? "").split(";")) {
		const [key, ...value] = part.trim().split("=");
		if (key === name) return value.join("=");
	}
	return undefined;
}

/** Whether `request` carries the token (header) or a cookie made from it. False without a token. */
export async function mayPreview(request: Request, token: string | undefined): Promise<boolean> {
	if (token === undefined || token === "") return false;
	const authorization = request.headers.get("Authorization");
	if (authorization !== null) {
		const bearer = /^Bearer\s+(.+)$/i.exec(authorization.trim())?.[1] ?? "";
		return sameSecret(bearer, token);
	}
	const cookie = cookieNamed(request.headers.get("Cookie"), PREVIEW_COOKIE);
	if (cookie === undefined) return false;
	return sameSecret(cookie, await previewCookieValue(token));
}

/** `Set-Cookie` for a signed-in editor: this site's preview paths only, never sent cross-site. */
export async function previewCookie(token: string, secure: boolean): Promise<string> {
	const value = await previewCookieValue(token);
	return `${PREVIEW_COOKIE}=${value}; Path=/preview; Max-Age=${PREVIEW_COOKIE_SECONDS}; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}
