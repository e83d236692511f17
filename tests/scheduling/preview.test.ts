/**
 * The editors' preview: with PREVIEW_TOKEN, /preview/<slug> shows a scheduled article before its
 * instant, never cached and never indexed; without the token, with a wrong one, or with preview
 * off, the answer is byte for byte the 404 of an unknown slug.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import type { Env } from "../../src/env";
import { edgeCacheKey } from "../../src/http/edgeCache";
import { PREVIEW_COOKIE_SECONDS, sameSecret } from "../../src/http/previewAccess";
import { app } from "../../src/index";
import { forgetPreparedSites, preparedSite } from "../../src/publish/preparedSite";
import { stylesheetUrl } from "../../src/render/stylesheetUrl";
import { entry } from "../fixtures/articleInputs";
import { setClock, startClock } from "../support/clock";
import { attr, elementsByTag, parseHtmlDocument, textOf } from "../support/parseHtml";
import { site, url } from "../support/site";
import { emptyStore, publishEntries } from "../support/store";

const TOKEN = "a-long-random-preview-token-0123456789";
const SLUG = "gepland-voor-morgen";
const withToken = { ...env, PREVIEW_TOKEN: TOKEN };
// A developer's .dev.vars may set PREVIEW_TOKEN for the test Worker too: remove it explicitly.
const { PREVIEW_TOKEN: _fromDevVars, ...withoutToken } = { ...env };

async function request(path: string, init: RequestInit = {}, bindings: Env = withToken) {
	return app.request(url(path), init, bindings);
}

/** The edge cache's copy at `key`, once its background store has landed (a few turns at most). */
async function landed(key: string): Promise<Response | undefined> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const hit = await caches.default.match(key);
		if (hit !== undefined) return hit;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	return undefined;
}

/** Status, headers (Date aside) and body: what a client can tell apart. */
async function seen(response: Response) {
	const headers = [...response.headers].filter(([name]) => name !== "date");
	return { status: response.status, headers, body: await response.text() };
}

beforeAll(async () => {
	await emptyStore();
	await publishEntries([
		...(await readContentFiles()).entries,
		entry("content/articles/gepland.ts", {
			slug: SLUG,
			headline: "Morgen openbaar",
			published: new Date(Date.now() + 86_400_000).toISOString(),
		}),
	]);
});

describe("preview with the token", () => {
	it("shows the scheduled article, marked as a preview, with private, no-store and noindex", async () => {
		const response = await request(`/preview/${SLUG}`, {
			headers: { Authorization: `Bearer ${TOKEN}` },
		});
		expect(response.status).toBe(200);
		expect(response.headers.get("Cache-Control")).toBe("private, no-store");
		expect(response.headers.get("X-Robots-Tag")).toBe("noindex, nofollow");
		expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
		expect(response.headers.get("ETag")).toBeNull();
		// Like every page: the stylesheet and the icon files, nothing else (no lead image here).
		const csp = response.headers.get("Content-Security-Policy");
		expect(csp).toContain(`img-src ${url("/favicon.ico")} ${url("/assets/edgewire.svg")};`);
		expect(csp).toContain(`style-src ${stylesheetUrl(site)};`);
		const body = await response.text();
		const text = textOf(parseHtmlDocument(body));
		expect(text).toContain("Voorvertoning: dit artikel wordt openbaar op");
		expect(text).toContain("Morgen openbaar");
		// No link to the public URL, which answers 404 until the instant.
		const links = elementsByTag(parseHtmlDocument(body), "a").map((a) => attr(a, "href"));
		expect(links).not.toContain(url(`/articles/${SLUG}`));
		// The public still sees nothing.
		expect((await request(`/articles/${SLUG}`)).status).toBe(404);
	});

	it("signs a browser in through a form POST: a cookie for /preview only, then the preview", async () => {
		const form = await request("/preview");
		expect(form.status).toBe(200);
		expect(form.headers.get("Cache-Control")).toBe("private, no-store");
		expect(await form.text()).toContain('method="post" action="/preview"');
		const body = new URLSearchParams({ token: TOKEN, slug: SLUG }).toString();
		const signIn = await request("/preview", {
			method: "POST",
			body,
			headers: {
				"Content-Type": "application/x-www-form-urlencoded",
				"Content-Length": String(body.length),
			},
		});
		expect(signIn.status).toBe(303);
		expect(signIn.headers.get("Location")).toBe(`/preview/${SLUG}`);
		const cookie = signIn.headers.get("Set-Cookie") ?? "";
		const [pairText = "", ...attributes] = cookie.split("; ");
		expect(pairText).toMatch(/^edgewire_preview=preview-v2%3A\d+\.[A-Za-z0-9%]+$/);
		// http: here; on https the cookie is also Secure.
		expect(attributes.sort()).toEqual(
			["HttpOnly", "Max-Age=28800", "Path=/preview", "SameSite=Strict"].sort(),
		);
		expect(cookie).not.toContain(TOKEN);
		const pair = cookie.split(";")[0] ?? "";
		const preview = await request(`/preview/${SLUG}`, { headers: { Cookie: pair } });
		expect(preview.status).toBe(200);
	});

	it("is never stored in the edge cache", async () => {
		const preview = await request(`/preview/${SLUG}`, {
			headers: { Authorization: `Bearer ${TOKEN}` },
		});
		expect(preview.status).toBe(200);
		const site = preparedSite(withToken);
		const generation = site.generation(await site.state(Date.now()));
		// A document served after the preview is stored: background stores have had time to land.
		forgetPreparedSites();
		await (await request("/atom.xml")).arrayBuffer();
		expect(await landed(edgeCacheKey(url("/atom.xml"), generation))).toBeDefined();
		expect(
			await caches.default.match(edgeCacheKey(url(`/preview/${SLUG}`), generation)),
		).toBeUndefined();
		expect(await caches.default.match(url(`/preview/${SLUG}`))).toBeUndefined();
	});
});

