import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig, type Plugin } from "vitest/config";

/**
 * feed@6 ships `//# sourceMappingURL=feed.js.map` without the map, and saxes a map pointing outside
 * its package, so vite logs an error for each on every run. Loading them without that comment
 * keeps real errors visible in the output.
 */
const BROKEN_SOURCE_MAPS = ["/node_modules/feed/lib/feed.js", "/node_modules/saxes/saxes.js"];

function withoutBrokenSourceMaps(): Plugin {
	return {
		name: "without-broken-source-maps",
		enforce: "pre",
		async load(id) {
			if (!BROKEN_SOURCE_MAPS.some((file) => id.endsWith(file))) return null;
			const code = await readFile(id, "utf8");
			return code.replace(/^\/\/# sourceMappingURL=.*$/m, "");
		},
	};
}

const migrations = await readD1Migrations(fileURLToPath(new URL("./migrations", import.meta.url)));

// Tests run inside workerd with the Worker's own wrangler.toml (bindings, flags, compatibility date).
// Each test file gets its own storage; tests/support/storeSetup.ts applies the migrations to its D1
// database and publishes content/ into it, as `npm run dev` does.
export default defineConfig({
	plugins: [
		withoutBrokenSourceMaps(),
		cloudflareTest({
			wrangler: { configPath: "./wrangler.toml" },
			miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
		}),
	],
	test: {
		include: ["tests/**/*.test.ts"],
		setupFiles: ["tests/support/storeSetup.ts"],
		// vitest's default is one worker fewer than the cores: one, on the 2-core machines CI runs on,
		// and the suite's slowest files mostly wait on the processes they start (wrangler, Miniflare).
		// Two files at a time keep both cores busy.
		maxWorkers: 2,
		// The browser end-to-end suite needs Chromium and runs on Node: `npm run test:e2e`.
		// The conformance suite runs on Node (the independent parsers need it): the project below.
		// tests/node/ holds other Node-only tests (a stub WebSub hub on a local port, html-validate).
		exclude: ["tests/e2e/**", "tests/conformance/**", "tests/node/**"],
		// The two projects run one after the other (workers first), each two files at a time. Run
		// together, one full run of 67 files hung for good in a conformance file (its Miniflare
		// started, no test timing out) while the workers pool ran beside it; neither alone ever did.
		projects: [
			{ extends: true, test: { name: "workers", sequence: { groupOrder: 0 } } },
			{
				test: {
					name: "conformance",
					sequence: { groupOrder: 1 },
					environment: "node",
					// Its set-ups start Miniflare and publish into D1: on a loaded 2-core machine that
					// can pass vitest's 10 s default for a hook without anything being wrong.
					hookTimeout: 60_000,
					include: ["tests/conformance/**/*.test.ts", "tests/node/**/*.test.ts"],
				},
			},
		],
	},
});
