/**
 * The WebSub notification a publish sends: only with a hub configured, only after the isolates'
 * freshness interval (so the hub fetches the new version), one ping per feed, and a refusal is
 * reported without undoing anything.
 */
import { describe, expect, it } from "vitest";
import {
	hubSettings,
	isolateRefreshSeconds,
	notifyAfterPublish,
} from "../../scripts/websub/afterPublish";
import { stubHub } from "./support/stubHub";

const SITE = "https://news.example.org";

describe("notifyAfterPublish", () => {
	it("waits the Worker's own freshness interval (src/http/responsePolicy.ts), and a second, before pinging", async () => {
		const hub = await stubHub(204);
		const waits: { ms: number; pingsBefore: number }[] = [];
		const sleep = async (ms: number) => {
			waits.push({ ms, pingsBefore: hub.pings.length });
		};
		expect(isolateRefreshSeconds()).toBe(16);
		const accepted = await notifyAfterPublish({
			settings: { hub: hub.url, site: SITE },
			log: () => undefined,
			sleep,
		});
		expect(accepted).toBe(true);
		expect(waits).toEqual([{ ms: 16_000, pingsBefore: 0 }]);
		expect(hub.pings).toHaveLength(3);
	});

	it("takes the hub and origin from the environment, else from wrangler.toml [vars]", () => {
		expect(hubSettings({}, { SITE_URL: SITE })).toBeUndefined();
		expect(hubSettings({ WEBSUB_HUB: "https://hub.example/" }, { SITE_URL: SITE })).toEqual({
			hub: "https://hub.example/",
			site: SITE,
		});
		expect(hubSettings({}, { WEBSUB_HUB: "https://hub.example/", SITE_URL: SITE })?.hub).toBe(
			"https://hub.example/",
		);
	});

	it("without a hub pings nothing and says so", async () => {
		const lines: string[] = [];
		expect(
			await notifyAfterPublish({ settings: undefined, log: (line: string) => lines.push(line) }),
		).toBe(true);
		expect(lines.join("\n")).toContain("no hub configured");
	});

	it("pings the hub once per feed: the site's and those of the sections that changed", async () => {
		const hub = await stubHub(204);
		const lines: string[] = [];
		const accepted = await notifyAfterPublish({
			settings: { hub: hub.url, site: SITE },
			sections: ["asiel"],
			waitSeconds: 0,
			log: (line: string) => lines.push(line),
		});
		expect(accepted).toBe(true);
		expect(hub.pings.map((ping) => ping.form.get("hub.url"))).toEqual([
			`${SITE}/feed.xml`,
			`${SITE}/atom.xml`,
			`${SITE}/feed.json`,
			`${SITE}/tags/asiel/feed.xml`,
			`${SITE}/tags/asiel/atom.xml`,
			`${SITE}/tags/asiel/feed.json`,
		]);
		expect(hub.pings.every((ping) => ping.form.get("hub.mode") === "publish")).toBe(true);
	});

	it("reports a refusing hub and the command that retries exactly those feeds, without throwing", async () => {
		const hub = await stubHub(500, "kapot");
		const lines: string[] = [];
		const accepted = await notifyAfterPublish({
			settings: { hub: hub.url, site: SITE },
			sections: ["asiel", "kabinet-rutte-iv"],
			waitSeconds: 0,
			log: (line: string) => lines.push(line),
		});
		expect(accepted).toBe(false);
		expect(hub.pings).toHaveLength(9);
		expect(lines.join("\n")).toContain(
			`npm run websub:publish -- --hub ${hub.url} --site ${SITE} --section asiel --section kabinet-rutte-iv`,
		);
	});
});
