-- Sections (by tag) and authors' pages are both collections of articles under a URL segment:
-- /tags/<segment> and /authors/<segment>. One pair of tables holds both kinds, so both are kept,
-- renumbered and read by the same statements. The tag tables of 0003 and 0005 move in here.

-- One row per collection: its kind ('tag' or 'author'), URL segment and the spelling of its
-- oldest article (what a publish checks a new spelling against).
CREATE TABLE collections (
	kind TEXT NOT NULL,
	segment TEXT NOT NULL,
	name TEXT NOT NULL,
	PRIMARY KEY (kind, segment)
) STRICT;

-- Which articles are in which collection, each with its own spelling (and, for an author, their
-- page and fediverse handle as that article gives them). `published_at` is the article's (copied,
-- so a collection's public articles are found without reading `articles`); `position` is 1..n
-- per collection in (published_at, article) order, so its pages are range searches.
CREATE TABLE collection_members (
	kind TEXT NOT NULL,
	segment TEXT NOT NULL,
	article TEXT NOT NULL,
	published_at INTEGER NOT NULL,
	position INTEGER NOT NULL,
	name TEXT NOT NULL,
	url TEXT,
	handle TEXT,
	PRIMARY KEY (kind, segment, article)
) STRICT;

CREATE INDEX collection_members_by_position ON collection_members (kind, segment, position);
CREATE INDEX collection_members_by_published ON collection_members (kind, segment, published_at, article);
CREATE INDEX collection_members_by_article ON collection_members (article);

-- Collections whose positions a batch must recompute (filled and emptied within one batch).
CREATE TABLE collections_to_renumber (
	kind TEXT NOT NULL,
	segment TEXT NOT NULL,
	PRIMARY KEY (kind, segment)
) STRICT;

INSERT INTO collections (kind, segment, name) SELECT 'tag', slug, name FROM tags;
INSERT INTO collection_members (kind, segment, article, published_at, position, name)
	SELECT 'tag', tag, slug, published_at, position, name FROM article_tags;
DROP TABLE tags_to_renumber;
DROP TABLE article_tags;
DROP TABLE tags;

-- An import stages each article's collections as JSON [[kind, segment, name, url, handle], ...].
-- Staged rows are only ever those of an import under way, so none survives this migration.
DELETE FROM import_staging;
ALTER TABLE import_staging DROP COLUMN tags;
ALTER TABLE import_staging ADD COLUMN members TEXT NOT NULL DEFAULT '[]';
