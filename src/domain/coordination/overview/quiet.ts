// Quiet agreements in the scope: in force, with no sign of life the reader
// may read for their organisation's quiet months (the reminders' rule,
// reminders/due.ts); how many, and the longest quiet first.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import type { Context } from '../../context.ts';
import { quietAgreements } from '../../reminders/due.ts';
import { inScope, type OverviewScope } from './scope.ts';

export interface QuietAgreement {
  slug: string;
  partyLabel: string;
  counterpartLabel: string;
  /** The last sign of life as its source dates it (EDTF). */
  lastSign: string;
}

export async function quietInScope(ctx: Context, scope: OverviewScope, today: string, shown: number): Promise<{ total: number; agreements: QuietAgreement[] }> {
  const rows = await queryRows<QuietAgreement & { total: number }>(
    ctx.db,
    sql`select g.slug, g.party_label as "partyLabel", g.counterpart_label as "counterpartLabel", l.last_sign_written as "lastSign", count(*) over ()::int as total
        ${quietAgreements(ctx.principal, today)} and ${inScope(scope)}
        order by l.last_sign, g.slug limit ${shown}`,
  );
  return { total: rows[0]?.total ?? 0, agreements: rows.map(({ total: _t, ...r }) => r) };
}
