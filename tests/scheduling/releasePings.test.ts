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
import { notifyReleases } from "../../src/websub/releaseNotifier";
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

	it("retries a refused ping on the next tick, and stops once the hub accepts", async () => {
		const instant = written + 90_000;
		await publishEntries([...content, scheduled("een", instant)], written);
		setClock(instant + 30_000);
		const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
		const refusing = recordingHub(503);
		await notifyReleases(withHub, Date.now(), refusing.send);
		expect(refusing.topics).toHaveLength(FEEDS.length);
		expect(log.mock.calls.flat().join("\n")).toMatch(/503.*retried on the next tick/);
		log.mockRestore();
		const accepting = recordingHub(202);
		setClock(instant + 90_000);
		await notifyReleases(withHub, Date.now(), accepting.send);
		expect(accepting.topics.sort()).toEqual([...FEEDS].sort());
		setClock(instant + 150_000);
		await notifyReleases(withHub, Date.now(), accepting.send);
		expect(accepting.topics).toHaveLength(FEEDS.length);
	});

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
