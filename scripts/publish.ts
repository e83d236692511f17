/**
 * `npm run publish`: validates every content/articles/*.ts and makes the store match it: new and
 * changed articles are written, articles whose file was removed are withdrawn (410), unchanged
 * ones are left alone. One D1 batch, so a publish applies whole or not at all.
 *
 *   npm run publish                      # the local database (what `npm run dev` serves)
 *   npm run publish -- --remote          # the deployed database
 *   npm run publish -- --dry-run         # say what would change, write nothing
 *   npm run publish -- --list-scheduled  # articles waiting for their instant
 *   npm run publish -- --far-future      # schedule beyond SCHEDULE_HORIZON_DAYS too
 *
 * Lists what it added, changed and withdrew, and each scheduled article with the instant it goes
 * public in the site's time zone. Exits 0 when the store matches content/ (written or already),
 * 1 when content is invalid or an article is scheduled beyond the horizon without --far-future
 * (one message lists every problem with file and field; nothing is written) or the publish
 * failed, 2 on a usage or configuration error.
 */
import { readContentFiles } from "../src/commands/contentFiles";
import { type PublishSummary, publishContent } from "../src/commands/publishContent";
import { withStoreRetry } from "../src/commands/storeRetry";
import { formatDutchInstant } from "../src/content/dutchDate";
import { SCHEDULE_HORIZON_DAYS } from "../src/content/limits";
import { type ScheduledArticle, scheduledArticles } from "../src/store/scheduledArticles";
import { withStore } from "./lib/d1Store";
import { articleLine, SCHEDULED_ONLY, scheduledLines, siteTimeZone } from "./lib/scheduleLines";
import { commandArgs, isEntry, runCommand, STORE_OPTIONS, seconds, storeTarget } from "./lib/usage";
import { hubSettings, notifyIfPublic } from "./websub/afterPublish";

const HELP = `Usage: npm run publish -- [--remote] [--dry-run] [--list-scheduled] [--far-future] [--persist-to <dir>]

Publishes content/articles/*.ts to the article store (D1).
  --remote          the deployed database (needs \`npx wrangler login\` and its id in wrangler.toml)
  --dry-run         report what would change; write nothing
  --list-scheduled  list the articles scheduled for later, and exit
  --far-future      schedule articles more than ${SCHEDULE_HORIZON_DAYS} days ahead too (refused otherwise)
  --persist-to DIR  a local state directory other than .wrangler/state (as wrangler dev's)
Exit status: 0 published or nothing to do, 1 invalid content or failed, 2 usage error.`;

export interface PublishOptions {
	/**
	 * The variables of the server this publish is for (`npm run dev`'s `--var`s), over the store's
	 * own (wrangler.toml, .dev.vars). When given, they alone name the site and the hub to tell,
	 * not WEBSUB_HUB or SITE_URL in the environment: the server does not read those either.
	 */
	readonly serverVars?: Readonly<Record<string, string>>;
}

/** The command, given its arguments; resolves to its exit status (throws on failure). */
export async function publish(argv: string[], options: PublishOptions = {}): Promise<number> {
	const { values: args } = commandArgs({
		args: argv,
		options: {
			...STORE_OPTIONS,
			"list-scheduled": { type: "boolean", default: false },
			"far-future": { type: "boolean", default: false },
		},
	});
	if (args.help) {
		console.log(HELP);
		return 0;
	}
	const target = storeTarget(args);
	const timeZone = siteTimeZone();
	const started = performance.now();
	const files = await readContentFiles();
	return withStore(target, async (store) => {
		if (args["list-scheduled"]) {
			const scheduled = await withStoreRetry(() => scheduledArticles(store.db, Date.now()), {
				doing: "reading the scheduled articles",
			});
			return listScheduled(scheduled, timeZone);
		}
		const summary = await publishContent(
			store.db,
			files.entries,
			{ now: Date.now(), dryRun: args["dry-run"], farFuture: args["far-future"] },
			files.problems,
		);
		report(summary, store.where, args["dry-run"], performance.now() - started, timeZone);
		const settings =
			options.serverVars === undefined
				? hubSettings(process.env, store.vars)
				: hubSettings({}, { ...store.vars, ...options.serverVars });
		await notifyIfPublic(summary, settings);
		return 0;
	});
}

if (isEntry(import.meta.filename)) {
	await runCommand("publish", () => publish(process.argv.slice(2)));
}

function report(
	summary: PublishSummary,
	where: string,
	dryRun: boolean,
	ms: number,
	timeZone: string,
): void {
	const counts = `${summary.added.length} added, ${summary.changed.length} changed, ${summary.withdrawn.length} withdrawn, ${summary.unchanged} unchanged`;
	if (summary.version === undefined && !dryRun) {
		console.log(
			`Nothing to publish: ${counts}; ${where} stays at content version ${summary.baseVersion} (${seconds(ms)}).`,
		);
		return;
	}
	console.log(
		dryRun
			? `Dry run against ${where} (version ${summary.baseVersion}), nothing written: ${counts} (${seconds(ms)}).`
			: `Published content version ${summary.version} to ${where}: ${counts} (${seconds(ms)}).`,
	);
	// Scheduled articles are listed apart, with when they go public.
	const later = new Set(summary.scheduled.map((write) => write.slug));
	const lists: [string, readonly string[]][] = [
		["added", summary.added.filter((slug) => !later.has(slug))],
		["changed", summary.changed.filter((slug) => !later.has(slug))],
		["withdrawn", summary.withdrawn],
	];
	for (const [label, slugs] of lists) {
		for (const slug of slugs) console.log(articleLine(label, slug));
	}
	for (const line of scheduledLines(summary.scheduled, timeZone)) console.log(line);
	if (!summary.publicChange && summary.version !== undefined) {
		console.log(SCHEDULED_ONLY);
	}
}

function listScheduled(scheduled: readonly ScheduledArticle[], timeZone: string): number {
	if (scheduled.length === 0) {
		console.log("No article is scheduled.");
		return 0;
	}
	console.log(`${scheduled.length} scheduled (times in ${timeZone}):`);
	for (const { slug, publishedAt, origin } of scheduled) {
		const when = formatDutchInstant(new Date(publishedAt), timeZone);
		console.log(articleLine("scheduled", slug, `${when}  (${origin})`));
	}
	return 0;
}
