/** One thing wrong with content: the file, the field inside it, and what was expected. */
export interface ContentProblem {
	readonly file: string;
	readonly path: string;
	readonly message: string;
}

export function formatProblem(problem: ContentProblem): string {
	return `${problem.file}: ${problem.path}: ${problem.message}`;
}

/** Thrown when content does not load: one error that lists every problem, each with its place. */
export class ContentError extends Error {
	override readonly name = "ContentError";
	readonly problems: readonly ContentProblem[];

	constructor(problems: readonly ContentProblem[]) {
		const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
		super(
			`Invalid content (${count}):\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`,
		);
		this.problems = problems;
	}
}
