// The ties a map draws: each listed agreement with its holder's seat and its
// counterpart's place. Filters and the date are the list's own.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { Status } from '../../db/schema.ts';
import { agreementFilter } from '../agreements/list.ts';
import { parseInput } from '../validate.ts';
import { listAgreementsSchema, type ListAgreementsInput } from '../agreements/schemas.ts';
import type { Context } from '../context.ts';

export interface MapTie {
  slug: string;
  kind: string;
  status: Status;
  actor: { slug: string; name: string; lat: number | null; lon: number | null; county: string | null };
  place: { slug: string; name: string; native: string | null; lat: number | null; lon: number | null; level: string };
  /** The top-level place (province, municipality, SAR) the counterpart lies in, or is. */
  province: { slug: string; name: string; native: string | null };
}

export async function mapTies({ ctx, input }: { ctx: Context; input: ListAgreementsInput }): Promise<MapTie[]> {
  const { page: _p, pageSize: _s, ...filters } = input;
  const { from, where, status } = await agreementFilter(ctx, parseInput(listAgreementsSchema, filters));
  return queryRows<MapTie>(
    ctx.db,
    sql`select a.slug, a.kind, ${status} as status,
          json_build_object('slug', ac.slug, 'name', ac.name, 'lat', ac.seat_lat, 'lon', ac.seat_lon, 'county', ac.county_code) as actor,
          json_build_object('slug', c.slug, 'name', c.name_latin, 'native', c.name_native, 'lat', c.lat, 'lon', c.lon, 'level', c.level) as place,
          json_build_object('slug', coalesce(top.slug, c.slug), 'name', coalesce(top.name_latin, c.name_latin), 'native', coalesce(top.name_native, c.name_native)) as province
        from ${from}
        join agreement_parties ap on ap.agreement_id = a.id and ap.role = 'party'
        join actors ac on ac.id = ap.actor_id
        join agreement_counterparts x on x.agreement_id = a.id
        join counterparts c on c.id = x.counterpart_id
        left join counterparts top on top.id = c.ancestor_ids[1]
        where ${where}
        order by a.party_label, a.slug`,
  );
}
