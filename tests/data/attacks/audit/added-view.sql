CREATE VIEW zz_certificates AS SELECT * FROM certificates;
