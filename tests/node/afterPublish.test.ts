/**
 * The WebSub notification a publish sends: only with a hub configured, only after the isolates'
 * freshness interval (so the hub fetches the new version), one ping per feed, and a refusal is
 * reported without undoing anything.
 */
import { describe, expect, it } from "vitest";
import { hubSettings, notifyAfterPublish, notifyIfPublic } from "../../scripts/websub/afterPublish";
import { CONTENT_CHECK_SECONDS } from "../../src/site/freshness";
import { startHub, stubHub } from "./support/stubHub";

const SITE = "https://news.example.org";

describe("notifyAfterPublish", () => {
	it("pings the hub only once every isolate has re-read the content version (CONTENT_CHECK_SECONDS after the publish)", async () => {
		// The test's own clock: the publish is at 0, and only the command's sleep moves time on.
		let elapsedMs = 0;
		const pingedAtMs: number[] = [];
		const hub = await startHub((_ping, response) => {
			pingedAtMs.push(elapsedMs);
			response.writeHead(204).end();
		});
		const accepted = await notifyAfterPublish({
			settings: { hub: hub.url, site: SITE },
			log: () => undefined,
			sleep: async (ms: number) => {
				elapsedMs += ms;
			},
		});
		expect(accepted).toBe(true);
		expect(pingedAtMs).toHaveLength(3);
		for (const at of pingedAtMs) expect(at).toBeGreaterThanOrEqual(CONTENT_CHECK_SECONDS * 1000);
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

	it("pings the hub once per feed: the site's and those of the sections and authors that changed", async () => {
		const hub = await stubHub(204);
		const lines: string[] = [];
		const accepted = await notifyAfterPublish({
			settings: { hub: hub.url, site: SITE },
			sections: ["asiel"],
			authors: ["anna-de-vries"],
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
			`${SITE}/authors/anna-de-vries/feed.xml`,
			`${SITE}/authors/anna-de-vries/atom.xml`,
			`${SITE}/authors/anna-de-vries/feed.json`,
		]);
		expect(hub.pings.every((ping) => ping.form.get("hub.mode") === "publish")).toBe(true);
	});

	it("reports a refusing hub and the command that retries exactly those feeds, without throwing", async () => {
		const hub = await stubHub(500, "kapot");
		const lines: string[] = [];
		const accepted = await notifyAfterPublish({
			settings: { hub: hub.url, site: SITE },
			sections: ["asiel", "kabinet-rutte-iv"],
			authors: ["anna-de-vries"],
			waitSeconds: 0,
			log: (line: string) => lines.push(line),
		});
		expect(accepted).toBe(false);
		expect(hub.pings).toHaveLength(12);
		expect(lines.join("\n")).toContain(
			`npm run websub:publish -- --hub ${hub.url} --site ${SITE} --section asiel --section kabinet-rutte-iv --author anna-de-vries`,
		);
	});
});

describe("notifyIfPublic: what publish, import and withdraw do after writing", () => {
	const written = { version: 7, publicChange: true, sections: ["asiel"], authors: [] };

	it("pings the site's feeds and those of its changed sections, for a version the public sees", async () => {
		const hub = await stubHub(204);
		await notifyIfPublic(written, { hub: hub.url, site: SITE }, { waitSeconds: 0, log: () => {} });
		expect(hub.pings.map((ping) => ping.form.get("hub.url"))).toEqual([
			`${SITE}/feed.xml`,
			`${SITE}/atom.xml`,
			`${SITE}/feed.json`,
			`${SITE}/tags/asiel/feed.xml`,
			`${SITE}/tags/asiel/atom.xml`,
			`${SITE}/tags/asiel/feed.json`,
		]);
	});

	it("pings nothing, and says nothing, when nothing was written or only scheduled articles changed", async () => {
		const hub = await stubHub(204);
		const lines: string[] = [];
		const options = { waitSeconds: 0, log: (line: string) => lines.push(line) };
		for (const change of [
			{ ...written, version: undefined },
			{ ...written, publicChange: false },
		]) {
			await notifyIfPublic(change, { hub: hub.url, site: SITE }, options);
		}
		expect(hub.pings).toEqual([]);
		expect(lines).toEqual([]);
	});
});
