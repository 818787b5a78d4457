// The ties a map draws: each listed agreement with its holder's seat and its
// counterpart's place. Filters and the date are the list's own. Past a number
// of ties a map draws bundles instead (one per county and province, by
// status), counted without handing out every tie: at the register's full
// scale that is a few thousand numbers instead of a hundred thousand rows.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { Status } from '../../db/schema.ts';
import { agreementFilter } from '../agreements/list.ts';
import { parseInput } from '../validate.ts';
import { listAgreementsSchema, type ListAgreementsInput, type ListAgreementsQuery } from '../agreements/schemas.ts';
import { canReadAlias } from '../access.ts';
import type { Context, Principal } from '../context.ts';
import { IN_FORCE } from '../status/derive-status.ts';
import { keptBundles } from './bundles.ts';

export interface MapTie {
  slug: string;
  kind: string;
  status: Status;
  actor: { slug: string; name: string; lat: number | null; lon: number | null; county: string | null };
  place: { slug: string; name: string; native: string | null; lat: number | null; lon: number | null; level: string };
  /** The top-level place (province, municipality, SAR) the counterpart lies in, or is. */
  province: MapProvince;
}

export interface MapProvince {
  slug: string;
  name: string;
  native: string | null;
}

/** The ties from the Swedish parties of one county to the places of one province, with one status. */
export interface MapBundle {
  county: string | null;
  province: MapProvince;
  status: Status;
  n: number;
}

export type MapContent = { kind: 'ties'; ties: MapTie[] } | { kind: 'bundles'; bundles: MapBundle[]; ties: number };

// One row per tie: a holder of the agreement and one of its counterparts,
// both of which the reader may read, drawn to a province the reader may read.
const ties = (principal: Principal) => sql`join agreement_parties ap on ap.agreement_id = a.id and ap.role = 'party'
        join actors ac on ac.id = ap.actor_id and ${canReadAlias(principal, 'ac')}
        join agreement_counterparts x on x.agreement_id = a.id
        join counterparts c on c.id = x.counterpart_id and ${canReadAlias(principal, 'c')}
        left join counterparts top on top.id = c.ancestor_ids[1]`;
/** The condition on `top` that ties() cannot put in its outer join. */
export const readableTop = (principal: Principal) => sql`(top.id is null or ${canReadAlias(principal, 'top')})`;

async function filtered(ctx: Context, input: ListAgreementsInput): Promise<{ from: SQL; where: SQL; status: SQL }> {
  const { page: _p, pageSize: _s, ...filters } = input;
  return agreementFilter(ctx, parseInput(listAgreementsSchema, filters));
}

export async function mapTies({ ctx, input }: { ctx: Context; input: ListAgreementsInput }): Promise<MapTie[]> {
  const { from, where, status } = await filtered(ctx, input);
  return queryRows<MapTie>(
    ctx.db,
    sql`select a.slug, a.kind, ${status} as status,
          json_build_object('slug', ac.slug, 'name', ac.name, 'lat', ac.seat_lat, 'lon', ac.seat_lon, 'county', ac.county_code) as actor,
          json_build_object('slug', c.slug, 'name', c.name_latin, 'native', c.name_native, 'lat', c.lat, 'lon', c.lon, 'level', c.level) as place,
          json_build_object('slug', coalesce(top.slug, c.slug), 'name', coalesce(top.name_latin, c.name_latin), 'native', coalesce(top.name_native, c.name_native)) as province
        from ${from}
        ${ties(ctx.principal)}
        where ${where} and ${readableTop(ctx.principal)}
        order by a.party_label, a.slug`,
  );
}

/** The ties one by one when there are at most `maxTies`, else counted in bundles. */
export async function mapContent({ ctx, input, maxTies }: { ctx: Context; input: ListAgreementsInput; maxTies: number }): Promise<MapContent> {
  const { page: _p, pageSize: _s, ...filters } = input;
  const query = parseInput(listAgreementsSchema, filters);
  // The whole register on a day, perhaps of one status, is counted from what
  // is kept in memory (bundles.ts); any other filter, by the database.
  const wholeRegister = !query.q && !query.actorKind && !query.county && !query.kind && !query.place && !query.establishedFrom && !query.establishedTo;
  const counted = wholeRegister
    ? await keptBundles(ctx, query.on, query.status === 'in_force' ? IN_FORCE : query.status ? new Set([query.status]) : null)
    : await countedBundles(ctx, query);
  if (counted.ties <= maxTies) return { kind: 'ties', ties: await mapTies({ ctx, input }) };
  const order = (b: MapBundle) => [b.county ?? '', b.province.slug, b.status];
  const bundles = counted.bundles.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : x[1]! < y[1]! ? -1 : x[1]! > y[1]! ? 1 : x[2]! < y[2]! ? -1 : x[2]! > y[2]! ? 1 : 0;
  });
  return { kind: 'bundles', bundles, ties: counted.ties };
}

async function countedBundles(ctx: Context, query: ListAgreementsQuery): Promise<{ bundles: MapBundle[]; ties: number }> {
  const { from, where, status } = await agreementFilter(ctx, query);
  const rows = await queryRows<{ county: string | null; slug: string; name: string; native: string | null; status: Status; n: number }>(
    ctx.db,
    sql`select ac.county_code as county, coalesce(top.slug, c.slug) as slug, coalesce(top.name_latin, c.name_latin) as name,
          coalesce(top.name_native, c.name_native) as native, ${status} as status, count(*)::int as n
        from ${from}
        ${ties(ctx.principal)}
        where ${where} and ${readableTop(ctx.principal)}
        group by 1, 2, 3, 4, 5`,
  );
  const bundles = rows.map((r) => ({ county: r.county, province: { slug: r.slug, name: r.name, native: r.native }, status: r.status, n: r.n }));
  return { bundles, ties: rows.reduce((sum, r) => sum + r.n, 0) };
}
