/**
 * The content files: every `content/articles/*.ts`, found by the bundler's glob, so adding an
 * article is adding its file (no list to keep). Used by `npm run publish` (through Vite's module
 * runner on Node) and by the tests (inside workerd); never by the Worker, which reads D1.
 */
import type { ContentEntry } from "../content/articleSchema";
import type { ContentProblem } from "../content/contentError";

const modules = import.meta.glob<{ readonly default?: unknown }>("../../content/articles/*.ts");

export interface ContentFiles {
	readonly entries: readonly ContentEntry[];
	/** Files that could not even be loaded (a syntax error, a throwing import). */
	readonly problems: readonly ContentProblem[];
}

/** Loads every article file, in file-name order; a file that fails to load is a problem, not a crash. */
export async function readContentFiles(): Promise<ContentFiles> {
	const entries: ContentEntry[] = [];
	const problems: ContentProblem[] = [];
	for (const [key, load] of Object.entries(modules).sort(([a], [b]) => (a < b ? -1 : 1))) {
		const file = key.replace(/^(?:\.\.\/)+/, "");
		try {
			entries.push({ file, input: (await load()).default });
		} catch (error) {
			const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
			problems.push({ file, path: "(file)", message: `does not load: ${reason}` });
		}
	}
	return { entries, problems };
}
