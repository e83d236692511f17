import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { app } from "../../src/index";

afterEach(() => {
	vi.restoreAllMocks();
});

describe("an unexpected exception", () => {
	it("answers a plain 500 that leaks nothing, and logs the method and path", async () => {
		const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
		// A SITE_URL that is not an http(s) origin makes the site fail to build on this request.
		const response = await app.request(
			"/feed.xml?secret=1",
			{ method: "GET" },
			{ ...env, SITE_URL: "ftp://intern" },
		);
		expect(response.status).toBe(500);
		expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
		expect(response.headers.get("Cache-Control")).toBe("no-store");
		const body = await response.text();
		expect(body).toBe("500 Internal Server Error\n");
		expect(log).toHaveBeenCalledOnce();
		const [message, error] = log.mock.calls[0] ?? [];
		expect(message).toBe("GET /feed.xml failed:");
		expect(String(error)).toContain("SITE_URL: expected an http(s) URL, got the ftp: scheme");
	});

	it("answers HEAD with 500 too, and the next good request still works", async () => {
		vi.spyOn(console, "error").mockImplementation(() => undefined);
		const failed = await app.request("/", { method: "HEAD" }, { ...env, SITE_URL: "not a url" });
		expect(failed.status).toBe(500);
		const ok = await app.request(
			"/",
			{ method: "GET" },
			{ ...env, SITE_URL: "https://news.example.org" },
		);
		expect(ok.status).toBe(200);
	});
});
