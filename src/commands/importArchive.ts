/**
 * `npm run import -- <file.ndjson>`, as a function: one ArticleInput per line, validated by the
 * same validator as content files (errors name the line and the field), then written as one
 * content version. Rows are staged in chunks first and made public by one final batch, so an
 * interrupted import leaves the public site exactly as it was.
 */
import type { Article } from "../content/articleSchema";
import { CollectionRegistry } from "../content/collectionRegistry";
import { ContentError, type ContentProblem } from "../content/contentError";
import { FieldChecker } from "../content/fieldChecks";
import { validateArticle } from "../content/validateArticle";
import {
	type ArticleWrite,
	clearAbandonedImports,
	discardImport,
	STAGE_ROWS_PER_STATEMENT,
	stageImportStatements,
} from "../store/publishWrites";
import { commitPlan, withVersionRetry } from "./applyPlan";
import type { ArchiveLine } from "./archiveLines";
import { isEmptyPlan, planPublish } from "./planPublish";
import { articleWrite, changedCollections, checkHorizon, snapshotFor } from "./publishContent";
import { type ScheduledWrite, scheduledWrites } from "./scheduledWrites";
import { withStoreRetry } from "./storeRetry";

export interface ImportSummary {
	readonly version: number | undefined;
	readonly baseVersion: number;
	readonly lines: number;
	readonly added: number;
	readonly changed: number;
	readonly unchanged: number;
	readonly publicChange: boolean;
	/** The added and changed articles that go public later, in the order they do. */
	readonly scheduled: readonly ScheduledWrite[];
	/** The sections and the authors whose feeds change, for WebSub. */
	readonly sections: readonly string[];
	readonly authors: readonly string[];
}

export interface ImportOptions {
	readonly now: number;
	readonly dryRun?: boolean;
	/** Schedule articles more than SCHEDULE_HORIZON_DAYS ahead too (`--far-future`). */
	readonly farFuture?: boolean;
	/** Told how many rows are staged so far, for a progress line. */
	readonly onProgress?: (staged: number, total: number) => void;
}

/** Statements per staging batch (STAGE_ROWS_PER_STATEMENT rows each): a few MB per request. */
const STATEMENTS_PER_BATCH = 100;

/**
 * Validates every line of `name` (archiveLines.ts reads them with a bound on their length); throws
 * one ContentError naming line and field for each problem.
 */
export async function readArchive(
	name: string,
	lines: AsyncIterable<ArchiveLine> | Iterable<ArchiveLine>,
	now: number,
): Promise<{ readonly articles: readonly Article[]; readonly lines: number }> {
	const problems: ContentProblem[] = [];
	const articles: Article[] = [];
	const lineOf = new Map<string, number>();
	const collections = new CollectionRegistry();
	let number = 0;
	for await (const line of lines) {
		number++;
		const where = `${name}:${number}`;
		if (typeof line !== "string") {
			problems.push({
				file: where,
				path: "(line)",
				message: `is ${line.bytes.toLocaleString("en")} bytes long; an article's line is at most ${line.limit.toLocaleString("en")} (docs/formats.md, "Limits")`,
			});
			continue;
		}
		if (line.trim() === "") continue;
		let input: unknown;
		try {
			input = JSON.parse(line);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			problems.push({ file: where, path: "(line)", message: `is not valid JSON: ${reason}` });
			continue;
		}
		const check = new FieldChecker(where);
		const article = validateArticle(input, check, { now });
		problems.push(...check.problems);
		if (article === undefined) continue;
		const earlier = lineOf.get(article.slug);
		if (earlier !== undefined) {
			problems.push({
				file: where,
				path: "slug",
				message: `${JSON.stringify(article.slug)} is already used on line ${earlier}`,
			});
			continue;
		}
		lineOf.set(article.slug, number);
		problems.push(...collections.claim(article, where));
		articles.push(article);
	}
	if (articles.length === 0 && problems.length === 0) {
		problems.push({ file: name, path: "(file)", message: "has no articles" });
	}
	if (problems.length > 0) throw new ContentError(problems);
	return { articles, lines: number };
}

/** Imports the validated articles of archive `name` as one content version. */
export async function importArchive(
	db: D1Database,
	name: string,
	articles: readonly Article[],
	lines: number,
	options: ImportOptions,
): Promise<ImportSummary> {
	const origin = `import:${name}`;
	const writes: ArticleWrite[] = [];
	for (const article of articles) writes.push(await articleWrite(article, origin));
	return withVersionRetry(async () => {
		const { snapshot, read } = await snapshotFor(db, "all rows", writes, options.now);
		const planned = planPublish(snapshot, writes, options.now, "import", read);
		if (!planned.ok) throw new ContentError(planned.problems);
		// A fresh id per attempt: a retry never promotes rows staged for an older plan.
		const importId = crypto.randomUUID();
		const { unchanged } = planned.value;
		const plan = { ...planned.value.plan, appendAfter: undefined, importId };
		const scheduled = scheduledWrites(plan, snapshot);
		checkHorizon(scheduled, articles, options, "import");
		const summary = {
			...(await changedCollections(db, plan)),
			baseVersion: plan.baseVersion,
			lines,
			added: plan.added.length,
			changed: plan.changed.length,
			unchanged: unchanged.length,
			publicChange: plan.publicChange,
			scheduled,
		};
		if (isEmptyPlan(plan) || options.dryRun === true) return { ...summary, version: undefined };
		try {
			await stage(db, importId, [...plan.added, ...plan.changed], options);
			return { ...summary, version: await commitPlan(db, plan) };
		} catch (error) {
			// Staged rows are invisible; removing them now only saves space (a day later they go anyway).
			await db.batch([discardImport(db, importId)]).catch(() => undefined);
			throw error;
		}
	});
}

async function stage(
	db: D1Database,
	importId: string,
	writes: readonly ArticleWrite[],
	options: ImportOptions,
): Promise<void> {
	await withStoreRetry(() => db.batch([clearAbandonedImports(db, options.now)]), {
		doing: "clearing abandoned imports",
	});
	const statements = stageImportStatements(db, importId, writes, options.now);
	for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) {
		// Staging writes the same rows again when retried (an upsert): safe whatever happened.
		await withStoreRetry(() => db.batch(statements.slice(i, i + STATEMENTS_PER_BATCH)), {
			doing: `staging rows ${i * STAGE_ROWS_PER_STATEMENT + 1} and on of the import`,
		});
		const staged = (i + STATEMENTS_PER_BATCH) * STAGE_ROWS_PER_STATEMENT;
		options.onProgress?.(Math.min(writes.length, staged), writes.length);
	}
}
