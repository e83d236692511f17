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
const PENDING = statement(
	"queueTopic",
	"cron",
	`INSERT INTO websub_pending (topic, since) VALUES (?1, ?2)
	ON CONFLICT (topic) DO NOTHING`,
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
	WHERE claimed_until <= ?1 RETURNING topic`,
	{
		fullScan:
			"the WebSub queue holds a handful of feed URLs at most (one per feed awaiting a ping)",
	},
);

/**
 * Takes the pending topics no other tick holds, for `leaseMs`: a tick that dies while pinging
 * leaves them to the next one after the lease.
 */
export async function claimPendingTopics(
	db: D1Database,
	now: number,
	leaseMs: number,
): Promise<string[]> {
	const { results } = await prepare(db, CLAIM)
		.bind(now, now + leaseMs)
		.all<{ topic: string }>();
	return results.map((row) => row.topic).sort();
}

const SETTLED = statement("settleTopic", "cron", "DELETE FROM websub_pending WHERE topic = ?1");
const RETRY = statement(
	"retryTopic",
	"cron",
	"UPDATE websub_pending SET claimed_until = 0 WHERE topic = ?1",
);

/** Forgets the topics the hub accepted; the others wait for the next tick. */
export async function settleTopics(
	db: D1Database,
	accepted: readonly string[],
	failed: readonly string[],
): Promise<void> {
	const statements = [
		...accepted.map((topic) => prepare(db, SETTLED).bind(topic)),
		...failed.map((topic) => prepare(db, RETRY).bind(topic)),
	];
	if (statements.length > 0) await db.batch(statements);
}
