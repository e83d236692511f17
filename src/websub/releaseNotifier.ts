/**
 * The cron's job (wrangler.toml [triggers]): when scheduled articles have gone public, tell the
 * WebSub hub, once per feed and release, and retry what failed with growing waits, up to a bound. Publication never
 * waits for it: articles go public at their instant whatever the hub does.
 */
import siteInput from "../../content/site";
import type { CollectionRef } from "../content/collections";
import type { Env } from "../env";
import { CONTENT_CHECK_SECONDS } from "../site/freshness";
import { resolveSite } from "../site/resolveSite";
import type { Site } from "../site/siteSchema";
import { absoluteUrl } from "../site/siteUrls";
import { collectionsOf } from "../store/collectionListings";
import {
	claimPendingTopics,
	noticeReleases,
	type Release,
	retryTopic,
	settleTopic,
	unclaimTopics,
	unnoticedReleases,
} from "../store/releaseQueue";
import { feedTopicPaths } from "./feedTopics";
import { DEFAULT_TIMEOUT_MS, notifyHub, type PingResult } from "./notifyHub";

/**
 * How long a tick holds the topics it claims. The cron runs every minute, so the next tick may
 * claim them again after this; a tick stops pinging LEASE_MARGIN_MS before it (and hands back
 * what it did not reach), so no two ticks ever ping one topic for one release.
 */
export const CLAIM_MS = 60_000;
const LEASE_MARGIN_MS = 5_000;
/** A ping needs at least this long to be worth starting (else it is left to the next tick). */
const MIN_PING_MS = 2_000;

/**
 * A refused or unanswered ping is retried after 1, 2, 4 ... minutes: the wait doubles with each
 * attempt. After MAX_ATTEMPTS (about four hours in all) the feed is given up, and logged.
 */
export const RETRY_BASE_MS = 60_000;
export const MAX_ATTEMPTS = 8;

/** When a topic that failed its `attempts`-th ping at `now` is tried again. */
export function nextAttemptAt(now: number, attempts: number): number {
	return now + RETRY_BASE_MS * 2 ** (attempts - 1);
}

export interface ReleaseReport {
	/** Releases noticed on this tick. */
	readonly released: readonly Release[];
	/** What the hub said to each topic pinged on this tick (none without a hub). */
	readonly pings: readonly PingResult[];
}

/**
 * The feeds a release changes: the site's feeds and those of the released articles' sections and
 * authors.
 */
function feedTopics(site: Site, collections: readonly CollectionRef[]): string[] {
	const segments = (kind: CollectionRef["kind"]) =>
		collections.filter((collection) => collection.kind === kind).map((c) => c.segment);
	return feedTopicPaths(segments("tag"), segments("author")).map((path) => absoluteUrl(site, path));
}

/**
 * One tick at `now`: notices the releases every isolate serves, queues their feeds, pings what is
 * queued and due, each topic settled as soon as the hub has answered it. Without WEBSUB_HUB it
 * does nothing at all. Failures are logged, never thrown past here.
 */
export async function notifyReleases(
	env: Pick<Env, "SITE_URL" | "WEBSUB_HUB" | "DB">,
	now: number,
	send: typeof fetch = fetch,
): Promise<ReleaseReport> {
	const site = resolveSite(siteInput, env);
	if (site.websubHub === undefined) return { released: [], pings: [] };
	const released = await unnoticedReleases(env.DB, now, CONTENT_CHECK_SECONDS * 1000);
	if (released.length > 0) {
		const collections = await collectionsOf(
			env.DB,
			released.map((release) => release.slug),
		);
		await noticeReleases(env.DB, released, feedTopics(site, collections), now);
	}
	const claimed = await claimPendingTopics(env.DB, now, CLAIM_MS);
	const deadline = now + CLAIM_MS - LEASE_MARGIN_MS;
	const pings: PingResult[] = [];
	for (const [i, { topic, attempts }] of claimed.entries()) {
		const left = deadline - Date.now();
		if (left < MIN_PING_MS) {
			await unclaimTopics(
				env.DB,
				claimed.slice(i).map((claim) => claim.topic),
			);
			break;
		}
		const [ping] = await notifyHub({
			hub: site.websubHub,
			topics: [topic],
			timeoutMs: Math.min(DEFAULT_TIMEOUT_MS, left),
			fetch: send,
		});
		if (ping === undefined) continue;
		pings.push(ping);
		await settle(env.DB, ping, attempts, now);
	}
	return { released, pings };
}

/** Records what the hub said to one topic claimed at `claimedAt`: accepted, retried later, or given up. */
async function settle(
	db: D1Database,
	ping: PingResult,
	attempts: number,
	claimedAt: number,
): Promise<void> {
	if (ping.accepted) {
		console.log(`websub: ${ping.message}`);
		await settleTopic(db, ping.topic, claimedAt);
	} else if (attempts >= MAX_ATTEMPTS) {
		console.error(`websub: ${ping.message} (gave up after ${attempts} attempts)`);
		await settleTopic(db, ping.topic, claimedAt);
	} else {
		const at = nextAttemptAt(Date.now(), attempts);
		console.error(
			`websub: ${ping.message} (attempt ${attempts} of ${MAX_ATTEMPTS}; retried from ${new Date(at).toISOString()})`,
		);
		await retryTopic(db, ping.topic, at);
	}
}
