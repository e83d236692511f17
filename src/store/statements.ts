/**
 * Every SQL statement the store runs is declared here, by name, with who runs it: the catalogue
 * (queryCatalog.ts) is the list of declarations, so a statement cannot run without being in it,
 * and its plan is checked (tests/store/queryPlans.test.ts) and printed (`npm run query-plans`) the
 * moment it is written. `prepare` is the store's one door to D1: nothing else in src/ calls
 * `db.prepare` (a test reads the sources to hold that).
 *
 * @example
 * const LOOKUP = statement("publicArticle", "request", "SELECT ... WHERE slug = ?1");
 * const row = await prepare(db, LOOKUP).bind(slug).first();
 */

/**
 * Who runs a statement: the Worker answering a request (must search an index, at any size), the
 * Worker's cron, or a command (publish, import, withdraw, search:rebuild, backups). Only the last
 * two may read a whole table, and only with a reason; only a command may change the schema.
 */
export type RunBy = "request" | "cron" | "command";

export interface Statement {
	readonly name: string;
	readonly runBy: RunBy;
	/** Its text for `count` bound values (the same text whatever the count for most statements). */
	readonly sqlFor: (count: number) => string;
	/** How many values a list statement takes at most in one run; 1 for the others. */
	readonly maxCount: number;
	/** Why reading a whole table is right here, when it is. */
	readonly fullScan?: string;
	/**
	 * For a full-text MATCH (FTS5, migrations/0008): why the rows it yields are bounded. A MATCH
	 * searches the index, but its plan cannot say how many articles hold the words.
	 */
	readonly matchBound?: string;
	/**
	 * For a statement that changes the schema (CREATE, ALTER, DROP): why a command does that here.
	 * It has no query plan, and SQLite cannot even plan it on a store in its ordinary state when it
	 * renames a table to a name that an earlier statement of its batch frees.
	 */
	readonly schemaChange?: string;
}

interface Options {
	/** Why reading a whole table is right here (cron and commands only). */
	readonly fullScan?: string;
	/** Why a full-text MATCH yields a bounded number of rows here. */
	readonly matchBound?: string;
	/** Why this statement changes the schema (commands only). */
	readonly schemaChange?: string;
}

const declared = new Map<string, Statement>();

function declare(statement: Statement): Statement {
	if (declared.has(statement.name)) {
		throw new Error(`two store statements are named ${statement.name}`);
	}
	if (statement.fullScan !== undefined && statement.runBy === "request") {
		throw new Error(`${statement.name}: a request never reads a whole table`);
	}
	if (statement.schemaChange !== undefined && statement.runBy !== "command") {
		throw new Error(`${statement.name}: only a command changes the schema`);
	}
	declared.set(statement.name, statement);
	return statement;
}

/** Declares a statement of fixed text. */
export function statement(
	name: string,
	runBy: RunBy,
	sql: string,
	options: Options = {},
): Statement {
	return declare({ name, runBy, sqlFor: () => sql, maxCount: 1, ...options });
}

/**
 * Declares a statement over a list of values (`IN (?1, ?2, ...)`, a multi-row `VALUES`), whose
 * text depends on how many values a run binds, from 1 to `maxCount`.
 */
export function listStatement(
	name: string,
	runBy: RunBy,
	sqlFor: (count: number) => string,
	maxCount: number,
	options: Options = {},
): Statement {
	return declare({ name, runBy, sqlFor, maxCount, ...options });
}

/** The D1 statement for `statement` (of a list statement: for `count` values). */
export function prepare(db: D1Database, statement: Statement, count = 1): D1PreparedStatement {
	if (!Number.isInteger(count) || count < 1 || count > statement.maxCount) {
		throw new RangeError(`${statement.name}: ${count} values, expected 1 to ${statement.maxCount}`);
	}
	return db.prepare(statement.sqlFor(count));
}

/** Every statement declared so far, in declaration order (queryCatalog.ts loads every module). */
export function declaredStatements(): readonly Statement[] {
	return [...declared.values()];
}