describe("preview without the right token answers the 404 of an unknown slug", () => {
	const unknown = async () => {
		const answer = await seen(await request("/articles/bestaat-niet"));
		expect(answer.status).toBe(404);
		return answer;
	};

	it.each([
		["no token", {}],
		["a wrong token", { Authorization: "Bearer verkeerd" }],
		["the token but one character", { Authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
		["the token and one more", { Authorization: `Bearer ${TOKEN}x` }],
		["the token's first half", { Authorization: `Bearer ${TOKEN.slice(0, 16)}` }],
		["an empty bearer", { Authorization: "Bearer " }],
		["the token as Basic", { Authorization: `Basic ${btoa(`x:${TOKEN}`)}` }],
		["a forged cookie", { Cookie: `edgewire_preview=${"0".repeat(64)}` }],
		["the token itself as cookie", { Cookie: `edgewire_preview=${TOKEN}` }],
	])("%s", async (_, headers) => {
		const answer = await seen(await request(`/preview/${SLUG}`, { headers }));
		expect(answer).toEqual(await unknown());
	});

	it("a sign-in with a wrong token, or for an unknown slug, gets the same form saying so, and no cookie", async () => {
		const signIn = (token: string, slug: string) => {
			const body = new URLSearchParams({ token, slug }).toString();
			return request("/preview", {
				method: "POST",
				body,
				headers: { "Content-Type": "application/x-www-form-urlencoded" },
			});
		};
		const wrongToken = await signIn("verkeerd", SLUG);
		const unknownSlug = await signIn(TOKEN, "bestaat-niet");
		expect(wrongToken.headers.get("Set-Cookie")).toBeNull();
		expect(unknownSlug.headers.get("Set-Cookie")).toBeNull();
		const refused = await seen(wrongToken);
		expect(await seen(unknownSlug)).toEqual(refused);
		expect(refused.status).toBe(404);
		expect(refused.headers).toContainEqual(["cache-control", "private, no-store"]);
		expect(textOf(parseHtmlDocument(refused.body))).toContain(
			"Er is geen voorvertoning voor deze slug met deze sleutel.",
		);
	});

	it.each([
		["declares its length", true],
		["streams without a length", false],
	])(
		"a sign-in form over 2 KiB, with the right token, that %s sets no cookie",
		async (_, sized) => {
			const body = new URLSearchParams({
				token: TOKEN,
				slug: SLUG,
				note: "x".repeat(3000),
			}).toString();
			const bytes = new TextEncoder().encode(body);
			const stream = new ReadableStream<Uint8Array>({
				start(controller) {
					controller.enqueue(bytes);
					controller.close();
				},
			});
			const response = await request("/preview", {
				method: "POST",
				body: sized ? body : stream,
				headers: {
					"Content-Type": "application/x-www-form-urlencoded",
					...(sized && { "Content-Length": String(bytes.length) }),
				},
			});
			expect(response.headers.get("Set-Cookie")).toBeNull();
			expect(await seen(response)).toEqual(await unknown());
		},
	);

	it.each([
		["text/plain", `token=${TOKEN}&slug=${SLUG}`],
		["application/json", JSON.stringify({ token: TOKEN, slug: SLUG })],
	])(
		"a sign-in sent as %s, with the right token, is refused like a wrong one, and sets no cookie",
		async (type, body) => {
			const response = await request("/preview", {
				method: "POST",
				body,
				headers: { "Content-Type": type },
			});
			expect(response.headers.get("Set-Cookie")).toBeNull();
			expect(response.status).toBe(404);
			expect(await response.text()).toContain(
				"Er is geen voorvertoning voor deze slug met deze sleutel.",
			);
		},
	);

	it("an unknown slug, even with the token", async () => {
		const answer = await seen(
			await request("/preview/bestaat-niet", { headers: { Authorization: `Bearer ${TOKEN}` } }),
		);
		expect(answer).toEqual(await unknown());
	});

	it("preview is off without PREVIEW_TOKEN, whatever is presented", async () => {
		for (const path of [`/preview/${SLUG}`, "/preview"]) {
			const answer = await seen(
				await request(path, { headers: { Authorization: `Bearer ${TOKEN}` } }, withoutToken),
			);
			expect(answer, path).toEqual(await unknown());
		}
	});
});

describe("comparing secrets", () => {
	it("leaves the decision to the platform's constant-time compare, over two 32-byte digests", async () => {
		const compare = vi.spyOn(crypto.subtle, "timingSafeEqual");
		try {
			for (const presented of ["", "x", TOKEN, `${TOKEN}${"y".repeat(5000)}`]) {
				compare.mockClear();
				await sameSecret(presented, TOKEN);
				expect(compare).toHaveBeenCalledTimes(1);
				const [a, b] = compare.mock.calls[0] ?? [];
				expect([a?.byteLength, b?.byteLength]).toEqual([32, 32]);
			}
			// What the platform says goes: no other comparison can refuse the right token or let a
			// wrong one in.
			compare.mockReturnValue(true);
			const wrong = await request(`/preview/${SLUG}`, {
				headers: { Authorization: "Bearer verkeerd" },
			});
			expect(wrong.status).toBe(200);
			compare.mockReturnValue(false);
			const right = await request(`/preview/${SLUG}`, {
				headers: { Authorization: `Bearer ${TOKEN}` },
			});
			expect(right.status).toBe(404);
		} finally {
			compare.mockRestore();
		}
	});

	it("accepts only the exact token", async () => {
		expect(await sameSecret(TOKEN, TOKEN)).toBe(true);
		for (const other of ["", TOKEN.slice(0, -1), `${TOKEN} `, TOKEN.toUpperCase()]) {
			expect(await sameSecret(other, TOKEN), other).toBe(false);
		}
	});
});

/** Signs in through the form at the clock's time; returns the `name=value` pair to send back. */
async function signIn(bindings: Env = withToken): Promise<string> {
	const body = new URLSearchParams({ token: TOKEN, slug: SLUG }).toString();
	const response = await request(
		"/preview",
		{ method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } },
		bindings,
	);
	expect(response.status).toBe(303);
	return (response.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
}

describe("the preview cookie, on the server", () => {
	const withCookie = (pair: string, bindings: Env = withToken) =>
		request(`/preview/${SLUG}`, { headers: { Cookie: pair } }, bindings);

	it("holds its issue time signed with the token, never the token itself", async () => {
		const pair = await signIn();
		expect(pair).not.toContain(TOKEN);
		const value = decodeURIComponent(pair.slice("edgewire_preview=".length));
		const [issued, signature] = value.split(".");
		expect(Math.abs(Number(issued?.split(":")[1]) - Date.now() / 1000)).toBeLessThan(5);
		expect(signature).toMatch(/^[A-Za-z0-9+/]{43}=$/);
	});

	it("is refused once its 8 hours have passed, whatever the browser keeps", async () => {
		const start = startClock();
		const pair = await signIn();
		setClock(start + PREVIEW_COOKIE_SECONDS * 1000 - 1_000);
		expect((await withCookie(pair)).status).toBe(200);
		setClock(start + PREVIEW_COOKIE_SECONDS * 1000);
		expect(await seen(await withCookie(pair))).toEqual(
			await seen(await request("/articles/bestaat-niet")),
		);
	});

	it("is refused when it claims a time it was not signed for, or another token signed it", async () => {
		const pair = await signIn();
		const value = decodeURIComponent(pair.slice("edgewire_preview=".length));
		const [issued = "", signature = ""] = value.split(".");
		const later = `preview-v2:${Number(issued.split(":")[1]) + 3600}`;
		const forged = `edgewire_preview=${encodeURIComponent(`${later}.${signature}`)}`;
		const unknown = await seen(await request("/articles/bestaat-niet"));
		expect(await seen(await withCookie(forged))).toEqual(unknown);
		const rotated = { ...withToken, PREVIEW_TOKEN: `${TOKEN}-rotated` };
		expect(await seen(await withCookie(pair, rotated))).toEqual(unknown);
	});

	it("is refused when issued in the future", async () => {
		const start = startClock();
		setClock(start + 3_600_000);
		const pair = await signIn();
		setClock(start);
		expect((await withCookie(pair)).status).toBe(404);
	});
});

describe("the preview token setting", () => {
	it("turns previews off when shorter than 32 characters, and says so in the log", async () => {
		const short = "kort-maar-geheim";
		const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
		try {
			const bindings = { ...env, PREVIEW_TOKEN: short };
			const unknown = await seen(await request("/articles/bestaat-niet", {}, bindings));
			const preview = await request(
				`/preview/${SLUG}`,
				{ headers: { Authorization: `Bearer ${short}` } },
				bindings,
			);
			expect(await seen(preview)).toEqual(unknown);
			expect(await seen(await request("/preview", {}, bindings))).toEqual(unknown);
			expect(errors.mock.calls.map((call) => String(call[0])).join("\n")).toMatch(
				/PREVIEW_TOKEN: 16 characters, at least 32 are needed/,
			);
		} finally {
			errors.mockRestore();
		}
	});
});
