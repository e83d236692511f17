/**
 * `npm run backup:export` and `backup:restore`, as functions: the whole site as one NDJSON file,
 * every row of the tables of src/store/siteBackup.ts, and back into a store that holds nothing yet,
 * whose search index is then rebuilt from the restored articles (rebuildSearch.ts).
 *
 * The file: a header line (`format`, the content version it was taken at, the migrations the store
 * had, each table with its columns), one line per row (`["articles", [values...]]`, in the order of
 * the header's columns), and a last line with how many rows each table has, so that a file cut
 * short is known as such.
 */
import { ContentError, type ContentProblem } from "../content/contentError";
import { latestVersion } from "../store/publishSnapshot";
import {
	BACKUP_TABLES,
	type BackupTable,
	type BackupValue,
	backupPage,
	holdsAnyOfTheSite,
	restoreStatement,
	rowsPerStatement,
} from "../store/siteBackup";
import { VersionConflict, withVersionRetry } from "./applyPlan";
import type { ArchiveLine } from "./archiveLines";
import { rebuildSearchIndex } from "./rebuildSearch";
import { withStoreRetry } from "./storeRetry";

/** What the first line of a backup says. */
export interface BackupHeader {
	readonly format: typeof FORMAT;
	/** The content version the rows were read at. */
	readonly contentVersion: number;
	/** When it was taken (ISO 8601). */
	readonly takenAt: string;
	/** The migrations the store had: a restore needs a store with the same tables. */
	readonly migrations: readonly string[];
	readonly tables: readonly { readonly name: string; readonly columns: readonly string[] }[];
}

/** What the last line says: how many rows of each table the file holds. */
interface BackupEnd {
	readonly end: Readonly<Record<string, number>>;
}

const FORMAT = "edgewire-backup/1";

/** The longest line a restore reads, in bytes: a row of D1's largest (2 MB), JSON-escaped. */
export const BACKUP_LINE_MAX_BYTES = 16 * 1024 * 1024;

/** Rows per table, in the order of BACKUP_TABLES. */
export type RowCounts = Readonly<Record<string, number>>;

/** Where an export writes its lines: a fresh output per attempt (an attempt may start over). */
export interface BackupOutput {
	line(text: string): Promise<void>;
}

export interface ExportSummary {
	readonly contentVersion: number;
	readonly rows: RowCounts;
}

/**
 * Writes every row of the site's tables to a fresh output from `open`. The rows are read in pages,
 * not in one transaction: when a command commits a content version meanwhile, the export starts
 * over with a fresh output (three attempts, as a publish re-plans), so a backup is always of one
 * content version.
 */
export async function exportSite(
	db: D1Database,
	migrations: readonly string[],
	open: () => Promise<BackupOutput>,
	now: number,
): Promise<ExportSummary> {
	return withVersionRetry(async () => {
		const version = () => withStoreRetry(() => latestVersion(db), { doing: "reading the store" });
		const contentVersion = await version();
		const output = await open();
		const header: BackupHeader = {
			format: FORMAT,
			contentVersion,
			takenAt: new Date(now).toISOString(),
			migrations,
			tables: BACKUP_TABLES.map(({ name, columns }) => ({ name, columns })),
		};
		await output.line(JSON.stringify(header));
		const rows: Record<string, number> = {};
		for (const table of BACKUP_TABLES) {
			let count = 0;
			for (let after = 0; ; ) {
				const from = after;
				const page = await withStoreRetry(() => backupPage(db, table, from), {
					doing: `reading ${table.name}`,
				});
				for (const [rowid, ...values] of page) {
					await output.line(JSON.stringify([table.name, values]));
					after = Number(rowid);
				}
				count += page.length;
				if (page.length < table.pageRows) break;
			}
			rows[table.name] = count;
		}
		if ((await version()) !== contentVersion) throw new VersionConflict(contentVersion + 1);
		const end: BackupEnd = { end: rows };
		await output.line(JSON.stringify(end));
		return { contentVersion, rows };
	});
}

/**
 * Checks a whole backup before anything is written: its header, that its tables and columns are the
 * ones this version of Edgewire writes, every row, and its last line. One ContentError names every
 * problem by `file:line`.
 */
export async function checkBackup(
	name: string,
	lines: AsyncIterable<ArchiveLine> | Iterable<ArchiveLine>,
): Promise<{ readonly header: BackupHeader; readonly rows: RowCounts }> {
	const problems: ContentProblem[] = [];
	const problem = (line: number, path: string, message: string) => {
		if (problems.length < MAX_PROBLEMS) problems.push({ file: `${name}:${line}`, path, message });
	};
	let header: BackupHeader | undefined;
	let end: RowCounts | undefined;
	const counted: Record<string, number> = {};
	let number = 0;
	for await (const line of lines) {
		number++;
		if (typeof line !== "string") {
			problem(number, "(line)", `is ${line.bytes} bytes long; no row of a backup is`);
			continue;
		}
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			problem(number, "(line)", "is not JSON");
			continue;
		}
		if (number === 1) {
			header = readHeader(value, (path, message) => problem(1, path, message));
			if (header === undefined) break;
		} else if (end !== undefined) {
			problem(number, "(line)", "comes after the last line (the row counts)");
		} else if (Array.isArray(value)) {
			const table = rowProblem(value);
			if (typeof table === "string") problem(number, "(row)", table);
			else counted[table.name] = (counted[table.name] ?? 0) + 1;
		} else {
			end = readEnd(value, (path, message) => problem(number, path, message));
		}
	}
	if (number === 0) problem(1, "(file)", "is empty");
	else if (header !== undefined && end === undefined) {
		problem(number, "(file)", "ends before its last line (the row counts): it was cut short");
	}
	for (const [table, rows] of Object.entries(end ?? {})) {
		if ((counted[table] ?? 0) !== rows) {
			problem(number, `end.${table}`, `says ${rows} rows; the file holds ${counted[table] ?? 0}`);
		}
	}
	if (problems.length > 0 || header === undefined || end === undefined) {
		throw new ContentError(problems);
	}
	return { header, rows: end };
}

