-- The inverted index itself (FTS5's shadow table) is overwritten: its stored text still looks right.
UPDATE certificate_fts_data SET block = zeroblob(length(block)) WHERE id > 10;
