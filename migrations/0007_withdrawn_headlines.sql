-- A withdrawn article's 410 page says what was withdrawn: its headline as it was when withdrawn.
-- Articles withdrawn before this migration have none; their page says only that it was withdrawn.
ALTER TABLE withdrawn ADD COLUMN headline TEXT;
