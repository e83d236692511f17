/** What a feed reader, a browser and a partner site get over HTTP, route by route. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { stylesheetUrl } from "../../src/render/stylesheetUrl";
import { entry } from "../fixtures/articleInputs";
import { advanceClock, startClock } from "../support/clock";
import {
	expectPreflightAllowed,
	fetchPath,
	headersBesidesLength,
	sendPreflight,
} from "../support/http";
import { seedArticle, site, url } from "../support/site";
import { emptyStore, publishEntries } from "../support/store";

const content = (await readContentFiles()).entries;

const ROUTES = [
	"/feed.xml",
	"/atom.xml",
	"/feed.json",
	`/articles/${seedArticle.slug}`,
	`/articles/${seedArticle.slug}/fragment`,
	`/articles/${seedArticle.slug}/embed`,
	"/",
];
const SHARED = ["/feed.xml", "/atom.xml", "/feed.json", `/articles/${seedArticle.slug}/fragment`];
const PAGES = [`/articles/${seedArticle.slug}`, "/"];

/** An HTTP date (RFC 850 and asctime forms too) `seconds` from `httpDate`. */
function shifted(httpDate: string, seconds: number): Date {
	return new Date(Date.parse(httpDate) + seconds * 1000);
}
const rfc850 = (date: Date) =>
	date
		.toUTCString()
		.replace(/^(\w{3}), (\d{2}) (\w{3}) \d{2}(\d{2})/, (_, day: string, dd, mon, yy) => {
			const long = {
				Sun: "Sunday",
				Mon: "Monday",
				Tue: "Tuesday",
				Wed: "Wednesday",
				Thu: "Thursday",
				Fri: "Friday",
				Sat: "Saturday",
			}[day];
			return `${long}, ${dd}-${mon}-${yy}`;
		});
const asctime = (date: Date) => {
	const [day, , mon, year, time] = date.toUTCString().replace(",", "").split(" ");
	return `${day} ${mon} ${String(date.getUTCDate()).padStart(2, " ")} ${time} ${year}`;
};

async function etagOf(path: string): Promise<string> {
	const etag = (await fetchPath(path)).headers.get("ETag");
	if (etag === null) throw new Error(`no ETag on ${path}`);
	return etag;
}

