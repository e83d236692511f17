import type { DateParts, PublicationDate } from "./publicationDate";

const MONTHS = [
	"januari",
	"februari",
	"maart",
	"april",
	"mei",
	"juni",
	"juli",
	"augustus",
	"september",
	"oktober",
	"november",
	"december",
] as const;

/**
 * The date as a Dutch reader expects it, at exactly the known precision: `2023`, `juli 2023`,
 * `7 juli 2023`, or `7 juli 2023, 01:45`: an instant in `timeZone` (an IANA zone, the site's) when
 * given, else in the offset the content gave (the writer's clock).
 */
export function formatDutchDate(date: PublicationDate, timeZone?: string): string {
	return formatParts(
		timeZone !== undefined && date.precision === "instant"
			? partsIn(date.instant, timeZone)
			: date.parts,
	);
}

/** The parts, down to the precision they have. */
function formatParts({ year, month, day, hour, minute }: DateParts): string {
	if (month === undefined) return String(year);
	const monthName = MONTHS[month - 1] ?? String(month);
	if (day === undefined) return `${monthName} ${year}`;
	if (hour === undefined || minute === undefined) return `${day} ${monthName} ${year}`;
	const clock = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
	return `${day} ${monthName} ${year}, ${clock}`;
}

/**
 * `instant` to the minute in `timeZone`, as the pages show an instant: `4 december 2026, 11:22`
 * (what the commands print for a scheduled article).
 */
export function formatDutchInstant(instant: Date, timeZone: string): string {
	return formatParts(partsIn(instant, timeZone));
}

/** The day of `instant` in `timeZone`, as a Dutch reader writes it: `4 december 2026`. */
export function formatDutchDay(instant: Date, timeZone: string): string {
	const { year, month, day } = partsIn(instant, timeZone);
	return `${day} ${MONTHS[(month ?? 1) - 1] ?? month} ${year}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar and clock of `instant` in `timeZone` (summer time included), to the minute. */
function partsIn(instant: Date, timeZone: string): DateParts {
	let formatter = formatters.get(timeZone);
	if (formatter === undefined) {
		formatter = new Intl.DateTimeFormat("en-GB", {
			timeZone,
			year: "numeric",
			month: "numeric",
			day: "numeric",
			hour: "numeric",
			minute: "numeric",
			hourCycle: "h23",
		});
		formatters.set(timeZone, formatter);
	}
	const parts = formatter.formatToParts(instant);
	const value = (type: Intl.DateTimeFormatPartTypes) =>
		Number(parts.find((part) => part.type === type)?.value);
	return {
		year: value("year"),
		month: value("month"),
		day: value("day"),
		hour: value("hour"),
		minute: value("minute"),
	};
}
