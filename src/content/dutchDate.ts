import type { PublicationDate } from "./publicationDate";

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
 * `7 juli 2023`, or `7 juli 2023, 01:45` in the offset the content gave (the writer's clock).
 */
export function formatDutchDate(date: PublicationDate): string {
	const { year, month, day, hour, minute } = date.parts;
	if (month === undefined) return String(year);
	const monthName = MONTHS[month - 1] ?? String(month);
	if (day === undefined) return `${monthName} ${year}`;
	if (hour === undefined || minute === undefined) return `${day} ${monthName} ${year}`;
	const clock = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
	return `${day} ${monthName} ${year}, ${clock}`;
}
