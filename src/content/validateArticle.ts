import type { Article, Block, Source } from "./articleSchema";
import { MEDIA_KINDS } from "./articleSchema";
import { shown } from "./describeValue";
import type { FieldChecker } from "./fieldChecks";
import { LIMITS } from "./limits";
import { type PublicationDate, parsePublicationDate } from "./publicationDate";
import { tagKey, tagSlug } from "./tagSlug";
import { validateAuthors } from "./validateAuthors";
import { validateChanges } from "./validateChanges";
import { validateLeadImage } from "./validateLeadImage";

const ARTICLE_FIELDS = [
	"slug",
	"headline",
	"published",
	"updated",
	"language",
	"source",
	"summary",
	"tags",
	"authors",
	"body",
	"image",
	"changes",
] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX = 120;

/** A slug as articles may have one: what URLs are checked against before any lookup. */
export function isSlug(value: string): boolean {
	return value.length <= SLUG_MAX && SLUG.test(value);
}
const TAG = new RegExp(`^[\\p{L}\\p{N}][\\p{L}\\p{N} -]{0,${LIMITS.tag - 1}}$`, "u");
export const HEADLINE_MAX = LIMITS.headline;

/** What validation compares dates with. */
export interface ValidationOptions {
	/**
	 * The clock (ms) for "in the future" checks, or undefined to skip them: the store has already
	 * decided whether a stored article is public, and workerd reports the epoch at module load.
	 */
	readonly now: number | undefined;
}

/**
 * Checks one content file's export against the article schema. Returns the article, or undefined
 * with every problem recorded in `check` (one pass, so the editor sees all of them at once).
 */
export function validateArticle(
	input: unknown,
	check: FieldChecker,
	options: ValidationOptions = { now: Date.now() },
): Article | undefined {
	const before = check.problems.length;
	const raw = check.object(input, "(default export)");
	if (raw === undefined) return undefined;
	check.knownKeys(raw, "", ARTICLE_FIELDS);

	const slug = validateSlug(raw.slug, check);
	const headline = validateHeadline(raw.headline, check);
	// A partial date's instant depends on the slug as written, valid or not (it is refused then).
	const dateKey = typeof raw.slug === "string" ? raw.slug : "";
	const published = validateDate(raw.published, "published", check, options.now, dateKey);
	const updated =
		raw.updated === undefined
			? undefined
			: validateDate(raw.updated, "updated", check, options.now, dateKey);
	if (published !== undefined && updated !== undefined && updated.instant < published.instant) {
		check.report("updated", `must not be earlier than published (${published.text})`);
	}
	const language = check.language(raw.language, "language");
	const source = validateSource(raw.source, check);
	const summary =
		raw.summary === undefined
			? undefined
			: check.text(raw.summary, "summary", { multiline: true, maxLength: LIMITS.summary });
	const tags = validateTags(raw.tags, check);
	const authors = validateAuthors(raw.authors, check);
	const body = validateBody(raw.body, check);
	if (body !== undefined) {
		const characters = [...body.map(blockText), summary ?? ""].reduce(
			(sum, text) => sum + text.length,
			0,
		);
		if (characters > LIMITS.articleText) {
			check.report(
				"body",
				`holds ${characters} characters with the summary; an article has at most ${LIMITS.articleText}`,
			);
		}
	}
	const image = raw.image === undefined ? undefined : validateLeadImage(raw.image, check);
	const changes = validateChanges(raw.changes, published, check, options.now, dateKey);

	if (check.problems.length > before) return undefined;
	if (!slug || !headline || !published || !language || !source || !tags || !body) return undefined;
	if (!authors || !changes) return undefined;
	const lead = body.find((block) => block.type === "paragraph");
	return {
		file: check.file,
		slug,
		headline,
		published,
		...(updated && { updated }),
		language,
		source,
		summary: summary ?? lead?.text ?? "",
		tags,
		authors,
		body,
		...(image && { image }),
		changes,
	};
}

