ALTER TABLE "agreements" ADD COLUMN "life_sign_day" date;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "life_sign_written" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "life_sign_pending_from" date;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "life_signs_as_of" date;--> statement-breakpoint
-- Each agreement's latest sign of life, kept whatever writes the rows (a
-- verb, an import, a restore), so that the overview's and the reminders'
-- quiet agreements read one column instead of every activity and life event
-- of every agreement (reminders/due.ts quietAgreements). A sign is an activity
-- of the agreement (its own or one it serves besides), counting from its
-- earliest day, at its latest day (db/schema.ts latestDayOf), or an
-- established, renewed, activity_observed or resumed event, counting from
-- and at its latest day (reminders/due.ts LIFE_EVENTS). "Today" is the day in
-- UTC, never later than the day in Stockholm: a reader's day before it, or
-- on or after the pending day, reads the signs themselves.
CREATE FUNCTION "refresh_life_signs"("ids" integer[]) RETURNS void LANGUAGE sql AS $$
  with d as (select (now() at time zone 'UTC')::date as today),
  touched as (select distinct i as id from unnest(ids) i where i is not null),
  signs as (
    select a.agreement_id, a.date_min as counts_from,
        (case when a.date ~ '^[0-9]{4}-[0-9]{2}$' then (a.date_min + interval '1 month' - interval '1 day')::date when a.date ~ '^[0-9]{4}$' then (a.date_min + interval '1 year' - interval '1 day')::date else a.date_min end) as day,
        a.date as written
      from activities a where a.agreement_id in (select id from touched)
    union all
    select aa.agreement_id, a.date_min,
        (case when a.date ~ '^[0-9]{4}-[0-9]{2}$' then (a.date_min + interval '1 month' - interval '1 day')::date when a.date ~ '^[0-9]{4}$' then (a.date_min + interval '1 year' - interval '1 day')::date else a.date_min end),
        a.date
      from activity_agreements aa join activities a on a.id = aa.activity_id where aa.agreement_id in (select id from touched)
    union all
    select e.agreement_id, e.date_max, e.date_max, e.date from status_events e
      where e.agreement_id in (select id from touched) and e.type in ('established', 'renewed', 'activity_observed', 'resumed')
  ),
  latest as (
    select distinct on (s.agreement_id) s.agreement_id, s.day, s.written from signs s, d
      where s.counts_from <= d.today and s.day is not null
      order by s.agreement_id, s.day desc, length(s.written) desc, s.written desc
  ),
  pending as (
    select s.agreement_id, min(s.counts_from) as from_day from signs s, d
      where s.counts_from > d.today and s.day is not null group by s.agreement_id
  )
  update agreements g set life_sign_day = l.day, life_sign_written = l.written, life_sign_pending_from = p.from_day, life_signs_as_of = d.today
    from d cross join touched t left join latest l on l.agreement_id = t.id left join pending p on p.agreement_id = t.id
    where g.id = t.id
$$;--> statement-breakpoint
CREATE FUNCTION "activities_life_signs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_life_signs(array(select n.agreement_id from new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_life_signs(array(select o.agreement_id from old_rows o));
  ELSE
    -- Only rows whose agreement or date changed (the places' triggers set agreement_id to itself).
    PERFORM refresh_life_signs(array(
      select x.id from (
        select o.agreement_id as id from old_rows o join new_rows n on n.id = o.id
          where (o.agreement_id, o.date, o.date_min) is distinct from (n.agreement_id, n.date, n.date_min)
        union all
        select n.agreement_id from old_rows o join new_rows n on n.id = o.id
          where (o.agreement_id, o.date, o.date_min) is distinct from (n.agreement_id, n.date, n.date_min)
        union all
        select aa.agreement_id from old_rows o join new_rows n on n.id = o.id join activity_agreements aa on aa.activity_id = n.id
          where (o.date, o.date_min) is distinct from (n.date, n.date_min)
      ) x));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "activities_life_signs_insert" AFTER INSERT ON "activities" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "activities_life_signs"();--> statement-breakpoint
CREATE TRIGGER "activities_life_signs_update" AFTER UPDATE ON "activities" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "activities_life_signs"();--> statement-breakpoint
CREATE TRIGGER "activities_life_signs_delete" AFTER DELETE ON "activities" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "activities_life_signs"();--> statement-breakpoint
-- An activity's further agreements and an agreement's status events: every agreement a changed row names, before and after.
CREATE FUNCTION "rows_life_signs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_life_signs(array(select n.agreement_id from new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_life_signs(array(select o.agreement_id from old_rows o));
  ELSE
    PERFORM refresh_life_signs(array(select o.agreement_id from old_rows o union all select n.agreement_id from new_rows n));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "activity_agreements_life_signs_insert" AFTER INSERT ON "activity_agreements" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "rows_life_signs"();--> statement-breakpoint
CREATE TRIGGER "activity_agreements_life_signs_update" AFTER UPDATE ON "activity_agreements" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "rows_life_signs"();--> statement-breakpoint
CREATE TRIGGER "activity_agreements_life_signs_delete" AFTER DELETE ON "activity_agreements" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "rows_life_signs"();--> statement-breakpoint
CREATE TRIGGER "status_events_life_signs_insert" AFTER INSERT ON "status_events" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "rows_life_signs"();--> statement-breakpoint
CREATE TRIGGER "status_events_life_signs_update" AFTER UPDATE ON "status_events" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "rows_life_signs"();--> statement-breakpoint
CREATE TRIGGER "status_events_life_signs_delete" AFTER DELETE ON "status_events" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "rows_life_signs"();--> statement-breakpoint
SELECT refresh_life_signs(array(select id from agreements));
