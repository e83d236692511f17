import { defineConfig } from "vitest/config";

// The browser end-to-end suite: Node, a real `wrangler dev` and Debian's Chromium (`npm run test:e2e`).
// Kept out of `npm test`, which must run without a browser.
export default defineConfig({
	test: {
		name: "e2e",
		environment: "node",
		include: ["tests/e2e/**/*.test.ts"],
		// Starting workerd and Chromium takes seconds; these bound a hung run, they assert nothing.
		testTimeout: 60_000,
		hookTimeout: 120_000,
		fileParallelism: false,
	},
});
