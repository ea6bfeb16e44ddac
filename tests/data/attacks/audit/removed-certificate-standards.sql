-- The traceability record of certificate #2 disappears.
DELETE FROM certificate_standards WHERE certificate_id = 2;
