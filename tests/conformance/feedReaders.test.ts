/**
 * Readers see it right: feed readers written in other languages (Python's feedparser, Go's gofeed)
 * read every feed of the site before and after a correction is appended to an article's log, and
 * must find the two things a reader relies on: a corrected article is the same item (same id, same
 * link) with a newer update time, and an article that did not change keeps every date it had.
 * They also name the byline as the feeds give it: the authors, then the source.
 *
 * A reader that is not installed is skipped, naming what to install; in CI it is required.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import type { Article } from "../../src/content/articleSchema";
import type { DocumentKind } from "../../src/site/documentKind";
import {
	CORRECTED_SLUG,
	correctionCorpus,
	FIRST_CHANGE,
	NEW_CORRECTION,
} from "../fixtures/correctionCorpus";
import { expectedItem } from "./support/expectedItem";
import type { FeedFormat } from "./support/independentParsers";
import {
	type FeedReader,
	independentReaders,
	type ReaderDocument,
	type ReaderItem,
	readersRequired,
} from "./support/independentReaders";
import {
	type ConformanceStore,
	type ImageKind,
	openConformanceStore,
	type Publication,
} from "./support/publish";

const FORMATS: Partial<Record<DocumentKind | ImageKind, FeedFormat>> = {
	rss: "rss",
	atom: "atom",
	jsonFeed: "jsonFeed",
};
/** Each format's file name, for the site's feeds and every section's and author's. */
const FEED_FILE: Record<FeedFormat, string> = {
	rss: "feed.xml",
	atom: "atom.xml",
	jsonFeed: "feed.json",
};

const content = (await readContentFiles()).entries;

/** A reader's date to the second (RSS dates and feedparser keep no more), or null. */
function toSecond(date: string | null | undefined): string | null {
	if (date === null || date === undefined) return null;
	return new Date(Math.floor(Date.parse(date) / 1000) * 1000).toISOString();
}

/** Each feed a reader can read, by path, with what it read before and after the correction. */
interface FeedReading {
	readonly path: string;
	readonly format: FeedFormat;
	readonly before: ReaderDocument;
	readonly after: ReaderDocument;
}

function feedsFor(reader: FeedReader, publication: Publication): [string, FeedFormat, string][] {
	return [...publication.documents].flatMap(([path, document]) => {
		const format = FORMATS[document.kind];
		return format !== undefined && reader.formats.includes(format)
			? [[path, format, document.body] as [string, FeedFormat, string]]
			: [];
	});
}

function itemOf(
	document: ReaderDocument,
	article: Article,
	origin: string,
): ReaderItem | undefined {
	const { id } = expectedItem(origin, article);
	return document.items.find((item) => item.id === id);
}

let store: ConformanceStore | undefined;
let before: Publication;
let after: Publication;
let published: Promise<void> | undefined;
/** Publishes twice through the real publish path, once for all readers and only if one runs. */
function publishTwice(): Promise<void> {
	published ??= (async () => {
		store = await openConformanceStore();
		before = await store.publish(correctionCorpus(content, "before"));
		// The same content, but a correction appended to one article's log.
		after = await store.publish(correctionCorpus(content, "after"));
	})();
	return published;
}
afterAll(() => store?.close());

