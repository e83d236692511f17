/**
 * The cron's bookkeeping for WebSub (migrations/0002_websub_releases.sql): which releases of
 * scheduled articles it has noticed, and which feeds the hub still has to be told about.
 *
 * A release is an article written before its instant (revised_at < published_at) whose instant
 * has passed. It is announced only once every isolate serves it: isolates learn of a schedule
 * within the freshness interval of its write and go public at its instant, so the hub is told no
 * earlier than max(published_at, revised_at + interval), and never fetches a stale feed.
 */
import { prepare, statement } from "./statements";

export interface Release {
	readonly slug: string;
	readonly publishedAt: number;
}

/** How far back the cron looks for releases it has not noticed (a day of downtime is recovered). */
export const RELEASE_LOOKBACK_MS = 86_400_000;

const UNNOTICED = statement(
	"unnoticedReleases",
	"cron",
	`SELECT a.slug, a.published_at FROM articles AS a
	LEFT JOIN websub_releases AS r ON r.slug = a.slug AND r.published_at = a.published_at
	WHERE a.published_at > ?1 AND a.published_at <= ?2
		AND a.revised_at < a.published_at AND a.revised_at <= ?3
		AND r.slug IS NULL
	ORDER BY a.published_at, a.slug`,
);

/** Releases that every isolate serves by `now` and that have not been noticed yet. */
export async function unnoticedReleases(
	db: D1Database,
	now: number,
	freshnessMs: number,
): Promise<Release[]> {
	const { results } = await prepare(db, UNNOTICED)
		.bind(now - RELEASE_LOOKBACK_MS, now, now - freshnessMs)
		.all<{ slug: string; published_at: number }>();
	return results.map((row) => ({ slug: row.slug, publishedAt: row.published_at }));
}

const NOTICE = statement(
	"noticeRelease",
	"cron",
	`INSERT INTO websub_releases (slug, published_at, noticed_at) VALUES (?1, ?2, ?3)
	ON CONFLICT DO NOTHING`,
);
// A topic queued again while a tick holds it keeps its row, with the later time: the tick that
// holds it then leaves it for one more ping (settleTopic), for the hub to fetch the newer feed.
const PENDING = statement(
	"queueTopic",
	"cron",
	`INSERT INTO websub_pending (topic, since) VALUES (?1, ?2)
	ON CONFLICT (topic) DO UPDATE SET since = max(since, excluded.since)`,
);
const FORGET = statement(
	"forgetOldReleases",
	"cron",
	"DELETE FROM websub_releases WHERE published_at <= ?1",
	{
		fullScan:
			"the release log holds the releases of the last day only, and is trimmed once a minute",
	},
);

/** Records `releases` as noticed and `topics` as to be pinged, in one batch. */
export async function noticeReleases(
	db: D1Database,
	releases: readonly Release[],
	topics: readonly string[],
	now: number,
): Promise<void> {
	await db.batch([
		...releases.map((release) => prepare(db, NOTICE).bind(release.slug, release.publishedAt, now)),
		...topics.map((topic) => prepare(db, PENDING).bind(topic, now)),
		// Releases older than the lookback are never looked at again.
		prepare(db, FORGET).bind(now - RELEASE_LOOKBACK_MS),
	]);
}

const CLAIM = statement(
	"claimPendingTopics",
	"cron",
	`UPDATE websub_pending SET claimed_until = ?2, attempts = attempts + 1
	WHERE claimed_until <= ?1 RETURNING topic, attempts`,
	{
		fullScan:
			"the WebSub queue holds a handful of feed URLs at most (one per feed awaiting a ping)",
	},
);

/** A topic a tick holds: its URL and how many ticks (this one included) have tried it. */
export interface ClaimedTopic {
	readonly topic: string;
	readonly attempts: number;
}

/**
 * Takes the pending topics no other tick holds and whose retry time has come, for `leaseMs`: a
 * tick that dies while pinging leaves them to the next one after the lease.
 */
export async function claimPendingTopics(
	db: D1Database,
	now: number,
	leaseMs: number,
): Promise<ClaimedTopic[]> {
	const { results } = await prepare(db, CLAIM)
		.bind(now, now + leaseMs)
		.all<{ topic: string; attempts: number }>();
	return results
		.map((row) => ({ topic: row.topic, attempts: row.attempts }))
		.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

const SETTLED = statement(
	"settleTopic",
	"cron",
	"DELETE FROM websub_pending WHERE topic = ?1 AND since <= ?2",
);
const REQUEUED = statement(
	"requeuedTopic",
	"cron",
	"UPDATE websub_pending SET claimed_until = 0, attempts = 0 WHERE topic = ?1 AND since > ?2",
);
const RETRY = statement(
	"retryTopic",
	"cron",
	"UPDATE websub_pending SET claimed_until = ?2 WHERE topic = ?1",
);
const UNCLAIM = statement(
	"unclaimTopic",
	"cron",
	"UPDATE websub_pending SET claimed_until = 0, attempts = attempts - 1 WHERE topic = ?1",
);

/**
 * Forgets `topic`, claimed at `claimedAt` (ms): the hub accepted it, or it was given up. Queued
 * again since then (a newer release), it stays, for the next tick to ping afresh.
 */
export async function settleTopic(db: D1Database, topic: string, claimedAt: number): Promise<void> {
	await db.batch([
		prepare(db, SETTLED).bind(topic, claimedAt),
		prepare(db, REQUEUED).bind(topic, claimedAt),
	]);
}

/** Leaves `topic` for a later tick, not before `at` (ms). */
export async function retryTopic(db: D1Database, topic: string, at: number): Promise<void> {
	await prepare(db, RETRY).bind(topic, at).run();
}

/** Hands back topics this tick claimed but had no time to ping: the next tick takes them, untried. */
export async function unclaimTopics(db: D1Database, topics: readonly string[]): Promise<void> {
	if (topics.length > 0) await db.batch(topics.map((topic) => prepare(db, UNCLAIM).bind(topic)));
}
