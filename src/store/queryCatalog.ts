/**
 * Every statement the store runs, by name, for the query-plan check (tests/store/queryPlans.test.ts)
 * and the plans in docs/performance.md (`npm run query-plans`). A statement that reads a whole
 * table is allowed only where a command (never a request) runs it, and says so.
 */
import { ARTICLE_LOOKUP_QUERIES } from "./articleLookup";
import { CONTENT_STATE_SQL } from "./contentState";
import { LISTING_QUERIES } from "./listings";
import { SNAPSHOT_QUERIES } from "./publishSnapshot";
import { WRITE_STATEMENTS } from "./publishWrites";
import { RELEASE_QUEUE_QUERIES } from "./releaseQueue";
import { SCHEDULED_QUERIES } from "./scheduledArticles";
import { SECTION_QUERIES } from "./sectionListings";
import { SITEMAP_QUERIES } from "./sitemapListings";

export interface CatalogedQuery {
	readonly name: string;
	readonly sql: string;
	/** Who runs it: the Worker on a request, or a command (publish, import, withdraw). */
	readonly runBy: "request" | "command";
	/** Why a full read of a table is right here, when it is. */
	readonly fullScan?: string;
}

/** The command statements that read every row, and why. */
const FULL_SCANS: Record<string, string> = {
	allRows: "an import compares every line with every stored article",
	allWithdrawn: "an import brings back any withdrawn slug it contains",
	renumber:
		"positions are renumbered only when a publish inserts before the newest article, moves one or withdraws one; appends never run it",
	forgetOldReleases:
		"the cron's release log holds the releases of the last day only, and is trimmed once a minute",
	claimPendingTopics:
		"the WebSub queue holds a handful of feed URLs at most (one per feed awaiting a ping)",
};

const requestQueries = {
	contentState: CONTENT_STATE_SQL,
	...ARTICLE_LOOKUP_QUERIES,
	...LISTING_QUERIES,
	...SECTION_QUERIES,
	...SITEMAP_QUERIES,
};

export const QUERY_CATALOG: readonly CatalogedQuery[] = [
	...Object.entries(requestQueries).map(([name, sql]) => ({
		name,
		sql,
		runBy: "request" as const,
	})),
	...Object.entries({
		...SNAPSHOT_QUERIES,
		...SCHEDULED_QUERIES,
		...WRITE_STATEMENTS,
		...RELEASE_QUEUE_QUERIES,
	}).map(([name, sql]) => ({
		name,
		sql,
		runBy: "command" as const,
		...(FULL_SCANS[name] !== undefined && { fullScan: FULL_SCANS[name] }),
	})),
];
