-- Each import first clears the staged rows of imports that never finished (a day old or more):
-- with this index that is a range search on their age, not a read of every staged row.
CREATE INDEX import_staging_by_age ON import_staging (staged_at);