/** Problems reported at most: a file that is not a backup at all is not listed line by line. */
const MAX_PROBLEMS = 20;

function readHeader(
	value: unknown,
	problem: (path: string, message: string) => void,
): BackupHeader | undefined {
	const header = value as Partial<BackupHeader> | null;
	if (header?.format !== FORMAT) {
		problem("format", `expected "${FORMAT}": this is not a backup made by npm run backup:export`);
		return undefined;
	}
	const made = new Map((header.tables ?? []).map((table) => [table.name, table.columns]));
	const migrations = (header.migrations ?? []).join(", ");
	for (const table of BACKUP_TABLES) {
		const columns = made.get(table.name);
		if (columns === undefined || columns.join() !== table.columns.join()) {
			problem(
				`tables.${table.name}`,
				`${columns === undefined ? "is missing" : `has columns ${columns.join(", ")}`}; this version of Edgewire has ${table.columns.join(", ")}: restore it with the version that made it (migrations ${migrations}), then migrate`,
			);
		}
	}
	for (const name of made.keys()) {
		if (!BACKUP_TABLES.some((table) => table.name === name)) {
			problem(`tables.${name}`, "is not a table this version of Edgewire restores");
		}
	}
	return header as BackupHeader;
}

/** The table of a row line, or what is wrong with it. */
function rowProblem(value: readonly unknown[]): BackupTable | string {
	const [name, values, ...rest] = value;
	const table = BACKUP_TABLES.find((candidate) => candidate.name === name);
	if (table === undefined) return "names no table of the backup";
	if (!Array.isArray(values) || rest.length > 0 || values.length !== table.columns.length) {
		return `expected ["${table.name}", [${table.columns.length} values]]`;
	}
	const bad = values.findIndex(
		(cell: unknown) => !(cell === null || typeof cell === "string" || Number.isSafeInteger(cell)),
	);
	if (bad !== -1) return `${table.columns[bad]}: expected text, a whole number or null`;
	return table;
}

function readEnd(
	value: unknown,
	problem: (path: string, message: string) => void,
): RowCounts | undefined {
	const end = (value as Partial<BackupEnd> | null)?.end;
	if (end === undefined || end === null || typeof end !== "object") {
		problem("(line)", "is neither a row nor the last line (the row counts)");
		return undefined;
	}
	return end;
}

/** Whether `db` holds any row a backup writes: a restore writes only into a store that holds none. */
export function holdsASite(db: D1Database): Promise<boolean> {
	return withStoreRetry(() => holdsAnyOfTheSite(db), { doing: "reading the store" });
}

export interface RestoreOptions {
	/** The command's clock (ms), for the search index rebuilt after the rows. */
	readonly now: number;
	/** Told how many rows are written so far, for a progress line. */
	readonly onProgress?: (written: number) => void;
}

/** About this much of a backup's text goes into one batch (one request to D1). */
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Writes the rows of a backup that checkBackup passed (`lines`, read again) into `db`, which must
 * hold none of the site yet, then rebuilds the search index from the restored articles. Returns
 * the content version of the rebuild.
 */
export async function restoreSite(
	db: D1Database,
	lines: AsyncIterable<ArchiveLine> | Iterable<ArchiveLine>,
	options: RestoreOptions,
): Promise<number | undefined> {
	let batch: D1PreparedStatement[] = [];
	let [bytes, batched, written] = [0, 0, 0];
	let rows: BackupValue[][] = [];
	let table: BackupTable | undefined;
	const flushRows = () => {
		if (table !== undefined && rows.length > 0) batch.push(restoreStatement(db, table, rows));
		batched += rows.length;
		rows = [];
	};
	const flushBatch = async () => {
		flushRows();
		if (batch.length === 0) return;
		const statements = batch;
		await withStoreRetry(() => db.batch(statements), {
			doing: `restoring rows ${written + 1} to ${written + batched}`,
		});
		written += batched;
		options.onProgress?.(written);
		[batch, bytes, batched] = [[], 0, 0];
	};
	let number = 0;
	for await (const line of lines) {
		number++;
		if (number === 1 || typeof line !== "string" || !line.startsWith("[")) continue;
		const [name, values] = JSON.parse(line) as [string, BackupValue[]];
		if (name !== table?.name) {
			flushRows();
			table = BACKUP_TABLES.find((candidate) => candidate.name === name);
		}
		if (table === undefined) continue;
		rows.push(values);
		bytes += line.length;
		if (rows.length === rowsPerStatement(table)) flushRows();
		if (bytes >= BATCH_BYTES) await flushBatch();
	}
	await flushBatch();
	return (await rebuildSearchIndex(db, { now: options.now })).version;
}
