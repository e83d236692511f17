#!/usr/bin/env node
/**
 * Runs one of the project's TypeScript commands on Node: `node scripts/run.mjs scripts/publish.ts
 * [args...]`. Node 20 cannot run TypeScript, and src/ needs a bundler besides (extensionless
 * imports, `import.meta.glob`), so the command goes through Vite's module runner, the same
 * transform the tests use: the command and everything it imports from src/ and content/ are the
 * sources `tsc` checks, with no build step and no second copy. Packages under node_modules are
 * loaded by Node itself.
 *
 * The command sees its own arguments (`process.argv.slice(2)`), its own path in
 * `process.argv[1]`, and `import.meta.url`/`filename`/`dirname` as under Node. The runner is
 * closed once the command's module has finished evaluating (its top-level await included), so a
 * command loads what it needs up front; its exit status is the one it sets.
 *
 * This is the one JavaScript file among the commands: it is what makes them runnable.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer, createServerModuleRunnerTransport } from "vite";
import { createDefaultImportMeta, ESModulesEvaluator, ModuleRunner } from "vite/module-runner";

const projectRoot = resolve(fileURLToPath(new URL("..", import.meta.url)));
const [script, ...args] = process.argv.slice(2);

if (script === undefined || !script.endsWith(".ts")) {
	console.error("usage: node scripts/run.mjs <script.ts> [arguments...]");
	process.exit(2);
}

const path = resolve(script);
process.argv = [process.argv[0] ?? process.execPath, path, ...args];

const server = await createServer({
	configFile: false,
	root: projectRoot,
	logLevel: "silent",
	appType: "custom",
	server: { middlewareMode: true, hmr: false, watch: null, ws: false },
	optimizeDeps: { noDiscovery: true, include: [] },
});
// Vite's ready-made runner (`environments.ssr.runner`) suits Node 22 better than Node 20: it turns
// on Node's source maps, so Node then reads and parses the map of every package loaded after
// (wrangler's and miniflare's are megabytes), and, for `import.meta.resolve`, registers a module
// hook that sends every later import of a package through a loader thread. Together they cost
// a command about a second of start-up. The commands print no stack traces and resolve nothing
// at run time, so this runner does neither.
const runner = new ModuleRunner(
	{
		transport: createServerModuleRunnerTransport({ channel: server.environments.ssr.hot }),
		hmr: false,
		sourcemapInterceptor: false,
		createImportMeta: createDefaultImportMeta,
	},
	new ESModulesEvaluator(),
);
try {
	await runner.import(path);
} catch (error) {
	// The commands report their own failures; this is a module that did not load at all.
	const message = error instanceof Error ? error.message : String(error);
	console.error(`${script}: ${message.split("\n").slice(0, 20).join("\n")}`);
	process.exitCode = 1;
} finally {
	await runner.close();
	await server.close();
}
