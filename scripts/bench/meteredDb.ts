/**
 * A D1 binding that adds up the rows each statement read (D1's `meta.rows_read`, what D1 bills),
 * for the search cost test (tests/search/searchCost.test.ts) and the scale bench (searchScale.ts).
 * Only `all` and `first` are metered: the store reads through nothing else.
 */
export function meteredDb(db: D1Database): { readonly db: D1Database; rowsRead: () => number } {
	let rows = 0;
	const metered = (statement: D1PreparedStatement): D1PreparedStatement =>
		new Proxy(statement, {
			get(target, property) {
				if (property === "bind") {
					return (...values: unknown[]) => metered(target.bind(...values));
				}
				if (property === "all" || property === "first") {
					return async (column?: string) => {
						const result = await target.all<Record<string, unknown>>();
						rows += result.meta.rows_read;
						const row = result.results[0] ?? null;
						if (property === "all") return result;
						return column === undefined ? row : (row?.[column] ?? null);
					};
				}
				const value: unknown = Reflect.get(target, property, target);
				return typeof value === "function" ? value.bind(target) : value;
			},
		});
	const wrapped = new Proxy(db, {
		get(target, property) {
			if (property === "prepare") return (sql: string) => metered(target.prepare(sql));
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
	return { db: wrapped, rowsRead: () => rows };
}
