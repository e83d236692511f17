/**
 * The writes of one publish, import or withdrawal, as one D1 batch: D1 runs a batch as a single
 * transaction, so it applies whole or not at all. Its first statement inserts the next content
 * version (the snapshot's version + 1): if another command committed since the snapshot was read,
 * that id exists, the insert fails, and the whole batch rolls back with nothing written. The search
 * index changes in the same batch (searchIndex.ts): what is written is searchable from the moment
 * it is public, and nothing else is.
 */

import type { CollectionKind } from "../content/collections";
import { chunked, MAX_BOUND_PARAMETERS, placeholders } from "./boundParameters";
import {
	forgetStagedStatements,
	forgetStatements,
	indexDueStatements,
	queueStagedStatement,
	queueStatement,
} from "./searchIndex";
import { listStatement, prepare, statement } from "./statements";

/** One article to write: its stored document and the columns derived from it. */
export interface ArticleWrite {
	readonly slug: string;
	readonly origin: string;
	/** Where a problem with it is reported: its file, or its archive and line (`a.ndjson:17`). */
	readonly file: string;
	readonly document: string;
	readonly contentHash: string;
	readonly publishedAt: number;
	/** The collections it is in (its sections, its authors' pages), in the article's order. */
	readonly members: readonly MemberWrite[];
}

/** One collection an article is in, as that article spells and describes it. */
export interface MemberWrite {
	readonly kind: CollectionKind;
	readonly segment: string;
	readonly name: string;
	/** An author's own page and fediverse handle, as the article gives them. */
	readonly url?: string;
	readonly handle?: string;
}

export interface Withdrawal {
	readonly slug: string;
	/** Public articles leave a 410 behind; a scheduled one leaves no trace. */
	readonly wasPublic: boolean;
}

/** What a command changes, decided against a snapshot (src/commands/planPublish.ts). */
export interface PublishPlan {
	readonly command: "publish" | "import" | "withdraw";
	/** The snapshot's version: the plan commits as `baseVersion + 1` or not at all. */
	readonly baseVersion: number;
	/** The command's clock (ms): the batch indexes every queued article published by then. */
	readonly now: number;
	readonly added: readonly ArticleWrite[];
	readonly changed: readonly ArticleWrite[];
	readonly withdrawn: readonly Withdrawal[];
	/** Whether anything the public can see now changes (else listings keep their Last-Modified). */
	readonly publicChange: boolean;
	/**
	 * Set when every added article sorts after every stored one and nothing moves or leaves: the
	 * added articles then take positions `appendAfter + 1...` in order, and nothing is renumbered.
	 */
	readonly appendAfter: number | undefined;
	/**
	 * An import's id: its `added` and `changed` rows were staged (stageImportStatements) and are
	 * moved into `articles` by one statement instead of one upsert each.
	 */
	readonly importId?: string;
}

// Each version is in a later second than the one before, so Last-Modified (whole seconds) moves
// with every version even when two commands run within one second.
const VERSION = statement(
	"version",
	"command",
	`INSERT INTO versions (id, created_at, public_changed_at, command, added, changed, withdrawn)
	SELECT ?1, clock.at, CASE WHEN ?2 THEN clock.at ELSE coalesce(previous.public_changed_at, clock.at) END,
		?3, ?4, ?5, ?6
	FROM (SELECT max(CAST(unixepoch('subsec') * 1000 AS INTEGER),
		coalesce((SELECT (max(created_at) / 1000 + 1) * 1000 FROM versions), 0)) AS at) AS clock
	LEFT JOIN versions AS previous ON previous.id = ?1 - 1`,
);

const VERSION_TIME = "(SELECT created_at FROM versions WHERE id = ?6)";

const UPSERT = statement(
	"upsert",
	"command",
	`INSERT INTO articles (slug, origin, document, content_hash, published_at, revised_at, position)
	VALUES (?1, ?2, ?3, ?4, ?5, ${VERSION_TIME}, ?7)
	ON CONFLICT (slug) DO UPDATE SET origin = excluded.origin, document = excluded.document,
		content_hash = excluded.content_hash, published_at = excluded.published_at,
		revised_at = excluded.revised_at`,
);

