import { and, asc, eq, or, sql } from 'drizzle-orm';
import { activitiesOfAgreements } from '../activities/of-agreements.ts';
import { surfacesOfActor } from '../contact-surfaces/read.ts';
import { queryRows } from '../../db/client.ts';
import { actors, actorSuccessions, type Status } from '../../db/schema.ts';
import { canReadAlias, canReadRow, requireRead } from '../access.ts';
import { citationsOf } from '../agreements/get.ts';
import { knownUntilSql } from '../agreements/known-until.ts';
import { periodsOf, SUMMARY_COLUMNS, type AgreementListRow } from '../agreements/list.ts';
import { rowLinksOf } from '../agreements/row-links.ts';
import type { Context } from '../context.ts';

/** An agreement in an actor's or a place's list: the list's columns, its current status and the actor's roles. */
export interface RelatedAgreement extends Omit<AgreementListRow, 'status'> {
  currentStatus: Status;
  role: string;
  /** The year its status is known as of (known-until.ts). */
  knownUntil: number | null;
}

/** An actor with the agreements it holds or took part in, and whom it succeeded or was succeeded by. */
export async function getActor({ ctx, slug }: { ctx: Context; slug: string }) {
  const [found] = await ctx.db.select().from(actors).where(eq(actors.slug, slug));
  const actor = requireRead(ctx, found, 'actor');
  const agreements = await queryRows<RelatedAgreement>(
    ctx.db,
    sql`select ${SUMMARY_COLUMNS},
          a.current_status as "currentStatus", string_agg(ap.role, ',' order by ap.role) as role, ${knownUntilSql(ctx.principal)} as "knownUntil"
        from agreements a join agreement_parties ap on ap.agreement_id = a.id
        where ap.actor_id = ${actor.id} and ${canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)}
        group by a.id order by a.established_min nulls last, a.id`,
  );
  const successions = await ctx.db
    .select({ succession: actorSuccessions, predecessor: { slug: sql<string>`p.slug`, name: sql<string>`p.name` }, successor: { slug: sql<string>`s.slug`, name: sql<string>`s.name` } })
    .from(actorSuccessions)
    .innerJoin(sql`actors p`, sql`p.id = ${actorSuccessions.predecessorId}`)
    .innerJoin(sql`actors s`, sql`s.id = ${actorSuccessions.successorId}`)
    // A succession is read with both its actors: one the reader may not read hides it.
    .where(and(or(eq(actorSuccessions.predecessorId, actor.id), eq(actorSuccessions.successorId, actor.id)), canReadAlias(ctx.principal, 'p'), canReadAlias(ctx.principal, 's')))
    .orderBy(asc(actorSuccessions.id));
  const slugs = agreements.map((a) => a.slug);
  const [periods, links, sources, activities, contactSurfaces] = await Promise.all([periodsOf(ctx, slugs), rowLinksOf(ctx, slugs), citationsOf(ctx, 'actor', actor.id), activitiesOfAgreements(ctx, slugs), surfacesOfActor(ctx, actor.id)]);
  return { actor, agreements, successions, periods, links, sources, activities, contactSurfaces };
}
