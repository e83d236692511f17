import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Tests run inside workerd with the Worker's own wrangler.toml (bindings, flags, compatibility date).
export default defineConfig({
	plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
	test: {
		include: ["tests/**/*.test.ts"],
		// The browser end-to-end suite needs Chromium and runs on Node: `npm run test:e2e`.
		// The conformance suite runs on Node (the independent parsers need it): the project below.
		// tests/node/ holds other Node-only tests (a stub WebSub hub on a local port, html-validate).
		exclude: ["tests/e2e/**", "tests/conformance/**", "tests/node/**"],
		projects: [
			{ extends: true, test: { name: "workers" } },
			{
				test: {
					name: "conformance",
					environment: "node",
					include: ["tests/conformance/**/*.test.ts", "tests/node/**/*.test.ts"],
				},
			},
		],
	},
});