// An article that comes back public ends its 410. One that comes back scheduled leaves the 410 in
// place until its instant (the lookup prefers a public row), so nothing changes before then and a
// removal before then leaves the 410 as it was.
const UNWITHDRAW = statement(
	"unwithdraw",
	"command",
	`DELETE FROM withdrawn WHERE slug = ?1
	AND (SELECT published_at FROM articles WHERE slug = ?1) <= (SELECT created_at FROM versions WHERE id = ?2)`,
);
const DELETE = statement("deleteArticle", "command", "DELETE FROM articles WHERE slug = ?1");
const WITHDRAW = statement(
	"withdraw",
	"command",
	// Before the article's row goes: its 410 page names the headline it had (migrations/0007).
	`INSERT INTO withdrawn (slug, withdrawn_at, headline)
	VALUES (?1, (SELECT created_at FROM versions WHERE id = ?2),
		(SELECT json_extract(document, '$.headline') FROM articles WHERE slug = ?1))
	ON CONFLICT (slug) DO UPDATE SET withdrawn_at = excluded.withdrawn_at,
		headline = excluded.headline`,
);

/** Positions 1..n in (published_at, slug) order, writing only the rows whose position changes. */
const RENUMBER = statement(
	"renumber",
	"command",
	`UPDATE articles SET position = ranked.n
	FROM (SELECT slug, row_number() OVER (ORDER BY published_at, slug) AS n FROM articles) AS ranked
	WHERE articles.slug = ranked.slug AND articles.position != ranked.n`,
	{
		fullScan:
			"positions are renumbered only when a publish inserts before the newest article, moves one or withdraws one; appends never run it",
	},
);

// Collections (migrations/0006: sections by tag, authors' pages): an article's memberships are
// replaced whole; the collections it leaves or joins are renumbered and renamed at the end of the
// batch, unless the article is appended (newest in each). A collection's stored name is the
// spelling of its oldest article: an appended article, public or scheduled, never changes it, and
// a collection that loses or gains an older article is renamed from what it holds then, so a
// scheduled article removed before its instant leaves no trace.
const NOTE_OLD_MEMBERSHIPS = statement(
	"noteOldMemberships",
	"command",
	`INSERT INTO collections_to_renumber (kind, segment)
	SELECT kind, segment FROM collection_members WHERE article = ?1 ON CONFLICT DO NOTHING`,
);
const CLEAR_MEMBERSHIPS = statement(
	"clearMemberships",
	"command",
	"DELETE FROM collection_members WHERE article = ?1",
);
const NEW_COLLECTION = statement(
	"newCollection",
	"command",
	`INSERT INTO collections (kind, segment, name) VALUES (?1, ?2, ?3)
	ON CONFLICT (kind, segment) DO NOTHING`,
);
const APPEND_MEMBER = statement(
	"appendMember",
	"command",
	`INSERT INTO collection_members (kind, segment, article, published_at, name, url, handle, position)
	VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT coalesce(max(position), 0) + 1
		FROM collection_members WHERE kind = ?1 AND segment = ?2))`,
);
const INSERT_MEMBER = statement(
	"insertMember",
	"command",
	`INSERT INTO collection_members (kind, segment, article, published_at, name, url, handle, position)
	VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0)`,
);
const NOTE_COLLECTION = statement(
	"noteCollection",
	"command",
	"INSERT INTO collections_to_renumber (kind, segment) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
);
/** Positions 1..n per noted collection, writing only the rows whose position changes. */
const RENUMBER_COLLECTIONS = statement(
	"renumberCollections",
	"command",
	`UPDATE collection_members SET position = ranked.n
	FROM (SELECT kind, segment, article,
			row_number() OVER (PARTITION BY kind, segment ORDER BY published_at, article) AS n
		FROM collection_members
		WHERE (kind, segment) IN (SELECT kind, segment FROM collections_to_renumber)) AS ranked
	WHERE collection_members.kind = ranked.kind AND collection_members.segment = ranked.segment
		AND collection_members.article = ranked.article AND collection_members.position != ranked.n`,
);
/** Each noted collection is named by the spelling of its oldest article. */
const RENAME_COLLECTIONS = statement(
	"renameCollections",
	"command",
	`UPDATE collections SET name = (SELECT m.name FROM collection_members AS m
			WHERE m.kind = collections.kind AND m.segment = collections.segment
			ORDER BY m.published_at, m.article LIMIT 1)
	WHERE (kind, segment) IN (SELECT kind, segment FROM collections_to_renumber)
		AND EXISTS (SELECT 1 FROM collection_members AS m
			WHERE m.kind = collections.kind AND m.segment = collections.segment)`,
);
/** Collections left without any article disappear (their spelling no longer holds the URL). */
const FORGET_EMPTY_COLLECTIONS = statement(
	"forgetEmptyCollections",
	"command",
	`DELETE FROM collections
	WHERE (kind, segment) IN (SELECT kind, segment FROM collections_to_renumber)
		AND NOT EXISTS (SELECT 1 FROM collection_members AS m
			WHERE m.kind = collections.kind AND m.segment = collections.segment)`,
);
// The batch's own list of collections to renumber, emptied at its end (SQLite truncates it).
const CLEAR_RENUMBER = statement("clearRenumber", "command", "DELETE FROM collections_to_renumber");

