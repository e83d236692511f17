/**
 * The one shape of "a value, or what is wrong with the input": checks and parsers return it
 * instead of throwing, and callers branch on `ok`. There is always at least one problem.
 *
 * @example
 * const url = checkHttpUrl(input, "WEBSUB_HUB");
 * if (!url.ok) throw new UsageError(url.problems.join("; "));
 */
export type Checked<T, Problem = string> =
	| { readonly ok: true; readonly value: T }
	| { readonly ok: false; readonly problems: readonly [Problem, ...Problem[]] };

export function valid<T>(value: T): { readonly ok: true; readonly value: T } {
	return { ok: true, value };
}

export function invalid<Problem>(
	problem: Problem,
	...more: Problem[]
): { readonly ok: false; readonly problems: readonly [Problem, ...Problem[]] } {
	return { ok: false, problems: [problem, ...more] };
}
