/**
 * `npm run publish`, as a function: validates every content file, compares it with the store,
 * and writes only what changed, in one batch. Withdraws the articles whose file was removed.
 */
import { articleDocument, changeLogOf } from "../content/articleDocument";
import type { Article, ContentEntry } from "../content/articleSchema";
import { type CollectionKind, collectionKey } from "../content/collections";
import { ContentError, type ContentProblem } from "../content/contentError";
import { loadArticles } from "../content/loadContent";
import { tagSlug } from "../content/tagSlug";
import { collectionsOf } from "../store/collectionListings";
import {
	collectionMembers,
	type PublishSnapshot,
	readPublishSnapshot,
	storedDocuments,
} from "../store/publishSnapshot";
import type { ArticleWrite, PublishPlan } from "../store/publishWrites";
import { commitPlan, withVersionRetry } from "./applyPlan";
import { isEmptyPlan, planPublish, respelledCollections, type StoredForPlan } from "./planPublish";
import { farFutureProblems, type ScheduledWrite, scheduledWrites } from "./scheduledWrites";
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
	/** The added and changed articles that go public later, in the order they do. */
	readonly scheduled: readonly ScheduledWrite[];
	/** The plan, for a dry run's report. */
	readonly plan: PublishPlan;
	/** The sections whose feeds change (of the added, changed and withdrawn articles), for WebSub. */
	readonly sections: readonly string[];
	/** The authors whose feeds change, likewise. */
	readonly authors: readonly string[];
}

export interface PublishOptions {
	/** The clock: what is public now, what is scheduled. */
	readonly now: number;
	/** Plan and report, write nothing. */
	readonly dryRun?: boolean;
	/** Schedule articles more than SCHEDULE_HORIZON_DAYS ahead too (`--far-future`). */
	readonly farFuture?: boolean;
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
		members: [
			...article.tags.map((name) => ({ kind: "tag" as const, segment: tagSlug(name), name })),
			...article.authors.map((author) => ({
				kind: "author" as const,
				segment: author.slug,
				name: author.name,
				...(author.url !== undefined && { url: author.url }),
				...(author.handle !== undefined && { handle: author.handle }),
			})),
		],
	};
}

/** Reads the snapshot a plan of `writes` needs, collections (sections, authors) included. */
export async function snapshotFor(
	db: D1Database,
	rowsOf: "content files" | "all rows",
	writes: readonly ArticleWrite[],
	now: number,
): Promise<{ snapshot: PublishSnapshot; read: StoredForPlan }> {
	const collections = writes.flatMap((write) => write.members);
	const slugs = rowsOf === "content files" ? writes.map((write) => write.slug) : [];
	const snapshot = await withStoreRetry(() => readPublishSnapshot(db, rowsOf, slugs, collections), {
		doing: "reading the store",
	});
	const membersOf = new Map<string, readonly string[]>();
	for (const collection of respelledCollections(snapshot, writes)) {
		membersOf.set(
			collectionKey(collection),
			await withStoreRetry(() => collectionMembers(db, collection), {
				doing: "reading a collection",
			}),
		);
	}
	// What the public has seen of each public article this publish rewrites: its log of changes.
	const rewritten = writes.filter((write) => {
		const stored = snapshot.rows.get(write.slug);
		return (
			stored !== undefined && stored.contentHash !== write.contentHash && stored.publishedAt <= now
		);
	});
	const documents = await withStoreRetry(
		() =>
			storedDocuments(
				db,
				rewritten.map((write) => write.slug),
			),
		{ doing: "reading changed articles" },
	);
	const publishedLogs = new Map(
		[...documents].map(([slug, document]) => [slug, changeLogOf(document)]),
	);
	return { snapshot, read: { membersOf, publishedLogs } };
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
		const { snapshot, read } = await snapshotFor(db, "content files", writes, options.now);
		const planned = planPublish(snapshot, writes, options.now, "publish", read);
		if (!planned.ok) throw new ContentError(planned.problems);
		const { plan, unchanged } = planned.value;
		const scheduled = scheduledWrites(plan, snapshot);
		checkHorizon(scheduled, articles, options, "publish");
		const write = !isEmptyPlan(plan) && options.dryRun !== true;
		const { sections, authors } = await changedCollections(db, plan);
		return {
			sections,
			authors,
			version: write ? await commitPlan(db, plan) : undefined,
			baseVersion: plan.baseVersion,
			added: plan.added.map((article) => article.slug),
			changed: plan.changed.map((article) => article.slug),
			withdrawn: plan.withdrawn.map((withdrawal) => withdrawal.slug),
			unchanged: unchanged.length,
			publicChange: plan.publicChange,
			scheduled,
			plan,
		};
	});
}

/**
 * Throws a ContentError naming each article scheduled beyond the horizon, unless the command was
 * told `--far-future`.
 */
export function checkHorizon(
	scheduled: readonly ScheduledWrite[],
	articles: readonly Article[],
	options: { readonly now: number; readonly farFuture?: boolean },
	command: "publish" | "import",
): void {
	if (options.farFuture === true) return;
	const problems = farFutureProblems(scheduled, articles, options.now, command);
	if (problems.length > 0) throw new ContentError(problems);
}

/** The sections and the authors' pages whose feeds a plan changes (for WebSub), each sorted. */
export interface ChangedCollections {
	readonly sections: readonly string[];
	readonly authors: readonly string[];
}

/**
 * The collections a plan changes: those of what it writes, and those its rewrites and withdrawals
 * leave.
 */
export async function changedCollections(
	db: D1Database,
	plan: PublishPlan,
): Promise<ChangedCollections> {
	const leaving = [
		...plan.changed.map((write) => write.slug),
		...plan.withdrawn.map((w) => w.slug),
	];
	const joined = [...plan.added, ...plan.changed].flatMap((write) => write.members);
	const left = await withStoreRetry(() => collectionsOf(db, leaving), {
		doing: "reading collections",
	});
	const segments = (kind: CollectionKind) =>
		[
			...new Set(
				[...left, ...joined]
					.filter((collection) => collection.kind === kind)
					.map((collection) => collection.segment),
			),
		].sort();
	return { sections: segments("tag"), authors: segments("author") };
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
