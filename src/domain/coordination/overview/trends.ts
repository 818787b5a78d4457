// Trends in the scope, per year for the last ten years and this one:
// agreements established (by their cached establishment year), endings and
// pauses (status events, by the year of the latest day their date can mean),
// and incoming visits (by their earliest day). Counted in the database, as
// the reader may read each row.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { canReadAlias } from '../../access.ts';
import type { Context } from '../../context.ts';
import { inScope, type OverviewScope } from './scope.ts';

export const TREND_YEARS = 11;

export interface TrendYear {
  year: number;
  established: number;
  ended: number;
  paused: number;
  incomingVisits: number;
}

export async function trends(ctx: Context, scope: OverviewScope, today: string): Promise<TrendYear[]> {
  const last = Number(today.slice(0, 4));
  const first = last - TREND_YEARS + 1;
  const [g, e, a] = [canReadAlias(ctx.principal, 'g'), canReadAlias(ctx.principal, 'e'), canReadAlias(ctx.principal, 'a')];
  const rows = await queryRows<{ year: number; what: 'established' | 'ended' | 'paused' | 'incomingVisits'; n: number }>(
    ctx.db,
    sql`select g.established_year as year, 'established' as what, count(*)::int as n from agreements g
          where g.established_year between ${first} and ${last} and ${g} and ${inScope(scope)} group by 1
        union all
        select extract(year from e.date_max)::int, case e.type when 'ended' then 'ended' else 'paused' end, count(*)::int
          from status_events e join agreements g on g.id = e.agreement_id
          where e.type in ('ended', 'paused') and e.date_max between make_date(${first}, 1, 1) and make_date(${last}, 12, 31) and ${e} and ${g} and ${inScope(scope)} group by 1, 2
        union all
        select extract(year from a.date_min)::int, 'incomingVisits', count(*)::int
          from activities a join agreements g on g.id = a.agreement_id
          where a.kind = 'visit_incoming' and a.date_min between make_date(${first}, 1, 1) and make_date(${last}, 12, 31) and ${a} and ${g} and ${inScope(scope)} group by 1`,
  );
  return Array.from({ length: TREND_YEARS }, (_, i) => {
    const year = first + i;
    const n = (what: string) => rows.find((r) => r.year === year && r.what === what)?.n ?? 0;
    return { year, established: n('established'), ended: n('ended'), paused: n('paused'), incomingVisits: n('incomingVisits') };
  });
}
