/**
 * HTTP dates (RFC 9110 §5.6.7). We send IMF-fixdate; we accept all three formats a recipient must
 * understand: IMF-fixdate, obsolete RFC 850 and asctime.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const LONG_DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const MONTH = `(${MONTHS.join("|")})`;
const TIME = "(\\d{2}):(\\d{2}):(\\d{2})";
// Sun, 06 Nov 1994 08:49:37 GMT
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
// Sunday, 06-Nov-94 08:49:37 GMT
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
// Sun Nov  6 08:49:37 1994
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/** Formats a date as IMF-fixdate, the only format a sender may generate. */
export function formatHttpDate(date: Date): string {
	return date.toUTCString();
}

/** Parses an HTTP date into milliseconds since the epoch, or undefined when it is not one. */
export function parseHttpDate(value: string): number | undefined {
	const text = value.trim();
	let m = IMF_FIXDATE.exec(text);
	if (m !== null) return toMillis(Number(m[3]), m[2], Number(m[1]), m[4], m[5], m[6]);
	m = RFC_850.exec(text);
	if (m !== null) {
		// RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is in the past century.
		const twoDigits = Number(m[3]);
		const thisYear = new Date().getUTCFullYear();
		let year = Math.floor(thisYear / 100) * 100 + twoDigits;
		if (year > thisYear + 50) year -= 100;
		return toMillis(year, m[2], Number(m[1]), m[4], m[5], m[6]);
	}
	m = ASCTIME.exec(text);
	if (m !== null) return toMillis(Number(m[6]), m[1], Number(m[2]), m[3], m[4], m[5]);
	return undefined;
}

function toMillis(
	year: number,
	monthName: string | undefined,
	day: number,
	hh: string | undefined,
	mm: string | undefined,
	ss: string | undefined,
): number | undefined {
	const month = MONTHS.indexOf(monthName ?? "");
	const [hour, minute, second] = [Number(hh), Number(mm), Number(ss)];
	if (month < 0 || hour > 23 || minute > 59 || second > 60) return undefined;
	const millis = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
	// Reject impossible days (31 Feb) instead of letting Date roll them over.
	return new Date(millis).getUTCDate() === day ? millis : undefined;
}
