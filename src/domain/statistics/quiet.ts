// Quiet agreements in the public statistics: how many public agreements in
// force (active) show no public sign of life for their organisation's quiet
// months (two years by default), by the county of their Swedish parties and
// by kind. The rule is the reminders' (reminders/due.ts), read as the public
// reads: an internal activity does not make an agreement lively here.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { PUBLIC_READER } from '../access.ts';
import type { Context } from '../context.ts';
import { quietAgreements } from '../reminders/due.ts';

export interface QuietCounts {
  /** The day counted on. */
  on: string;
  total: number;
  /** By the county of a Swedish party (an agreement with parties in two counties counts in each); `null` for none. */
  byCounty: Array<{ county: string | null; count: number }>;
  byKind: Array<{ kind: string; count: number }>;
}

export async function quietCounts(ctx: Context, today: string): Promise<QuietCounts> {
  const rows = await queryRows<{ kind: string | null; county: string | null; byCounty: boolean; count: number }>(
    ctx.db,
    sql`with quiet as (select g.id, g.kind, g.party_counties ${quietAgreements(PUBLIC_READER, today)})
        select q.kind, null as county, false as "byCounty", count(*)::int as count from quiet q group by q.kind
        union all
        select null, c.county, true, count(distinct q.id)::int from quiet q
          left join lateral unnest(case when cardinality(q.party_counties) = 0 then array[null]::text[] else q.party_counties end) c(county) on true
        group by c.county`,
  );
  const byKind = rows.filter((r) => !r.byCounty).map((r) => ({ kind: r.kind!, count: r.count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  const byCounty = rows.filter((r) => r.byCounty).map((r) => ({ county: r.county, count: r.count })).sort((a, b) => (a.county ?? '99').localeCompare(b.county ?? '99'));
  return { on: today, total: byKind.reduce((n, r) => n + r.count, 0), byCounty, byKind };
}
