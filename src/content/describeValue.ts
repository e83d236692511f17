/** A value as a problem names it: `"text"`, `nothing`, `null`, `a list`, or its type. */
export function describeValue(value: unknown): string {
	if (value === undefined) return "nothing";
	if (value === null) return "null";
	if (Array.isArray(value)) return "a list";
	if (typeof value === "string") return JSON.stringify(value);
	return typeof value;
}
