// An agreement's activity in recent years, for a decision basis: per year,
// how many activities the reader may read and what they cost, up to today
// (an activity planned later is named apart, as the next planned one). An activity
// serves the agreement it is recorded under or, through
// activity_agreements, further ones: read as two branches by index joined
// with union, never an OR across them (the follow-up benchmark's lesson).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { canReadAlias } from '../access.ts';
import type { Context } from '../context.ts';

/** Years counted back from the current one, the current one included. */
export const RECENT_YEARS = 5;

export interface ActivityYear {
  year: number;
  activities: number;
  /** The sum of the recorded costs; activities without a cost add nothing. */
  costSek: number;
  /**
   * For the current year: the day counted up to (the day the basis was
   * read); what is planned after it is no activity yet. Absent in versions
   * saved before, whose current year counted the year's planned activities.
   */
  through?: string;
}

export interface RecentActivity {
  years: ActivityYear[];
  /** The latest day, up to today, any readable activity may have taken place on, whenever it was; null when none is recorded. */
  lastActivityOn: string | null;
  /**
   * The first day after today a readable activity is planned for (a visit
   * recorded ahead): planned, not yet activity. Absent in versions saved
   * before it was kept.
   */
  nextPlannedOn?: string | null;
}

export async function recentActivity(ctx: Context, agreementId: number, today: string): Promise<RecentActivity> {
  const thisYear = Number(today.slice(0, 4));
  const from = `${thisYear - RECENT_YEARS + 1}-01-01`;
  const readable = canReadAlias(ctx.principal, 'a');
  const rows = await queryRows<{ year: number | null; activities: number; costSek: number | string | null; last: string | null; next: string | null }>(
    ctx.db,
    sql`with served as (
          select a.id, a.date_min, a.cost_sek from activities a where a.agreement_id = ${agreementId} and ${readable}
          union
          select a.id, a.date_min, a.cost_sek from activity_agreements x join activities a on a.id = x.activity_id where x.agreement_id = ${agreementId} and ${readable}
        )
        select extract(year from date_min)::int as year, count(*)::int as activities, coalesce(sum(cost_sek), 0) as "costSek", max(date_min)::text as last, null::text as next
        from served where date_min >= ${from}::date and date_min <= ${today}::date
        group by 1
        union all
        -- The row of the latest day up to today, whenever, and of the first planned after it: year null.
        select null, 0, 0, (max(date_min) filter (where date_min <= ${today}::date))::text, (min(date_min) filter (where date_min > ${today}::date))::text from served`,
  );
  const byYear = new Map(rows.filter((r) => r.year !== null).map((r) => [r.year!, r]));
  const years = Array.from({ length: RECENT_YEARS }, (_, k) => thisYear - k).map(
    (year): ActivityYear => ({ year, activities: byYear.get(year)?.activities ?? 0, costSek: Number(byYear.get(year)?.costSek ?? 0), ...(year === thisYear ? { through: today } : {}) }),
  );
  const whenever = rows.find((r) => r.year === null);
  return { years, lastActivityOn: whenever?.last ?? null, nextPlannedOn: whenever?.next ?? null };
}
