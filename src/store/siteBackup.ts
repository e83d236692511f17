/**
 * What a backup of the site holds (npm run backup:export and backup:restore; docs/store.md): every
 * row of the tables that say what the site is, read in pages and written back in batches, as
 * statements of the catalogue like every other. `wrangler d1 export` refuses a database that holds
 * a virtual table (workers-sdk issue 6305), and the search index is one; it holds nothing that
 * `articles` does not, so a backup leaves it out and a restore rebuilds it (searchRebuild.ts).
 */
import { MAX_BOUND_PARAMETERS, placeholders } from "./boundParameters";
import { listStatement, prepare, type Statement, statement } from "./statements";

/** A table a backup holds: its columns, in the order each row is written. */
export interface BackupTable {
	readonly name: string;
	readonly columns: readonly string[];
	/** Rows read per statement: articles are large (a page stays far under D1's 50 MB result). */
	readonly pageRows: number;
}

/** The tables of a backup, in the order written and restored. */
export const BACKUP_TABLES: readonly BackupTable[] = [
	{
		name: "versions",
		columns: ["id", "created_at", "public_changed_at", "command", "added", "changed", "withdrawn"],
		pageRows: 1_000,
	},
	{
		name: "articles",
		columns: [
			"slug",
			"origin",
			"document",
			"content_hash",
			"published_at",
			"revised_at",
			"position",
		],
		pageRows: 100,
	},
	{ name: "withdrawn", columns: ["slug", "withdrawn_at", "headline"], pageRows: 1_000 },
	{ name: "collections", columns: ["kind", "segment", "name"], pageRows: 1_000 },
	{
		name: "collection_members",
		columns: ["kind", "segment", "article", "published_at", "position", "name", "url", "handle"],
		pageRows: 1_000,
	},
	{ name: "websub_releases", columns: ["slug", "published_at", "noticed_at"], pageRows: 1_000 },
	{
		name: "websub_pending",
		columns: ["topic", "since", "claimed_until", "attempts"],
		pageRows: 1_000,
	},
];

/**
 * The tables a backup leaves out, and why: what they hold is made again from the others, is
 * wrangler's or D1's own, or lives only within one command. A test holds every table of the schema
 * to one list or the other, so a new migration's table is a decision, not an omission.
 */
export const LEFT_OUT_OF_BACKUPS: readonly { readonly tables: RegExp; readonly why: string }[] = [
	{
		tables: /^search_/,
		why: "the search index and its bookkeeping, made again from articles by npm run search:rebuild",
	},
	{ tables: /^import_staging$/, why: "rows of an import under way, not yet part of the site" },
	{ tables: /^collections_to_renumber$/, why: "filled and emptied within one batch" },
	{ tables: /^d1_migrations$/, why: "wrangler's record of the migrations the store has" },
	{ tables: /^(?:_cf_|sqlite_)/, why: "D1's and SQLite's own" },
];

const read = new Map<string, Statement>();
const write = new Map<string, Statement>();
for (const table of BACKUP_TABLES) {
	const name = table.name.replace(/(?:^|_)(\w)/g, (_, letter: string) => letter.toUpperCase());
	// In rowid order, a page at a time: each statement reads at most `pageRows` rows by rowid.
	read.set(
		table.name,
		statement(
			`backupRead${name}`,
			"command",
			`SELECT rowid, ${table.columns.join(", ")} FROM ${table.name}
	WHERE rowid > ?1 ORDER BY rowid LIMIT ?2`,
		),
	);
	const width = table.columns.length;
	write.set(
		table.name,
		listStatement(
			`backupRestore${name}`,
			"command",
			(rows) =>
				`INSERT INTO ${table.name} (${table.columns.join(", ")}) VALUES ${Array.from(
					{ length: rows },
					(_, row) => `(${placeholders(width, row * width + 1)})`,
				).join(", ")}`,
			Math.floor(MAX_BOUND_PARAMETERS / width),
		),
	);
}

/** A stored value, as D1 gives it and takes it: the schema has INTEGER and TEXT columns only. */
export type BackupValue = string | number | null;

function statementOf(statements: ReadonlyMap<string, Statement>, table: BackupTable): Statement {
	const found = statements.get(table.name);
	if (found === undefined) throw new Error(`${table.name} is not a table of backups`);
	return found;
}

/** Up to `table.pageRows` rows of `table` after rowid `after`, each with its rowid first. */
export async function backupPage(
	db: D1Database,
	table: BackupTable,
	after: number,
): Promise<BackupValue[][]> {
	return prepare(db, statementOf(read, table)).bind(after, table.pageRows).raw<BackupValue[]>();
}

/** How many rows of `table` one restore statement writes. */
export function rowsPerStatement(table: BackupTable): number {
	return statementOf(write, table).maxCount;
}

/** The statement that writes `rows` (at most rowsPerStatement) into `table`. */
export function restoreStatement(
	db: D1Database,
	table: BackupTable,
	rows: readonly (readonly BackupValue[])[],
): D1PreparedStatement {
	return prepare(db, statementOf(write, table), rows.length).bind(...rows.flat());
}

// A restore writes into a store that holds none of the site yet (migrations applied, nothing else).
const HOLDS_ANY = statement(
	"backupTargetHoldsAny",
	"command",
	`SELECT ${BACKUP_TABLES.map((table) => `EXISTS (SELECT 1 FROM ${table.name})`).join(" OR ")} AS holds`,
	{ fullScan: "reads at most one row of each table of a backup: whether it holds any" },
);

/** Whether the store holds a row of any table a backup writes. */
export async function holdsAnyOfTheSite(db: D1Database): Promise<boolean> {
	return (await prepare(db, HOLDS_ANY).first<number>("holds")) === 1;
}
