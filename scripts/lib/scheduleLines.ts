/**
 * How the commands list articles: `  <what>  <slug>[  <detail>]`, and a scheduled article with the
 * instant it goes public in the site's time zone, as its pages show it
 * (`  scheduled  some-slug  4 december 2026, 11:22`).
 */
import siteInput from "../../content/site";
import type { ScheduledWrite } from "../../src/commands/scheduledWrites";
import { ContentError } from "../../src/content/contentError";
import { formatDutchInstant } from "../../src/content/dutchDate";
import { FieldChecker } from "../../src/content/fieldChecks";

/** The newsroom's time zone (content/site.ts `timeZone`); a ContentError naming it when invalid. */
export function siteTimeZone(): string {
	const check = new FieldChecker("content/site.ts");
	const zone = check.timeZone(siteInput.timeZone, "timeZone");
	if (zone === undefined) throw new ContentError(check.problems);
	return zone;
}

/** One line of a command's list. */
export function articleLine(what: string, slug: string, detail?: string): string {
	return `  ${what.padEnd(10)} ${slug}${detail === undefined ? "" : `  ${detail}`}`;
}

/** Said when a run wrote only scheduled articles. */
export const SCHEDULED_ONLY =
	"  (only scheduled articles changed: nothing public changes until their instant)";

/** Scheduled articles listed beyond this many are counted, not named (an import may hold many). */
const SCHEDULED_SHOWN = 50;

/**
 * A line for each scheduled article (at most SCHEDULED_SHOWN, then how many more): when it goes
 * public, and whether this run moved it or changed its text.
 */
export function scheduledLines(scheduled: readonly ScheduledWrite[], timeZone: string): string[] {
	const when = (ms: number) => formatDutchInstant(new Date(ms), timeZone);
	const lines = scheduled.slice(0, SCHEDULED_SHOWN).map((write) => {
		const note =
			write.movedFrom !== undefined
				? ` (moved from ${when(write.movedFrom)})`
				: write.change === "changed"
					? " (changed)"
					: "";
		return articleLine("scheduled", write.slug, `${when(write.publishedAt)}${note}`);
	});
	const more = scheduled.length - lines.length;
	if (more > 0) {
		lines.push(`  ... and ${more} more scheduled: npm run publish -- --list-scheduled`);
	}
	return lines;
}
