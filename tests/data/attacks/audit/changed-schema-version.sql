-- The recorded schema history is rewritten.
UPDATE schema_migrations SET applied_at = '2020-01-01T00:00:00.000Z', name = 'something else' WHERE version = 2;
