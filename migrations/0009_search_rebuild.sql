-- Where `npm run search:rebuild` (src/commands/rebuildSearch.ts, docs/search.md) builds a whole new
-- search index from `articles`, in batches small enough for D1, while searches go on reading the
-- index in use. One last batch swaps the two pairs of FTS5 tables by renaming them (the index in use
-- comes back here, to be emptied), so a rebuild replaces the index whole or leaves it as it was.
-- Empty between rebuilds; left out of backups with every other search table (they hold nothing
-- that `articles` does not).

-- Defined exactly as search_archive and search_recent (migrations/0008): after a swap, each is what
-- the other was.
CREATE VIRTUAL TABLE search_rebuild_archive USING fts5(
	headline, summary, body, tags, authors,
	tokenize = 'unicode61 remove_diacritics 2',
	content = '', contentless_delete = 1
);

CREATE VIRTUAL TABLE search_rebuild_recent USING fts5(
	headline, summary, body, tags, authors,
	tokenize = 'unicode61 remove_diacritics 2',
	content = '', contentless_delete = 1
);

-- The new index's ids, copied into search_documents by the swap.
CREATE TABLE search_rebuild_documents (
	id INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	published_at INTEGER NOT NULL,
	recent INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX search_rebuild_documents_by_age ON search_rebuild_documents (published_at, slug);
