/**
 * `npm run publish`, as a function: validates every content file, compares it with the store,
 * and writes only what changed, in one batch. Withdraws the articles whose file was removed.
 */
import { articleDocument } from "../content/articleDocument";
import type { Article, ContentEntry } from "../content/articleSchema";
import { ContentError, type ContentProblem } from "../content/contentError";
import { loadArticles } from "../content/loadContent";
import { tagSlug } from "../content/tagSlug";
import { type PublishSnapshot, readPublishSnapshot, tagMembers } from "../store/publishSnapshot";
import type { ArticleWrite, PublishPlan } from "../store/publishWrites";
import { sectionsOf } from "../store/sectionListings";
import { commitPlan, withVersionRetry } from "./applyPlan";
import { isEmptyPlan, planPublish, respelledTags } from "./planPublish";
import { withStoreRetry } from "./storeRetry";

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
	/** The plan, for a dry run's report. */
	readonly plan: PublishPlan;
	/** The sections whose feeds change (of the added, changed and withdrawn articles), for WebSub. */
	readonly sections: readonly string[];
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
		file: article.file,
		document,
		contentHash,
		publishedAt: article.published.instant.getTime(),
		tags: article.tags.map((name) => ({ slug: tagSlug(name), name })),
	};
}

/** Reads the snapshot a plan of `writes` needs, sections included. */
export async function snapshotFor(
	db: D1Database,
	rowsOf: "content files" | "all rows",
	writes: readonly ArticleWrite[],
): Promise<{ snapshot: PublishSnapshot; tagMembers: Map<string, readonly string[]> }> {
	const tagSlugs = writes.flatMap((write) => write.tags.map((tag) => tag.slug));
	const slugs = rowsOf === "content files" ? writes.map((write) => write.slug) : [];
	const snapshot = await withStoreRetry(() => readPublishSnapshot(db, rowsOf, slugs, tagSlugs), {
		doing: "reading the store",
	});
	const members = new Map<string, readonly string[]>();
	for (const tag of respelledTags(snapshot, writes)) {
		members.set(
			tag,
			await withStoreRetry(() => tagMembers(db, tag), { doing: "reading a section" }),
		);
	}
	return { snapshot, tagMembers: members };
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
		const { snapshot, tagMembers } = await snapshotFor(db, "content files", writes);
		const planned = planPublish(snapshot, writes, options.now, "publish", tagMembers);
		if (!planned.ok) throw new ContentError(planned.problems);
		const { plan, unchanged } = planned.value;
		const write = !isEmptyPlan(plan) && options.dryRun !== true;
		const sections = await changedSections(db, plan);
		return {
			sections,
			version: write ? await commitPlan(db, plan) : undefined,
			baseVersion: plan.baseVersion,
			added: plan.added.map((article) => article.slug),
			changed: plan.changed.map((article) => article.slug),
			withdrawn: plan.withdrawn.map((withdrawal) => withdrawal.slug),
			unchanged: unchanged.length,
			publicChange: plan.publicChange,
			plan,
		};
	});
}

/** The sections a plan changes: those of what it writes, and those its rewrites and withdrawals leave. */
export async function changedSections(db: D1Database, plan: PublishPlan): Promise<string[]> {
	const leaving = [
		...plan.changed.map((write) => write.slug),
		...plan.withdrawn.map((w) => w.slug),
	];
	const joined = [...plan.added, ...plan.changed].flatMap((write) =>
		write.tags.map((tag) => tag.slug),
	);
	const left = await withStoreRetry(() => sectionsOf(db, leaving), { doing: "reading sections" });
	return [...new Set([...left, ...joined])].sort();
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
