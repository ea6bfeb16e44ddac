-- Without it, two issued certificates may carry the same number.
DROP INDEX ix_certificates_issued_number;
