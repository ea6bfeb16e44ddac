-- A longer verification interval in the type register: every later valid-until date is computed from it.
UPDATE mi_types SET interval_months = interval_months * 10, interval_text = '10 лет' WHERE rowid = 1;