const PROMOTE = statement(
	"promoteImport",
	"command",
	`INSERT INTO articles (slug, origin, document, content_hash, published_at, revised_at, position)
	SELECT slug, origin, document, content_hash, published_at,
		(SELECT created_at FROM versions WHERE id = ?2), 0
	FROM import_staging WHERE import_id = ?1
	ON CONFLICT (slug) DO UPDATE SET origin = excluded.origin, document = excluded.document,
		content_hash = excluded.content_hash, published_at = excluded.published_at,
		revised_at = excluded.revised_at`,
);
// An import's collections come from the staged JSON [[kind, segment, name, url, handle], ...].
const STAGED_MEMBER = (index: number) => `json_extract(t.value, '$[${index}]')`;
const NOTE_STAGED_OLD_MEMBERSHIPS = statement(
	"noteStagedOldMemberships",
	"command",
	`INSERT INTO collections_to_renumber (kind, segment)
	SELECT DISTINCT m.kind, m.segment FROM collection_members AS m
	JOIN import_staging AS s ON s.slug = m.article WHERE s.import_id = ?1
	ON CONFLICT DO NOTHING`,
);
const CLEAR_STAGED_MEMBERSHIPS = statement(
	"clearStagedMemberships",
	"command",
	`DELETE FROM collection_members
	WHERE article IN (SELECT slug FROM import_staging WHERE import_id = ?1)`,
);
const STAGED_NEW_COLLECTIONS = statement(
	"stagedNewCollections",
	"command",
	`INSERT INTO collections (kind, segment, name)
	SELECT ${STAGED_MEMBER(0)}, ${STAGED_MEMBER(1)}, ${STAGED_MEMBER(2)}
	FROM import_staging AS s, json_each(s.members) AS t WHERE s.import_id = ?1
	ON CONFLICT (kind, segment) DO NOTHING`,
);
const STAGED_MEMBERS = statement(
	"stagedMembers",
	"command",
	`INSERT INTO collection_members (kind, segment, article, published_at, name, url, handle, position)
	SELECT ${STAGED_MEMBER(0)}, ${STAGED_MEMBER(1)}, s.slug, s.published_at, ${STAGED_MEMBER(2)},
		${STAGED_MEMBER(3)}, ${STAGED_MEMBER(4)}, 0
	FROM import_staging AS s, json_each(s.members) AS t WHERE s.import_id = ?1`,
);
const NOTE_STAGED_COLLECTIONS = statement(
	"noteStagedCollections",
	"command",
	`INSERT INTO collections_to_renumber (kind, segment)
	SELECT DISTINCT ${STAGED_MEMBER(0)}, ${STAGED_MEMBER(1)}
	FROM import_staging AS s, json_each(s.members) AS t WHERE s.import_id = ?1
	ON CONFLICT DO NOTHING`,
);
const UNWITHDRAW_STAGED = statement(
	"unwithdrawStaged",
	"command",
	`DELETE FROM withdrawn
	WHERE slug IN (SELECT slug FROM import_staging WHERE import_id = ?1
		AND published_at <= (SELECT created_at FROM versions WHERE id = ?2))`,
);
const CLEAR_STAGING = statement(
	"clearStaging",
	"command",
	"DELETE FROM import_staging WHERE import_id = ?1",
);

