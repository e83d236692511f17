/**
 * A section's name is the spelling of its oldest article (docs/syndication.md, "Sections"), read
 * from public articles only: a scheduled article's spelling of a tag changes nothing public before
 * its instant (no body, ETag or Last-Modified of the section's page and feeds), and removing it
 * before then leaves no trace in the store.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import type { ContentEntry } from "../../src/content/articleSchema";
import { entry } from "../fixtures/articleInputs";
import { advanceClock, startClock } from "../support/clock";
import { fetchPath } from "../support/http";
import { emptyStore, publishEntries } from "../support/store";

const content = (await readContentFiles()).entries;
const SECTION_PATHS = [
	"/tags/asiel",
	"/tags/asiel/feed.xml",
	"/tags/asiel/atom.xml",
	"/tags/asiel/feed.json",
];
const HOUR = 3_600_000;

const scheduled = (slug: string, tags: readonly string[], at: number): ContentEntry =>
	entry(`content/articles/${slug}.ts`, {
		slug,
		headline: `Gepland ${slug}`,
		published: new Date(at).toISOString(),
		tags,
	});

/** Everything a client can see of each path: status, validators and body. */
async function seen(paths: readonly string[]) {
	return Promise.all(
		paths.map(async (path) => {
			const response = await fetchPath(path);
			return {
				path,
				status: response.status,
				etag: response.headers.get("ETag"),
				lastModified: response.headers.get("Last-Modified"),
				body: await response.text(),
			};
		}),
	);
}

async function storedTags(): Promise<{ slug: string; name: string }[]> {
	const { results } = await env.DB.prepare(
		"SELECT segment AS slug, name FROM collections WHERE kind = 'tag' ORDER BY segment",
	).all<{
		slug: string;
		name: string;
	}>();
	return results;
}

let start = 0;
beforeEach(async () => {
	await emptyStore();
	start = startClock();
	// The seed is the section's only article, tagged "asiel".
	await publishEntries(content, start);
});

describe("a scheduled article's spelling of an existing section", () => {
	it("changes nothing public before its instant: page and feeds keep body, ETag and Last-Modified", async () => {
		const before = await seen(SECTION_PATHS);
		expect(before.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
		advanceClock(5_000);
		await publishEntries([...content, scheduled("later", ["ASIEL"], start + HOUR)], Date.now());
		advanceClock(HOUR - 10_000);
		const after = await seen(SECTION_PATHS);
		expect(after).toEqual(before);
		expect(after.map((answer) => answer.body).join("")).not.toContain("ASIEL");
	});

	it("leaves no trace when it is removed before its instant", async () => {
		const tagsBefore = await storedTags();
		const before = await seen(SECTION_PATHS);
		await publishEntries([...content, scheduled("later", ["ASIEL"], start + HOUR)], start + 1_000);
		await publishEntries(content, start + 2_000);
		expect(await storedTags()).toEqual(tagsBefore);
		const { results } = await env.DB.prepare(
			"SELECT segment FROM collection_members WHERE article = 'later'",
		).all();
		expect(results).toEqual([]);
		expect(await seen(SECTION_PATHS)).toEqual(before);
	});

	it("joins the section at its instant, which keeps the name of its oldest article", async () => {
		await publishEntries([...content, scheduled("later", ["ASIEL"], start + HOUR)], start + 1_000);
		advanceClock(HOUR);
		const page = await (await fetchPath("/tags/asiel")).text();
		expect(page).toContain("Gepland later");
		expect(page).toContain("<h1");
		expect(page).not.toContain("ASIEL");
	});
});

describe("a section that only a scheduled article opens", () => {
	it("answers 404 until the instant, then 200 under the article's spelling", async () => {
		await publishEntries(
			[...content, scheduled("later", ["Nieuw Onderwerp"], start + HOUR)],
			start,
		);
		expect((await fetchPath("/tags/nieuw-onderwerp")).status).toBe(404);
		advanceClock(HOUR);
		const response = await fetchPath("/tags/nieuw-onderwerp");
		expect(response.status).toBe(200);
		expect(await response.text()).toContain("Nieuw Onderwerp");
	});

	it("is gone from the store when the article is removed before its instant", async () => {
		const tagsBefore = await storedTags();
		await publishEntries(
			[...content, scheduled("later", ["Nieuw Onderwerp"], start + HOUR)],
			start,
		);
		expect((await storedTags()).map((tag) => tag.slug)).toContain("nieuw-onderwerp");
		await publishEntries(content, start + 1_000);
		expect(await storedTags()).toEqual(tagsBefore);
	});
});
