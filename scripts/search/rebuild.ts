/**
 * `npm run search:rebuild`: makes the whole search index again from the stored articles alone, for
 * an index that is ever out of step with them, and for a store restored from a backup (which holds
 * no index: docs/search.md). The new index is built beside the one in use, in batches, and swapped
 * in by one batch: searches answer from the old index until then, and from the new one after.
 *
 *   npm run search:rebuild -- [--remote] [--dry-run] [--persist-to <dir>]
 *
 * Exits 0 when the new index is in use, 1 when the rebuild failed (the index in use is as it was),
 * 2 on a usage error.
 */
import { rebuildSearchIndex } from "../../src/commands/rebuildSearch";
import { withStore } from "../lib/d1Store";
import { argumentsOrHelp, runCommand, STORE_OPTIONS, seconds, storeTarget } from "../lib/usage";

const HELP = `Usage: npm run search:rebuild -- [--remote] [--dry-run] [--persist-to <dir>]

Makes the whole search index again from the stored articles, and swaps it in whole.
  --remote          the deployed database (needs \`npx wrangler login\` and its id in wrangler.toml)
  --dry-run         say how many articles would be indexed; write nothing
  --persist-to DIR  a local state directory other than .wrangler/state
Exit status: 0 rebuilt, 1 failed (the index in use is unchanged), 2 usage error.`;

await runCommand("search:rebuild", async () => {
	const parsed = argumentsOrHelp({ args: process.argv.slice(2), options: STORE_OPTIONS }, HELP);
	if (parsed === undefined) return 0;
	const { values } = parsed;
	const target = storeTarget(values);
	const started = performance.now();
	return withStore(target, async (store) => {
		let lastReport = 0;
		const summary = await rebuildSearchIndex(store.db, {
			now: Date.now(),
			dryRun: values["dry-run"],
			onProgress(indexed, total) {
				if (indexed - lastReport >= 10_000 || indexed === total) {
					lastReport = indexed;
					console.log(`  indexed ${indexed} of ${total}`);
				}
			},
		});
		const counts = `${summary.indexed} public articles, ${summary.scheduled} scheduled (indexed at their instants)`;
		const took = seconds(performance.now() - started);
		console.log(
			summary.version === undefined
				? `Dry run against ${store.where}, nothing written: would index ${counts} (${took}).`
				: `Rebuilt the search index of ${store.where} as content version ${summary.version}: ${counts} (${took}).`,
		);
		return 0;
	});
});
