/**
 * A withdrawn article that comes back scheduled (an import, or its file restored with a future
 * instant): until that instant nothing changes, so its URLs keep answering 410 Gone, exactly as
 * before; at the instant it is public again; removed before then, the 410 stays as it was.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { importArchive, readArchive } from "../../src/commands/importArchive";
import { withdrawArticles } from "../../src/commands/withdrawArticles";
import { forgetPreparedSites } from "../../src/publish/preparedSite";
import { entry } from "../fixtures/articleInputs";
import { advanceClock, startClock } from "../support/clock";
import { fetchPath } from "../support/http";
import { emptyStore, publishEntries } from "../support/store";

const content = (await readContentFiles()).entries;
const HOUR = 3_600_000;
const PATHS = ["/articles/imp-5", "/articles/imp-5/fragment", "/articles/imp-5/embed"];

const line = (published: string) =>
	JSON.stringify({
		...(entry("x", { slug: "imp-5", headline: "Terug" }).input as object),
		published,
	});

async function importLine(published: string, now: number): Promise<void> {
	const archive = await readArchive("archief.ndjson", [line(published)], now);
	await importArchive(env.DB, "archief.ndjson", archive.articles, archive.lines, { now });
	forgetPreparedSites();
}

async function answers(): Promise<{ status: number; body: string }[]> {
	return Promise.all(
		PATHS.map(async (path) => {
			const response = await fetchPath(path);
			return { status: response.status, body: await response.text() };
		}),
	);
}

let start = 0;
beforeEach(async () => {
	await emptyStore();
	start = startClock();
	await publishEntries(content, start);
	await importLine("2024-02-01", start);
	await withdrawArticles(env.DB, ["imp-5"], { now: start });
	forgetPreparedSites();
});

describe("a withdrawn article imported again with a future instant", () => {
	it("keeps answering 410, byte for byte, until its instant, then is public", async () => {
		const gone = await answers();
		expect(gone.map((answer) => answer.status)).toEqual([410, 410, 410]);
		await importLine(new Date(start + HOUR).toISOString(), Date.now());
		advanceClock(HOUR - 1_000);
		expect(await answers()).toEqual(gone);
		advanceClock(1_000);
		expect((await answers()).map((answer) => answer.status)).toEqual([200, 200, 200]);
	});

	it("leaves the 410 as it was when it is withdrawn again before its instant", async () => {
		const gone = await answers();
		await importLine(new Date(start + HOUR).toISOString(), Date.now());
		await withdrawArticles(env.DB, ["imp-5"], { now: Date.now() });
		forgetPreparedSites();
		expect(await answers()).toEqual(gone);
		advanceClock(2 * HOUR);
		expect(await answers()).toEqual(gone);
	});
});

describe("a content file removed, then restored with a future instant", () => {
	const file = (published: string) =>
		entry("content/articles/terug.ts", { slug: "terug", headline: "Terug", published });
	const paths = ["/articles/terug", "/articles/terug/fragment"];
	const statuses = async () =>
		Promise.all(paths.map(async (path) => (await fetchPath(path)).status));

	it("keeps answering 410 until its instant, then is public", async () => {
		await publishEntries([...content, file("2024-02-01")], Date.now());
		await publishEntries(content, Date.now());
		expect(await statuses()).toEqual([410, 410]);
		await publishEntries([...content, file(new Date(start + HOUR).toISOString())], Date.now());
		advanceClock(HOUR - 1_000);
		expect(await statuses()).toEqual([410, 410]);
		advanceClock(1_000);
		expect(await statuses()).toEqual([200, 200]);
	});
});

describe("a withdrawn article imported again as public", () => {
	it("is public at once", async () => {
		await importLine("2024-03-01", Date.now());
		expect((await answers()).map((answer) => answer.status)).toEqual([200, 200, 200]);
	});
});
