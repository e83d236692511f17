/**
 * `npm run websub:publish`: tells the WebSub hub that the feeds have new content, so it fetches
 * them and pushes them to subscribers: the site's feeds, and those of each `--section` and
 * `--author` named. The
 * pinging itself is src/websub/notifyHub.ts (the Worker's cron uses it too); this file parses the
 * settings, prints one line per feed and sets the exit code.
 *
 *   WEBSUB_HUB=https://hub.example/ SITE_URL=https://news.example.org npm run websub:publish
 *   npm run websub:publish -- --hub https://hub.example/ --site https://news.example.org
 *   npm run websub:publish -- --section asiel   # also /tags/asiel/feed.xml, atom.xml, feed.json
 *   npm run websub:publish -- --author anna-de-vries   # also /authors/anna-de-vries/feed.xml, ...
 *
 * Exits 0 when the hub accepted every ping (a 2xx answer to the POST itself), 1 when it refused
 * one, redirected, could not be reached or did not answer in time, 2 on a missing or malformed
 * setting. Nothing it prints is a stack trace or a credential.
 */
import { checkHttpUrl } from "../../src/content/httpUrl";
import { isSlug } from "../../src/content/validateArticle";
import { feedTopicPaths } from "../../src/websub/feedTopics";
import {
	DEFAULT_TIMEOUT_MS,
	notifyHub,
	type PingResult,
	printable,
} from "../../src/websub/notifyHub";
import { shown } from "../lib/shown";
import { commandArgs, UsageError } from "../lib/usage";

const NAME = "websub:publish";
const USAGE = `usage: npm run ${NAME} -- [--hub <hub URL>] [--site <public origin>] [--section <slug>]... [--author <slug>]... [--timeout <seconds>]

Tells the WebSub hub that ${feedTopicPaths([]).join(", ")} of the site have new content.

  --hub <URL>          the hub (default: the WEBSUB_HUB variable)
  --site <origin>      the site's public origin, e.g. https://news.example.org (default: SITE_URL)
  --section <slug>     also the feeds of the section /tags/<slug> (repeatable)
  --author <slug>      also the feeds of the author /authors/<slug> (repeatable)
  --timeout <seconds>  how long each ping may take, answer included (default: ${DEFAULT_TIMEOUT_MS / 1000})
  --help               show this text

Exit status: 0 when the hub accepted every feed (2xx), 1 when it refused, redirected, could not be
reached or did not answer in time, 2 on a missing or malformed setting.`;

interface Settings {
	readonly hub: string;
	readonly origin: string;
	readonly sections: readonly string[];
	readonly authors: readonly string[];
	readonly timeoutMs: number;
}

function checked(value: string, name: string): URL {
	const result = checkHttpUrl(value);
	if (!result.ok) throw new UsageError(`${name}: ${printable(result.problems.join("; "))}`);
	return result.value;
}

/** The command line and environment as settings, or `undefined` for --help; throws UsageError. */
function settings(
	argv: readonly string[],
	env: Readonly<Record<string, string | undefined>>,
): Settings | undefined {
	// A refused argument is named escaped and cut (commandArgs), never raw as in Node's own
	// message; a positional one is not repeated at all (it may be a URL with credentials).
	const { values } = commandArgs({
		args: [...argv],
		options: {
			hub: { type: "string" },
			site: { type: "string" },
			section: { type: "string", multiple: true },
			author: { type: "string", multiple: true },
			timeout: { type: "string" },
			help: { type: "boolean", short: "h" },
		},
	});
	if (values.help) return undefined;
	const hub = values.hub ?? env.WEBSUB_HUB;
	const site = values.site ?? env.SITE_URL;
	if (!hub) throw new UsageError("no hub: set WEBSUB_HUB or pass --hub <hub URL>");
	if (!site) throw new UsageError("no site: set SITE_URL or pass --site <public origin>");
	const origin = checked(site, "SITE_URL");
	if (origin.pathname !== "/" || origin.search || origin.hash) {
		throw new UsageError(
			`SITE_URL must be an origin such as https://news.example.org, got ${shown(origin.href)}`,
		);
	}
	const sections = values.section ?? [];
	for (const section of sections) {
		if (!isSlug(section)) {
			throw new UsageError(
				`--section takes a section's URL segment such as asiel (as in /tags/asiel), got ${shown(section)}`,
			);
		}
	}
	const authors = values.author ?? [];
	for (const author of authors) {
		if (!isSlug(author)) {
			throw new UsageError(
				`--author takes an author's URL segment such as anna-de-vries (as in /authors/anna-de-vries), got ${shown(author)}`,
			);
		}
	}
	const timeoutSeconds = values.timeout === undefined ? undefined : Number(values.timeout);
	if (timeoutSeconds !== undefined && !(timeoutSeconds > 0 && timeoutSeconds <= 600)) {
		throw new UsageError("--timeout must be a number of seconds from 0 to 600");
	}
	return {
		hub: checked(hub, "WEBSUB_HUB").href,
		origin: origin.origin,
		sections,
		authors,
		timeoutMs: timeoutSeconds === undefined ? DEFAULT_TIMEOUT_MS : timeoutSeconds * 1000,
	};
}

function report(result: PingResult): void {
	if (result.accepted) console.log(`${NAME}: ${result.message}`);
	else console.error(`${NAME}: ${result.message}`);
}

async function main(): Promise<number> {
	let config: Settings | undefined;
	try {
		config = settings(process.argv.slice(2), process.env);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`${NAME}: ${printable(error.message)}\n\n${USAGE}`);
		return 2;
	}
	if (config === undefined) {
		console.log(USAGE);
		return 0;
	}
	const topics = feedTopicPaths(config.sections, config.authors).map(
		(path) => `${config.origin}${path}`,
	);
	const results = await notifyHub({
		hub: config.hub,
		timeoutMs: config.timeoutMs,
		topics,
		log: report,
	});
	return results.every((result) => result.accepted) ? 0 : 1;
}

/** The last resort: one line, never a stack trace. */
function crash(error: unknown): never {
	const message = error instanceof Error ? error.message : String(error);
	console.error(`${NAME}: unexpected error: ${printable(message)}`);
	process.exit(1);
}

process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);
try {
	process.exitCode = await main();
} catch (error) {
	crash(error);
}
