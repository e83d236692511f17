/**
 * The hostile-content corpus (tests/fixtures/hostile/cases.ts), each case added the way an editor
 * adds an article, then loaded by the real load-time validation. Accepted cases go through every
 * conformance check; rejected ones must fail with a message naming the file and the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentError } from "../../src/content/contentError";
import { loadArticles } from "../../src/content/loadContent";
import { entry } from "../fixtures/articleInputs";
import { hostileCases } from "../fixtures/hostile/cases";
import { conformanceSuite } from "./support/conformanceSuite";
import { type ConformanceStore, openConformanceStore, type Publication } from "./support/publish";

const FILE = "content/articles/vijandig.ts";

function caseEntry(changes: Readonly<Record<string, unknown>>, i: number) {
	return entry(FILE, { slug: `vijandig-${i}`, ...changes });
}

it("the corpus has at least 25 cases, each with a reason", () => {
	expect(hostileCases.length).toBeGreaterThanOrEqual(25);
	for (const hostile of hostileCases) expect(hostile.why.length, hostile.name).toBeGreaterThan(10);
});

let store: ConformanceStore;
beforeAll(async () => {
	store = await openConformanceStore();
});
afterAll(() => store.close());

hostileCases.forEach((hostile, i) => {
	describe(`hostile: ${hostile.name} (${hostile.decision})`, () => {
		if (hostile.decision === "reject") {
			it("is rejected at load time with one message naming the file and the field", () => {
				let error: unknown;
				try {
					loadArticles([caseEntry(hostile.changes, i)]);
				} catch (thrown) {
					error = thrown;
				}
				expect(error).toBeInstanceOf(ContentError);
				const problems = error instanceof ContentError ? error.problems : [];
				expect(problems).toEqual([
					{ file: FILE, path: hostile.path, message: expect.stringContaining(hostile.message) },
				]);
				expect(String((error as Error).message)).toContain(`${FILE}: ${hostile.path}: `);
			});
			return;
		}
		// Published into D1 as an editor's file would be, and served by the Worker.
		let publication: Publication;
		beforeAll(async () => {
			publication = await store.publish([caseEntry(hostile.changes, i)]);
		});
		it("is accepted at load time", () => {
			expect(publication.articles).toHaveLength(1);
		});
		conformanceSuite(() => publication);
	});
});