describe.each(ROUTES)("GET %s", (path) => {
	it("carries a strong ETag, Last-Modified from its publication, and caching headers", async () => {
		await emptyStore();
		// An earlier publish puts this one at least a second after the deployment (Last-Modified's floor).
		await publishEntries([entry("content/articles/eerder.ts", { slug: "eerder" })]);
		const { version } = await publishEntries(content);
		const recorded = await env.DB.prepare("SELECT created_at FROM versions WHERE id = ?1")
			.bind(version)
			.first<number>("created_at");
		// Asked an hour later: Last-Modified is still the second the store recorded the publish.
		startClock();
		advanceClock(3_600_000);
		const response = await fetchPath(path);
		expect(response.status).toBe(200);
		expect(response.headers.get("ETag")).toMatch(/^"[0-9a-f]{32}"$/);
		expect(response.headers.get("Last-Modified")).toBe(
			new Date(recorded ?? Number.NaN).toUTCString(),
		);
		expect(response.headers.get("Cache-Control")).toBe("public, max-age=45, stale-if-error=86400");
		expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
	});

	it("gives the same ETag and bytes on every request", async () => {
		const [first, second] = await Promise.all([fetchPath(path), fetchPath(path)]);
		expect(first.headers.get("ETag")).toBe(second.headers.get("ETag"));
		expect(await first.text()).toBe(await second.text());
	});

	it("answers 304 without a body when If-None-Match matches, keeping validators and caching headers", async () => {
		const full = await fetchPath(path);
		const etag = full.headers.get("ETag") ?? "";
		const response = await fetchPath(path, { headers: { "If-None-Match": etag } });
		expect(response.status).toBe(304);
		expect(await response.text()).toBe("");
		for (const name of ["ETag", "Cache-Control", "Last-Modified", "Vary"]) {
			expect(full.headers.get(name), name).not.toBeNull();
			expect(response.headers.get(name), name).toBe(full.headers.get(name));
		}
	});

	it("answers 304 to the weakened tag Cloudflare sends back after compressing", async () => {
		const etag = await etagOf(path);
		const response = await fetchPath(path, { headers: { "If-None-Match": `W/${etag}` } });
		expect(response.status).toBe(304);
	});

	it("answers 304 to a list containing the tag, and to *", async () => {
		const etag = await etagOf(path);
		for (const field of [`"x", ${etag}`, `W/"x",${etag}`, "*"]) {
			expect((await fetchPath(path, { headers: { "If-None-Match": field } })).status, field).toBe(
				304,
			);
		}
	});

	it("answers 200 when If-None-Match does not match", async () => {
		const response = await fetchPath(path, { headers: { "If-None-Match": '"not-the-tag"' } });
		expect(response.status).toBe(200);
		expect((await response.text()).length).toBeGreaterThan(0);
	});

	it("answers 304 when If-Modified-Since is Last-Modified or later, in any of the three date formats", async () => {
		const lastModified = (await fetchPath(path)).headers.get("Last-Modified") ?? "";
		const later = shifted(lastModified, 3600);
		for (const date of [
			lastModified,
			rfc850(new Date(Date.parse(lastModified))),
			asctime(new Date(Date.parse(lastModified))),
			later.toUTCString(),
		]) {
			expect((await fetchPath(path, { headers: { "If-Modified-Since": date } })).status, date).toBe(
				304,
			);
		}
	});

	it("answers 200 when If-Modified-Since is earlier or not a valid date", async () => {
		const lastModified = (await fetchPath(path)).headers.get("Last-Modified") ?? "";
		const earlier = shifted(lastModified, -1).toUTCString();
		for (const date of [
			earlier,
			"Sat, 01 Jul 2023 12:00:00 GMT",
			"gisteren",
			"2099-01-01T00:00:00Z",
		]) {
			expect((await fetchPath(path, { headers: { "If-Modified-Since": date } })).status, date).toBe(
				200,
			);
		}
	});

	it("ignores If-Modified-Since when If-None-Match is present", async () => {
		const response = await fetchPath(path, {
			headers: { "If-None-Match": '"stale"', "If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT" },
		});
		expect(response.status).toBe(200);
	});

	it("answers 412 without a body when If-Match names another tag or only a weak one", async () => {
		const etag = await etagOf(path);
		for (const field of ['"zzz"', `W/${etag}`, '"zzz", "yyy"']) {
			const response = await fetchPath(path, { headers: { "If-Match": field } });
			expect(response.status, field).toBe(412);
			expect(await response.text(), field).toBe("");
			expect(response.headers.get("Cache-Control"), field).toBe("no-store");
			for (const [name, value] of response.headers) expect(value, name).not.toContain("zzz");
		}
	});

	it("answers 200 when If-Match names the current tag or *", async () => {
		const etag = await etagOf(path);
		for (const field of [etag, `"zzz", ${etag}`, "*"]) {
			const response = await fetchPath(path, { headers: { "If-Match": field } });
			expect(response.status, field).toBe(200);
		}
	});

	it("answers 412 when If-Unmodified-Since is before Last-Modified, 200 from Last-Modified on", async () => {
		const lastModified = (await fetchPath(path)).headers.get("Last-Modified") ?? "";
		const before = shifted(lastModified, -1).toUTCString();
		for (const date of ["Thu, 01 Jan 1970 00:00:00 GMT", "Sat, 01 Jul 2023 11:59:59 GMT", before]) {
			const response = await fetchPath(path, { headers: { "If-Unmodified-Since": date } });
			expect(response.status, date).toBe(412);
			expect(await response.text(), date).toBe("");
		}
		const later = shifted(lastModified, 3600).toUTCString();
		for (const date of [lastModified, later, "not a date"]) {
			const response = await fetchPath(path, { headers: { "If-Unmodified-Since": date } });
			expect(response.status, date).toBe(200);
		}
	});

	it("evaluates If-Match before If-None-Match (RFC 9110 §13.2.2)", async () => {
		const etag = await etagOf(path);
		const failed = await fetchPath(path, {
			headers: { "If-Match": '"zzz"', "If-None-Match": etag },
		});
		expect(failed.status).toBe(412);
		const held = await fetchPath(path, { headers: { "If-Match": etag, "If-None-Match": etag } });
		expect(held.status).toBe(304);
	});

	it("answers a HEAD whose If-Match fails with 412", async () => {
		const response = await fetchPath(path, { method: "HEAD", headers: { "If-Match": '"zzz"' } });
		expect(response.status).toBe(412);
	});

	it("answers HEAD with GET's status and headers and no body", async () => {
		const get = await fetchPath(path);
		const head = await fetchPath(path, { method: "HEAD" });
		expect(head.status).toBe(200);
		expect(await head.text()).toBe("");
		expect(headersBesidesLength(head)).toEqual(headersBesidesLength(get));
	});

	it("answers a conditional HEAD with 304", async () => {
		const etag = await etagOf(path);
		const response = await fetchPath(path, { method: "HEAD", headers: { "If-None-Match": etag } });
		expect(response.status).toBe(304);
	});

	it("ignores Range and sends the full representation", async () => {
		const full = await (await fetchPath(path)).text();
		const response = await fetchPath(path, { headers: { Range: "bytes=0-9" } });
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Range")).toBeNull();
		expect(await response.text()).toBe(full);
	});

	it.each(["POST", "PUT", "DELETE", "PATCH"])("answers %s with 405 and Allow", async (method) => {
		const response = await fetchPath(path, { method, body: method === "DELETE" ? null : "x" });
		expect(response.status).toBe(405);
		expect(response.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
	});
});

describe("preconditions on a missing resource", () => {
	it("never turn a 404 into a 304", async () => {
		for (const headers of [
			{ "If-None-Match": "*" },
			{ "If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT" },
		]) {
			const response = await fetchPath("/articles/bestaat-niet", { headers });
			expect(response.status).toBe(404);
			expect(response.headers.get("ETag")).toBeNull();
		}
	});

	it("never turn a 404 into a 412, not even If-Match: * (RFC 9110 §13.2.1)", async () => {
		for (const headers of [
			{ "If-Match": "*" },
			{ "If-Match": '"zzz"' },
			{ "If-Unmodified-Since": "Thu, 01 Jan 1970 00:00:00 GMT" },
		]) {
			const response = await fetchPath("/articles/bestaat-niet", { headers });
			expect(response.status).toBe(404);
		}
	});
});

describe.each(SHARED)("CORS on %s", (path) => {
	it("lets any origin read it, never with credentials, and exposes the validators", async () => {
		const response = await fetchPath(path, { headers: { Origin: "https://partner.example" } });
		expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
		expect(response.headers.get("Access-Control-Allow-Credentials")).toBeNull();
		expect(response.headers.get("Access-Control-Expose-Headers")).toBe("ETag, Last-Modified");
		expect(response.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
	});

	it("answers a preflight with 204, the methods, the conditional headers and a max age", async () => {
		expectPreflightAllowed(await sendPreflight(url(path)));
	});
});

describe.each(PAGES)("security headers on the page %s", (path) => {
	it("sends a strict CSP that allows only the stylesheet, no framing, and a referrer policy", async () => {
		const response = await fetchPath(path);
		const csp = response.headers.get("Content-Security-Policy") ?? "";
		expect(csp).toMatch(/^default-src 'none';/);
		expect(csp).toContain(`style-src ${stylesheetUrl(site)};`);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain("script-src");
		expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
		expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
	});
});

describe("the fragment's own headers", () => {
	it("keeps it inert if opened directly, while other origins may fetch and embed it", async () => {
		const response = await fetchPath(`/articles/${seedArticle.slug}/fragment`);
		expect(response.headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
		expect(response.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
		expect(response.headers.get("X-Frame-Options")).toBeNull();
	});
});

describe("errors", () => {
	it("answers an unknown path with 404", async () => {
		expect((await fetchPath("/wp-admin/")).status).toBe(404);
		expect((await fetchPath("/feed.xml/")).status).toBe(404);
	});

	it("answers 400 for malformed percent-encoding", async () => {
		const response = await fetchPath("/articles/%E0%A4%A");
		expect(response.status).toBe(400);
		expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
	});

	it("answers 404 for an empty path segment, an encoded slash, or a path that resolves to nothing", async () => {
		for (const path of [
			"//feed.xml",
			"/articles/..%2F..%2Fetc%2Fpasswd",
			"/articles/%2e%2e/%2e%2e/etc/passwd",
			"/articles/..%2Ffeed.xml",
		]) {
			expect((await fetchPath(path)).status, path).toBe(404);
		}
	});

	it("resolves dot segments, plain or percent-encoded, before routing (WHATWG URL, as browsers do)", async () => {
		const feed = await fetchPath("/feed.xml");
		for (const path of [
			"/articles/../feed.xml",
			"/articles/%2e%2e/feed.xml",
			"/%2e%2e/feed.xml",
			"/x/../feed.xml",
			"/x/%2E%2e/./feed.xml",
		]) {
			const response = await fetchPath(path);
			expect(response.status, path).toBe(200);
			expect(response.headers.get("ETag"), path).toBe(feed.headers.get("ETag"));
			await response.arrayBuffer();
		}
		await feed.arrayBuffer();
	});

	it("decodes percent-encoded letters in a path, as the router does", async () => {
		const { slug } = seedArticle;
		const encoded = `/articles/%${slug.charCodeAt(0).toString(16)}${slug.slice(1)}`;
		const [page, response] = await Promise.all([
			fetchPath(`/articles/${slug}`),
			fetchPath(encoded),
		]);
		expect(response.status).toBe(200);
		expect(response.headers.get("ETag")).toBe(page.headers.get("ETag"));
	});

	it("answers OPTIONS on an unknown path with 404 and any other method there with 404", async () => {
		expect((await fetchPath("/nope", { method: "OPTIONS" })).status).toBe(404);
		expect((await fetchPath("/nope", { method: "POST", body: "x" })).status).toBe(404);
	});

	it("never reflects the request into the response", async () => {
		const marker = "<script>alert('edgewire')</script>";
		const response = await fetchPath(`/articles/${encodeURIComponent(marker)}`, {
			headers: { "If-None-Match": marker, Referer: marker },
		});
		expect(response.status).toBe(404);
		const body = await response.text();
		expect(body).not.toContain("alert");
		expect(body).not.toContain(encodeURIComponent(marker));
		for (const [name, value] of response.headers) {
			expect(value, name).not.toContain("alert");
			expect(value, name).not.toContain(encodeURIComponent(marker));
		}
	});
});
