/**
 * The site's real content (content/articles), published into D1 and served by the Worker, read by
 * parsers and validators this project did not write. Every document the crawl reaches is checked.
 */
import { afterAll, beforeAll, describe } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { conformanceSuite } from "./support/conformanceSuite";
import { type ConformanceStore, openConformanceStore, type Publication } from "./support/publish";

describe("the published content, read by independent clients", () => {
	let store: ConformanceStore;
	let publication: Publication;
	beforeAll(async () => {
		store = await openConformanceStore();
		publication = await store.publish((await readContentFiles()).entries);
	});
	afterAll(() => store.close());
	conformanceSuite(() => publication);
});
