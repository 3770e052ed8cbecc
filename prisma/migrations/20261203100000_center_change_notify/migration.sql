-- Every committed change to a center or its schedules, prices or openings names the center on
-- channel center_changed, whichever instance, CLI or psql session made it: each API instance
-- drops its cached copy (src/centers/center-cache.ts). NOTIFY is delivered at commit, never for a
-- rolled-back transaction, and one transaction's repeats of an id are delivered once.
CREATE FUNCTION "center_changed_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'centers' THEN
    PERFORM pg_notify('center_changed', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
  ELSE
    PERFORM pg_notify('center_changed', (CASE WHEN TG_OP = 'DELETE' THEN OLD.center_id ELSE NEW.center_id END)::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "center_changed_notify" AFTER INSERT OR UPDATE OR DELETE ON "centers"
  FOR EACH ROW EXECUTE FUNCTION "center_changed_notify"();
CREATE TRIGGER "center_changed_notify" AFTER INSERT OR UPDATE OR DELETE ON "center_schedules"
  FOR EACH ROW EXECUTE FUNCTION "center_changed_notify"();
CREATE TRIGGER "center_changed_notify" AFTER INSERT OR UPDATE OR DELETE ON "center_prices"
  FOR EACH ROW EXECUTE FUNCTION "center_changed_notify"();
CREATE TRIGGER "center_changed_notify" AFTER INSERT OR UPDATE OR DELETE ON "center_availability"
  FOR EACH ROW EXECUTE FUNCTION "center_changed_notify"();
