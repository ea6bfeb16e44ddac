-- Another name for a registered type, in the register and in its search index alike.
UPDATE mi_types SET name = 'Forged name' WHERE rowid = 1;
UPDATE mi_type_fts SET name = 'Forged name' WHERE rowid = 1;
