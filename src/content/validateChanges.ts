/**
 * An article's log of changes after publication: corrections and updates, each an instant, a
 * kind and a one-line note. Kept oldest first; an entry is never before the article's publication
 * nor in the future (a log records what was done). That the log only grows once public is checked
 * at publish time, against what is stored (src/commands/planPublish.ts).
 */
import { CHANGE_KINDS, type Change } from "./articleSchema";
import { shown } from "./describeValue";
import type { FieldChecker } from "./fieldChecks";
import { LIMITS } from "./limits";
import { type PublicationDate, parsePublicationDate } from "./publicationDate";

const CHANGE_FIELDS = ["at", "kind", "note"] as const;
/** RSS validators warn on dates more than 10 minutes ahead of their clock (as validateArticle.ts). */
const FUTURE_SLACK_MS = 10 * 60_000;

/** The log, or undefined with every problem recorded. Absent is empty. */
export function validateChanges(
	value: unknown,
	published: PublicationDate | undefined,
	check: FieldChecker,
	now: number | undefined,
	slug: string,
): readonly Change[] | undefined {
	if (value === undefined) return [];
	const list = check.array(value, "changes");
	if (list === undefined) return undefined;
	if (list.length > LIMITS.changes) {
		return check.report(
			"changes",
			`has ${list.length} entries; an article's log has at most ${LIMITS.changes}`,
		);
	}
	const before = check.problems.length;
	const changes: Change[] = [];
	list.forEach((item, i) => {
		const path = `changes[${i}]`;
		const raw = check.object(item, path);
		if (raw === undefined) return;
		check.knownKeys(raw, path, CHANGE_FIELDS);
		const at = changeInstant(raw.at, `${path}.at`, check, published, now, slug);
		const kind = CHANGE_KINDS.find((known) => known === raw.kind);
		if (kind === undefined) {
			check.report(`${path}.kind`, `expected "correction" or "update", got ${shown(raw.kind)}`);
		}
		const note = check.plainLine(raw.note, `${path}.note`, LIMITS.changeNote);
		if (at === undefined || kind === undefined || note === undefined) return;
		const previous = changes[changes.length - 1];
		if (previous !== undefined && at.instant < previous.at.instant) {
			check.report(
				`${path}.at`,
				`${at.text} is before the entry above it (${previous.at.text}): the log is kept oldest first, and a new entry goes at its end`,
			);
			return;
		}
		changes.push({ at, kind, note });
	});
	return check.problems.length > before ? undefined : changes;
}

function changeInstant(
	value: unknown,
	path: string,
	check: FieldChecker,
	published: PublicationDate | undefined,
	now: number | undefined,
	slug: string,
): PublicationDate | undefined {
	if (typeof value !== "string") {
		return check.report(
			path,
			`expected an RFC 3339 instant such as "2023-07-08T09:30:00+02:00", got ${shown(value)}`,
		);
	}
	const parsed = parsePublicationDate(value, slug);
	if (!parsed.ok) return check.report(path, parsed.problems.join("; "));
	const at = parsed.value;
	if (at.precision !== "instant") {
		return check.report(
			path,
			`${at.text} is not an instant: give the moment of the change, such as ${at.text.length === 10 ? at.text : "2023-07-08"}T09:30:00+02:00`,
		);
	}
	if (published !== undefined && at.instant < published.instant) {
		return check.report(path, `${at.text} is before the article's publication (${published.text})`);
	}
	if (now !== undefined && at.instant.getTime() > now + FUTURE_SLACK_MS) {
		return check.report(
			path,
			`${at.text} is in the future: a log entry records a change already made`,
		);
	}
	return at;
}
