import { activitiesOfAgreements } from '../activities/of-agreements.ts';
import { surfacesOfPlace } from '../contact-surfaces/read.ts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { counterparts } from '../../db/schema.ts';
import { canReadRow, requireRead } from '../access.ts';
import type { RelatedAgreement } from '../actors/get.ts';
import { citationsOf } from '../agreements/get.ts';
import { knownUntilSql } from '../agreements/known-until.ts';
import { periodsOf, SUMMARY_COLUMNS } from '../agreements/list.ts';
import { rowLinksOf } from '../agreements/row-links.ts';
import type { Context } from '../context.ts';

/** A place with everything inside it: a province's page lists its cities' agreements too. */
export async function getCounterpart({ ctx, slug }: { ctx: Context; slug: string }) {
  const [found] = await ctx.db.select().from(counterparts).where(eq(counterparts.slug, slug));
  const place = requireRead(ctx, found, 'counterpart');
  // The places it lies in and those inside it, as far as the reader may read them.
  const readablePlace = canReadRow(ctx.principal, counterparts.visibility, counterparts.organisationId);
  const [chain, children, agreements, bodies] = await Promise.all([
    place.ancestorIds.length ? ctx.db.select().from(counterparts).where(and(inArray(counterparts.id, place.ancestorIds), readablePlace)) : Promise.resolve([]),
    ctx.db.select().from(counterparts).where(and(eq(counterparts.parentId, place.id), readablePlace)).orderBy(asc(counterparts.nameLatin)),
    queryRows<RelatedAgreement & { direct: boolean }>(
      ctx.db,
      sql`select ${SUMMARY_COLUMNS},
            a.current_status as "currentStatus", '' as role, ${knownUntilSql(ctx.principal)} as "knownUntil",
            exists (select 1 from agreement_counterparts x where x.agreement_id = a.id and x.counterpart_id = ${place.id}) as direct
          from agreements a
          where a.place_ids @> array[${place.id}]::int[] and ${canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)}
          order by a.established_min nulls last, a.id`,
    ),
    // Every Swedish body that has dealt with this place or a place inside it.
    queryRows<{ slug: string; name: string; kind: string; agreements: number }>(
      ctx.db,
      sql`select ac.slug, ac.name, ac.kind, count(distinct a.id)::int as agreements
          from agreements a join agreement_parties ap on ap.agreement_id = a.id join actors ac on ac.id = ap.actor_id
          where a.place_ids @> array[${place.id}]::int[] and ${canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)}
            and ${canReadRow(ctx.principal, sql`ac.visibility`, sql`ac.organisation_id`)}
          group by ac.id order by ac.name`,
    ),
  ]);
  const slugs = agreements.map((a) => a.slug);
  const [periods, links, sources, activities, contactSurfaces] = await Promise.all([periodsOf(ctx, slugs), rowLinksOf(ctx, slugs), citationsOf(ctx, 'counterpart', place.id), activitiesOfAgreements(ctx, slugs), surfacesOfPlace(ctx, place.id)]);
  return {
    place,
    chain: place.ancestorIds.map((id) => chain.find((c) => c.id === id)!).filter(Boolean),
    children,
    agreements,
    bodies,
    periods,
    links,
    sources,
    activities,
    contactSurfaces,
  };
}
