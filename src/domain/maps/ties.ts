// The ties a map draws: each listed agreement with its holder's seat and its
// counterpart's place. Filters and the date are the list's own.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { Status } from '../../db/schema.ts';
import { listAgreements } from '../agreements/list.ts';
import type { ListAgreementsInput } from '../agreements/schemas.ts';
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
  const list = await listAgreements({ ctx, input: { ...input, page: undefined, pageSize: undefined }, all: true });
  if (!list.rows.length) return [];
  const status = new Map(list.rows.map((r) => [r.slug, r.status]));
  const rows = await queryRows<{ slug: string; kind: string; actor: MapTie['actor']; place: MapTie['place']; province: MapTie['province'] }>(
    ctx.db,
    sql`select a.slug, a.kind,
          json_build_object('slug', ac.slug, 'name', ac.name, 'lat', ac.seat_lat, 'lon', ac.seat_lon, 'county', ac.county_code) as actor,
          json_build_object('slug', c.slug, 'name', c.name_latin, 'native', c.name_native, 'lat', c.lat, 'lon', c.lon, 'level', c.level) as place,
          json_build_object('slug', coalesce(top.slug, c.slug), 'name', coalesce(top.name_latin, c.name_latin), 'native', coalesce(top.name_native, c.name_native)) as province
        from agreements a
        join agreement_parties ap on ap.agreement_id = a.id and ap.role = 'party'
        join actors ac on ac.id = ap.actor_id
        join agreement_counterparts x on x.agreement_id = a.id
        join counterparts c on c.id = x.counterpart_id
        left join counterparts top on top.id = c.ancestor_ids[1]
        where a.slug in (${sql.join([...status.keys()].map((s) => sql`${s}`), sql`, `)})
        order by a.party_label, a.slug`,
  );
  return rows.map((r) => ({ ...r, status: status.get(r.slug)! }));
}
