/**
 * `npm run websub:publish` against a stub hub on 127.0.0.1: what it sends, and what it says when
 * the hub accepts, refuses or cannot be reached. The script runs as a user runs it, in its own
 * Node process.
 */
import { execFile } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import siteInput from "../../content/site";
import { resolveSite } from "../../src/site/resolveSite";
import { absoluteUrl, sitePaths } from "../../src/site/siteUrls";

const SCRIPT = "scripts/websub/publish.mjs";
const SITE = "https://news.example.org";
const site = resolveSite(siteInput, { SITE_URL: SITE });
const FEED_URLS = [sitePaths.rss, sitePaths.atom, sitePaths.jsonFeed].map((path) =>
	absoluteUrl(site, path),
);

interface Ping {
	readonly method: string;
	readonly contentType: string | undefined;
	readonly form: URLSearchParams;
}

interface StubHub {
	readonly url: string;
	readonly pings: Ping[];
}

const servers: Server[] = [];

afterEach(async () => {
	await Promise.all(
		servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
	);
});

/** A hub that records every request and answers each with `status` and `body`. */
async function stubHub(status: number, body = ""): Promise<StubHub> {
	const pings: Ping[] = [];
	const server = createServer((request, response) => {
		let text = "";
		request.setEncoding("utf8");
		request.on("data", (chunk: string) => {
			text += chunk;
		});
		request.on("end", () => {
			pings.push({
				method: request.method ?? "",
				contentType: request.headers["content-type"],
				form: new URLSearchParams(text),
			});
			response.writeHead(status, { "Content-Type": "text/plain" }).end(body);
		});
	});
	server.listen(0, "127.0.0.1");
	await once(server, "listening");
	servers.push(server);
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hub`, pings };
}

interface Run {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs the script with only the given variables (none inherited that could name a hub). */
function publish(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[SCRIPT, ...args],
			{ env: { PATH: process.env.PATH ?? "", ...env }, timeout: 30_000 },
			(error, stdout, stderr) => {
				const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
				resolve({ code, stdout, stderr });
			},
		);
	});
}

describe("npm run websub:publish", () => {
	it("POSTs hub.mode=publish, form-encoded, once for each feed URL", async () => {
		const hub = await stubHub(204);
		const run = await publish(["--hub", hub.url, "--site", SITE]);
		expect(run.stderr).toBe("");
		expect(run.code).toBe(0);
		expect(hub.pings.map((ping) => ping.method)).toEqual(["POST", "POST", "POST"]);
		for (const ping of hub.pings) {
			expect(ping.contentType).toMatch(/^application\/x-www-form-urlencoded\b/);
			expect(ping.form.get("hub.mode")).toBe("publish");
		}
		expect(hub.pings.map((ping) => ping.form.get("hub.url"))).toEqual(FEED_URLS);
		for (const feed of FEED_URLS) expect(run.stdout).toContain(feed);
	});

	it("reads the hub and the site from WEBSUB_HUB and SITE_URL", async () => {
		const hub = await stubHub(202);
		const run = await publish([], { WEBSUB_HUB: hub.url, SITE_URL: SITE });
		expect(run.code).toBe(0);
		expect(hub.pings.map((ping) => ping.form.get("hub.url"))).toEqual(FEED_URLS);
	});

	it("fails naming the hub, the feed, the status and the hub's answer when the hub refuses", async () => {
		const hub = await stubHub(400, "hub.url is not a topic this hub serves");
		const run = await publish(["--hub", hub.url, "--site", SITE]);
		expect(run.code).not.toBe(0);
		expect(run.stderr).toContain(hub.url);
		expect(run.stderr).toContain(FEED_URLS[0]);
		expect(run.stderr).toContain("400");
		expect(run.stderr).toContain("hub.url is not a topic this hub serves");
	});

	it("fails naming the hub when it cannot be reached", async () => {
		const closed = await stubHub(204);
		const server = servers.pop();
		await new Promise((resolve) => server?.close(resolve));
		const run = await publish(["--hub", closed.url, "--site", SITE]);
		expect(run.code).not.toBe(0);
		expect(run.stderr).toContain(`hub ${closed.url} is unreachable`);
		expect(run.stderr).toContain("ECONNREFUSED");
	});

	it("refuses to run without a hub, and says how to give one", async () => {
		const run = await publish(["--site", SITE]);
		expect(run.code).not.toBe(0);
		expect(run.stderr).toContain("WEBSUB_HUB");
	});

	it.each([
		["a SITE_URL with a path", ["--site", "https://news.example.org/nieuws"]],
		["a hub that is not http(s)", ["--site", SITE, "--hub", "ftp://hub.example/"]],
	])("refuses %s before sending anything", async (_label, args) => {
		const hub = await stubHub(204);
		const withHub = args.includes("--hub") ? args : [...args, "--hub", hub.url];
		const run = await publish(withHub);
		expect(run.code).not.toBe(0);
		expect(run.stderr).toMatch(/SITE_URL|WEBSUB_HUB/);
		expect(hub.pings).toHaveLength(0);
	});
});
