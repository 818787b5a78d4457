// The latest day an activity can have taken place, in SQL, from its date as
// written (EDTF) and its earliest day: the day itself, the end of its month,
// the end of its year; for any other form (an interval, an approximate date)
// its earliest day, as no later day is known without parsing it.
import { sql, type SQL } from 'drizzle-orm';

export function activityLatestDay(alias: string): SQL {
  const a = sql.raw(alias);
  return sql`(case when ${a}.date ~ '^[0-9]{4}-[0-9]{2}$' then (${a}.date_min + interval '1 month' - interval '1 day')::date
                   when ${a}.date ~ '^[0-9]{4}$' then (${a}.date_min + interval '1 year' - interval '1 day')::date
                   else ${a}.date_min end)`;
}
