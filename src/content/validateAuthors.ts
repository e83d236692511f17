/**
 * An article's byline: its authors, each a name (one line of plain text), an optional page of
 * their own and an optional fediverse handle, checked for its shape only (never fetched). Each
 * author has a page at `/authors/<slug>`, its URL segment made like a section's, so two spellings
 * that differ only in case or spacing are one author, and two different names that would share a
 * page are refused, as tags are.
 */
import type { Author } from "./articleSchema";
import { shown } from "./describeValue";
import type { FieldChecker } from "./fieldChecks";
import { LIMITS } from "./limits";
import { tagKey, tagSlug } from "./tagSlug";

const AUTHOR_FIELDS = ["name", "url", "handle"] as const;

/**
 * `@user@host`, as Mastodon and the fediverse write an account (WebFinger `acct:user@host`): a user
 * name of letters, digits, `_`, `.` and `-` (not at its ends), and a domain name.
 */
const HANDLE =
	/^@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?)@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})$/;

/** The authors, or undefined with every problem recorded. Absent is none. */
export function validateAuthors(
	value: unknown,
	check: FieldChecker,
): readonly Author[] | undefined {
	if (value === undefined) return [];
	const list = check.array(value, "authors");
	if (list === undefined) return undefined;
	if (list.length > LIMITS.authors) {
		return check.report(
			"authors",
			`has ${list.length} authors; an article has at most ${LIMITS.authors}`,
		);
	}
	const before = check.problems.length;
	const byKey = new Map<string, number>();
	const bySlug = new Map<string, number>();
	const authors: Author[] = [];
	list.forEach((item, i) => {
		const path = `authors[${i}]`;
		const raw = check.object(item, path);
		if (raw === undefined) return;
		check.knownKeys(raw, path, AUTHOR_FIELDS);
		const name = check.plainLine(raw.name, `${path}.name`, LIMITS.name);
		const url = raw.url === undefined ? undefined : check.httpUrl(raw.url, `${path}.url`);
		const handle = raw.handle === undefined ? undefined : validateHandle(raw.handle, path, check);
		if (name === undefined) return;
		const slug = tagSlug(name);
		if (slug === "") {
			check.report(
				`${path}.name`,
				`${JSON.stringify(name)} has no Latin letter or digit to make the author's page URL (/authors/...) from: add a transliteration`,
			);
			return;
		}
		const sameKey = byKey.get(tagKey(name));
		if (sameKey !== undefined) {
			check.report(`${path}.name`, `repeats authors[${sameKey}]`);
			return;
		}
		const sameSlug = bySlug.get(slug);
		if (sameSlug !== undefined) {
			check.report(
				`${path}.name`,
				`${JSON.stringify(name)} would have the page /authors/${slug} of authors[${sameSlug}]: write the name the same way`,
			);
			return;
		}
		byKey.set(tagKey(name), i);
		bySlug.set(slug, i);
		authors.push({
			name,
			slug,
			...(url !== undefined && { url }),
			...(handle !== undefined && { handle }),
		});
	});
	return check.problems.length > before ? undefined : authors;
}

function validateHandle(value: unknown, path: string, check: FieldChecker): string | undefined {
	if (typeof value !== "string" || !HANDLE.test(value)) {
		return check.report(
			`${path}.handle`,
			`expected a fediverse handle such as "@naam@mastodon.social", got ${shown(value)}`,
		);
	}
	return value;
}
