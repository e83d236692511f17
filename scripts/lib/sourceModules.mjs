/**
 * Loads the project's TypeScript modules (src/, content/) into a Node command through Vite's
 * module runner: the same code the Worker and the tests run, with no build step and no second copy.
 * The runner stays open until the command ends (`closeSources`), so modules may import lazily.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "vite";

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

let server;

async function runner() {
	server ??= createServer({
		configFile: false,
		root: projectRoot,
		logLevel: "silent",
		appType: "custom",
		server: { middlewareMode: true, hmr: false, watch: null, ws: false },
		optimizeDeps: { noDiscovery: true, include: [] },
	});
	return (await server).environments.ssr.runner;
}

/** The module at `path` (relative to the project root), e.g. `src/commands/publishContent.ts`. */
export async function importSource(path) {
	return (await runner()).import(resolve(projectRoot, path));
}

/** Closes the module runner (a command's last step). */
export async function closeSources() {
	if (server !== undefined) await (await server).close();
	server = undefined;
}
