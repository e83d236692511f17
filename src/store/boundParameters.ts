/**
 * D1 binds at most 100 parameters per statement: statements over a list of values are written for
 * chunks of it, each with its own numbered placeholders.
 */
export const MAX_BOUND_PARAMETERS = 100;

/** `values` in runs of at most `size` (MAX_BOUND_PARAMETERS unless given), in order. */
export function chunked<T>(values: readonly T[], size = MAX_BOUND_PARAMETERS): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
	return chunks;
}

/** `?from, ?from+1, ...`: `count` numbered placeholders, for an `IN (...)` or a `VALUES (...)`. */
export function placeholders(count: number, from = 1): string {
	return Array.from({ length: count }, (_, i) => `?${from + i}`).join(", ");
}
