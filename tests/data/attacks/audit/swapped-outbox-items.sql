-- Arshin numbers would then go to the wrong records: positions 1 and 2 of the exported file swap their records.
UPDATE outbox_items SET verification_id = -1 WHERE file_id = 1 AND position = 1;
UPDATE outbox_items SET verification_id = 1 WHERE file_id = 1 AND position = 2;
UPDATE outbox_items SET verification_id = 2 WHERE file_id = 1 AND position = 1;
