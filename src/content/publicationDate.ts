/**
 * Publication dates with their precision.
 *
 * Content gives a date as precisely as it is known: `2023`, `2023-07`, `2023-07-07` or a full
 * RFC 3339 timestamp with offset. Nothing finer than what was given is ever shown to people.
 */
import { fnv1a32 } from "../encoding/fnv1a";
import { type Checked, invalid, valid } from "./checked";

export type DatePrecision = "year" | "month" | "day" | "instant";

export interface PublicationDate {
	/**
	 * The date as written in content, normalised (upper-case `T` and `Z`), every fractional digit
	 * kept; outputs write `machineReadableDate`.
	 */
	readonly text: string;
	readonly precision: DatePrecision;
	/**
	 * The instant feeds use where their format needs a full timestamp, and the store orders by. For
	 * a partial date it is the first day of the period at 12:00 UTC plus the article's own offset
	 * within that hour (`partialDateOffset`): every zone from UTC-12 to UTC+11 then shows a day
	 * inside the known period (midnight in Amsterdam would read as the previous day in UTC), and two
	 * articles of the same month still get different instants (Atom wants distinct `updated`).
	 */
	readonly instant: Date;
	/** Wall-clock parts as written, for display in the writer's own offset. */
	readonly parts: DateParts;
}

export interface DateParts {
	readonly year: number;
	readonly month?: number;
	readonly day?: number;
	readonly hour?: number;
	readonly minute?: number;
}

export const DATE_FORMATS =
	"YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 timestamp with offset (YYYY-MM-DDThh:mm:ss+hh:mm)";

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const TIMESTAMP =
	/^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** The hour after 12:00 UTC, over which partial dates are spread (ms). */
const PARTIAL_SPREAD_MS = 3_600_000;

/**
 * Where in the hour after 12:00 UTC a partial date of the article `slug` falls, in milliseconds:
 * FNV-1a of the slug, so it depends on that article alone and never changes. Two slugs share an
 * offset about once in 3.6 million pairs.
 */
export function partialDateOffset(slug: string): number {
	return fnv1a32(slug) % PARTIAL_SPREAD_MS;
}

/**
 * Parses a content date of the article `slug`, rejecting malformed and impossible ones
 * (`2023-02-30`, `+25:00`). The slug places a partial date within its noon hour.
 */
export function parsePublicationDate(text: string, slug: string): Checked<PublicationDate> {
	const partial = PARTIAL.exec(text);
	if (partial !== null) return fromPartial(text, partial, partialDateOffset(slug));
	const full = TIMESTAMP.exec(text);
	if (full !== null) return fromTimestamp(text, full);
	return invalid(`expected ${DATE_FORMATS}, got ${JSON.stringify(text)}`);
}

function fromPartial(text: string, m: RegExpExecArray, offsetMs: number): Checked<PublicationDate> {
	const year = Number(m[1]);
	const month = m[2] === undefined ? undefined : Number(m[2]);
	const day = m[3] === undefined ? undefined : Number(m[3]);
	const problem = calendarProblem(year, month, day);
	if (problem !== undefined) return invalid(`${problem} in ${JSON.stringify(text)}`);
	const precision: DatePrecision =
		day !== undefined ? "day" : month !== undefined ? "month" : "year";
	const instant = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1, 12, 0, 0, offsetMs));
	// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
	instant.setUTCFullYear(year);
	const parts: DateParts = { year, ...(month && { month }), ...(day && { day }) };
	return valid({ text, precision, instant, parts });
}

function fromTimestamp(text: string, m: RegExpExecArray): Checked<PublicationDate> {
	const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i])) as [
		number,
		number,
		number,
		number,
		number,
		number,
	];
	const quoted = JSON.stringify(text);
	const problem = calendarProblem(year, month, day);
	if (problem !== undefined) return invalid(`${problem} in ${quoted}`);
	if (hour > 23 || minute > 59 || second > 59) {
		return invalid(`time of day out of range in ${quoted}`);
	}
	const sign = m[9] === "-" ? -1 : 1;
	const offsetHours = Number(m[10] ?? 0);
	const offsetMinutes = Number(m[11] ?? 0);
	if (offsetHours > 23 || offsetMinutes > 59) {
		return invalid(`offset out of range in ${quoted}`);
	}
	const offset = sign * (offsetHours * 60 + offsetMinutes);
	// Milliseconds from the first three digits: truncated, never rounded up into the next second.
	const fraction = m[7] === undefined ? 0 : Number(m[7].slice(1, 4).padEnd(3, "0"));
	const local = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
	const instant = new Date(local - offset * 60_000);
	const normalised = text.replace("t", "T").replace("z", "Z");
	return valid({
		text: normalised,
		precision: "instant",
		instant,
		parts: { year, month, day, hour, minute },
	});
}

/**
 * The date as machine-readable outputs write it (HTML `<time datetime>`, JSON-LD, Open Graph):
 * `text` with at most three fractional digits, truncated. HTML's valid global date and time string
 * allows one to three; RFC 3339 allows any, but JavaScript and most readers keep milliseconds only.
 */
export function machineReadableDate(date: PublicationDate): string {
	return date.text.replace(/(\.\d{3})\d+/, "$1");
}

function calendarProblem(year: number, month?: number, day?: number): string | undefined {
	if (year < 1) return "year 0000 does not exist";
	if (month === undefined) return undefined;
	if (month < 1 || month > 12) return `month ${month} does not exist`;
	if (day === undefined) return undefined;
	if (day < 1 || day > daysInMonth(year, month)) {
		return `day ${day} does not exist in ${year}-${String(month).padStart(2, "0")}`;
	}
	return undefined;
}

function daysInMonth(year: number, month: number): number {
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
