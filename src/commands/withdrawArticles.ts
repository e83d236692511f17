/**
 * `npm run withdraw -- <slug>...`, as a function: takes down articles that have no content file
 * (imported archives). An article written in content/ is withdrawn by removing its file and
 * publishing, so that the next publish does not bring it back.
 */
import { ContentError, type ContentProblem } from "../content/contentError";
import { isContentFile, readPublishSnapshot } from "../store/publishSnapshot";
import type { PublishPlan, Withdrawal } from "../store/publishWrites";
import { commitPlan, withVersionRetry } from "./applyPlan";
import { changedCollections } from "./publishContent";
import { withStoreRetry } from "./storeRetry";

export interface WithdrawSummary {
	readonly version: number | undefined;
	readonly withdrawn: readonly string[];
	/** Whether one was public (withdrawing scheduled articles changes nothing the public sees). */
	readonly publicChange: boolean;
	/** The sections and the authors whose feeds change, for WebSub. */
	readonly sections: readonly string[];
	readonly authors: readonly string[];
}

/** Withdraws `slugs` in one version; throws a ContentError naming each slug it cannot take down. */
export async function withdrawArticles(
	db: D1Database,
	slugs: readonly string[],
	options: { readonly now: number; readonly dryRun?: boolean },
): Promise<WithdrawSummary> {
	return withVersionRetry(async () => {
		const snapshot = await withStoreRetry(() => readPublishSnapshot(db, "content files", slugs), {
			doing: "reading the store",
		});
		const problems: ContentProblem[] = [];
		const withdrawals: Withdrawal[] = [];
		for (const slug of new Set(slugs)) {
			const row = snapshot.rows.get(slug);
			if (row === undefined) {
				const already = snapshot.withdrawn.has(slug) ? " (it is already withdrawn)" : "";
				problems.push({ file: slug, path: "slug", message: `no such article${already}` });
			} else if (isContentFile(row.origin)) {
				problems.push({
					file: slug,
					path: "slug",
					message: `is written in ${row.origin}: remove that file and run npm run publish`,
				});
			} else {
				withdrawals.push({ slug, wasPublic: row.publishedAt <= options.now });
			}
		}
		if (problems.length > 0) throw new ContentError(problems);
		const plan: PublishPlan = {
			command: "withdraw",
			baseVersion: snapshot.version,
			now: options.now,
			added: [],
			changed: [],
			withdrawn: withdrawals,
			publicChange: withdrawals.some((withdrawal) => withdrawal.wasPublic),
			appendAfter: undefined,
		};
		const { sections, authors } = await changedCollections(db, plan);
		const version = options.dryRun === true ? undefined : await commitPlan(db, plan);
		return {
			version,
			withdrawn: withdrawals.map((withdrawal) => withdrawal.slug),
			publicChange: plan.publicChange,
			sections,
			authors,
		};
	});
}
