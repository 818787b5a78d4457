-- The data version is stamped on audit entries at commit, not when they are
-- written (src/domain/data-version.ts). An entry written without a version
-- (audit.ts) is stamped by this deferred trigger as its transaction commits:
-- the first such entry of a transaction bumps the one data_version row, and
-- every entry of that transaction gets the new version. The row is locked
-- only from there to the end of the commit, so writers of unrelated records
-- do not queue on it while they work; versions stay in commit order, as the
-- caches that re-read what changed after a version need.
CREATE FUNCTION "stamp_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stamped bigint := nullif(current_setting('ortsband.data_version', true), '')::bigint;
BEGIN
  IF stamped IS NULL THEN
    UPDATE "data_version" SET "version" = "version" + 1 WHERE "id" = 1 RETURNING "version" INTO stamped;
    PERFORM set_config('ortsband.data_version', stamped::text, true);
  END IF;
  UPDATE "audit_log" SET "data_version" = stamped WHERE "id" = NEW."id";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "audit_log_stamp_data_version" AFTER INSERT ON "audit_log"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."data_version" IS NULL)
  EXECUTE FUNCTION "stamp_data_version"();
