/**
 * How fresh the site promises to be, in one place: the Worker (isolates and HTTP caching), the
 * feeds' <ttl>, the cron and the commands that tell the WebSub hub all derive their timing from it.
 *
 * End to end: a publish reaches every isolate within CONTENT_CHECK_SECONDS (each isolate re-reads
 * the content version that often; src/publish/preparedSite.ts), and any cache that honours
 * Cache-Control keeps a copy at most CONTENT_MAX_AGE more. Their sum is the bound the
 * README promises: a change is visible everywhere within 60 seconds.
 */
export const FRESHNESS_BOUND_SECONDS = 60;
export const CONTENT_CHECK_SECONDS = 15;
export const CONTENT_MAX_AGE = FRESHNESS_BOUND_SECONDS - CONTENT_CHECK_SECONDS;

/**
 * RSS 2.0 `<ttl>`: the minutes a reader may keep the feed before fetching it again, the same
 * freshness as CONTENT_MAX_AGE says to caches, in the whole minutes the element takes (rounded up:
 * 0 would read as "do not cache").
 */
export const FEED_TTL_MINUTES = Math.ceil(CONTENT_MAX_AGE / 60);
