/**
 * Decides what a publish changes, as a pure function of the content and a snapshot of the store:
 * which articles are new, which changed (by content hash or instant), which were removed from
 * content/ and are withdrawn, whether the public sees any of it now, and whether positions must be
 * renumbered.
 */
import { changeLogOf } from "../content/articleDocument";
import type { ChangeInput } from "../content/articleSchema";
import { type Checked, invalid, valid } from "../content/checked";
import { type CollectionKind, type CollectionRef, collectionKey } from "../content/collections";
import type { ContentProblem } from "../content/contentError";
import { tagKey } from "../content/tagSlug";
import { isContentFile, type PublishSnapshot, type StoredSummary } from "../store/publishSnapshot";
import type { ArticleWrite, MemberWrite, PublishPlan, Withdrawal } from "../store/publishWrites";

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
	read: StoredForPlan = {},
): Checked<PlannedPublish, ContentProblem> {
	const { membersOf = new Map(), publishedLogs = new Map() } = read;
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
	problems.push(...spellingProblems(snapshot, writes, membersOf, rewritten));
	problems.push(...changed.flatMap((write) => logProblems(write, publishedLogs.get(write.slug))));
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
			now,
			added,
			changed,
			withdrawn,
			publicChange,
			appendAfter: isAppend(snapshot, added, changed, withdrawn) ? snapshot.count : undefined,
		},
		unchanged,
	});
}

/** What a plan needs from the store beyond the snapshot (publishContent.ts `snapshotFor` reads it). */
export interface StoredForPlan {
	/** The articles of stored collections another spelling of this publish would take over. */
	readonly membersOf?: ReadonlyMap<string, readonly string[]>;
	/** The log of corrections and updates of each public article this publish changes. */
	readonly publishedLogs?: ReadonlyMap<string, readonly ChangeInput[]>;
}

/**
 * The log of a published article only grows: every entry it had must stay as it was, in its
 * place, and new entries go at its end (a mistake in a note is itself a correction, made by a new
 * entry). A change of text without a new entry is allowed, as before.
 */
function logProblems(
	write: ArticleWrite,
	published: readonly ChangeInput[] | undefined,
): ContentProblem[] {
	if (published === undefined || published.length === 0) return [];
	const now = changeLogOf(write.document);
	const same = (a: ChangeInput | undefined, b: ChangeInput) =>
		a !== undefined && a.at === b.at && a.kind === b.kind && a.note === b.note;
	const problems: ContentProblem[] = [];
	const problem = (path: string, message: string) =>
		problems.push({ file: write.file, path, message });
	// Walks both logs together: j is where the published entry i should be.
	let j = 0;
	published.forEach((entry, i) => {
		const shown = `${entry.kind} of ${entry.at}: ${JSON.stringify(entry.note)}`;
		if (same(now[j], entry)) {
			j++;
			return;
		}
		const later = now.findIndex((candidate, k) => k > j && same(candidate, entry));
		if (later !== -1) {
			problem(`changes[${j}]`, "is a new entry before published ones: new entries go at the end");
			j = later + 1;
		} else if (now[j]?.at === entry.at) {
			problem(
				`changes[${j}]`,
				`rewrites a published entry (${shown}): keep it as it was; a mistake in it is itself a correction, added as a new entry at the end`,
			);
			j++;
		} else {
			problem(
				"changes",
				`removes the published entry changes[${i}] (${shown}): the log of a published article only grows`,
			);
		}
	});
	return problems;
}

/** How a collection's kind is named in a problem: the field, and what its URL is. */
const KIND_WORDS: Record<
	CollectionKind,
	{ field: (i: number) => string; url: string; noun: string }
> = {
	tag: { field: (i) => `tags[${i}]`, url: "/tags/", noun: "tag" },
	author: { field: (i) => `authors[${i}].name`, url: "/authors/", noun: "author" },
};

/** Each member of `write` with its index among the members of its kind (its field's index). */
function indexedMembers(write: ArticleWrite): [MemberWrite, number][] {
	const counts: Record<CollectionKind, number> = { tag: 0, author: 0 };
	return write.members.map((member) => [member, counts[member.kind]++]);
}

/**
 * Collections (sections, authors' pages) whose URL a stored collection of another spelling holds:
 * refused, unless every article of the stored spelling is rewritten or withdrawn by this publish
 * (the spelling is being corrected).
 */
function spellingProblems(
	snapshot: PublishSnapshot,
	writes: readonly ArticleWrite[],
	membersOf: ReadonlyMap<string, readonly string[]>,
	rewritten: ReadonlySet<string>,
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	for (const write of writes) {
		for (const [member, i] of indexedMembers(write)) {
			const key = collectionKey(member);
			const stored = snapshot.collections.get(key);
			if (stored === undefined || tagKey(stored) === tagKey(member.name)) continue;
			const members = membersOf.get(key) ?? [];
			if (members.length > 0 && members.every((slug) => rewritten.has(slug))) continue;
			const words = KIND_WORDS[member.kind];
			problems.push({
				file: write.file,
				path: words.field(i),
				message: `${JSON.stringify(member.name)} would have the URL ${words.url}${member.segment} of the published ${words.noun} ${JSON.stringify(stored)}: write it the same way`,
			});
		}
	}
	return problems;
}

/** The stored collections that another spelling in `writes` maps to: their members are needed. */
export function respelledCollections(
	snapshot: PublishSnapshot,
	writes: readonly ArticleWrite[],
): CollectionRef[] {
	const respelled = new Map<string, CollectionRef>();
	for (const write of writes) {
		for (const member of write.members) {
			const key = collectionKey(member);
			const stored = snapshot.collections.get(key);
			if (stored !== undefined && tagKey(stored) !== tagKey(member.name)) {
				respelled.set(key, { kind: member.kind, segment: member.segment });
			}
		}
	}
	return [...respelled.values()];
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
