// The places an activity under an agreement may name, as the form offers
// them: the agreement's Swedish parties, and its Chinese places with the
// provinces above them, those the reader may read. The API takes any place
// of the register by its slug (activities/create.ts).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { canReadAlias } from '../access.ts';
import type { Context } from '../context.ts';

export interface PlaceChoice {
  slug: string;
  name: string;
}

export async function placeChoices(ctx: Context, agreement: { id: number }): Promise<{ swedish: PlaceChoice[]; chinese: PlaceChoice[] }> {
  const [swedish, chinese] = await Promise.all([
    queryRows<PlaceChoice>(
      ctx.db,
      sql`select pa.slug, pa.name from agreement_parties ap join actors pa on pa.id = ap.actor_id
          where ap.agreement_id = ${agreement.id} and ${canReadAlias(ctx.principal, 'pa')} group by pa.id order by pa.name`,
    ),
    queryRows<PlaceChoice>(
      ctx.db,
      sql`select cp.slug, cp.name_latin || coalesce(' ' || cp.name_native, '') as name
          from agreement_counterparts acp join counterparts own on own.id = acp.counterpart_id
            join counterparts cp on cp.id = own.id or cp.id = any(own.ancestor_ids)
          where acp.agreement_id = ${agreement.id} and cp.level <> 'country' and ${canReadAlias(ctx.principal, 'cp')}
          group by cp.id order by array_length(cp.ancestor_ids, 1) nulls first, cp.name_latin`,
    ),
  ]);
  return { swedish, chinese };
}
