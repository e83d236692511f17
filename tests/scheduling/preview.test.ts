/**
 * The editors' preview: with PREVIEW_TOKEN, /preview/<slug> shows a scheduled article before its
 * instant, never cached and never indexed; without the token, with a wrong one, or with preview
 * off, the answer is byte for byte the 404 of an unknown slug.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import type { Env } from "../../src/env";
import { edgeCacheKey } from "../../src/http/edgeCache";
import { previewCookieValue, sameSecret } from "../../src/http/previewAccess";
import { app } from "../../src/index";
import { forgetPreparedSites, preparedSite } from "../../src/publish/preparedSite";
import { entry } from "../fixtures/articleInputs";
import { parseHtmlDocument, textOf } from "../support/parseHtml";
import { url } from "../support/site";
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
		expect(response.headers.get("Content-Security-Policy")).toContain(
			`img-src ${url("/favicon.ico")} ${url("/assets/edgewire.svg")};`,
		);
		const text = textOf(parseHtmlDocument(await response.text()));
		expect(text).toContain("Voorvertoning: dit artikel wordt openbaar op");
		expect(text).toContain("Morgen openbaar");
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
		expect(cookie).toMatch(
			/^edgewire_preview=[0-9a-f]{64}; Path=\/preview; Max-Age=\d+; HttpOnly; SameSite=Strict/,
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

	it("a sign-in with a wrong token sets no cookie", async () => {
		const body = new URLSearchParams({ token: "verkeerd", slug: SLUG }).toString();
		const response = await request("/preview", {
			method: "POST",
			body,
			headers: {
				"Content-Type": "application/x-www-form-urlencoded",
				"Content-Length": String(body.length),
			},
		});
		expect(response.headers.get("Set-Cookie")).toBeNull();
		expect(await seen(response)).toEqual(await unknown());
	});

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
	it("accepts only the exact token, over fixed-length digests", async () => {
		expect(await sameSecret(TOKEN, TOKEN)).toBe(true);
		for (const other of ["", TOKEN.slice(0, -1), `${TOKEN} `, TOKEN.toUpperCase()]) {
			expect(await sameSecret(other, TOKEN), other).toBe(false);
		}
	});

	it("derives the cookie from the token without containing it, and changes with it", async () => {
		const value = await previewCookieValue(TOKEN);
		expect(value).toMatch(/^[0-9a-f]{64}$/);
		expect(await previewCookieValue(`${TOKEN}2`)).not.toBe(value);
	});
});