/** What a content version records of the command that made it. */
export interface VersionRecord {
	readonly command: PublishPlan["command"] | "search-rebuild";
	readonly publicChange: boolean;
	readonly added: number;
	readonly changed: number;
	readonly withdrawn: number;
}

/**
 * The first statement of a command's batch: it inserts content version `version`, and fails (and
 * with it the whole batch) when another command committed that version first.
 */
export function versionStatement(
	db: D1Database,
	version: number,
	record: VersionRecord,
): D1PreparedStatement {
	const { command, publicChange, added, changed, withdrawn } = record;
	return prepare(db, VERSION).bind(
		version,
		publicChange ? 1 : 0,
		command,
		added,
		changed,
		withdrawn,
	);
}

/** The batch that applies `plan`. */
export function publishStatements(db: D1Database, plan: PublishPlan): D1PreparedStatement[] {
	const version = plan.baseVersion + 1;
	const statements = [
		versionStatement(db, version, {
			command: plan.command,
			publicChange: plan.publicChange,
			added: plan.added.length,
			changed: plan.changed.length,
			withdrawn: plan.withdrawn.length,
		}),
	];
	for (const { slug, wasPublic } of plan.withdrawn) {
		if (wasPublic) statements.push(prepare(db, WITHDRAW).bind(slug, version));
		statements.push(
			...forgetStatements(db, slug),
			prepare(db, DELETE).bind(slug),
			prepare(db, NOTE_OLD_MEMBERSHIPS).bind(slug),
			prepare(db, CLEAR_MEMBERSHIPS).bind(slug),
		);
	}
	if (plan.importId !== undefined) {
		statements.push(
			...forgetStagedStatements(db, plan.importId),
			prepare(db, PROMOTE).bind(plan.importId, version),
			queueStagedStatement(db, plan.importId),
			prepare(db, UNWITHDRAW_STAGED).bind(plan.importId, version),
			prepare(db, NOTE_STAGED_OLD_MEMBERSHIPS).bind(plan.importId),
			prepare(db, CLEAR_STAGED_MEMBERSHIPS).bind(plan.importId),
			prepare(db, STAGED_NEW_COLLECTIONS).bind(plan.importId),
			prepare(db, STAGED_MEMBERS).bind(plan.importId),
			prepare(db, NOTE_STAGED_COLLECTIONS).bind(plan.importId),
			prepare(db, CLEAR_STAGING).bind(plan.importId),
		);
	} else {
		plan.added.forEach((write, i) => {
			const position = plan.appendAfter === undefined ? 0 : plan.appendAfter + i + 1;
			statements.push(...forgetStatements(db, write.slug), upsert(db, write, version, position));
			statements.push(
				queueStatement(db, write.slug),
				prepare(db, UNWITHDRAW).bind(write.slug, version),
			);
			statements.push(...membershipStatements(db, write, plan.appendAfter !== undefined));
		});
		for (const write of plan.changed) {
			statements.push(...forgetStatements(db, write.slug), upsert(db, write, version, 0));
			statements.push(queueStatement(db, write.slug), ...membershipStatements(db, write, false));
		}
	}
	if (plan.appendAfter === undefined) statements.push(prepare(db, RENUMBER));
	statements.push(
		prepare(db, RENUMBER_COLLECTIONS),
		prepare(db, RENAME_COLLECTIONS),
		prepare(db, FORGET_EMPTY_COLLECTIONS),
		prepare(db, CLEAR_RENUMBER),
		...indexDueStatements(db, plan.now),
	);
	return statements;
}

