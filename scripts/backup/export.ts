/**
 * `npm run backup:export -- <file.ndjson>`: writes the whole site to one file: every article,
 * withdrawal, content version, section, author and WebSub record (src/store/siteBackup.ts). The
 * search index is left out (`wrangler d1 export` refuses a database that holds one: workers-sdk
 * issue 6305); `npm run backup:restore` rebuilds it from the restored articles.
 *
 *   npm run backup:export -- backup.ndjson [--remote] [--persist-to <dir>]
 *
 * The file appears only when the backup is whole: it is written beside it as `<file>.partial` and
 * renamed at the end. Exits 0 when written, 1 when the export failed (no file is left), 2 on a
 * usage error (no file named, or one that exists).
 */
import { once } from "node:events";
import { createWriteStream, existsSync, renameSync, rmSync, type WriteStream } from "node:fs";
import { type BackupOutput, exportSite } from "../../src/commands/backupSite";
import { withStore } from "../lib/d1Store";
import { appliedMigrations } from "../lib/migrations";
import { PATH_SHOWN, shown } from "../lib/shown";
import {
	argumentsOrHelp,
	oneFile,
	runCommand,
	seconds,
	storeTarget,
	UsageError,
} from "../lib/usage";

const HELP = `Usage: npm run backup:export -- <file.ndjson> [--remote] [--persist-to <dir>]

Writes the whole site (articles, withdrawals, versions, sections, authors, WebSub records) to one
file; the search index is left out, and npm run backup:restore rebuilds it.
  --remote          the deployed database (needs \`npx wrangler login\` and its id in wrangler.toml)
  --persist-to DIR  a local state directory other than .wrangler/state
Exit status: 0 written, 1 failed (no file is left), 2 usage error.`;

const OPTIONS = {
	remote: { type: "boolean", default: false },
	"persist-to": { type: "string" },
	help: { type: "boolean", short: "h", default: false },
} as const;

await runCommand("backup:export", async () => {
	const parsed = argumentsOrHelp(
		{ args: process.argv.slice(2), options: OPTIONS, allowPositionals: true },
		HELP,
	);
	if (parsed === undefined) return 0;
	const { values, positionals } = parsed;
	const file = oneFile(positionals, "the file to write");
	if (existsSync(file)) {
		throw new UsageError(`${shown(file, PATH_SHOWN)} exists: name a new file`);
	}
	const target = storeTarget(values);
	const started = performance.now();
	const partial = `${file}.partial`;
	let stream: WriteStream | undefined;
	const close = async () => {
		if (stream === undefined) return;
		stream.end();
		await once(stream, "close");
	};
	// A fresh file for each attempt (the export starts over when a command commits meanwhile).
	const open = async (): Promise<BackupOutput> => {
		await close();
		const out = createWriteStream(partial);
		stream = out;
		return {
			async line(text) {
				if (!out.write(`${text}\n`)) await once(out, "drain");
			},
		};
	};
	try {
		return await withStore(target, async (store) => {
			const migrations = [...(await appliedMigrations(store.db, store.database))].sort();
			const summary = await exportSite(store.db, migrations, open, Date.now());
			await close();
			renameSync(partial, file);
			const rows = Object.entries(summary.rows)
				.map(([table, count]) => `${count} ${table}`)
				.join(", ");
			console.log(
				`Wrote ${shown(file, PATH_SHOWN)} from ${store.where} at content version ${summary.contentVersion}: ${rows} (${seconds(performance.now() - started)}).`,
			);
			return 0;
		});
	} finally {
		await close();
		rmSync(partial, { force: true });
	}
});
