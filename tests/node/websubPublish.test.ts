/**
 * `npm run websub:publish` against a stub hub on 127.0.0.1: what it sends, and what it says when
 * the hub accepts, refuses, redirects, stalls, floods or cannot be reached. The script runs as a
 * user runs it, in its own Node process; its exit codes are the contract (README).
 */
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import siteInput from "../../content/site";
import { resolveSite } from "../../src/site/resolveSite";
import { absoluteUrl, sitePaths } from "../../src/site/siteUrls";
import {
	closedHub,
	FORGED_ANSWER,
	floodingHub,
	redirectingHub,
	stallingHub,
	stubHub,
} from "./support/stubHub";

const SCRIPT = "scripts/websub/publish.ts";
const SITE = "https://news.example.org";
const site = resolveSite(siteInput, { SITE_URL: SITE });
const FEED_URLS = [sitePaths.rss, sitePaths.atom, sitePaths.jsonFeed].map((path) =>
	absoluteUrl(site, path),
);
/** What a Node stack trace looks like: `    at main (file:///...)`. */
const STACK_FRAME = /^\s+at\s/m;

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
			["scripts/run.mjs", SCRIPT, ...args],
			{ env: { PATH: process.env.PATH ?? "", ...env }, timeout: 30_000 },
			(error, stdout, stderr) => {
				const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
				resolve({ code, stdout, stderr });
			},
		);
	});
}

function expectNoStackTrace(run: Run): void {
	expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
	expect(run.stderr).not.toMatch(/TimeoutError|RangeError|TypeError/);
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

	it("also pings the feeds of each --section, after the site's", async () => {
		const hub = await stubHub(204);
		const run = await publish(["--hub", hub.url, "--site", SITE, "--section", "asiel"]);
		expect(run.code).toBe(0);
		expect(hub.pings.map((ping) => ping.form.get("hub.url"))).toEqual([
			...FEED_URLS,
			...[
				sitePaths.tagRss("asiel"),
				sitePaths.tagAtom("asiel"),
				sitePaths.tagJsonFeed("asiel"),
			].map((path) => absoluteUrl(site, path)),
		]);
	});

	it("pings each --author's feeds after the sections'", async () => {
		const hub = await stubHub(204);
		const run = await publish([
			"--hub",
			hub.url,
			"--site",
			SITE,
			"--author",
			"anna-de-vries",
			"--section",
			"asiel",
		]);
		expect(run.code).toBe(0);
		expect(hub.pings.map((ping) => ping.form.get("hub.url"))).toEqual([
			...FEED_URLS,
			...[
				sitePaths.tagRss("asiel"),
				sitePaths.tagAtom("asiel"),
				sitePaths.tagJsonFeed("asiel"),
				sitePaths.authorRss("anna-de-vries"),
				sitePaths.authorAtom("anna-de-vries"),
				sitePaths.authorJsonFeed("anna-de-vries"),
			].map((path) => absoluteUrl(site, path)),
		]);
	});

	it("reads the hub and the site from WEBSUB_HUB and SITE_URL", async () => {
		const hub = await stubHub(202);
		const run = await publish([], { WEBSUB_HUB: hub.url, SITE_URL: SITE });
		expect(run.code).toBe(0);
		expect(hub.pings.map((ping) => ping.form.get("hub.url"))).toEqual(FEED_URLS);
	});

	it("exits 1 naming the hub, the feed, the status and the hub's answer when the hub refuses", async () => {
		const hub = await stubHub(400, "hub.url is not a topic this hub serves");
		const run = await publish(["--hub", hub.url, "--site", SITE]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(hub.url);
		expect(run.stderr).toContain(FEED_URLS[0]);
		expect(run.stderr).toContain("400");
		expect(run.stderr).toContain("hub.url is not a topic this hub serves");
	});

	it("exits 1 naming the hub when it cannot be reached", async () => {
		const closed = await closedHub();
		const run = await publish(["--hub", closed.url, "--site", SITE]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`hub ${closed.url} is unreachable`);
		expect(run.stderr).toContain("ECONNREFUSED");
	});

	it("does not count a redirect as accepted, and never follows it", async () => {
		const hub = await redirectingHub();
		const run = await publish(["--hub", hub.url, "--site", SITE]);
		expect(run.code).toBe(1);
		expect(run.stdout).not.toContain("accepted");
		for (const feed of FEED_URLS)
			expect(run.stderr).toContain(`hub ${hub.url} refused ${feed}: 302`);
		expect(hub.pings.map((ping) => ping.path)).toEqual(["/hub", "/hub", "/hub"]);
	});

	it("reports a hub that stalls its answer for every feed, within the time limit, without a stack trace", async () => {
		const hub = await stallingHub(503);
		const started = Date.now();
		const run = await publish(["--hub", hub.url, "--site", SITE, "--timeout", "0.3"]);
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(run.code).toBe(1);
		expectNoStackTrace(run);
		expect(hub.pings).toHaveLength(3);
		for (const feed of FEED_URLS) expect(run.stderr).toContain(`refused ${feed}: 503`);
		expect(run.stderr).toContain("the answer did not finish within 0.3 s");
	});

	it("reads at most a few KiB of a 700 MB answer and goes on to the next feed", async () => {
		const hub = await floodingHub(700 * 1024 * 1024);
		const run = await publish(["--hub", hub.url, "--site", SITE]);
		expect(run.code).toBe(1);
		expectNoStackTrace(run);
		expect(hub.pings).toHaveLength(3);
		const lines = run.stderr.trim().split("\n");
		expect(lines).toHaveLength(3);
		for (const line of lines) expect(line.length).toBeLessThan(1000);
		// Only what the sockets buffered left the hub: the reader cancelled.
		expect(hub.sent()).toBeLessThan(64 * 1024 * 1024);
	});

	it("prints the hub's answer with control characters escaped, so it cannot forge log lines", async () => {
		const hub = await stubHub(400, FORGED_ANSWER);
		const run = await publish(["--hub", hub.url, "--site", SITE]);
		expect(run.code).toBe(1);
		for (const raw of ["\u001B", "\r", "\u202E"]) expect(run.stderr).not.toContain(raw);
		expect(run.stderr).toContain("\\x1B[2J");
		expect(run.stderr).toContain("\\x0D\\x0A");
		expect(run.stdout).toBe("");
		expect(run.stderr.trim().split("\n")).toHaveLength(3);
	});
});

