/**
 * The articles a publish or an import schedules: what the command lists ("scheduled  slug  when"),
 * and what it refuses without `--far-future` because the instant is further ahead than
 * SCHEDULE_HORIZON_DAYS (a year typed as 2062 instead of 2026 would otherwise wait unseen).
 */
import type { Article } from "../content/articleSchema";
import type { ContentProblem } from "../content/contentError";
import { SCHEDULE_HORIZON_DAYS } from "../content/limits";
import type { PublishSnapshot } from "../store/publishSnapshot";
import type { ArticleWrite, PublishPlan } from "../store/publishWrites";

/** An article a plan writes with an instant still to come. */
export interface ScheduledWrite {
	readonly slug: string;
	/** When it goes public (ms). */
	readonly publishedAt: number;
	/** New to the store, or a scheduled article rewritten. */
	readonly change: "added" | "changed";
	/** The instant it was scheduled at before, when this write moves it. */
	readonly movedFrom?: number;
}

const DAY_MS = 86_400_000;

/** The articles `plan` schedules, in the order they go public. */
export function scheduledWrites(plan: PublishPlan, snapshot: PublishSnapshot): ScheduledWrite[] {
	const later = (write: ArticleWrite) => write.publishedAt > plan.now;
	const added = plan.added.filter(later).map((write) => ({
		slug: write.slug,
		publishedAt: write.publishedAt,
		change: "added" as const,
	}));
	const changed = plan.changed.filter(later).map((write) => {
		const before = snapshot.rows.get(write.slug)?.publishedAt;
		return {
			slug: write.slug,
			publishedAt: write.publishedAt,
			change: "changed" as const,
			...(before !== undefined && before !== write.publishedAt && { movedFrom: before }),
		};
	});
	return [...added, ...changed].sort(
		(a, b) => a.publishedAt - b.publishedAt || (a.slug < b.slug ? -1 : 1),
	);
}

/**
 * One problem for each article `scheduled` puts more than SCHEDULE_HORIZON_DAYS after `now`,
 * naming its file (or archive line) and its `published` as written. Only a new instant counts: an
 * article confirmed once is not refused again when its text changes.
 */
export function farFutureProblems(
	scheduled: readonly ScheduledWrite[],
	articles: readonly Article[],
	now: number,
	command: "publish" | "import",
): ContentProblem[] {
	const horizon = now + SCHEDULE_HORIZON_DAYS * DAY_MS;
	const far = new Set(
		scheduled
			.filter((write) => write.publishedAt > horizon)
			.filter((write) => write.change === "added" || write.movedFrom !== undefined)
			.map((write) => write.slug),
	);
	if (far.size === 0) return [];
	// In the order of the files (or lines), as every other problem.
	return articles
		.filter((article) => far.has(article.slug))
		.map((article) => ({
			file: article.file,
			path: "published",
			message: `${article.published.text} is more than ${SCHEDULE_HORIZON_DAYS} days ahead; pass --far-future to ${command} it anyway`,
		}));
}
