import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.ts';
import { ACTOR_KINDS, type ActorKind } from '../../db/schema.ts';
import { canReadRow } from '../access.ts';
import type { Context } from '../context.ts';
import { isCounty, NO_SUCH_COUNTY } from '../counties.ts';
import { invalid } from '../errors.ts';
import { textMatches } from '../text/search.ts';
import { parseInput } from '../validate.ts';

export const listActorsSchema = z.strictObject({
  q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  kind: z.enum(ACTOR_KINDS).optional(),
  county: z.string().regex(/^\d{2}$/, 'must be a 2-digit länskod, e.g. 14').optional(),
});

export interface ActorListRow {
  slug: string;
  name: string;
  otherNames: string[];
  kind: ActorKind;
  municipalityCode: string | null;
  countyCode: string | null;
  agreements: number;
  inForce: number;
}

export async function listActors({ ctx, input }: { ctx: Context; input: z.input<typeof listActorsSchema> }): Promise<ActorListRow[]> {
  const query = parseInput(listActorsSchema, input);
  const where: SQL[] = [canReadRow(ctx.principal, sql`ac.visibility`, sql`ac.organisation_id`)];
  const text = textMatches(sql`ac.search_text`, query.q);
  if (text) where.push(text);
  if (query.kind) where.push(sql`ac.kind = ${query.kind}`);
  if (query.county && !isCounty(query.county)) throw invalid([{ field: 'county', message: NO_SUCH_COUNTY }]);
  if (query.county) where.push(sql`ac.county_code = ${query.county}`);
  return queryRows<ActorListRow>(
    ctx.db,
    sql`select ac.slug, ac.name, ac.other_names as "otherNames", ac.kind, ac.municipality_code as "municipalityCode", ac.county_code as "countyCode",
          count(distinct a.id)::int as agreements,
          count(distinct a.id) filter (where a.current_status in ('active','dormant','paused','partly_ended'))::int as "inForce"
        from actors ac
        left join agreement_parties ap on ap.actor_id = ac.id
        left join agreements a on a.id = ap.agreement_id and ${canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)}
        where ${sql.join(where, sql` and `)}
        group by ac.id order by ac.name limit 1000`,
  );
}