function validateHeadline(value: unknown, check: FieldChecker): string | undefined {
	return check.plainLine(value, "headline", HEADLINE_MAX);
}

function validateSlug(value: unknown, check: FieldChecker): string | undefined {
	if (typeof value !== "string" || !isSlug(value)) {
		return check.report(
			"slug",
			`expected lower-case letters, digits and single hyphens (at most ${SLUG_MAX}), got ${shown(value)}`,
		);
	}
	return value;
}

function validateDate(
	value: unknown,
	path: "published" | "updated",
	check: FieldChecker,
	now: number | undefined,
	slug: string,
): PublicationDate | undefined {
	if (typeof value !== "string") {
		return check.report(path, `expected a date string such as "2023-07", got ${typeof value}`);
	}
	const parsed = parsePublicationDate(value, slug);
	if (!parsed.ok) return check.report(path, parsed.problems.join("; "));
	const implausible = implausibleDate(parsed.value, now, path);
	return implausible === undefined ? parsed.value : check.report(path, implausible);
}

/** Feed validators warn on dates before this (W3C feedvalidator `ImplausibleDate`, RSS and Atom). */
export const EARLIEST_DATE = "1990-01-01";
const EARLIEST = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
/** RSS validators warn on dates more than 10 minutes ahead of their clock. */
const FUTURE_SLACK_MS = 10 * 60_000;

/**
 * A date feed readers would show wrongly: before 1990 (1970-01-01 is what a missing date becomes)
 * or in the future (readers sort it above everything else until then). A `published` instant in
 * the future is a schedule: the article goes public at that instant, to the second, so it must be
 * a full timestamp. The future is only judged when there is a real clock (`now`).
 */
export function implausibleDate(
	date: PublicationDate,
	now: number | undefined,
	field: "published" | "updated" = "published",
): string | undefined {
	const instant = date.instant.getTime();
	if (instant < EARLIEST) {
		return `${date.text} is before ${EARLIEST_DATE}: feed readers and validators treat such dates as implausible (1970-01-01 usually means a missing date)`;
	}
	if (now === undefined || now < EARLIEST || instant <= now + FUTURE_SLACK_MS) return undefined;
	if (field === "updated") {
		return `${date.text} is in the future: an update is dated when it was made (to schedule an article, set a future published instant)`;
	}
	if (date.precision !== "instant") {
		return `${date.text} is in the future, and a schedule needs an instant: give the moment it goes public as an RFC 3339 timestamp such as ${exampleInstant(date)}`;
	}
	return undefined;
}

