/**
 * Every problem an import reports names its line: those the validator finds in the line itself,
 * and those found against the store (a slug a content file owns, a tag that would take another
 * tag's URL).
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { importArchive, readArchive } from "../../src/commands/importArchive";
import { ContentError } from "../../src/content/contentError";
import { entry } from "../fixtures/articleInputs";
import { seedArticle } from "../support/site";
import { emptyStore, publishEntries } from "../support/store";

const content = (await readContentFiles()).entries;

const line = (changes: Record<string, unknown>) =>
	JSON.stringify({ ...(entry("x").input as object), ...changes });

async function problemsOf(lines: readonly string[]): Promise<string[]> {
	const now = Date.now();
	try {
		const archive = await readArchive("archief.ndjson", lines, now);
		await importArchive(env.DB, "archief.ndjson", archive.articles, archive.lines, { now });
	} catch (error) {
		if (error instanceof ContentError) return error.problems.map((p) => `${p.file}: ${p.path}`);
		throw error;
	}
	return [];
}

beforeEach(async () => {
	await emptyStore();
	await publishEntries(content);
});

describe("an import's problems found against the store", () => {
	it("name the line of a slug that a content file owns", async () => {
		const problems = await problemsOf([
			line({ slug: "eerste", headline: "Eerste" }),
			line({ slug: seedArticle.slug, headline: "Overschreven" }),
		]);
		expect(problems).toEqual(["archief.ndjson:2: slug"]);
	});

	it("name the line of a tag that would take another tag's URL", async () => {
		// The seed's section "kabinet-Rutte IV" holds /tags/kabinet-rutte-iv.
		const problems = await problemsOf([
			line({ slug: "eerste", headline: "Eerste" }),
			line({ slug: "tweede", headline: "Tweede" }),
			line({ slug: "derde", headline: "Derde", tags: ["kabinet Rutte IV"] }),
		]);
		expect(problems).toEqual(["archief.ndjson:3: tags[0]"]);
	});
});
