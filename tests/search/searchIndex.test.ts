/**
 * What the search index holds (migrations/0008, src/store/searchIndex.ts): every public article,
 * from the batch that makes it public; nothing else, ever. A scheduled article's words change no
 * answer, count or page before its instant, are found from that instant on (a search indexes a
 * release the cron has not reached yet), and leave no trace when it is removed unreleased. A
 * withdrawn article is not found. (A rebuild from the articles alone: searchRebuild.test.ts.)
 */
import {
	createExecutionContext,
	createScheduledController,
	waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { importArchive, readArchive } from "../../src/commands/importArchive";
import { withdrawArticles } from "../../src/commands/withdrawArticles";
import worker from "../../src/index";
import { forgetPreparedSites } from "../../src/publish/preparedSite";
import { readContentState } from "../../src/store/contentState";
import { validInput } from "../fixtures/articleInputs";
import { article, everyField, paragraph } from "../fixtures/searchArticles";
import { setClock, startClock } from "../support/clock";
import { fetchPath } from "../support/http";
import { found, searchFor, searchPath, seen } from "../support/search";
import { emptyStore, publishEntries } from "../support/store";

const content = (await readContentFiles()).entries;

beforeEach(async () => {
	await emptyStore();
	startClock();
	await publishEntries(content);
});

describe("a published article", () => {
	it("is found by a word of its headline, summary, body, headings, captions, tags and authors", async () => {
		await publishEntries([...content, everyField]);
		for (const word of [
			"windmolenpark",
			"zonneweide",
			"getijdenpark",
			"dijkversterking",
			"zeesluis",
			"energietransitie",
			"hoogstraten",
		]) {
			expect(await found(word), word).toEqual(["elk-veld"]);
		}
	});

	it("is found whatever the case and diacritics: België finds belgie, coöperatie cooperatie", async () => {
		await publishEntries([
			...content,
			article("met-accenten", { body: [paragraph("De coöperatie in België groeit.")] }),
			article("zonder-accenten", { body: [paragraph("De cooperatie in belgie groeit.")] }),
		]);
		const both = ["met-accenten", "zonder-accenten"];
		for (const word of ["België", "belgie", "BELGIE", "coöperatie", "Cooperatie", "coöpératie"]) {
			expect((await found(word)).sort(), word).toEqual(both);
		}
	});

	it("is found by its new words once changed, and no longer by the words it lost", async () => {
		await publishEntries([
			...content,
			article("wijzigt", { body: [paragraph("Over de zandmotor.")] }),
		]);
		expect(await found("zandmotor")).toEqual(["wijzigt"]);
		await publishEntries([
			...content,
			article("wijzigt", { body: [paragraph("Over de stormvloedkering.")] }),
		]);
		expect(await found("zandmotor")).toEqual([]);
		expect(await found("stormvloedkering")).toEqual(["wijzigt"]);
	});

	it("is not found once withdrawn, whether a content file was removed or an import withdrawn", async () => {
		await publishEntries([
			...content,
			article("verdwijnt", { body: [paragraph("Over de zandmotor.")] }),
		]);
		const line = JSON.stringify({
			...validInput,
			slug: "uit-archief",
			body: [paragraph("De zandmotor groeit.")],
		});
		const archive = await readArchive("a.ndjson", [line], Date.now());
		await importArchive(env.DB, "a.ndjson", archive.articles, archive.lines, { now: Date.now() });
		forgetPreparedSites();
		expect((await found("zandmotor")).sort()).toEqual(["uit-archief", "verdwijnt"]);

		await publishEntries(content);
		expect(await found("zandmotor")).toEqual(["uit-archief"]);
		await withdrawArticles(env.DB, ["uit-archief"], { now: Date.now() });
		forgetPreparedSites();
		expect(await found("zandmotor")).toEqual([]);
		expect(await (await fetchPath(searchPath("zandmotor", {}, "page"))).text()).not.toContain(
			"uit-archief",
		);
	});

	it("imported again with other text, is found by its new words only", async () => {
		const line = (text: string) =>
			JSON.stringify({ ...validInput, slug: "archief", body: [paragraph(text)] });
		for (const text of ["Over de zandmotor.", "Over de stormvloedkering."]) {
			const archive = await readArchive("a.ndjson", [line(text)], Date.now());
			await importArchive(env.DB, "a.ndjson", archive.articles, archive.lines, { now: Date.now() });
		}
		forgetPreparedSites();
		expect(await found("zandmotor")).toEqual([]);
		expect(await found("stormvloedkering")).toEqual(["archief"]);
	});
});

describe("a scheduled article", () => {
	let instant = 0;
	const SHARED = "getijdenstroom";
	/** Two public articles that share a word with the scheduled one, and rank by its rarity. */
	const publicOnes = [
		article("publiek-een", {
			body: [paragraph(`Een ${SHARED} bij de dijk, een ${SHARED} bij de dam.`)],
		}),
		article("publiek-twee", { body: [paragraph(`Een ${SHARED} en een zandplaat bij de kust.`)] }),
	];
	const scheduled = (at: number) =>
		article("gepland", {
			published: new Date(at).toISOString(),
			headline: `Geheim ${SHARED}`,
			body: [paragraph(`Het woord vlotbrugmeester staat alleen hier, met ${SHARED} en zandplaat.`)],
		});
	const QUERIES = [
		searchPath("vlotbrugmeester"),
		searchPath(SHARED),
		searchPath(`${SHARED} zandplaat`),
		searchPath(SHARED, {}, "page"),
		searchPath("vlotbrugmeester", {}, "page"),
	];

	beforeEach(async () => {
		instant = Date.now() + 90_000;
		await publishEntries([...content, ...publicOnes]);
	});

	it("changes no answer before its instant: every search, count and order as before, byte for byte", async () => {
		const before = await Promise.all(QUERIES.map(seen));
		await publishEntries([...content, ...publicOnes, scheduled(instant)]);
		setClock(instant - 1);
		expect(await Promise.all(QUERIES.map(seen))).toEqual(before);
		// Not even a cron tick just before the instant indexes it.
		await cronTick();
		forgetPreparedSites();
		expect(await Promise.all(QUERIES.map(seen))).toEqual(before);
	});

	it("is found from its instant on, by a search that comes before any cron tick", async () => {
		await publishEntries([...content, ...publicOnes, scheduled(instant)]);
		expect(await found("vlotbrugmeester")).toEqual([]);
		setClock(instant);
		expect(await found("vlotbrugmeester")).toEqual(["gepland"]);
		expect((await searchFor(SHARED)).total).toBe(3);
	});

	it("is indexed by the cron at its instant, with nobody searching", async () => {
		await publishEntries([...content, ...publicOnes, scheduled(instant)]);
		expect((await readContentState(env.DB, instant)).searchQueuedAt).toBe(instant);
		setClock(instant);
		await cronTick();
		expect((await readContentState(env.DB, instant)).searchQueuedAt).toBeUndefined();
		expect(await found("vlotbrugmeester")).toEqual(["gepland"]);
	});

	it("is not served from an answer an isolate kept before its instant", async () => {
		await publishEntries([...content, ...publicOnes, scheduled(instant)]);
		const kept = await searchFor(SHARED);
		setClock(instant);
		// The same isolate, no publish in between: only the clock moved.
		const after = await searchFor(SHARED);
		expect(after.total).toBe(kept.total + 1);
	});

	it("removed before its instant, leaves no trace in any answer", async () => {
		const before = await Promise.all(QUERIES.map(seen));
		await publishEntries([...content, ...publicOnes, scheduled(instant)]);
		await publishEntries([...content, ...publicOnes]);
		setClock(instant + 1_000);
		await cronTick();
		forgetPreparedSites();
		expect(await Promise.all(QUERIES.map(seen))).toEqual(before);
	});
});

/** One run of the Worker's Cron Trigger at the current (driven) time. */
async function cronTick(): Promise<void> {
	const ctx = createExecutionContext();
	worker.scheduled(
		createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }),
		env,
		ctx,
	);
	await waitOnExecutionContext(ctx);
}
