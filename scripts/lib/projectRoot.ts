/** The project's root folder, whatever the working directory a command was started from. */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** How a command of this project is started: `node scripts/run.mjs <script> [args...]`. */
export function commandLine(script: string, args: readonly string[] = []): string[] {
	return [resolve(projectRoot, "scripts", "run.mjs"), resolve(projectRoot, script), ...args];
}
