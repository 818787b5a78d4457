ALTER TABLE "activities" ADD COLUMN "place_ids" integer[] DEFAULT '{}'::int[] NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "place_months" bigint[] DEFAULT '{}'::bigint[] NOT NULL;--> statement-breakpoint
-- Every place an activity concerns: its agreement's places and its own
-- Chinese places with every place they lie in (countries too: whoever
-- compares leaves them out); and each of them with the month of the
-- activity's earliest day as one number, place id × 32768 + months since
-- year 0 (place_month_keys). Kept by the triggers below, whatever writes the
-- rows (a verb, an import, a restore), so that the delegation warnings find
-- others' activities near a visit in place and time by one GIN lookup of a
-- few places × a few months (coordination/delegations.ts).
CREATE FUNCTION "activity_place_ids"("agreement" integer, "activity" integer) RETURNS integer[] LANGUAGE sql STABLE AS $$
  select coalesce(array_agg(distinct u.id order by u.id), '{}') from (
    select unnest(g.place_ids) as id from agreements g where g.id = agreement
    union all
    select unnest(c.ancestor_ids || c.id) from activity_places ap join counterparts c on c.id = ap.counterpart_id where ap.activity_id = activity
  ) u
$$;--> statement-breakpoint
CREATE FUNCTION "place_month_keys"("places" integer[], "months_from" integer, "months_to" integer) RETURNS bigint[] LANGUAGE sql IMMUTABLE AS $$
  select coalesce(array_agg(p::bigint * 32768 + m order by p, m), '{}') from unnest(places) p cross join generate_series(months_from, months_to) m
$$;--> statement-breakpoint
CREATE FUNCTION "month_number"("day" date) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  select extract(year from day)::int * 12 + extract(month from day)::int - 1
$$;--> statement-breakpoint
CREATE FUNCTION "activities_set_places"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.place_ids := activity_place_ids(NEW.agreement_id, NEW.id);
  NEW.place_months := CASE WHEN NEW.date_min IS NULL THEN '{}' ELSE place_month_keys(NEW.place_ids, month_number(NEW.date_min), month_number(NEW.date_min)) END;
  RETURN NEW;
END $$;--> statement-breakpoint
-- The other triggers refresh an activity by setting its agreement_id to itself, which runs this one.
CREATE TRIGGER "activities_places" BEFORE INSERT OR UPDATE OF "agreement_id", "date_min" ON "activities"
  FOR EACH ROW EXECUTE FUNCTION "activities_set_places"();--> statement-breakpoint
CREATE FUNCTION "activity_places_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE activities a SET agreement_id = a.agreement_id
  WHERE a.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.activity_id ELSE NEW.activity_id END
     OR (TG_OP = 'UPDATE' AND a.id = OLD.activity_id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "activity_places_refresh" AFTER INSERT OR UPDATE OR DELETE ON "activity_places"
  FOR EACH ROW EXECUTE FUNCTION "activity_places_refresh"();--> statement-breakpoint
CREATE FUNCTION "agreements_refresh_activity_places"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE activities a SET agreement_id = a.agreement_id WHERE a.agreement_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "agreements_activity_places" AFTER UPDATE OF "place_ids" ON "agreements"
  FOR EACH ROW WHEN (OLD.place_ids IS DISTINCT FROM NEW.place_ids) EXECUTE FUNCTION "agreements_refresh_activity_places"();--> statement-breakpoint
CREATE FUNCTION "counterparts_refresh_activity_places"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE activities a SET agreement_id = a.agreement_id WHERE a.id IN (SELECT ap.activity_id FROM activity_places ap WHERE ap.counterpart_id = NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "counterparts_activity_places" AFTER UPDATE OF "ancestor_ids" ON "counterparts"
  FOR EACH ROW WHEN (OLD.ancestor_ids IS DISTINCT FROM NEW.ancestor_ids) EXECUTE FUNCTION "counterparts_refresh_activity_places"();--> statement-breakpoint
UPDATE "activities" a SET "agreement_id" = a."agreement_id";--> statement-breakpoint
CREATE INDEX "activities_place_months_idx" ON "activities" USING gin ("place_months");--> statement-breakpoint
CREATE INDEX "users_organisation_idx" ON "users" USING btree ("organisation_id");
