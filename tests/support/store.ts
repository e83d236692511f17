/**
 * The test file's D1 store, driven through the real publish library: publish a set of content
 * files, read a document the way the Worker prepares it, and (for failure tests) damage a row.
 */
import { env } from "cloudflare:workers";
import siteInput from "../../content/site";
import { type PublishSummary, publishContent } from "../../src/commands/publishContent";
import type { ContentEntry } from "../../src/content/articleSchema";
import { documentRequest } from "../../src/publish/documentPaths";
import { forgetPreparedSites, PreparedSite } from "../../src/publish/preparedSite";
import { resolveSite } from "../../src/site/resolveSite";
import type { SiteInput } from "../../src/site/siteSchema";

/**
 * Publishes `entries` as the whole of content/ (an article not among them is withdrawn), then
 * forgets every prepared site, as if the isolates' freshness interval had passed.
 */
export async function publishEntries(
	entries: readonly ContentEntry[],
	now = Date.now(),
): Promise<PublishSummary> {
	const summary = await publishContent(env.DB, entries, { now });
	forgetPreparedSites();
	return summary;
}

/** A prepared site on the test store with other settings than content/site.ts (smaller feeds). */
export function siteWith(settings: Partial<SiteInput>): PreparedSite {
	const site = resolveSite({ ...siteInput, ...settings }, env);
	return new PreparedSite(site, env.DB, { id: undefined, at: 0 });
}

/** The body `site` serves at `path`, or undefined when it answers 404 or 410. */
export async function bodyAt(
	site: PreparedSite,
	path: string,
	now = Date.now(),
): Promise<string | undefined> {
	const request = documentRequest(path);
	if (request === undefined) return undefined;
	const answer = await site.document(path, request, now);
	return answer.status === 200 ? new TextDecoder().decode(answer.response.body) : undefined;
}

/** Runs raw SQL on the test store: for tests that damage a row to see how the Worker copes. */
export function damageStore(sql: string, ...values: unknown[]): Promise<D1Result> {
	return env.DB.prepare(sql)
		.bind(...values)
		.run();
}

/** Statements that empty every table of the store. */
function emptyingStatements(): D1PreparedStatement[] {
	return [
		...[
			"articles",
			"withdrawn",
			"versions",
			"import_staging",
			"collections",
			"collection_members",
			"collections_to_renumber",
			"websub_releases",
			"websub_pending",
			"search_documents",
			"search_pending",
			"search_rebuild_documents",
		].map((table) => env.DB.prepare(`DELETE FROM ${table}`)),
		// The search index's FTS5 tables empty with FTS5's own command.
		...["search_archive", "search_recent", "search_rebuild_archive", "search_rebuild_recent"].map(
			(table) => env.DB.prepare(`INSERT INTO ${table} (${table}) VALUES ('delete-all')`),
		),
	];
}

/**
 * Empties every table, as a database that has only had its migrations applied, except that the
 * version numbers go on: the edge cache (the real Cache API, which outlives this) keys answers by
 * content version, and a restarted count would meet another test's copies under the same key.
 */
export async function emptyStore(): Promise<void> {
	const last = await env.DB.prepare(
		"SELECT coalesce(max(id), 0) AS id FROM versions",
	).first<number>("id");
	await env.DB.batch([
		...emptyingStatements(),
		// At time 0, so it moves neither the next version's time nor any Last-Modified.
		env.DB.prepare(
			"INSERT INTO versions (id, created_at, public_changed_at, command, added, changed, withdrawn) VALUES (?1, 0, 0, 'emptied', 0, 0, 0)",
		).bind(last ?? 0),
	]);
	forgetPreparedSites();
}

/**
 * Empties every table, versions too: a database that has only had its migrations applied, as a
 * restore wants it. (A test that serves documents after this restores the versions it had.)
 */
export async function wipeStore(): Promise<void> {
	await env.DB.batch(emptyingStatements());
	forgetPreparedSites();
}
