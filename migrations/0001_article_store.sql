-- The article store. Applied with `wrangler d1 migrations apply DB` (--local or --remote);
-- never edit a migration once it has shipped: add the next number instead.
-- Every query that reads these tables lives in src/store/ and has its plan in docs/performance.md.

-- One row per published article: scheduled (published_at in the future) or public.
CREATE TABLE articles (
	slug TEXT PRIMARY KEY NOT NULL,
	-- Where the article comes from: a content file (`content/articles/x.ts`) or an import
	-- (`import:archive.ndjson`). A publish manages only the rows of content files.
	origin TEXT NOT NULL,
	-- The validated ArticleInput as canonical JSON; the Worker validates it again when it reads it.
	document TEXT NOT NULL,
	-- SHA-256 of `document`: a publish writes only the articles whose content changed.
	content_hash TEXT NOT NULL,
	-- The published instant in ms since the epoch (partial dates: the 12:00 UTC rule). An article
	-- is public from this instant on.
	published_at INTEGER NOT NULL,
	-- When the current revision was written (the content version's time), ms.
	revised_at INTEGER NOT NULL,
	-- 1 = oldest, ordered by (published_at, slug), dense over all rows: scheduled articles, being
	-- newest, always come after every public one, so public articles hold positions 1..L.
	position INTEGER NOT NULL
) STRICT;

CREATE INDEX articles_by_position ON articles (position);
CREATE INDEX articles_by_published ON articles (published_at, slug);
CREATE INDEX articles_by_origin ON articles (origin);

-- Articles that were public and have been withdrawn: their URLs answer 410 Gone.
CREATE TABLE withdrawn (
	slug TEXT PRIMARY KEY NOT NULL,
	withdrawn_at INTEGER NOT NULL
) STRICT;

-- One row per content version. A publish inserts the previous id + 1 in the same batch as its
-- writes, so of two publishes prepared against the same version only one can commit.
CREATE TABLE versions (
	id INTEGER PRIMARY KEY NOT NULL,
	created_at INTEGER NOT NULL,
	-- The time public content last changed, carried forward by versions that changed only
	-- scheduled articles: Last-Modified of every listing derives from it.
	public_changed_at INTEGER NOT NULL,
	command TEXT NOT NULL,
	added INTEGER NOT NULL,
	changed INTEGER NOT NULL,
	withdrawn INTEGER NOT NULL
) STRICT;

-- Rows of an import being staged in chunks; an import becomes visible only when one batch moves
-- its rows into `articles`, so an interrupted import leaves nothing public behind.
CREATE TABLE import_staging (
	import_id TEXT NOT NULL,
	slug TEXT NOT NULL,
	origin TEXT NOT NULL,
	document TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	published_at INTEGER NOT NULL,
	-- Rows of imports that never finished are removed a day later by the next import.
	staged_at INTEGER NOT NULL,
	PRIMARY KEY (import_id, slug)
) STRICT;
