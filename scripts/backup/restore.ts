/**
 * `npm run backup:restore -- <file.ndjson>`: loads a backup made by `npm run backup:export` into a
 * store that holds no site yet (its migrations applied, nothing published), then rebuilds its
 * search index from the restored articles. The whole file is checked before anything is written.
 *
 *   npm run backup:restore -- backup.ndjson [--remote] [--dry-run] [--persist-to <dir>]
 *
 * Exits 0 when restored, 1 when the file is not a whole backup (every problem is listed as
 * file:line: field: message; nothing is written) or the restore failed, 2 on a usage error (no
 * such file, a store that lacks migrations or already holds a site).
 */
import { createReadStream, existsSync } from "node:fs";
import { archiveLines } from "../../src/commands/archiveLines";
import {
	BACKUP_LINE_MAX_BYTES,
	checkBackup,
	holdsASite,
	restoreSite,
} from "../../src/commands/backupSite";
import { withStore } from "../lib/d1Store";
import { PATH_SHOWN, shown, shownBare } from "../lib/shown";
import {
	argumentsOrHelp,
	oneFile,
	runCommand,
	STORE_OPTIONS,
	seconds,
	storeTarget,
	UsageError,
} from "../lib/usage";

const HELP = `Usage: npm run backup:restore -- <file.ndjson> [--remote] [--dry-run] [--persist-to <dir>]

Loads a backup made by npm run backup:export into a store that holds no site yet (migrations
applied, nothing published: npm run db:migrate), then rebuilds its search index.
  --remote          the deployed database (needs \`npx wrangler login\` and its id in wrangler.toml)
  --dry-run         check the file and the store; write nothing
  --persist-to DIR  a local state directory other than .wrangler/state
Exit status: 0 restored, 1 not a whole backup or failed, 2 usage error (or a store that is not empty).`;

await runCommand("backup:restore", async () => {
	const parsed = argumentsOrHelp(
		{ args: process.argv.slice(2), options: STORE_OPTIONS, allowPositionals: true },
		HELP,
	);
	if (parsed === undefined) return 0;
	const { values, positionals } = parsed;
	const file = oneFile(positionals, "the backup to restore");
	if (!existsSync(file)) throw new UsageError(`no such file: ${shown(file, PATH_SHOWN)}`);
	const target = storeTarget(values);
	const started = performance.now();
	const lines = () => archiveLines(createReadStream(file), BACKUP_LINE_MAX_BYTES);
	const name = shownBare(file, PATH_SHOWN);
	return withStore(target, async (store) => {
		if (await holdsASite(store.db)) {
			throw new UsageError(
				`${store.where} already holds a site: restore into a store with only its migrations applied (npm run db:migrate, or a new D1 database)`,
			);
		}
		const { header, rows } = await checkBackup(name, lines());
		const total = Object.values(rows).reduce((sum, count) => sum + count, 0);
		console.log(
			`Checked ${name}: content version ${header.contentVersion}, taken ${header.takenAt}, ${total} rows.`,
		);
		if (values["dry-run"]) {
			console.log(`Dry run: ${store.where} is empty; nothing written.`);
			return 0;
		}
		let lastReport = 0;
		const version = await restoreSite(store.db, lines(), {
			now: Date.now(),
			onProgress(written) {
				if (written - lastReport >= 10_000) {
					lastReport = written;
					console.log(`  restored ${written} of ${total} rows`);
				}
			},
		});
		const counts = Object.entries(rows)
			.map(([table, count]) => `${count} ${table}`)
			.join(", ");
		console.log(
			`Restored ${name} into ${store.where}: ${counts}; search index rebuilt as content version ${version} (${seconds(performance.now() - started)}).`,
		);
		return 0;
	});
});
