-- Full-text search (issue 18; docs/search.md). Every public article is in an FTS5 index, written in
-- the same D1 batch as the article itself (src/store/searchIndex.ts), so the index and the site
-- never disagree. A scheduled article waits in search_pending and enters the index only at its
-- instant. Nothing here holds text of its own: the index is rebuilt from `articles` alone.

-- Every public article. Contentless (the text lives in articles.document; snippets are made from
-- the article itself), rows deleted by rowid. unicode61 splits words on anything that is not a
-- letter or a digit, folds case and, with remove_diacritics 2, every diacritic: België = belgie.
CREATE VIRTUAL TABLE search_archive USING fts5(
	headline, summary, body, tags, authors,
	tokenize = 'unicode61 remove_diacritics 2',
	content = '', contentless_delete = 1
);

-- The same index over the newest public articles only (RECENT_ARTICLES in searchIndex.ts): a query
-- too common to rank over the whole archive is ranked here, where every statistic is bounded.
CREATE VIRTUAL TABLE search_recent USING fts5(
	headline, summary, body, tags, authors,
	tokenize = 'unicode61 remove_diacritics 2',
	content = '', contentless_delete = 1
);

-- Which article each index row is (`id` is the rowid in both FTS tables), its instant (the
-- recency tie-break, and which articles are the newest), and whether it is in search_recent.
CREATE TABLE search_documents (
	id INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	published_at INTEGER NOT NULL,
	recent INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX search_documents_by_age ON search_documents (published_at, slug);
CREATE INDEX search_documents_recent ON search_documents (published_at, slug) WHERE recent = 1;

-- Articles written but not yet indexed: scheduled ones until their instant (then the cron, a
-- search or the next command indexes them), and every article of a store that had them before
-- this migration (indexed by the first of those).
CREATE TABLE search_pending (
	slug TEXT PRIMARY KEY NOT NULL,
	published_at INTEGER NOT NULL
) STRICT;

CREATE INDEX search_pending_by_instant ON search_pending (published_at);

INSERT INTO search_pending (slug, published_at) SELECT slug, published_at FROM articles;
