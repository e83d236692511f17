/**
 * The warm path before the router (src/routes/warmAnswers.ts) answers exactly as the routed path
 * does, and only for what it should: prepared documents on GET and HEAD.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import worker, { app } from "../../src/index";
import { answerWarm } from "../../src/routes/warmAnswers";
import { seedArticle, url } from "../support/site";

const PATHS = ["/feed.xml", "/", `/articles/${seedArticle.slug}/fragment`, "/tags/asiel/atom.xml"];

async function seen(response: Response) {
	const headers = [...response.headers].filter(([name]) => name !== "date");
	return { status: response.status, headers, body: await response.text() };
}

describe("answers before the router", () => {
	it.each(PATHS)("%s: the same status, headers and bytes as the routed answer", async (path) => {
		const routed = await seen(await app.request(url(path), {}, env));
		const warm = answerWarm(new Request(url(path)), env);
		expect(warm).toBeDefined();
		expect(await seen(warm as Response)).toEqual(routed);
	});

	it("evaluates preconditions the same way: 304 and 412", async () => {
		const etag = (await app.request(url("/feed.xml"), {}, env)).headers.get("ETag") ?? "";
		const notModified = answerWarm(
			new Request(url("/feed.xml"), { headers: { "If-None-Match": etag } }),
			env,
		);
		expect(notModified?.status).toBe(304);
		const failed = answerWarm(
			new Request(url("/feed.xml"), { headers: { "If-Match": '"zzz"' } }),
			env,
		);
		expect(failed?.status).toBe(412);
	});

	it("leaves to the app what it has not prepared, errors, other methods and oEmbed", async () => {
		expect(answerWarm(new Request(url("/bestaat-niet")), env)).toBeUndefined();
		await app.request(url("/articles/bestaat-niet"), {}, env);
		expect(answerWarm(new Request(url("/articles/bestaat-niet")), env)).toBeUndefined();
		expect(
			answerWarm(new Request(url("/feed.xml"), { method: "POST", body: "x" }), env),
		).toBeUndefined();
		const oembed = `/oembed?url=${encodeURIComponent(url(`/articles/${seedArticle.slug}`))}`;
		await app.request(url(oembed), {}, env);
		expect(answerWarm(new Request(url(oembed)), env)).toBeUndefined();
		expect(
			answerWarm(new Request(url("/feed.xml")), { ...env, SITE_URL: "ftp://kapot" }),
		).toBeUndefined();
	});

	it("is what the Worker's fetch handler tries first: a prepared document never reaches the router", async () => {
		const ctx = {
			waitUntil: () => undefined,
			passThroughOnException: () => undefined,
			props: {},
		} as unknown as ExecutionContext;
		const routed = await app.request(url("/feed.xml"), {}, env);
		const router = vi.spyOn(app, "fetch");
		try {
			const response = await worker.fetch(new Request(url("/feed.xml")), env, ctx);
			expect(await seen(response)).toEqual(await seen(routed));
			expect(router).not.toHaveBeenCalled();
			await worker.fetch(new Request(url("/bestaat-niet")), env, ctx);
			expect(router).toHaveBeenCalledTimes(1);
		} finally {
			router.mockRestore();
		}
	});
});
