/**
 * `npm run publish`, as a function: validates every content file, compares it with the store,
 * and writes only what changed, in one batch. Withdraws the articles whose file was removed.
 */
import { articleDocument } from "../content/articleDocument";
import type { Article, ContentEntry } from "../content/articleSchema";
import { ContentError, type ContentProblem } from "../content/contentError";
import { loadArticles } from "../content/loadContent";
import { readPublishSnapshot } from "../store/publishSnapshot";
import type { ArticleWrite, PublishPlan } from "../store/publishWrites";
import { commitPlan, withVersionRetry } from "./applyPlan";
import { isEmptyPlan, planPublish } from "./planPublish";

export interface PublishSummary {
	/** The version this run created, or undefined when nothing had to be written. */
	readonly version: number | undefined;
	/** The version the store was at before (and still is, when nothing was written). */
	readonly baseVersion: number;
	readonly added: readonly string[];
	readonly changed: readonly string[];
	readonly withdrawn: readonly string[];
	readonly unchanged: number;
	/** Whether the public sees a change now (scheduled articles alone do not count). */
	readonly publicChange: boolean;
	/** The plan, for a dry run's report and for WebSub (which feeds changed). */
	readonly plan: PublishPlan;
}

export interface PublishOptions {
	/** The clock: what is public now, what is scheduled. */
	readonly now: number;
	/** Plan and report, write nothing. */
	readonly dryRun?: boolean;
}

/** An article as a publish writes it. */
export async function articleWrite(article: Article, origin: string): Promise<ArticleWrite> {
	const { document, contentHash } = await articleDocument(article);
	return {
		slug: article.slug,
		origin,
		document,
		contentHash,
		publishedAt: article.published.instant.getTime(),
	};
}

/**
 * Publishes `entries` (every content file, with `loadProblems` for files that did not load).
 * Throws a ContentError listing every problem, before anything is written, when any is invalid.
 */
export async function publishContent(
	db: D1Database,
	entries: readonly ContentEntry[],
	options: PublishOptions,
	loadProblems: readonly ContentProblem[] = [],
): Promise<PublishSummary> {
	const articles = validated(entries, loadProblems, options.now);
	const writes = await Promise.all(articles.map((article) => articleWrite(article, article.file)));
	return withVersionRetry(async () => {
		const snapshot = await readPublishSnapshot(
			db,
			"content files",
			writes.map((write) => write.slug),
		);
		const planned = planPublish(snapshot, writes, options.now);
		if (!planned.ok) throw new ContentError(planned.problems);
		const { plan } = planned;
		const write = !isEmptyPlan(plan) && options.dryRun !== true;
		return {
			version: write ? await commitPlan(db, plan) : undefined,
			baseVersion: plan.baseVersion,
			added: plan.added.map((article) => article.slug),
			changed: plan.changed.map((article) => article.slug),
			withdrawn: plan.withdrawn.map((withdrawal) => withdrawal.slug),
			unchanged: planned.unchanged.length,
			publicChange: plan.publicChange,
			plan,
		};
	});
}

/** Every content file validated, or one ContentError with every problem (loading included). */
function validated(
	entries: readonly ContentEntry[],
	loadProblems: readonly ContentProblem[],
	now: number,
): readonly Article[] {
	const problems = [...loadProblems];
	let articles: readonly Article[] = [];
	try {
		articles = loadArticles(entries, { now });
	} catch (error) {
		if (!(error instanceof ContentError)) throw error;
		problems.push(...error.problems);
	}
	if (problems.length > 0) throw new ContentError(problems);
	return articles;
}
