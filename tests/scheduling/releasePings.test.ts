/**
 * The cron's WebSub notifications for scheduled articles (src/websub/releaseNotifier.ts): the hub
 * is told once per feed per release, only once every isolate serves it, retried after a failure,
 * never for nothing, never without a hub. The hub is a recording fetch; the clock is driven.
 */
import {
	createExecutionContext,
	createScheduledController,
	waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import type { ContentEntry } from "../../src/content/articleSchema";
import worker from "../../src/index";
import { CONTENT_CHECK_SECONDS } from "../../src/site/freshness";
import { CLAIM_MS, MAX_ATTEMPTS, notifyReleases } from "../../src/websub/releaseNotifier";
import { entry } from "../fixtures/articleInputs";
import { setClock, startClock } from "../support/clock";
import { url } from "../support/site";
import { emptyStore, publishEntries } from "../support/store";

const HUB = "https://hub.example/websub";
const withHub = { ...env, WEBSUB_HUB: HUB };
// The site's feeds and those of the released articles' section (fixture articles are tagged "test").
const FEEDS = [
	"/feed.xml",
	"/atom.xml",
	"/feed.json",
	"/tags/test/feed.xml",
	"/tags/test/atom.xml",
	"/tags/test/feed.json",
].map(url);
const content = (await readContentFiles()).entries;
const CHECK_MS = CONTENT_CHECK_SECONDS * 1000;

/** A hub that answers `status` and records the topic of every ping. */
function recordingHub(status = 204) {
	const topics: string[] = [];
	const send = async (_input: RequestInfo | URL, init?: RequestInit) => {
		topics.push(new URLSearchParams(String(init?.body)).get("hub.url") ?? "");
		return new Response(null, { status });
	};
	return { topics, send: send as typeof fetch };
}

const scheduled = (slug: string, at: number): ContentEntry =>
	entry(`content/articles/${slug}.ts`, {
		slug,
		headline: `Gepland ${slug}`,
		published: new Date(at).toISOString(),
	});

let written = 0;
beforeEach(async () => {
	await emptyStore();
	written = startClock();
	await publishEntries(content, written);
});

describe("the cron, with a hub", () => {
	it("pings nothing when nothing was released", async () => {
		const hub = recordingHub();
		setClock(written + 120_000);
		await notifyReleases(withHub, Date.now(), hub.send);
		expect(hub.topics).toEqual([]);
	});

	it("pings nothing for an ordinary publish (the publish command does that)", async () => {
		const hub = recordingHub();
		await publishEntries([...content, entry("content/articles/nu.ts", { slug: "nu" })], Date.now());
		setClock(written + 120_000);
		await notifyReleases(withHub, Date.now(), hub.send);
		expect(hub.topics).toEqual([]);
	});

	it("pings each feed once when a scheduled article goes public, and never again", async () => {
		const hub = recordingHub();
		const instant = written + 90_000;
		await publishEntries([...content, scheduled("een", instant)], written);
		setClock(instant - 1);
		await notifyReleases(withHub, Date.now(), hub.send);
		expect(hub.topics).toEqual([]);
		setClock(instant + 30_000);
		const report = await notifyReleases(withHub, Date.now(), hub.send);
		expect(report.released.map((release) => release.slug)).toEqual(["een"]);
		expect(hub.topics.sort()).toEqual([...FEEDS].sort());
		setClock(instant + 90_000);
		await notifyReleases(withHub, Date.now(), hub.send);
		expect(hub.topics).toHaveLength(FEEDS.length);
	});

	it("pings each feed once for several releases in one tick", async () => {
		const hub = recordingHub();
		const instant = written + 90_000;
		await publishEntries(
			[...content, scheduled("een", instant), scheduled("twee", instant + 5_000)],
			written,
		);
		setClock(instant + 60_000);
		await notifyReleases(withHub, Date.now(), hub.send);
		expect(hub.topics.sort()).toEqual([...FEEDS].sort());
	});

	it("waits until every isolate knows of a schedule written just before its instant", async () => {
		const hub = recordingHub();
		// Written 5 s before its instant: isolates may learn of it up to CHECK_MS after the write.
		const instant = Date.now() + 5_000;
		await publishEntries([...content, scheduled("kort", instant)], Date.now());
		const { results } = await env.DB.prepare(
			"SELECT revised_at FROM articles WHERE slug = 'kort'",
		).all<{
			revised_at: number;
		}>();
		const revisedAt = results[0]?.revised_at ?? 0;
		setClock(Math.max(instant, revisedAt + CHECK_MS) - 1);
		await notifyReleases(withHub, Date.now(), hub.send);
		expect(hub.topics).toEqual([]);
		setClock(Math.max(instant, revisedAt + CHECK_MS));
		await notifyReleases(withHub, Date.now(), hub.send);
		expect(hub.topics).toHaveLength(FEEDS.length);
	});

	it("retries a refused ping a minute later, and stops once the hub accepts", async () => {
		const instant = written + 90_000;
		await publishEntries([...content, scheduled("een", instant)], written);
		setClock(instant + 30_000);
		const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
		const refusing = recordingHub(503);
		await notifyReleases(withHub, Date.now(), refusing.send);
		expect(refusing.topics).toHaveLength(FEEDS.length);
		expect(log.mock.calls.flat().join("\n")).toMatch(/503.*attempt 1 of 8; retried from/);
		log.mockRestore();
		const accepting = recordingHub(202);
		setClock(instant + 89_999);
		await notifyReleases(withHub, Date.now(), accepting.send);
		expect(accepting.topics).toEqual([]);
		setClock(instant + 90_000);
		await notifyReleases(withHub, Date.now(), accepting.send);
		expect(accepting.topics.sort()).toEqual([...FEEDS].sort());
		setClock(instant + 150_000);
		await notifyReleases(withHub, Date.now(), accepting.send);
		expect(accepting.topics).toHaveLength(FEEDS.length);
	});

	it("gives a slow hub one ping per feed over overlapping ticks, each tick ending within its claim", async () => {
		// Nine feeds (the site's and two sections'), a hub that takes 9 s to answer each.
		const instant = written + 90_000;
		const release = { ...scheduled("een", instant) };
		release.input = { ...(release.input as object), tags: ["test", "tweede"] };
		await publishEntries([...content, release], written);
		const pinged: string[] = [];
		const slow = (async (_input: RequestInfo | URL, init?: RequestInit) => {
			setClock(Date.now() + 9_000);
			pinged.push(new URLSearchParams(String(init?.body)).get("hub.url") ?? "");
			return new Response(null, { status: 204 });
		}) as typeof fetch;
		const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
		try {
			const first = instant + 30_000;
			setClock(first);
			await notifyReleases(withHub, first, slow);
			// The first tick stopped before its claim ran out, handing back what it did not reach.
			expect(Date.now()).toBeLessThanOrEqual(first + CLAIM_MS);
			expect(pinged.length).toBeGreaterThan(0);
			expect(pinged.length).toBeLessThan(9);
			for (const tick of [first + 63_000, first + 126_000, first + 189_000]) {
				setClock(Math.max(tick, Date.now()));
				await notifyReleases(withHub, Date.now(), slow);
			}
		} finally {
			log.mockRestore();
		}
		expect(pinged).toHaveLength(9);
		expect(new Set(pinged).size).toBe(9);
	});

	it("backs off a failing hub with doubling waits, and gives up after 8 attempts, saying so", async () => {
		const instant = written + 90_000;
		await publishEntries([...content, scheduled("een", instant)], written);
		const times = new Map<string, number[]>();
		const failing = (async (_input: RequestInfo | URL, init?: RequestInit) => {
			const topic = new URLSearchParams(String(init?.body)).get("hub.url") ?? "";
			times.set(topic, [...(times.get(topic) ?? []), Date.now()]);
			return new Response("kapot", { status: 500 });
		}) as typeof fetch;
		const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
		try {
			// A tick a minute for six hours.
			for (let tick = instant + 30_000; tick < instant + 6 * 3_600_000; tick += 60_000) {
				setClock(tick);
				await notifyReleases(withHub, tick, failing);
			}
			expect(log.mock.calls.flat().join("\n")).toMatch(/500.*gave up after 8 attempts/);
		} finally {
			log.mockRestore();
		}
		expect([...times.keys()].sort()).toEqual([...FEEDS].sort());
		for (const [topic, at] of times) {
			expect(at, topic).toHaveLength(MAX_ATTEMPTS);
			const gaps = at.slice(1).map((time, i) => (time - (at[i] ?? 0)) / 60_000);
			expect(gaps, topic).toEqual([1, 2, 4, 8, 16, 32, 64]);
		}
		const { results } = await env.DB.prepare("SELECT topic FROM websub_pending").all();
		expect(results).toEqual([]);
	}, 30_000);

	it("pings once even when two ticks run at the same time", async () => {
		const hub = recordingHub();
		const instant = written + 90_000;
		await publishEntries([...content, scheduled("een", instant)], written);
		setClock(instant + 30_000);
		await Promise.all([
			notifyReleases(withHub, Date.now(), hub.send),
			notifyReleases(withHub, Date.now(), hub.send),
		]);
		expect(hub.topics.sort()).toEqual([...FEEDS].sort());
	});
});

describe("the cron without a hub", () => {
	it("does nothing at all", async () => {
		const hub = recordingHub();
		const instant = written + 90_000;
		await publishEntries([...content, scheduled("een", instant)], written);
		setClock(instant + 30_000);
		const report = await notifyReleases(env, Date.now(), hub.send);
		expect(report).toEqual({ released: [], pings: [] });
		expect(hub.topics).toEqual([]);
	});
});

describe("the Worker's scheduled handler (wrangler.toml [triggers])", () => {
	it("runs the release notifier on a Cron Trigger", async () => {
		const instant = written + 90_000;
		await publishEntries([...content, scheduled("een", instant)], written);
		setClock(instant + 30_000);
		const sent: string[] = [];
		const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
			sent.push(`${String(input)} ${new URLSearchParams(String(init?.body)).get("hub.url")}`);
			return new Response(null, { status: 204 });
		});
		try {
			const ctx = createExecutionContext();
			worker.scheduled(
				createScheduledController({ cron: "* * * * *", scheduledTime: Date.now() }),
				withHub,
				ctx,
			);
			await waitOnExecutionContext(ctx);
		} finally {
			fetchSpy.mockRestore();
		}
		expect(sent.sort()).toEqual(FEEDS.map((feed) => `${HUB} ${feed}`).sort());
	});
});
