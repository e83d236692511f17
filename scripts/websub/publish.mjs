#!/usr/bin/env node
/**
 * `npm run websub:publish`: tells the WebSub hub that the feeds have new content, so it fetches
 * them and pushes them to subscribers. One POST per feed (RSS, Atom, JSON Feed), form-encoded
 * `hub.mode=publish&hub.url=<feed URL>`: the publish ping hubs accept (WebSub leaves publishing
 * to the hub; this is the PubSubHubbub 0.4 convention that Google's, Superfeedr's and
 * WebSub.rocks' hubs follow).
 *
 *   WEBSUB_HUB=https://hub.example/ SITE_URL=https://news.example.org npm run websub:publish
 *   npm run websub:publish -- --hub https://hub.example/ --site https://news.example.org
 *
 * Exits 0 when the hub accepted every ping (any 2xx), 1 when it refused one or could not be
 * reached (the message names the hub, the feed, the status and the hub's answer), 2 on bad input.
 */
import { parseArgs } from "node:util";

/** The feeds' paths, as src/site/siteUrls.ts gives them (tests/node/websubPublish.test.ts checks). */
const FEED_PATHS = ["/feed.xml", "/atom.xml", "/feed.json"];
const TIMEOUT_MS = 10_000;
/** How much of a refusing hub's answer is quoted. */
const BODY_EXCERPT = 500;

class UsageError extends Error {}

function httpUrl(value, name) {
	let url;
	try {
		url = new URL(value);
	} catch {
		throw new UsageError(`${name} is not a URL: ${JSON.stringify(value)}`);
	}
	if (url.protocol !== "https:" && url.protocol !== "http:") {
		throw new UsageError(`${name} must be an http(s) URL, got the ${url.protocol} scheme`);
	}
	return url;
}

function settings(argv, env) {
	const { values } = parseArgs({
		args: argv,
		options: { hub: { type: "string" }, site: { type: "string" }, help: { type: "boolean" } },
	});
	if (values.help) return undefined;
	const hub = values.hub ?? env.WEBSUB_HUB;
	const site = values.site ?? env.SITE_URL;
	if (!hub) throw new UsageError("no hub: set WEBSUB_HUB or pass --hub <hub URL>");
	if (!site) throw new UsageError("no site: set SITE_URL or pass --site <public origin>");
	const origin = httpUrl(site, "SITE_URL");
	if (origin.pathname !== "/" || origin.search || origin.hash) {
		throw new UsageError(
			`SITE_URL must be an origin such as https://news.example.org, got ${site}`,
		);
	}
	return { hub: httpUrl(hub, "WEBSUB_HUB").href, origin: origin.origin };
}

/** One publish ping; resolves to undefined when accepted, or to a message saying why not. */
async function ping(hub, topic) {
	let response;
	try {
		response = await fetch(hub, {
			method: "POST",
			headers: { "Content-Type": "application/x-www-form-urlencoded" },
			body: new URLSearchParams({ "hub.mode": "publish", "hub.url": topic }),
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
	} catch (error) {
		const cause = error.cause?.code ?? error.cause?.message ?? error.message;
		return `hub ${hub} is unreachable for ${topic}: ${cause}`;
	}
	const body = (await response.text()).trim().slice(0, BODY_EXCERPT);
	if (response.ok) return undefined;
	const answer = body === "" ? "(empty body)" : body;
	return `hub ${hub} refused ${topic}: ${response.status} ${response.statusText}: ${answer}`;
}

async function main() {
	let config;
	try {
		config = settings(process.argv.slice(2), process.env);
	} catch (error) {
		if (!(error instanceof UsageError) && error.code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION")
			throw error;
		console.error(`websub:publish: ${error.message}`);
		return 2;
	}
	if (config === undefined) {
		console.log("usage: npm run websub:publish -- [--hub <hub URL>] [--site <public origin>]");
		return 0;
	}
	const topics = FEED_PATHS.map((path) => `${config.origin}${path}`);
	const failures = [];
	for (const topic of topics) {
		const failure = await ping(config.hub, topic);
		if (failure === undefined) console.log(`websub:publish: ${config.hub} accepted ${topic}`);
		else failures.push(failure);
	}
	for (const failure of failures) console.error(`websub:publish: ${failure}`);
	return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