describe("npm run websub:publish: settings (exit 2, nothing sent)", () => {
	it("refuses to run without a hub, and says how to give one", async () => {
		const run = await publish(["--site", SITE]);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain("WEBSUB_HUB");
	});

	it.each([
		["a SITE_URL with a path", ["--site", "https://news.example.org/nieuws"]],
		["a hub that is not http(s)", ["--site", SITE, "--hub", "ftp://hub.example/"]],
	])("refuses %s before sending anything", async (_label, args) => {
		const hub = await stubHub(204);
		const withHub = args.includes("--hub") ? args : [...args, "--hub", hub.url];
		const run = await publish(withHub);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/SITE_URL|WEBSUB_HUB/);
		expect(hub.pings).toHaveLength(0);
	});

	it("refuses a hub URL with credentials as malformed, and never prints them", async () => {
		const hub = await stubHub(204);
		const withCredentials = hub.url.replace("http://", "http://editor:s3cret@");
		for (const run of [
			await publish(["--hub", withCredentials, "--site", SITE]),
			await publish([], { WEBSUB_HUB: withCredentials, SITE_URL: SITE }),
		]) {
			expect(run.code).toBe(2);
			expect(run.stderr).toContain("WEBSUB_HUB: must not contain a user name or password");
			expect(run.stdout + run.stderr).not.toContain("s3cret");
		}
		expect(hub.pings).toHaveLength(0);
	});

	it.each([
		["--hub without a value", ["--site", SITE, "--hub"]],
		["a stray positional argument", ["--site", SITE, "--hub", "http://127.0.0.1:1/", "extra"]],
		["--help with a dangling --hub", ["--help", "--hub"]],
		["an unknown option", ["--hbu", "http://127.0.0.1:1/"]],
		["a timeout that is not a number of seconds", ["--site", SITE, "--timeout", "soon"]],
		["a section that is no URL segment", ["--site", SITE, "--section", "Asiel/../x"]],
	])("exits 2 with a message and the usage, no stack trace, for %s", async (_label, args) => {
		const run = await publish(args, { WEBSUB_HUB: "http://127.0.0.1:1/" });
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^websub:publish: \S/);
		expect(run.stderr).toContain("usage: npm run websub:publish");
		expectNoStackTrace(run);
	});

	it("names a refused option or section escaped and cut, never raw", {
		timeout: 30_000,
	}, async () => {
		const evil = "\u001b[2J\u001b[31mEVIL";
		for (const args of [
			["--site", SITE, "--section", `${evil}${"a".repeat(100_000)}`],
			["--site", SITE, `--${evil}`],
			["--site", SITE, `--${"a".repeat(100_000)}`],
		]) {
			const run = await publish(args, { WEBSUB_HUB: "http://127.0.0.1:1/" });
			expect(run.code).toBe(2);
			expect(run.stderr).not.toContain("\u001b");
			expect(run.stderr).not.toContain("a".repeat(200));
			expect(run.stderr).toMatch(/\\x1B\[2J\\x1B\[31mEVIL|…"/);
		}
	});

	it("never repeats a positional argument, which may be a URL with credentials", async () => {
		const run = await publish(["--site", SITE, "http://editor:s3cret@hub.example/"]);
		expect(run.code).toBe(2);
		expect(run.stdout + run.stderr).not.toContain("s3cret");
	});

	it("explains itself with --help, and exits 0", async () => {
		const run = await publish(["--help"]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain("usage: npm run websub:publish");
		expect(run.stdout).toContain("--timeout");
		expect(run.stdout).toMatch(/2 on a missing or malformed setting/);
	});
});
