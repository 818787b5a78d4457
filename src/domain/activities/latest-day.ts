// An activity's days in SQL, by table alias: its latest day and whether a
// visit may fall in a period. The expressions are in db/schema.ts
// (latestDayOf, visitPeriodOf), where an index is built on them too.
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import { latestDayOf, visitPeriodOf } from '../../db/schema.ts';

export const activityLatestDay = (alias: string): SQL => latestDayOf(sql.raw(`${alias}.date`), sql.raw(`${alias}.date_min`));

/**
 * The visit (alias; of kind visit_outgoing or visit_incoming) may fall in
 * the days `from` to `to`: its days from the earliest to the latest overlap
 * them. Written as the expression of the GiST index activities_visits_period_idx
 * (db/schema.ts), which reads just the period's visits.
 */
export function visitMayFallIn(alias: string, from: string | Placeholder, to: string | Placeholder): SQL {
  return sql`${visitPeriodOf(sql.raw(`${alias}.date`), sql.raw(`${alias}.date_min`))} && daterange(${from}::date, ${to}::date, '[]')`;
}
