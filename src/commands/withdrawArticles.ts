/**
 * `npm run withdraw -- <slug>...`, as a function: takes down articles that have no content file
 * (imported archives). An article written in content/ is withdrawn by removing its file and
 * publishing, so that the next publish does not bring it back.
 */
import { isContentFile, readPublishSnapshot } from "../store/publishSnapshot";
import type { PublishPlan, Withdrawal } from "../store/publishWrites";
import { commitPlan, withVersionRetry } from "./applyPlan";
import { changedCollections } from "./publishContent";
import { withStoreRetry } from "./storeRetry";

export interface WithdrawSummary {
	/** The version this run created; undefined for a dry run, or when every slug was already withdrawn. */
	readonly version: number | undefined;
	/** The version the store was at before. */
	readonly baseVersion: number;
	readonly withdrawn: readonly string[];
	/** Of those, the ones that were scheduled: they never went public and leave no trace. */
	readonly scheduled: readonly string[];
	/** Slugs that were withdrawn before this run: nothing to do for them. */
	readonly already: readonly string[];
	/** Whether one was public (withdrawing scheduled articles changes nothing the public sees). */
	readonly publicChange: boolean;
	/** The sections and the authors whose feeds change, for WebSub. */
	readonly sections: readonly string[];
	readonly authors: readonly string[];
}

/**
 * Why a slug cannot be withdrawn: no article has it, or its article is written in content/ (the
 * next publish would bring it back).
 */
export type WithdrawProblem =
	| { readonly slug: string; readonly kind: "unknown" }
	| { readonly slug: string; readonly kind: "content file"; readonly file: string };

/** A withdraw that wrote nothing: one line for each slug it could not take down. */
export class WithdrawRefused extends Error {
	override readonly name = "WithdrawRefused";
	readonly problems: readonly WithdrawProblem[];

	constructor(problems: readonly WithdrawProblem[]) {
		const lines = problems.map(describeProblem);
		super(
			lines.length === 1
				? (lines[0] ?? "")
				: `nothing withdrawn (${lines.length} slugs cannot be):\n${lines.map((line) => `  ${line}`).join("\n")}`,
		);
		this.problems = problems;
	}
}

function describeProblem(problem: WithdrawProblem): string {
	return problem.kind === "unknown"
		? `no such article: ${problem.slug}`
		: `${problem.slug} is written in ${problem.file}: remove that file and run \`npm run publish\``;
}

/**
 * Withdraws `slugs` in one version. A slug already withdrawn is left as it is; any other that
 * cannot be taken down makes it throw a WithdrawRefused before anything is written.
 */
export async function withdrawArticles(
	db: D1Database,
	slugs: readonly string[],
	options: { readonly now: number; readonly dryRun?: boolean },
): Promise<WithdrawSummary> {
	return withVersionRetry(async () => {
		const snapshot = await withStoreRetry(() => readPublishSnapshot(db, "content files", slugs), {
			doing: "reading the store",
		});
		const problems: WithdrawProblem[] = [];
		const withdrawals: Withdrawal[] = [];
		const already: string[] = [];
		for (const slug of new Set(slugs)) {
			const row = snapshot.rows.get(slug);
			if (row === undefined) {
				if (snapshot.withdrawn.has(slug)) already.push(slug);
				else problems.push({ slug, kind: "unknown" });
			} else if (isContentFile(row.origin)) {
				problems.push({ slug, kind: "content file", file: row.origin });
			} else {
				withdrawals.push({ slug, wasPublic: row.publishedAt <= options.now });
			}
		}
		if (problems.length > 0) throw new WithdrawRefused(problems);
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
		const write = withdrawals.length > 0 && options.dryRun !== true;
		return {
			version: write ? await commitPlan(db, plan) : undefined,
			baseVersion: snapshot.version,
			withdrawn: withdrawals.map((withdrawal) => withdrawal.slug),
			scheduled: withdrawals
				.filter((withdrawal) => !withdrawal.wasPublic)
				.map((withdrawal) => withdrawal.slug),
			already,
			publicChange: plan.publicChange,
			sections,
			authors,
		};
	});
}
