-- WebSub notifications for scheduled articles, sent by the Worker's cron when they go public.

-- Each release (an article going public at its scheduled instant) the cron has noticed: noticed
-- once, notified once, whatever the number of ticks or concurrent invocations.
CREATE TABLE websub_releases (
	slug TEXT NOT NULL,
	published_at INTEGER NOT NULL,
	noticed_at INTEGER NOT NULL,
	PRIMARY KEY (slug, published_at)
) STRICT;

-- Feeds (topic URLs) the hub still has to be told about. A tick claims them for a while
-- (claimed_until); a failed ping releases its claim, so the next tick retries it.
CREATE TABLE websub_pending (
	topic TEXT PRIMARY KEY NOT NULL,
	since INTEGER NOT NULL,
	claimed_until INTEGER NOT NULL DEFAULT 0,
	attempts INTEGER NOT NULL DEFAULT 0
) STRICT;
