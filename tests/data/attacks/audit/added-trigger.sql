-- A trigger that silently rewrites every newly stored certificate's customer.
CREATE TRIGGER zz_rewrite AFTER INSERT ON certificates BEGIN UPDATE certificates SET customer = 'X' WHERE id = NEW.id; END;
