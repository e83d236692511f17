/**
 * notifyHub (src/websub/notifyHub.ts) as a function, the way a publishing command calls it:
 * one result per topic, whatever the hub does, and never an exception.
 */
import { describe, expect, it } from "vitest";
import {
	ANSWER_LIMIT_BYTES,
	notifyHub,
	type PingResult,
	printable,
} from "../../src/websub/notifyHub";
import {
	closedHub,
	FORGED_ANSWER,
	floodingHub,
	redirectingHub,
	silentHub,
	stallingHub,
	startHub,
	stubHub,
} from "./support/stubHub";

const TOPICS = ["https://news.example.org/feed.xml", "https://news.example.org/atom.xml"];
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

describe("notifyHub", () => {
	it("resolves to an accepted result per topic for a 2xx, and logs each as it comes", async () => {
		const hub = await stubHub(202);
		const logged: PingResult[] = [];
		const results = await notifyHub({
			hub: hub.url,
			topics: TOPICS,
			log: (result) => logged.push(result),
		});
		expect(results.map((result) => [result.topic, result.accepted, result.status])).toEqual([
			[TOPICS[0], true, 202],
			[TOPICS[1], true, 202],
		]);
		expect(logged).toEqual(results);
	});

	it("counts a 302 as refused, even when the page it points to answers 200", async () => {
		const hub = await redirectingHub();
		const results = await notifyHub({ hub: hub.url, topics: TOPICS });
		expect(results).toHaveLength(2);
		expect(hub.pings).toHaveLength(2);
		for (const result of results) {
			expect(result.accepted).toBe(false);
			expect(result.status).toBe(302);
			expect(result.message).toContain('redirects to "/accepted", not followed');
		}
		expect(hub.pings.every((ping) => ping.path === "/hub")).toBe(true);
	});

	it("bounds the whole exchange in time when the hub stalls its body, and goes on", async () => {
		const hub = await stallingHub(500);
		const started = Date.now();
		const results = await notifyHub({ hub: hub.url, topics: TOPICS, timeoutMs: 200 });
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(results).toHaveLength(2);
		for (const result of results) {
			expect(result.accepted).toBe(false);
			expect(result.status).toBe(500);
			expect(result.message).toContain("still thinking");
			expect(result.message).toContain("the answer did not finish within 0.2 s");
		}
	});

	it("quotes what arrived of an answer that breaks off, and goes on", async () => {
		const hub = await startHub((_ping, response) => {
			response.writeHead(500, { "Content-Type": "text/plain" });
			response.write("half an ans", () => response.destroy());
		});
		const results = await notifyHub({ hub: hub.url, topics: TOPICS, timeoutMs: 5_000 });
		expect(results).toHaveLength(2);
		for (const result of results) {
			expect(result.message).toMatch(/: 500 .*half an ans.*\(the answer broke off\)$/);
		}
	});

	it("counts a 2xx whose body stalls as accepted, without waiting for the body", async () => {
		const hub = await stallingHub(202);
		const results = await notifyHub({ hub: hub.url, topics: TOPICS, timeoutMs: 5_000 });
		expect(results.map((result) => result.accepted)).toEqual([true, true]);
	});

	it("reports a hub that never answers as not answering in time", async () => {
		const hub = await silentHub();
		const results = await notifyHub({ hub: hub.url, topics: TOPICS, timeoutMs: 200 });
		expect(results).toHaveLength(2);
		for (const result of results) {
			expect(result.accepted).toBe(false);
			expect(result.status).toBeUndefined();
			expect(result.message).toBe(`hub ${hub.url} did not answer ${result.topic} within 0.2 s`);
		}
	});

	it(`reads at most ${ANSWER_LIMIT_BYTES} bytes of a 700 MB answer and cancels the rest`, async () => {
		const hub = await floodingHub(700 * 1024 * 1024);
		const results = await notifyHub({ hub: hub.url, topics: TOPICS });
		expect(results).toHaveLength(2);
		expect(hub.pings).toHaveLength(2);
		for (const result of results) {
			expect(result.accepted).toBe(false);
			expect(result.message.length).toBeLessThan(1000);
			expect(result.message).toMatch(/x…$/);
		}
		expect(hub.sent()).toBeLessThan(64 * 1024 * 1024);
	});

	it("returns the hub's answer with control and bidi characters escaped", async () => {
		const hub = await stubHub(400, FORGED_ANSWER);
		const [result] = await notifyHub({ hub: hub.url, topics: TOPICS });
		expect(result?.message).not.toMatch(UNPRINTABLE);
		expect(result?.message).toContain(
			"\\x1B[2J\\x1B[31mno\\x0D\\x0Awebsub:publish: http://hub.example/ accepted everything\\u202E",
		);
	});

	it("refuses a hub URL with credentials for every topic, sending nothing and never showing them", async () => {
		const hub = await stubHub(204);
		const results = await notifyHub({
			hub: hub.url.replace("http://", "http://editor:s3cret@"),
			topics: TOPICS,
		});
		expect(results.map((result) => result.accepted)).toEqual([false, false]);
		for (const result of results) {
			expect(result.message).toBe("WEBSUB_HUB: must not contain a user name or password");
		}
		expect(hub.pings).toHaveLength(0);
	});

	it.each([
		["not a URL", "hub.example", 'WEBSUB_HUB: expected an absolute http(s) URL, got "hub.example"'],
		[
			"not http(s)",
			"ftp://hub.example/",
			"WEBSUB_HUB: expected an http(s) URL, got the ftp: scheme",
		],
	])("never throws for a hub that is %s, and says what is wrong", async (_label, hub, message) => {
		const results = await notifyHub({ hub, topics: TOPICS });
		expect(results.map((result) => result.accepted)).toEqual([false, false]);
		expect(results.map((result) => result.message)).toEqual([message, message]);
	});

	it("reports an unreachable hub per topic", async () => {
		const hub = await closedHub();
		const results = await notifyHub({ hub: hub.url, topics: TOPICS });
		expect(results.map((result) => result.topic)).toEqual(TOPICS);
		for (const result of results) {
			expect(result.message).toBe(
				`hub ${hub.url} is unreachable for ${result.topic}: ECONNREFUSED`,
			);
		}
	});
});

describe("printable", () => {
	it("escapes controls, bidi controls and line separators, and hides URL credentials", () => {
		expect(printable("a\u001Bb\r\n\u2028\u202Ec")).toBe("a\\x1Bb\\x0D\\x0A\\u2028\\u202Ec");
		expect(printable("see http://editor:s3cret@hub.example/")).toBe("see http://…@hub.example/");
	});
});
