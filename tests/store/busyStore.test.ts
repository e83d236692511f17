/**
 * A busy database (`npm run dev` reading the same SQLite file, D1 overloaded): a command retries
 * each D1 call with growing waits, so a publish or an import succeeds whole; when the store stays
 * unavailable, it fails with one line a person can act on, having written nothing.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { importArchive, readArchive } from "../../src/commands/importArchive";
import { publishContent } from "../../src/commands/publishContent";
import {
	STORE_ATTEMPTS,
	StoreUnavailableError,
	withStoreRetry,
} from "../../src/commands/storeRetry";
import { entry } from "../fixtures/articleInputs";
import { emptyStore } from "../support/store";

const content = (await readContentFiles()).entries;

/**
 * `db`, whose batches fail as wrangler's simulation fails them when busy, on every call for which
 * `fails(n)` (n = 1, 2, ...) is true. Every D1 call a command makes goes through a batch or a
 * statement; the batches are the ones that write.
 */
function busy(
	db: D1Database,
	fails: (n: number) => boolean,
): { db: D1Database; batches: () => number } {
	let batches = 0;
	const proxy = new Proxy(db, {
		get(target, property) {
			if (property === "batch") {
				return (statements: D1PreparedStatement[]) => {
					batches++;
					if (fails(batches)) {
						return Promise.reject(
							new Error(
								"D1_ERROR: Failed to parse body as JSON, got: Error: internal error; reference=abc\n    at D1Database._send (cloudflare-internal:d1-api:123:19)",
							),
						);
					}
					return target.batch(statements);
				};
			}
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
	return { db: proxy, batches: () => batches };
}

/** Each batch fails once, then succeeds: the snapshot, the staging and the commit alike. */
const everyFirstTry = (n: number) => n % 2 === 1;

async function slugs(): Promise<string[]> {
	const { results } = await env.DB.prepare("SELECT slug FROM articles ORDER BY slug").all<{
		slug: string;
	}>();
	return results.map((row) => row.slug);
}

beforeEach(async () => {
	await emptyStore();
});

describe("a command on a busy database", () => {
	it("publishes whole, each of its batches failing once first", async () => {
		const store = busy(env.DB, everyFirstTry);
		const extra = entry("content/articles/nieuw.ts", { slug: "nieuw" });
		const summary = await publishContent(store.db, [...content, extra], { now: Date.now() });
		expect(summary.version).toBe(summary.baseVersion + 1);
		// The snapshot and the commit, each tried twice.
		expect(store.batches()).toBe(4);
		expect(await slugs()).toEqual([
			"kabinetsberaad-over-asiel-vandaag-verder-crisis-nog-niet-afgewend",
			"nieuw",
		]);
	});

	it("imports whole, each of its batches failing once first, and leaves nothing staged", async () => {
		const lines = ["een", "twee", "drie"].map((slug) =>
			JSON.stringify({ ...(entry("x", { slug }).input as object) }),
		);
		const archive = await readArchive("archief.ndjson", lines, Date.now());
		const store = busy(env.DB, everyFirstTry);
		const summary = await importArchive(
			store.db,
			"archief.ndjson",
			archive.articles,
			archive.lines,
			{
				now: Date.now(),
			},
		);
		expect(summary.added).toBe(3);
		// The snapshot, clearing abandoned imports, staging and the commit, each tried twice.
		expect(store.batches()).toBe(8);
		expect(await slugs()).toEqual(["drie", "een", "twee"]);
		const { results } = await env.DB.prepare("SELECT count(*) AS n FROM import_staging").all<{
			n: number;
		}>();
		expect(results[0]?.n).toBe(0);
	});
});

describe("a store that stays unavailable", () => {
	it("is tried STORE_ATTEMPTS times with doubling waits, then named in one line", async () => {
		const waits: number[] = [];
		let calls = 0;
		const failure = await withStoreRetry(
			async () => {
				calls++;
				throw new Error("D1_ERROR: internal error; reference=xyz\n    at frame (file.js:1:1)");
			},
			{ doing: "committing content version 7", sleep: async (ms) => void waits.push(ms) },
		).catch((thrown: unknown) => thrown);
		expect(calls).toBe(STORE_ATTEMPTS);
		expect(waits).toHaveLength(STORE_ATTEMPTS - 1);
		waits.forEach((ms, i) => {
			const backoff = 250 * 2 ** i;
			expect(ms).toBeGreaterThanOrEqual(backoff / 2);
			expect(ms).toBeLessThanOrEqual(backoff);
		});
		expect(failure).toBeInstanceOf(StoreUnavailableError);
		const message = (failure as Error).message;
		expect(message).not.toContain("\n");
		expect(message).toBe(
			"the database did not answer while committing content version 7 (8 attempts over about 32 s; last: D1_ERROR: internal error; reference=xyz); nothing was written: run the command again, or stop what is using the database",
		);
	});
});
