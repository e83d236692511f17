/**
 * `npm run search:rebuild`, as a function: makes the whole search index again from `articles`
 * alone (src/store/searchRebuild.ts), in batches small enough for D1, and swaps it in with one
 * batch that carries the content version guard: the index in use is replaced whole, or, when the
 * rebuild fails or another command commits during it, left as it was (the rebuild then starts over,
 * as a publish re-plans).
 */
import { latestVersion } from "../store/publishSnapshot";
import { versionStatement } from "../store/publishWrites";
import {
	articleCounts,
	clearRebuildStatements,
	indexChunkStatements,
	nextChunkEnd,
	REBUILD_CHUNK,
	REBUILD_START,
	recentStatements,
	swapStatements,
} from "../store/searchRebuild";
import { commitVersion, withVersionRetry } from "./applyPlan";
import { withStoreRetry } from "./storeRetry";

export interface RebuildSummary {
	/** The content version the swap committed; undefined for a dry run. */
	readonly version: number | undefined;
	/** Public articles indexed. */
	readonly indexed: number;
	/** Scheduled articles, queued to enter the index at their instants. */
	readonly scheduled: number;
}

export interface RebuildOptions {
	/** The command's clock (ms): the articles public then are indexed, the rest queued. */
	readonly now: number;
	readonly dryRun?: boolean;
	/** Told how many articles are indexed so far, for a progress line; awaited before going on. */
	readonly onProgress?: (indexed: number, total: number) => void | Promise<void>;
}

export async function rebuildSearchIndex(
	db: D1Database,
	options: RebuildOptions,
): Promise<RebuildSummary> {
	const { now } = options;
	return withVersionRetry(async () => {
		const [base, counts] = await withStoreRetry(
			() => Promise.all([latestVersion(db), articleCounts(db, now)]),
			{ doing: "reading the store" },
		);
		const summary = { indexed: counts.public, scheduled: counts.scheduled };
		if (options.dryRun === true) return { ...summary, version: undefined };
		await withStoreRetry(() => db.batch(clearRebuildStatements(db)), {
			doing: "emptying the tables a rebuild writes",
		});
		let indexed = 0;
		for (let after = REBUILD_START; ; ) {
			const from = after;
			const last = await withStoreRetry(() => nextChunkEnd(db, now, from), {
				doing: `reading the articles after ${indexed}`,
			});
			if (last === undefined) break;
			await withStoreRetry(() => db.batch(indexChunkStatements(db, from, last)), {
				doing: `indexing the articles after ${indexed}`,
			});
			indexed = Math.min(counts.public, indexed + REBUILD_CHUNK);
			await options.onProgress?.(indexed, counts.public);
			after = last;
		}
		await withStoreRetry(() => db.batch(recentStatements(db)), {
			doing: "indexing the newest articles",
		});
		const version = base + 1;
		await commitVersion(db, version, [
			versionStatement(db, version, {
				command: "search-rebuild",
				publicChange: false,
				added: 0,
				changed: 0,
				withdrawn: 0,
			}),
			...swapStatements(db, now),
		]);
		// The old index, now in the rebuild's tables, only takes room: tried once, since the rebuild
		// is done and the next one empties them first anyway.
		await db.batch(clearRebuildStatements(db)).catch(() => undefined);
		return { ...summary, version };
	});
}
