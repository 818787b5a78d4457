// A contact surface's cached counties and provinces (county_codes,
// province_ids): what the map's layers and the statistics count, read
// without joining the links (counts.ts). Made, like an agreement's caches,
// only of links that everyone who may read the surface may read
// (readableByEveryReaderOf, docs/visibility.md): a public surface's from
// public bodies and places (and a public province) only. Refreshed in the
// same transaction as whatever changes them: the surface's own links, a
// body's county or visibility, a place's visibility or parent, and an
// exchange import's surfaces and bodies (apply-contact-surfaces.ts).
import { sql, type SQL } from 'drizzle-orm';
import { readableByEveryReaderOf } from '../access.ts';
import type { Context } from '../context.ts';

async function refreshWhere(ctx: Context, where: SQL) {
  await ctx.db.execute(sql`update contact_surfaces s set
      county_codes = coalesce((select array_agg(distinct a.county_code order by a.county_code)
        from contact_surface_actors l join actors a on a.id = l.actor_id
        where l.surface_id = s.id and a.county_code is not null and ${readableByEveryReaderOf('s', 'a')}), '{}'),
      province_ids = coalesce((select array_agg(distinct coalesce(top.id, c.id) order by coalesce(top.id, c.id))
        from contact_surface_places l join counterparts c on c.id = l.counterpart_id
        left join counterparts top on top.id = c.ancestor_ids[1]
        where l.surface_id = s.id and ${readableByEveryReaderOf('s', 'c')} and (top.id is null or ${readableByEveryReaderOf('s', 'top')})), '{}')
    where ${where}`);
}

/** The surfaces of these ids. */
export const refreshSurfaceAreas = (ctx: Context, ids: number[]) => (ids.length ? refreshWhere(ctx, sql`s.id = any(${sql.param(ids)}::int[])`) : Promise.resolve());

/** The surfaces that link the Swedish bodies: after their county or visibility changed. */
export const refreshSurfaceAreasOfActors = (ctx: Context, actorIds: number[]) =>
  actorIds.length ? refreshWhere(ctx, sql`s.id in (select surface_id from contact_surface_actors where actor_id = any(${sql.param(actorIds)}::int[]))`) : Promise.resolve();
export const refreshSurfaceAreasOfActor = (ctx: Context, actorId: number) => refreshSurfaceAreasOfActors(ctx, [actorId]);

/** The surfaces that link the place or a place inside it: after its visibility or parent changed. */
export const refreshSurfaceAreasOfPlace = (ctx: Context, placeId: number) =>
  refreshWhere(ctx, sql`s.id in (select l.surface_id from contact_surface_places l join counterparts c on c.id = l.counterpart_id where c.id = ${placeId} or c.ancestor_ids @> array[${placeId}::int])`);
