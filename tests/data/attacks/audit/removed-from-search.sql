-- Certificate #2 is no longer found by a search.
DELETE FROM certificate_fts WHERE rowid = 2;
