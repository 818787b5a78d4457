// Recent decisions in the scope: agreements ended, partly ended, paused or
// renewed in the last three years (by the latest day the event's date can
// mean, up to today), with the deciding body and the coded reasons, the
// latest first. Read by the index on (type, date_max).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import type { EventType, ReasonCode } from '../../../db/schema.ts';
import { canReadAlias } from '../../access.ts';
import type { Context } from '../../context.ts';
import { inScope, type OverviewScope } from './scope.ts';

export const DECISION_TYPES = ['ended', 'partly_ended', 'paused', 'renewed'] as const satisfies readonly EventType[];
export const DECISION_YEARS = 3;

export interface RecentDecision {
  type: (typeof DECISION_TYPES)[number];
  date: string;
  decidingBody: string | null;
  reference: string | null;
  agreementSlug: string;
  partyLabel: string;
  counterpartLabel: string;
  reasons: Array<{ code: ReasonCode; text: string | null; textEn: string | null }>;
}

export async function recentDecisions(ctx: Context, scope: OverviewScope, today: string, shown: number): Promise<RecentDecision[]> {
  const rows = await queryRows<Omit<RecentDecision, 'reasons'> & { reasons: string }>(
    ctx.db,
    sql`select e.type, e.date, e.deciding_body as "decidingBody", e.reference, g.slug as "agreementSlug", g.party_label as "partyLabel", g.counterpart_label as "counterpartLabel",
          coalesce((select json_agg(json_build_object('code', r.code, 'text', r.text, 'textEn', r.text_en) order by r.id) from event_reasons r where r.event_id = e.id), '[]')::text as reasons
        from status_events e join agreements g on g.id = e.agreement_id
        where e.type in (${sql.join(
          DECISION_TYPES.map((t) => sql`${t}`),
          sql`, `,
        )})
          and e.date_max <= ${today}::date and e.date_max > ${today}::date - make_interval(years => ${DECISION_YEARS})
          and ${canReadAlias(ctx.principal, 'e')} and ${canReadAlias(ctx.principal, 'g')} and ${inScope(scope)}
        order by e.date_max desc, e.id desc limit ${shown}`,
  );
  return rows.map((r) => ({ ...r, reasons: JSON.parse(r.reasons) as RecentDecision['reasons'] }));
}
