/**
 * Decides what a publish changes, as a pure function of the content and a snapshot of the store:
 * which articles are new, which changed (by content hash or instant), which were removed from
 * content/ and are withdrawn, whether the public sees any of it now, and whether positions must be
 * renumbered.
 */
import { type Checked, invalid, valid } from "../content/checked";
import type { ContentProblem } from "../content/contentError";
import { tagKey } from "../content/tagSlug";
import { isContentFile, type PublishSnapshot, type StoredSummary } from "../store/publishSnapshot";
import type { ArticleWrite, PublishPlan, Withdrawal } from "../store/publishWrites";

export interface PlannedPublish {
	readonly plan: PublishPlan;
	/** Slugs whose stored content is already current. */
	readonly unchanged: readonly string[];
}

/** Orders by (published_at, slug), as positions do (slugs are ASCII: code units sort as bytes). */
export function compareKeys(
	a: { readonly publishedAt: number; readonly slug: string },
	b: { readonly publishedAt: number; readonly slug: string },
): number {
	return a.publishedAt - b.publishedAt || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/**
 * Plans the publish of `writes` (every article of content/, validated) against `snapshot`.
 * Stored rows of content files that `writes` no longer has are withdrawn. For `command` "import"
 * the writes come from an archive instead: nothing is withdrawn, and rows of content files are
 * refused.
 */
export function planPublish(
	snapshot: PublishSnapshot,
	writes: readonly ArticleWrite[],
	now: number,
	command: PublishPlan["command"] = "publish",
	/** The articles of stored sections another spelling of this publish would take over. */
	tagMembers: ReadonlyMap<string, readonly string[]> = new Map(),
): Checked<PlannedPublish, ContentProblem> {
	const problems: ContentProblem[] = [];
	const added: ArticleWrite[] = [];
	const changed: ArticleWrite[] = [];
	const unchanged: string[] = [];
	for (const write of writes) {
		const stored = snapshot.rows.get(write.slug);
		const conflict = ownershipProblem(write, stored, command, now);
		if (conflict !== undefined) problems.push(conflict);
		else if (stored === undefined) added.push(write);
		else if (
			stored.contentHash === write.contentHash &&
			stored.origin === write.origin &&
			// The same text may give another instant when the date rule changes (publicationDate.ts).
			stored.publishedAt === write.publishedAt
		) {
			unchanged.push(write.slug);
		} else changed.push(write);
	}
	const present = new Set(writes.map((write) => write.slug));
	const withdrawn: Withdrawal[] =
		command !== "publish"
			? []
			: [...snapshot.rows.values()]
					.filter((row) => isContentFile(row.origin) && !present.has(row.slug))
					.map((row) => ({ slug: row.slug, wasPublic: row.publishedAt <= now }));
	const rewritten = new Set([...present, ...withdrawn.map((withdrawal) => withdrawal.slug)]);
	problems.push(...tagProblems(snapshot, writes, tagMembers, rewritten));
	const [problem, ...more] = problems;
	if (problem !== undefined) return invalid(problem, ...more);

	const isPublic = (write: ArticleWrite) => write.publishedAt <= now;
	const publicChange =
		added.some(isPublic) ||
		changed.some(isPublic) ||
		withdrawn.some((withdrawal) => withdrawal.wasPublic);
	added.sort(compareKeys);
	return valid({
		plan: {
			command,
			baseVersion: snapshot.version,
			added,
			changed,
			withdrawn,
			publicChange,
			appendAfter: isAppend(snapshot, added, changed, withdrawn) ? snapshot.count : undefined,
		},
		unchanged,
	});
}

/**
 * Sections whose URL a stored tag of another spelling holds: refused, unless every article of the
 * stored spelling is rewritten or withdrawn by this publish (the spelling is being corrected).
 */
function tagProblems(
	snapshot: PublishSnapshot,
	writes: readonly ArticleWrite[],
	tagMembers: ReadonlyMap<string, readonly string[]>,
	rewritten: ReadonlySet<string>,
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	for (const write of writes) {
		write.tags.forEach((tag, i) => {
			const stored = snapshot.tags.get(tag.slug);
			if (stored === undefined || tagKey(stored) === tagKey(tag.name)) return;
			const members = tagMembers.get(tag.slug) ?? [];
			if (members.length > 0 && members.every((slug) => rewritten.has(slug))) return;
			problems.push({
				file: write.file,
				path: `tags[${i}]`,
				message: `${JSON.stringify(tag.name)} would have the URL /tags/${tag.slug} of the published tag ${JSON.stringify(stored)}: write it the same way`,
			});
		});
	}
	return problems;
}

/** The stored sections that another spelling in `writes` maps to: their members are needed. */
export function respelledTags(
	snapshot: PublishSnapshot,
	writes: readonly ArticleWrite[],
): string[] {
	const respelled = new Set<string>();
	for (const write of writes) {
		for (const tag of write.tags) {
			const stored = snapshot.tags.get(tag.slug);
			if (stored !== undefined && tagKey(stored) !== tagKey(tag.name)) respelled.add(tag.slug);
		}
	}
	return [...respelled];
}

/** A row of a content file belongs to that file; a public article cannot be scheduled again. */
function ownershipProblem(
	write: ArticleWrite,
	stored: StoredSummary | undefined,
	command: PublishPlan["command"],
	now: number,
): ContentProblem | undefined {
	if (stored === undefined) return undefined;
	if (command === "publish" && !isContentFile(stored.origin)) {
		return {
			file: write.file,
			path: "slug",
			message: `${JSON.stringify(write.slug)} is already used by an imported article (${stored.origin}): choose another slug`,
		};
	}
	if (command === "import" && isContentFile(stored.origin)) {
		return {
			file: write.file,
			path: "slug",
			message: `${JSON.stringify(write.slug)} belongs to ${stored.origin}: edit that file instead`,
		};
	}
	if (stored.publishedAt <= now && write.publishedAt > now) {
		return {
			file: write.file,
			path: "published",
			message: `the article is already public; it cannot be scheduled again (to take it down, withdraw it)`,
		};
	}
	return undefined;
}

/** New articles all after the newest stored one, and nothing moving or leaving. */
function isAppend(
	snapshot: PublishSnapshot,
	added: readonly ArticleWrite[],
	changed: readonly ArticleWrite[],
	withdrawn: readonly Withdrawal[],
): boolean {
	if (withdrawn.length > 0) return false;
	if (changed.some((write) => write.publishedAt !== snapshot.rows.get(write.slug)?.publishedAt)) {
		return false;
	}
	const first = added[0];
	const { newest } = snapshot;
	return first === undefined || newest === undefined || compareKeys(first, newest) > 0;
}

/** Whether the plan writes anything at all. */
export function isEmptyPlan(plan: PublishPlan): boolean {
	return plan.added.length + plan.changed.length + plan.withdrawn.length === 0;
}
