/**
 * Limits no newsroom meets and every attack does (src/content/limits.ts, docs/formats.md):
 * an article that passes one is refused, naming file, field and the limit, before it can cost
 * memory, time or thousands of sections; what a problem quotes from input is escaped and cut.
 */
import { describe, expect, it } from "vitest";
import { type ArchiveLine, archiveLines } from "../src/commands/archiveLines";
import { readArchive } from "../src/commands/importArchive";
import { ContentError } from "../src/content/contentError";
import { LIMITS } from "../src/content/limits";
import { loadArticles } from "../src/content/loadContent";
import { entry, validInput } from "./fixtures/articleInputs";

const FILE = "content/articles/x.ts";

function problemsOf(changes: Record<string, unknown>): string[] {
	try {
		loadArticles([entry(FILE, changes)]);
	} catch (error) {
		if (error instanceof ContentError) return error.problems.map((p) => `${p.path}: ${p.message}`);
		throw error;
	}
	return [];
}

const paragraph = (text: string) => ({ type: "paragraph", text });
const tags = (count: number) => Array.from({ length: count }, (_, i) => `onderwerp ${i}`);

describe("an article at its limits is published", () => {
	it.each([
		["20 tags", { tags: tags(LIMITS.tags) }],
		["500 blocks", { body: Array.from({ length: LIMITS.blocks }, () => paragraph("Alinea.")) }],
		["a paragraph of 20,000 characters", { body: [paragraph("a".repeat(LIMITS.paragraph))] }],
		["a summary of 1,000 characters", { summary: "s".repeat(LIMITS.summary) }],
		["a headline of 300 characters", { headline: "h".repeat(LIMITS.headline) }],
	])("with %s", (_, changes) => {
		expect(problemsOf(changes)).toEqual([]);
	});
});

describe("an article past a limit is refused, naming the field and the limit", () => {
	it("21 tags", () => {
		expect(problemsOf({ tags: tags(LIMITS.tags + 1) })).toEqual([
			"tags: has 21 tags; an article has at most 20",
		]);
	});

	it("20,000 tags, without looking at each", () => {
		expect(problemsOf({ tags: tags(20_000) })).toEqual([
			"tags: has 20000 tags; an article has at most 20",
		]);
	});

	it("a tag of 41 characters", () => {
		expect(problemsOf({ tags: ["a".repeat(LIMITS.tag + 1)] })).toEqual([
			`tags[0]: expected 1-40 letters, digits, spaces or hyphens, got "${"a".repeat(41)}"`,
		]);
	});

	it("501 blocks", () => {
		const body = Array.from({ length: LIMITS.blocks + 1 }, () => paragraph("Alinea."));
		expect(problemsOf({ body })).toEqual(["body: has 501 blocks; a body has at most 500"]);
	});

	it("a paragraph of 50 MB, by its length alone", () => {
		const huge = "a".repeat(50_000_000);
		expect(problemsOf({ body: [paragraph(huge)] })).toEqual([
			"body[0].text: must be at most 20000 characters, got 50000000",
		]);
	});

	it("a heading of 301 characters", () => {
		const body = [{ type: "heading", text: "k".repeat(301) }, paragraph("Alinea.")];
		expect(problemsOf({ body })).toEqual(["body[0].text: must be at most 300 characters, got 301"]);
	});

	it("a summary of 1,001 characters", () => {
		expect(problemsOf({ summary: "s".repeat(1_001) })).toEqual([
			"summary: must be at most 1000 characters, got 1001",
		]);
	});

	it("a body of more than 200,000 characters in all", () => {
		const body = Array.from({ length: 11 }, () => paragraph("b".repeat(19_000)));
		expect(problemsOf({ body })).toEqual([
			"body: holds 209000 characters with the summary; an article has at most 200000",
		]);
	});

	it("counts characters, not UTF-16 units: 20,000 emoji fit a paragraph", () => {
		expect(problemsOf({ body: [paragraph("😀".repeat(LIMITS.paragraph))] })).toEqual([]);
		expect(problemsOf({ body: [paragraph("😀".repeat(LIMITS.paragraph + 1))] })).toEqual([
			"body[0].text: must be at most 20000 characters, got 20001",
		]);
	});
});

describe("what a problem quotes from input", () => {
	it("cuts a long value with an ellipsis", () => {
		const [problem = ""] = problemsOf({ slug: "x".repeat(20_000_000) });
		expect(problem).toBe(
			`slug: expected lower-case letters, digits and single hyphens (at most 120), got "${"x".repeat(80)}…"`,
		);
	});

	it("escapes control characters in keys and values", () => {
		const problems = problemsOf({ "\u001b[2J\u001b[31mEVIL": 1, slug: "\u001b[31mrood" });
		expect(problems.join("\n")).not.toContain("\u001b");
		expect(problems).toContain(
			'["\\u001b[2J\\u001b[31mEVIL"]: unknown field; expected one of slug, headline, published, updated, language, source, summary, tags, authors, body, image, changes',
		);
	});
});

async function* chunksOf(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
	for (const part of parts) yield typeof part === "string" ? new TextEncoder().encode(part) : part;
}

async function linesOf(chunks: AsyncIterable<Uint8Array>, max?: number): Promise<ArchiveLine[]> {
	const lines: ArchiveLine[] = [];
	for await (const line of archiveLines(chunks, max)) lines.push(line);
	return lines;
}

describe("the lines of an archive", () => {
	it("splits at LF across chunks, drops a CR before it, keeps a last line without LF", async () => {
		expect(await linesOf(chunksOf("een\r\ntw", "ee\n", "\ndrie"))).toEqual([
			"een",
			"twee",
			"",
			"drie",
		]);
	});

	it("decodes a character split across two chunks", async () => {
		const euro = new TextEncoder().encode("€\n");
		expect(await linesOf(chunksOf(euro.subarray(0, 1), euro.subarray(1)))).toEqual(["€"]);
	});

	it("reports a line over the bound without keeping it, and reads on", async () => {
		const lines = await linesOf(chunksOf("kort\n", "x".repeat(60), "x".repeat(60), "\nna\n"), 100);
		expect(lines).toEqual(["kort", { oversized: true, bytes: 120, limit: 100 }, "na"]);
	});

	it("is refused by the import, naming the line", async () => {
		const good = JSON.stringify(validInput);
		const long = `{"slug": "${"x".repeat(2_000)}"}`;
		const lines = chunksOf(`${good}\n`, `${long}\n`);
		const error = await readArchive("archief.ndjson", archiveLines(lines, 1_000), Date.now()).catch(
			(thrown: unknown) => thrown,
		);
		expect(error).toBeInstanceOf(ContentError);
		expect((error as ContentError).problems).toEqual([
			{
				file: "archief.ndjson:2",
				path: "(line)",
				message: expect.stringMatching(/^is 2,012 bytes long; an article's line is at most 1,000 /),
			},
		]);
	});
});
