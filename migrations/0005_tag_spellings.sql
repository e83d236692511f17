-- Each article's own spelling of each of its tags, so that a section's name can be derived from
-- its articles (the spelling of its oldest article) and a scheduled or removed article never
-- changes it. Rows written before this migration take the section's stored spelling; the next
-- publish of an article writes its own.
ALTER TABLE article_tags ADD COLUMN name TEXT NOT NULL DEFAULT '';
UPDATE article_tags SET name = coalesce((SELECT name FROM tags WHERE tags.slug = article_tags.tag), '');
