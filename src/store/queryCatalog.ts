/**
 * Every statement the store runs, by name: the declarations of statements.ts, collected from every
 * module of src/store/ (a new module joins by being there). The query-plan check
 * (tests/store/queryPlans.test.ts) and `npm run query-plans` read it; a test that runs every
 * command and every kind of request checks that nothing reaches D1 outside it. For the test and the
 * commands only: the Worker never imports it.
 */
import { declaredStatements, type RunBy, type Statement } from "./statements";

// Loads every store module, so that each one's statements are declared (Vite's glob import).
import.meta.glob(["./*.ts", "!./queryCatalog.ts"], { eager: true });

export interface CatalogedQuery {
	readonly name: string;
	/** The text whose plan is shown: a list statement's for a few values. */
	readonly sql: string;
	readonly runBy: RunBy;
	/** Why a full read of a table is right here, when it is. */
	readonly fullScan?: string;
	/** Why a full-text MATCH yields a bounded number of rows, when it has one. */
	readonly matchBound?: string;
	/** Why it changes the schema, when it does (then it has no plan). */
	readonly schemaChange?: string;
	/** Every text it can run with (a list statement's for each count it allows). */
	readonly texts: readonly string[];
}

/** How many values a list statement's shown plan binds. */
const SHOWN_COUNT = 3;

function cataloged(statement: Statement): CatalogedQuery {
	const counts = Array.from({ length: statement.maxCount }, (_, i) => i + 1);
	return {
		name: statement.name,
		sql: statement.sqlFor(Math.min(SHOWN_COUNT, statement.maxCount)),
		runBy: statement.runBy,
		...(statement.fullScan !== undefined && { fullScan: statement.fullScan }),
		...(statement.matchBound !== undefined && { matchBound: statement.matchBound }),
		...(statement.schemaChange !== undefined && { schemaChange: statement.schemaChange }),
		texts: [...new Set(counts.map((count) => statement.sqlFor(count)))],
	};
}

export const QUERY_CATALOG: readonly CatalogedQuery[] = declaredStatements().map(cataloged);
