/**
 * `npm run withdraw -- <slug>...`: takes down imported articles (those with no content file):
 * their URLs answer 410 Gone and they leave every feed, archive, index page and oEmbed. An
 * article written in content/ is withdrawn by removing its file and running `npm run publish`.
 *
 * Exits 0 when every slug is withdrawn (now or before: a slug already withdrawn is left as it is),
 * 1 when one cannot be (`no such article: <slug>`, or an article written in content/; nothing is
 * written), 2 on a usage error.
 */
import { type WithdrawSummary, withdrawArticles } from "../src/commands/withdrawArticles";
import { isSlug } from "../src/content/validateArticle";
import { withStore } from "./lib/d1Store";
import { shown } from "./lib/shown";
import { commandArgs, runCommand, STORE_OPTIONS, storeTarget, UsageError } from "./lib/usage";
import { hubSettings, notifyIfPublic } from "./websub/afterPublish";

const HELP = `Usage: npm run withdraw -- <slug>... [--remote] [--dry-run] [--persist-to <dir>]

Withdraws imported articles: their URLs answer 410 Gone; they leave every feed and listing.
  --remote          the deployed database (needs \`npx wrangler login\` and its id in wrangler.toml)
  --dry-run         say what would be withdrawn; write nothing
  --persist-to DIR  a local state directory other than .wrangler/state
Exit status: 0 withdrawn (or already), 1 a slug could not be withdrawn (nothing written), 2 usage error.`;

await runCommand("withdraw", async () => {
	const { values, positionals } = commandArgs({
		args: process.argv.slice(2),
		options: STORE_OPTIONS,
		allowPositionals: true,
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	if (positionals.length === 0) throw new UsageError("name the slug(s) to withdraw");
	const notSlugs = positionals.filter((slug) => !isSlug(slug));
	if (notSlugs.length > 0) {
		throw new UsageError(
			`not a slug (lower-case letters, digits and single hyphens): ${notSlugs.map((slug) => shown(slug)).join(", ")}`,
		);
	}
	const target = storeTarget(values);
	return withStore(target, async (store) => {
		const summary = await withdrawArticles(store.db, positionals, {
			now: Date.now(),
			dryRun: values["dry-run"],
		});
		report(summary, store.where, values["dry-run"]);
		await notifyIfPublic(summary, hubSettings(process.env, store.vars));
		return 0;
	});
});

function report(summary: WithdrawSummary, where: string, dryRun: boolean): void {
	const { withdrawn, scheduled, already } = summary;
	if (withdrawn.length === 0) {
		console.log(
			`Nothing to withdraw: ${already.join(", ")} ${already.length === 1 ? "is" : "are"} already withdrawn; ${where} stays at content version ${summary.baseVersion}.`,
		);
		return;
	}
	const verb = dryRun ? "Would withdraw" : `Withdrew (content version ${summary.version})`;
	console.log(`${verb} from ${where}: ${withdrawn.join(", ")}`);
	if (scheduled.length > 0) {
		console.log(`  scheduled, never public (no trace is left): ${scheduled.join(", ")}`);
	}
	if (already.length > 0) console.log(`  already withdrawn before: ${already.join(", ")}`);
}
