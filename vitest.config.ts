import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Tests run inside workerd with the Worker's own wrangler.toml (bindings, flags, compatibility date).
export default defineConfig({
	plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
	test: {
		include: ["tests/**/*.test.ts"],
		// The browser end-to-end suite needs Chromium and runs on Node: `npm run test:e2e`.
		exclude: ["tests/e2e/**"],
	},
});
