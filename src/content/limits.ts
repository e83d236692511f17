/**
 * How big an article may be: limits no newsroom meets and every attack does (docs/formats.md,
 * "Limits"). The longest news features run to about 70,000 characters; a 20,000-tag or 50 MB
 * article is an accident or an attack, and is refused early, naming file, line and field, before
 * it can cost memory, time, a 10 MB page or a publish that pings thousands of feeds.
 */
export const LIMITS = {
	/** Characters of a headline (one line). */
	headline: 300,
	/** Characters of a summary. */
	summary: 1_000,
	/** Tags (sections) of one article. */
	tags: 20,
	/** Characters of one tag. */
	tag: 40,
	/** Blocks of a body. */
	blocks: 500,
	/** Characters of a paragraph or of a caption. */
	paragraph: 20_000,
	/** Characters of a heading. */
	heading: 300,
	/** Characters of the name of a source, of a credit. */
	name: 100,
	/** Characters of the whole body and summary together. */
	articleText: 200_000,
	/** Authors of one article. */
	authors: 20,
	/** Entries in an article's log of corrections and updates. */
	changes: 100,
	/** Characters of a log entry's note. */
	changeNote: 500,
	/** Characters of a value shown in a problem: longer ones are cut, with an ellipsis. */
	quoted: 80,
} as const;

/**
 * How far ahead `npm run publish` and `npm run import` schedule an article without being told
 * `--far-future` (docs/formats.md, "Limits"). Newsrooms schedule hours to weeks ahead; a date
 * further out is more often a typo (`2062` for `2026`) than a plan, and would leave the article
 * silently waiting for years.
 */
export const SCHEDULE_HORIZON_DAYS = 90;

/** `text` as a problem quotes it: JSON-escaped (no control character reaches a terminal), cut. */
export function quoted(text: string, max: number = LIMITS.quoted): string {
	return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
