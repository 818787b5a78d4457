// The activities of a set of agreements as the reader may read them (each
// activity and its agreement), newest first: what a party's page and a
// place's page list beside their agreements.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { ActivityKind } from '../../db/schema.ts';
import { canReadAlias } from '../access.ts';
import type { Context } from '../context.ts';

export interface RelatedActivity {
  id: number;
  kind: ActivityKind;
  date: string;
  title: string;
  titleEn: string | null;
  agreementSlug: string;
  agreementName: string;
}

/** At most `limit` of the newest, and how many there are in all. */
export async function activitiesOfAgreements(ctx: Context, slugs: readonly string[], limit = 50): Promise<{ rows: RelatedActivity[]; total: number }> {
  if (!slugs.length) return { rows: [], total: 0 };
  const list = sql.join(slugs.map((s) => sql`${s}`), sql`, `);
  const rows = await queryRows<RelatedActivity & { total: number }>(
    ctx.db,
    sql`select a.id, a.kind, a.date, a.title, a.title_en as "titleEn", g.slug as "agreementSlug", g.party_label || ' – ' || g.counterpart_label as "agreementName",
          count(*) over ()::int as total
        -- Those recorded under the agreements and those that serve them besides, each branch by its index (an OR would read every activity).
        from (select x.id from activities x join agreements s on s.id = x.agreement_id where s.slug in (${list})
              union select aa.activity_id from activity_agreements aa join agreements s on s.id = aa.agreement_id where s.slug in (${list}) and ${canReadAlias(ctx.principal, 's')}) ids
          join activities a on a.id = ids.id join agreements g on g.id = a.agreement_id
        where ${canReadAlias(ctx.principal, 'g')} and ${canReadAlias(ctx.principal, 'a')}
        order by a.date_min desc nulls last, a.id desc limit ${limit}`,
  );
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}