/** An article's memberships, replaced whole: appended at the end of each, or noted for renumbering. */
function membershipStatements(
	db: D1Database,
	write: ArticleWrite,
	append: boolean,
): D1PreparedStatement[] {
	const statements = [
		prepare(db, NOTE_OLD_MEMBERSHIPS).bind(write.slug),
		prepare(db, CLEAR_MEMBERSHIPS).bind(write.slug),
	];
	for (const member of write.members) {
		statements.push(prepare(db, NEW_COLLECTION).bind(member.kind, member.segment, member.name));
		statements.push(
			prepare(db, append ? APPEND_MEMBER : INSERT_MEMBER).bind(
				member.kind,
				member.segment,
				write.slug,
				write.publishedAt,
				member.name,
				member.url ?? null,
				member.handle ?? null,
			),
		);
		if (!append) statements.push(prepare(db, NOTE_COLLECTION).bind(member.kind, member.segment));
	}
	return statements;
}

function upsert(
	db: D1Database,
	write: ArticleWrite,
	version: number,
	position: number,
): D1PreparedStatement {
	return prepare(db, UPSERT).bind(
		write.slug,
		write.origin,
		write.document,
		write.contentHash,
		write.publishedAt,
		version,
		position,
	);
}

const STAGE_COLUMNS = 8;
export const STAGE_ROWS_PER_STATEMENT = Math.floor(MAX_BOUND_PARAMETERS / STAGE_COLUMNS);

const STAGE = listStatement(
	"stageImportRows",
	"command",
	(rows) => {
		const values = Array.from(
			{ length: rows },
			(_, r) => `(${placeholders(STAGE_COLUMNS, r * STAGE_COLUMNS + 1)})`,
		);
		return `INSERT OR REPLACE INTO import_staging (import_id, slug, origin, document, content_hash, published_at, staged_at, members)
	VALUES ${values.join(", ")}`;
	},
	STAGE_ROWS_PER_STATEMENT,
);

/** Statements that stage an import's rows (not yet visible), a few rows per statement. */
export function stageImportStatements(
	db: D1Database,
	importId: string,
	writes: readonly ArticleWrite[],
	stagedAt: number,
): D1PreparedStatement[] {
	return chunked(writes, STAGE_ROWS_PER_STATEMENT).map((rows) =>
		prepare(db, STAGE, rows.length).bind(
			...rows.flatMap((row) => [
				importId,
				row.slug,
				row.origin,
				row.document,
				row.contentHash,
				row.publishedAt,
				stagedAt,
				JSON.stringify(
					row.members.map((m) => [m.kind, m.segment, m.name, m.url ?? null, m.handle ?? null]),
				),
			]),
		),
	);
}

/** This import's staged rows, after it failed. */
export function discardImport(db: D1Database, importId: string): D1PreparedStatement {
	return prepare(db, CLEAR_STAGING).bind(importId);
}

/** How long staged rows of an unfinished import are kept: a running import is younger. */
const ABANDONED_AFTER_MS = 86_400_000;

// import_staging_by_age (migrations/0004) makes this a range search, whatever is staged.
const CLEAR_ABANDONED = statement(
	"clearAbandonedImports",
	"command",
	"DELETE FROM import_staging WHERE staged_at < ?1",
);

/** Staged rows of imports that never finished, a day or more old. */
export function clearAbandonedImports(db: D1Database, now: number): D1PreparedStatement {
	return prepare(db, CLEAR_ABANDONED).bind(now - ABANDONED_AFTER_MS);
}
