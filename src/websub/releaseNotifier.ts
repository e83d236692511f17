/**
 * The cron's job (wrangler.toml [triggers]): when scheduled articles have gone public, tell the
 * WebSub hub, once per feed and release, and retry what failed on the next tick. Publication never
 * waits for it: articles go public at their instant whatever the hub does.
 */
import siteInput from "../../content/site";
import type { Env } from "../env";
import { CONTENT_CHECK_SECONDS } from "../site/freshness";
import { resolveSite } from "../site/resolveSite";
import type { Site } from "../site/siteSchema";
import { absoluteUrl } from "../site/siteUrls";
import {
	claimPendingTopics,
	noticeReleases,
	type Release,
	settleTopics,
	unnoticedReleases,
} from "../store/releaseQueue";
import { sectionsOf } from "../store/sectionListings";
import { feedTopicPaths } from "./feedTopics";
import { notifyHub, type PingResult } from "./notifyHub";

/** Longer than one ping may take (notifyHub's limit), so a live tick never loses its claim. */
const CLAIM_MS = 60_000;

export interface ReleaseReport {
	/** Releases noticed on this tick. */
	readonly released: readonly Release[];
	/** What the hub said to each topic pinged on this tick (none without a hub). */
	readonly pings: readonly PingResult[];
}

/** The feeds a release changes: the site's feeds and those of the released articles' sections. */
function feedTopics(site: Site, sections: readonly string[]): string[] {
	return feedTopicPaths(sections).map((path) => absoluteUrl(site, path));
}

/**
 * One tick at `now`: notices the releases every isolate serves, queues their feeds, pings what is
 * queued. Without WEBSUB_HUB it does nothing at all. Failures are logged, never thrown past here.
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
		const sections = await sectionsOf(
			env.DB,
			released.map((release) => release.slug),
		);
		await noticeReleases(env.DB, released, feedTopics(site, sections), now);
	}
	const topics = await claimPendingTopics(env.DB, now, CLAIM_MS);
	if (topics.length === 0) return { released, pings: [] };
	const pings = await notifyHub({ hub: site.websubHub, topics, fetch: send });
	for (const ping of pings) {
		if (ping.accepted) console.log(`websub: ${ping.message}`);
		else console.error(`websub: ${ping.message} (retried on the next tick)`);
	}
	await settleTopics(
		env.DB,
		pings.filter((ping) => ping.accepted).map((ping) => ping.topic),
		pings.filter((ping) => !ping.accepted).map((ping) => ping.topic),
	);
	return { released, pings };
}