for (const reader of independentReaders) {
	const skipped = reader.missing !== undefined && !readersRequired;
	if (skipped) console.warn(`Skipping the ${reader.name} reader: ${reader.missing}`);
	const title = skipped ? `${reader.name} (skipped: ${reader.missing})` : reader.name;

	describe.skipIf(skipped)(title, () => {
		let readings: FeedReading[] = [];
		beforeAll(async () => {
			if (reader.missing !== undefined) {
				throw new Error(`CI requires the ${reader.name} reader: ${reader.missing}`);
			}
			// The reader starts (gofeed's build) while the site is published.
			const starting = reader.start();
			starting.catch(() => {});
			try {
				await publishTwice();
			} catch (error) {
				await starting.then(
					(running) => running.close(),
					() => {},
				);
				throw error;
			}
			const running = await starting;
			try {
				const feedsBefore = feedsFor(reader, before);
				const feedsAfter = new Map(feedsFor(reader, after).map(([path, , body]) => [path, body]));
				const read = await running.read([
					...feedsBefore.map(([, , body]) => body),
					...feedsBefore.map(([path]) => {
						const body = feedsAfter.get(path);
						if (body === undefined) throw new Error(`${path} is gone after the correction`);
						return body;
					}),
				]);
				readings = feedsBefore.map(([path, format], i) => ({
					path,
					format,
					before: read[i] as ReaderDocument,
					after: read[i + feedsBefore.length] as ReaderDocument,
				}));
			} finally {
				await running.close();
			}
		}, 240_000);

		const readingsOf = (format: FeedFormat) => readings.filter((r) => r.format === format);
		const article = (publication: Publication, slug: string): Article => {
			const found = publication.articles.find((a) => a.slug === slug);
			if (found === undefined) throw new Error(`${slug} was not published`);
			return found;
		};

		describe.each(reader.formats)("%s", (format) => {
			it("reads the site's feeds of this format, the main one and every section's and author's", () => {
				const file = FEED_FILE[format];
				expect(readingsOf(format).map((r) => r.path)).toEqual(
					expect.arrayContaining([
						`/${file}`,
						`/tags/test/${file}`,
						`/authors/piet-jansen/${file}`,
					]),
				);
				for (const { path, before: read } of readingsOf(format)) {
					expect(read.items.length, path).toBeGreaterThan(0);
				}
			});

			it("sees the corrected article as the same item, with the new correction's instant as its update time", () => {
				const { origin } = before.site;
				const expected = expectedItem(origin, article(after, CORRECTED_SLUG));
				const carrying = readingsOf(format).filter(({ before: read }) =>
					read.items.some((item) => item.id === expected.id),
				);
				expect(carrying.map((r) => r.path)).toEqual(
					expect.arrayContaining([`/${FEED_FILE[format]}`, `/tags/test/${FEED_FILE[format]}`]),
				);
				for (const { path, before: was, after: is } of carrying) {
					const old = itemOf(was, article(before, CORRECTED_SLUG), origin);
					const now = itemOf(is, article(after, CORRECTED_SLUG), origin);
					// The same item: its id and link as before, and no other item with its link.
					expect(now, `${path}: no item has the id it had before the correction`).toBeDefined();
					expect([now?.id, now?.link], path).toEqual([expected.id, expected.link]);
					expect([now?.id, now?.link], path).toEqual([old?.id, old?.link]);
					expect(is.items.filter((item) => item.link === expected.link).length, path).toBe(1);
					expect(is.items.length, path).toBe(was.items.length);
					// Its publication stays (RSS pubDate, Atom published, JSON Feed date_published).
					expect(now?.published, path).toBe(old?.published);
					expect(toSecond(now?.published), path).toBe(toSecond(expected.published));
					if (format === "rss") {
						// RSS 2.0 has no update element: readers see none, and pubDate stays publication.
						expect([old?.updated, now?.updated], path).toEqual([null, null]);
					} else {
						// Atom <updated>, JSON Feed date_modified: the new log entry's instant, newer.
						expect(toSecond(old?.updated), path).toBe(toSecond(FIRST_CHANGE.at));
						expect(toSecond(now?.updated), path).toBe(toSecond(NEW_CORRECTION.at));
						expect(Date.parse(now?.updated ?? ""), path).toBeGreaterThan(
							Date.parse(old?.updated ?? ""),
						);
					}
				}
			});

			it("sees every article that did not change with every date it had", () => {
				const { origin } = before.site;
				const untouched = after.articles.filter((a) => a.slug !== CORRECTED_SLUG);
				const checked = new Set<string>();
				for (const { path, before: was, after: is } of readingsOf(format)) {
					for (const a of untouched) {
						const old = itemOf(was, a, origin);
						if (old === undefined) continue;
						checked.add(a.slug);
						// Everything the reader shows of it is as it was.
						expect(itemOf(is, a, origin), `${path} ${a.slug}`).toEqual(old);
						// And those dates are the content's.
						const expected = expectedItem(origin, a);
						// No log: its update time is its own `updated`, else its publication.
						expect(a.changes, a.slug).toEqual([]);
						const lastUpdate = (a.updated ?? a.published).instant.toISOString();
						expect([toSecond(old.published), toSecond(old.updated)], `${path} ${a.slug}`).toEqual([
							toSecond(expected.published),
							format === "rss" ? null : toSecond(lastUpdate),
						]);
					}
				}
				// The article with a byline and an update time, and the site's own content: every one read.
				expect([...checked].sort()).toEqual(untouched.map((a) => a.slug).sort());
			});

			it("names the byline: each author, then the source", () => {
				const { origin } = after.site;
				const checked = new Set<string>();
				for (const { path, before: was, after: is } of readingsOf(format)) {
					for (const read of [was, is]) {
						for (const a of after.articles) {
							const item = itemOf(read, a, origin);
							if (item === undefined) continue;
							checked.add(a.slug);
							expect(item.authors, `${path} ${a.slug}`).toEqual([
								...a.authors.map((author) => author.name),
								a.source.name,
							]);
						}
					}
				}
				expect([...checked].sort()).toEqual(after.articles.map((a) => a.slug).sort());
			});
		});
	});
}
