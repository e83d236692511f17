/**
 * Something in the store the Worker cannot use: a row that no longer validates, a missing table.
 * The Worker answers such a request with a logged 500 that leaks nothing (src/index.ts); the
 * message is for the operator's log and names the table, the row and what is wrong.
 */
export class StoreError extends Error {
	override readonly name = "StoreError";
}
