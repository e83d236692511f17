import { quoted } from "./limits";

/** A value as a problem names it: `"text"` (escaped, cut), `nothing`, `null`, `a list`, or its type. */
export function describeValue(value: unknown): string {
	if (value === undefined) return "nothing";
	if (value === null) return "null";
	if (Array.isArray(value)) return "a list";
	if (typeof value === "string") return quoted(value);
	return typeof value;
}

/**
 * A value as a problem shows it: a string escaped and cut, a number, boolean or missing value as
 * JSON (`42`, `null`), anything bigger by its kind.
 */
export function shown(value: unknown): string {
	if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
	return describeValue(value ?? null);
}
