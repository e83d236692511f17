-- Sections by tag: /tags/<slug>, its pages and its feeds.

-- One row per section: its URL segment and the spelling shown (the first one published).
CREATE TABLE tags (
	slug TEXT PRIMARY KEY NOT NULL,
	name TEXT NOT NULL
) STRICT;

-- Which articles are in which section. `published_at` is the article's (copied, so a section's
-- public articles are found without reading `articles`); `position` is 1..n per tag in
-- (published_at, slug) order, like articles.position, so section pages are range searches.
CREATE TABLE article_tags (
	tag TEXT NOT NULL,
	slug TEXT NOT NULL,
	published_at INTEGER NOT NULL,
	position INTEGER NOT NULL,
	PRIMARY KEY (tag, slug)
) STRICT;

CREATE INDEX article_tags_by_position ON article_tags (tag, position);
CREATE INDEX article_tags_by_published ON article_tags (tag, published_at, slug);
CREATE INDEX article_tags_by_article ON article_tags (slug);

-- Sections whose positions a batch must recompute (filled and emptied within one batch).
CREATE TABLE tags_to_renumber (
	tag TEXT PRIMARY KEY NOT NULL
) STRICT;

-- An import stages each article's sections as JSON [[slug, name], ...].
ALTER TABLE import_staging ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
