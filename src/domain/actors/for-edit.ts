// What the administrators' pages read about actors: every actor, whatever
// its visibility or owner (reference data is theirs to keep).
import { asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.ts';
import { actors, actorSuccessions, type ActorKind, type Visibility } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';
import { textMatches } from '../text/search.ts';
import { parseInput } from '../validate.ts';

export const adminActorQuerySchema = z.strictObject({ q: z.string().trim().max(200, 'must be at most 200 characters').optional() });

export interface AdminActorRow {
  slug: string;
  name: string;
  kind: ActorKind;
  municipalityCode: string | null;
  countyCode: string | null;
  visibility: Visibility;
}

/** Every actor (or those a search finds), by name. */
export async function listActorsForAdmin({ ctx, input }: { ctx: Context; input: unknown }): Promise<AdminActorRow[]> {
  requireAdmin(ctx);
  const { q } = parseInput(adminActorQuerySchema, input);
  const where: SQL = textMatches(sql`search_text`, q) ?? sql`true`;
  return queryRows<AdminActorRow>(
    ctx.db,
    sql`select slug, name, kind, municipality_code as "municipalityCode", county_code as "countyCode", visibility from actors where ${where} order by name, slug limit 2000`,
  );
}

/** One actor as its change form shows it, with the successions it is part of. */
export async function getActorForEdit({ ctx, slug }: { ctx: Context; slug: string }) {
  requireAdmin(ctx);
  const [actor] = await ctx.db.select().from(actors).where(eq(actors.slug, slug));
  if (!actor) throw notFound(`actor '${slug}'`);
  const successions = await ctx.db
    .select({ kind: actorSuccessions.kind, date: actorSuccessions.date, note: actorSuccessions.note, predecessor: sql<string>`p.name`, predecessorSlug: sql<string>`p.slug`, successor: sql<string>`s.name`, successorSlug: sql<string>`s.slug` })
    .from(actorSuccessions)
    .innerJoin(sql`actors p`, sql`p.id = ${actorSuccessions.predecessorId}`)
    .innerJoin(sql`actors s`, sql`s.id = ${actorSuccessions.successorId}`)
    .where(or(eq(actorSuccessions.predecessorId, actor.id), eq(actorSuccessions.successorId, actor.id)))
    .orderBy(asc(actorSuccessions.id));
  return { actor, successions };
}

/** Every actor's slug and name: the choices of a succession's other body. */
export async function actorChoices({ ctx }: { ctx: Context }): Promise<Array<{ slug: string; name: string }>> {
  requireAdmin(ctx);
  return ctx.db.select({ slug: actors.slug, name: actors.name }).from(actors).orderBy(asc(actors.name), asc(actors.slug));
}
