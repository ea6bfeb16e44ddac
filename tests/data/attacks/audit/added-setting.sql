-- A setting the application never wrote.
INSERT INTO meta (key, value) VALUES ('number_pattern', 'FAKE-{n}');
