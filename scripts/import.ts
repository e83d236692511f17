/**
 * `npm run import -- <file.ndjson>`: loads an archive, one ArticleInput (JSON) per line, through
 * the same validator as content files, into the article store as one content version. Re-running
 * it writes only the lines that changed. Articles it loads have no content file: withdraw one with
 * `npm run withdraw -- <slug>`.
 *
 *   npm run import -- archive.ndjson [--remote] [--dry-run] [--far-future] [--persist-to <dir>]
 *
 * Lists each article it schedules with the instant it goes public in the site's time zone. Exits
 * 0 when the store holds the archive, 1 when a line is invalid or schedules an article beyond the
 * horizon without --far-future (every problem is listed as file:line: field: message; nothing is
 * written) or the import failed, 2 on a usage error.
 */
import { createReadStream, existsSync } from "node:fs";
import { basename } from "node:path";
import { archiveLines } from "../src/commands/archiveLines";
import { importArchive, readArchive } from "../src/commands/importArchive";
import { SCHEDULE_HORIZON_DAYS } from "../src/content/limits";
import { printable } from "../src/websub/notifyHub";
import { withStore } from "./lib/d1Store";
import { SCHEDULED_ONLY, scheduledLines, siteTimeZone } from "./lib/scheduleLines";
import { PATH_SHOWN, shown } from "./lib/shown";
import {
	commandArgs,
	oneFile,
	runCommand,
	STORE_OPTIONS,
	type StoreTarget,
	seconds,
	storeTarget,
	UsageError,
} from "./lib/usage";
import { hubSettings, notifyIfPublic } from "./websub/afterPublish";

const HELP = `Usage: npm run import -- <file.ndjson> [--remote] [--dry-run] [--far-future] [--persist-to <dir>]

Loads one article (an ArticleInput as JSON) per line into the article store (D1).
  --remote          the deployed database (needs \`npx wrangler login\` and its id in wrangler.toml)
  --dry-run         validate and report what would change; write nothing
  --far-future      schedule articles more than ${SCHEDULE_HORIZON_DAYS} days ahead too (refused otherwise)
  --persist-to DIR  a local state directory other than .wrangler/state
Exit status: 0 imported or nothing to do, 1 invalid line or failed, 2 usage error.`;

interface ImportArgs {
	readonly file: string;
	readonly dryRun: boolean;
	readonly farFuture: boolean;
	readonly target: StoreTarget;
}

/** The command line, or "help" for --help; throws UsageError. */
function options(argv: string[]): ImportArgs | "help" {
	const { values, positionals } = commandArgs({
		args: argv,
		options: { ...STORE_OPTIONS, "far-future": { type: "boolean", default: false } },
		allowPositionals: true,
	});
	if (values.help) return "help";
	const file = oneFile(positionals, "the file to import");
	if (!existsSync(file)) throw new UsageError(`no such file: ${shown(file, PATH_SHOWN)}`);
	return {
		file,
		dryRun: values["dry-run"],
		farFuture: values["far-future"],
		target: storeTarget(values),
	};
}

await runCommand("import", async () => {
	const args = options(process.argv.slice(2));
	if (args === "help") {
		console.log(HELP);
		return 0;
	}
	const timeZone = siteTimeZone();
	const started = performance.now();
	// The name every problem and the summary quote, and the import's origin in the store.
	const name = printable(basename(args.file));
	const now = Date.now();
	// Each line is bounded (ARCHIVE_LINE_MAX_BYTES): an oversized one is reported by its number
	// and length, never held in memory whole.
	const archive = await readArchive(name, archiveLines(createReadStream(args.file)), now);
	const validated = performance.now();
	console.log(
		`Validated ${archive.articles.length} articles from ${archive.lines} lines (${seconds(validated - started)}).`,
	);
	return withStore(args.target, async (store) => {
		let lastReport = 0;
		const summary = await importArchive(store.db, name, archive.articles, archive.lines, {
			now,
			dryRun: args.dryRun,
			farFuture: args.farFuture,
			onProgress(staged, total) {
				if (staged - lastReport >= 10_000 || staged === total) {
					lastReport = staged;
					console.log(`  staged ${staged} of ${total}`);
				}
			},
		});
		const counts = `${summary.added} added, ${summary.changed} changed, ${summary.unchanged} unchanged`;
		const took = seconds(performance.now() - started);
		if (args.dryRun) {
			console.log(
				`Dry run against ${store.where} (version ${summary.baseVersion}), nothing written: ${counts} (${took}).`,
			);
		} else if (summary.version === undefined) {
			console.log(
				`Nothing to import: ${counts}; ${store.where} stays at content version ${summary.baseVersion} (${took}).`,
			);
		} else {
			console.log(
				`Imported ${name} as content version ${summary.version} into ${store.where}: ${counts} (${took}).`,
			);
		}
		for (const line of scheduledLines(summary.scheduled, timeZone)) console.log(line);
		if (summary.version !== undefined && !summary.publicChange) console.log(SCHEDULED_ONLY);
		await notifyIfPublic(summary, hubSettings(process.env, store.vars));
		return 0;
	});
});