/** `2027-01-05T18:00:00+01:00` for `2027-01-05`: what the editor probably meant, as a hint. */
function exampleInstant(date: PublicationDate): string {
	const { year, month = 1, day = 1 } = date.parts;
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${year}-${pad(month)}-${pad(day)}T18:00:00+01:00`;
}

function validateSource(value: unknown, check: FieldChecker): Source | undefined {
	const raw = check.object(value, "source");
	if (raw === undefined) return undefined;
	check.knownKeys(raw, "source", ["name", "url"]);
	const name = check.text(raw.name, "source.name", { maxLength: LIMITS.name });
	const url = check.httpUrl(raw.url, "source.url");
	return name && url ? { name, url } : undefined;
}

/**
 * Tags as readers see them (feed categories, article:tag): trimmed, inner white space as one space.
 * Tags that differ only in case or spacing are one tag, so a second one is refused.
 */
function validateTags(value: unknown, check: FieldChecker): readonly string[] | undefined {
	const list = check.array(value, "tags");
	if (list === undefined) return undefined;
	if (list.length > LIMITS.tags) {
		return check.report("tags", `has ${list.length} tags; an article has at most ${LIMITS.tags}`);
	}
	const tags: string[] = [];
	const firstIndex = new Map<string, number>();
	const slugIndex = new Map<string, number>();
	list.forEach((raw, i) => {
		const tag = typeof raw === "string" ? raw.trim().replace(/\s+/g, " ") : raw;
		if (typeof tag !== "string" || !TAG.test(tag)) {
			check.report(
				`tags[${i}]`,
				`expected 1-${LIMITS.tag} letters, digits, spaces or hyphens, got ${shown(raw)}`,
			);
			return;
		}
		const first = firstIndex.get(tagKey(tag));
		if (first !== undefined) {
			check.report(
				`tags[${i}]`,
				`${JSON.stringify(raw)} repeats tags[${first}] (${JSON.stringify(list[first])}): tags that differ only in case or spacing are the same tag`,
			);
			return;
		}
		const slug = tagSlug(tag);
		if (slug === "") {
			check.report(
				`tags[${i}]`,
				`${JSON.stringify(raw)} has no Latin letter or digit to make its section URL (/tags/...) from: add a transliteration`,
			);
			return;
		}
		const sameUrl = slugIndex.get(slug);
		if (sameUrl !== undefined) {
			check.report(
				`tags[${i}]`,
				`${JSON.stringify(raw)} would have the URL /tags/${slug} of tags[${sameUrl}] (${JSON.stringify(list[sameUrl])}): write them as one tag`,
			);
			return;
		}
		firstIndex.set(tagKey(tag), i);
		slugIndex.set(slug, i);
		tags.push(tag);
	});
	return tags;
}

function validateBody(value: unknown, check: FieldChecker): readonly Block[] | undefined {
	const list = check.array(value, "body");
	if (list === undefined) return undefined;
	if (list.length === 0) return check.report("body", "must have at least one block");
	if (list.length > LIMITS.blocks) {
		return check.report("body", `has ${list.length} blocks; a body has at most ${LIMITS.blocks}`);
	}
	const blocks = list.map((block, i) => validateBlock(block, `body[${i}]`, check));
	const isParagraph = (block: unknown) =>
		typeof block === "object" && block !== null && "type" in block && block.type === "paragraph";
	if (!list.some(isParagraph)) {
		check.report("body", "must have at least one paragraph");
	}
	return blocks.every((block) => block !== undefined) ? blocks : undefined;
}

function validateBlock(value: unknown, path: string, check: FieldChecker): Block | undefined {
	const raw = check.object(value, path);
	if (raw === undefined) return undefined;
	switch (raw.type) {
		case "paragraph":
		case "heading": {
			check.knownKeys(raw, path, ["type", "text"]);
			const text = check.text(raw.text, `${path}.text`, {
				multiline: raw.type === "paragraph",
				maxLength: raw.type === "paragraph" ? LIMITS.paragraph : LIMITS.heading,
			});
			return text === undefined ? undefined : { type: raw.type, text };
		}
		case "mediaCaption": {
			check.knownKeys(raw, path, ["type", "media", "caption", "credit"]);
			const media = MEDIA_KINDS.find((kind) => kind === raw.media);
			if (media === undefined) {
				check.report(`${path}.media`, `expected one of ${MEDIA_KINDS.join(", ")}`);
			}
			const caption = check.text(raw.caption, `${path}.caption`, {
				multiline: true,
				maxLength: LIMITS.paragraph,
			});
			const credit = check.text(raw.credit, `${path}.credit`, { maxLength: LIMITS.name });
			return media && caption && credit
				? { type: "mediaCaption", media, caption, credit }
				: undefined;
		}
		default:
			return check.report(
				`${path}.type`,
				`expected "paragraph", "heading" or "mediaCaption", got ${shown(raw.type)}`,
			);
	}
}

/** The text a block shows: a paragraph's or heading's, a caption and its credit. */
function blockText(block: Block): string {
	return block.type === "mediaCaption" ? `${block.caption}${block.credit}` : block.text;
}
