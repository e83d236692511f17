/**
 * Scheduled publishing: an article whose `published` is a future instant does not exist for the
 * public until that instant (every route answers exactly like a slug never published, and nothing
 * public changes), and is everywhere from that instant on, with no publish, deploy or restart.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import type { ContentEntry } from "../../src/content/articleSchema";
import { entry } from "../fixtures/articleInputs";
import { advanceClock, setClock, startClock } from "../support/clock";
import { fetchPath } from "../support/http";
import { articles, url } from "../support/site";
import { emptyStore, publishEntries } from "../support/store";

const SLUG = "gepland-bericht";
const NEVER = "nooit-gepubliceerd";
const content = (await readContentFiles()).entries;

let instant = 0;
function scheduled(at: number, changes: Record<string, unknown> = {}): ContentEntry {
	return entry("content/articles/gepland.ts", {
		slug: SLUG,
		headline: "Gepland bericht",
		published: new Date(at).toISOString(),
		...changes,
	});
}

const ARTICLE_PATHS = (slug: string) => [
	`/articles/${slug}`,
	`/articles/${slug}/fragment`,
	`/articles/${slug}/embed`,
	`/oembed?${new URLSearchParams({ url: url(`/articles/${slug}`) })}`,
];
const LISTINGS = ["/feed.xml", "/atom.xml", "/feed.json", "/"];

/** Headers that say how a response travelled, not what the document is. */
const TRANSPORT = new Set(["date", "age", "cf-cache-status", "x-edgewire-cache", "content-length"]);

/** What is public about a response: status, every header of the document, the body. */
async function seen(path: string) {
	const response = await fetchPath(path);
	const headers = [...response.headers].filter(([name]) => !TRANSPORT.has(name));
	return { status: response.status, headers, body: await response.text() };
}

beforeEach(async () => {
	await emptyStore();
	const now = startClock();
	instant = now + 90_000;
	await publishEntries(content, now);
});

describe("before its instant", () => {
	it("answers every route of it exactly as for a slug never published", async () => {
		const before = await Promise.all(LISTINGS.map(seen));
		await publishEntries([...content, scheduled(instant)], Date.now());
		const nevers = ARTICLE_PATHS(NEVER);
		for (const [i, mine] of ARTICLE_PATHS(SLUG).entries()) {
			const [a, b] = [await seen(mine), await seen(nevers[i] ?? "")];
			expect(a.status, mine).toBe(404);
			expect(a, mine).toEqual(b);
		}
		// Nothing public changed: same bytes, ETags, Last-Modified, lengths, order.
		expect(await Promise.all(LISTINGS.map(seen))).toEqual(before);
	});

	it("is absent from every feed and listing up to the last millisecond, which answer as before", async () => {
		const before = await Promise.all(LISTINGS.map(seen));
		await publishEntries([...content, scheduled(instant)], Date.now());
		setClock(instant - 1);
		for (const [i, path] of LISTINGS.entries()) {
			const last = await seen(path);
			expect(last.status, path).toBe(200);
			expect(last, path).toEqual(before[i]);
		}
		const feed = (await (await fetchPath("/feed.json")).json()) as { items: { url: string }[] };
		expect(feed.items.map((item) => item.url)).toEqual(
			articles.map((article) => url(`/articles/${article.slug}`)),
		);
		for (const path of ARTICLE_PATHS(SLUG)) {
			expect((await fetchPath(path)).status, path).toBe(404);
		}
	});
});

describe("at and after its instant", () => {
	it("is everywhere from the instant on, with new validators where documents changed", async () => {
		await publishEntries([...content, scheduled(instant)], Date.now());
		const before = await Promise.all(LISTINGS.map((path) => fetchPath(path)));
		setClock(instant);
		for (const [i, path] of LISTINGS.entries()) {
			const response = await fetchPath(path);
			expect(await response.text(), path).toContain(SLUG);
			expect(response.headers.get("ETag"), path).not.toBe(before[i]?.headers.get("ETag"));
			expect(Date.parse(response.headers.get("Last-Modified") ?? ""), path).toBe(
				Math.floor(instant / 1000) * 1000,
			);
		}
		for (const path of ARTICLE_PATHS(SLUG)) {
			expect((await fetchPath(path)).status, path).toBe(200);
		}
		advanceClock(60_000);
		expect((await fetchPath(`/articles/${SLUG}`)).status).toBe(200);
		expect(await (await fetchPath("/feed.xml")).text()).toContain(SLUG);
	});

	it("is newest in the feeds, above articles published earlier", async () => {
		await publishEntries([...content, scheduled(instant)], Date.now());
		setClock(instant + 1000);
		const feed = (await (await fetchPath("/feed.json")).json()) as { items: { url: string }[] };
		expect(feed.items[0]?.url).toBe(url(`/articles/${SLUG}`));
	});
});

describe("withdrawal and correction of a scheduled article", () => {
	it("withdrawn before its instant, it leaves no trace: 404, not 410, nothing public changes", async () => {
		await publishEntries([...content, scheduled(instant)], Date.now());
		const before = await Promise.all(LISTINGS.map(seen));
		await publishEntries(content, Date.now());
		setClock(instant + 1000);
		const gone = await seen(`/articles/${SLUG}`);
		expect(gone.status).toBe(404);
		expect(gone).toEqual(await seen(`/articles/${NEVER}`));
		expect(await Promise.all(LISTINGS.map(seen))).toEqual(before);
	});

	it("moved to another instant by a new publish, it appears then and not before", async () => {
		await publishEntries([...content, scheduled(instant)], Date.now());
		const later = instant + 3_600_000;
		await publishEntries([...content, scheduled(later)], Date.now());
		setClock(instant + 1000);
		expect((await fetchPath(`/articles/${SLUG}`)).status).toBe(404);
		setClock(later);
		expect((await fetchPath(`/articles/${SLUG}`)).status).toBe(200);
	});

	it("once public, cannot be scheduled again: the publish is refused, naming file and field", async () => {
		await publishEntries([...content, scheduled(instant)], Date.now());
		setClock(instant + 1000);
		const refused = await publishEntries(
			[...content, scheduled(instant + 86_400_000)],
			Date.now(),
		).catch((error: unknown) => String(error));
		expect(refused).toContain(
			"content/articles/gepland.ts: published: the article is already public",
		);
	});
});
