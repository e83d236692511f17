/**
 * After a publish, import or withdrawal that the public can see: tells the WebSub hub (when one is
 * configured) that the feeds changed, once every isolate serves the new version. A hub fetches the
 * feed as soon as it is told; told earlier, it could fetch a copy an isolate has not refreshed yet
 * (isolates re-read the content version every CONTENT_CHECK_SECONDS) and push the old feed.
 *
 * The hub and the site's origin come from WEBSUB_HUB and SITE_URL in the environment, else from the
 * Worker's variables for the store written (locally wrangler.toml [vars] and .dev.vars). A refused
 * ping does not undo the publish: it is reported, with the way to retry (`npm run websub:publish`).
 */
import { CONTENT_CHECK_SECONDS } from "../../src/site/freshness";
import { feedTopicPaths } from "../../src/websub/feedTopics";
import { notifyHub } from "../../src/websub/notifyHub";
import { wranglerConfig } from "../lib/wranglerConfig";

/** The hub to tell, and the site whose feeds it is told about. */
export interface HubSettings {
	readonly hub: string;
	readonly site: string;
}

/** How long until every isolate serves a new version: the Worker's own interval, plus a second. */
function isolateRefreshSeconds(): number {
	return CONTENT_CHECK_SECONDS + 1;
}

/**
 * The site's feeds and those of `sections` and `authors`, as absolute URLs on `origin` (as the
 * cron pings).
 */
export function feedUrls(
	origin: string,
	sections: readonly string[] = [],
	authors: readonly string[] = [],
): string[] {
	return feedTopicPaths(sections, authors).map((path) => `${origin}${path}`);
}

/** The hub and origin to notify, or undefined when no hub is configured. */
export function hubSettings(
	env: Readonly<Record<string, string | undefined>> = process.env,
	vars: Readonly<Record<string, unknown>> = wranglerConfig().vars,
): HubSettings | undefined {
	const hub = env.WEBSUB_HUB || vars.WEBSUB_HUB;
	const site = env.SITE_URL || vars.SITE_URL;
	return hub ? { hub: String(hub), site: String(site ?? "") } : undefined;
}

export interface NotifyAfterPublishOptions {
	/** The hub to tell (hubSettings); undefined when none is configured. */
	readonly settings: HubSettings | undefined;
	/** Sections (tag URL segments) whose feeds changed too. */
	readonly sections?: readonly string[];
	/** Authors (URL segments) whose feeds changed too. */
	readonly authors?: readonly string[];
	readonly waitSeconds?: number;
	readonly log?: (line: string) => void;
	/** How the wait is slept (a timer unless given). */
	readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Waits until every isolate serves the new version, then pings the hub for the site's feeds and
 * those of the `sections` and `authors` that changed. Resolves to whether every ping was accepted (true also
 * when no hub is configured). Never throws.
 */
export async function notifyAfterPublish({
	settings,
	sections = [],
	authors = [],
	waitSeconds,
	log = console.log,
	sleep = (ms: number) => new Promise<void>((resolveWait) => setTimeout(resolveWait, ms)),
}: NotifyAfterPublishOptions): Promise<boolean> {
	if (settings === undefined) {
		log("WebSub: no hub configured (WEBSUB_HUB); readers that poll see the change within 60 s.");
		return true;
	}
	let origin: string;
	try {
		origin = new URL(settings.site).origin;
	} catch {
		log("WebSub: SITE_URL is not a URL, so the feeds' URLs are unknown; the hub was not notified.");
		return false;
	}
	const wait = waitSeconds ?? isolateRefreshSeconds();
	log(`WebSub: notifying the hub in ${wait} s, once every isolate serves this version...`);
	await sleep(wait * 1000);
	const results = await notifyHub({
		hub: settings.hub,
		topics: feedUrls(origin, sections, authors),
		log: (result) => log(`  ${result.accepted ? "ok    " : "FAILED"} ${result.message}`),
	});
	const accepted = results.every((result) => result.accepted);
	if (!accepted) {
		// The hub is named in the lines above already; the command repeats exactly what was pinged.
		const retry = ["npm run websub:publish --", "--hub", settings.hub, "--site", origin];
		for (const section of sections) retry.push("--section", section);
		for (const author of authors) retry.push("--author", author);
		log(`WebSub: the publish stands; retry the notification with \`${retry.join(" ")}\`.`);
	}
	return accepted;
}

/** What a publish, import or withdrawal wrote, as far as the hub is concerned. */
export interface WrittenChange {
	/** The version written, or undefined when nothing was. */
	readonly version: number | undefined;
	/** Whether the public sees a change now (scheduled articles alone do not count). */
	readonly publicChange: boolean;
	readonly sections: readonly string[];
	readonly authors: readonly string[];
}

/**
 * After a command: tells the hub (notifyAfterPublish) when `change` wrote a version the public can
 * see, and does nothing otherwise (nothing written, or only scheduled articles changed).
 */
export async function notifyIfPublic(
	change: WrittenChange,
	settings: HubSettings | undefined,
	options: Pick<NotifyAfterPublishOptions, "log" | "sleep" | "waitSeconds"> = {},
): Promise<void> {
	if (change.version === undefined || !change.publicChange) return;
	await notifyAfterPublish({
		...options,
		sections: change.sections,
		authors: change.authors,
		settings,
	});
}
