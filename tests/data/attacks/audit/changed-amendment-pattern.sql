-- Amendments would be numbered differently.
UPDATE meta SET value = '{base}/R{n}' WHERE key = 'amendment_pattern';
