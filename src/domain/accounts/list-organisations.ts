import { asc, count, eq } from 'drizzle-orm';
import { actors, organisations, users } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import type { Context } from '../context.ts';

/** Every organisation with the body it is (if any) and how many users it has. */
export async function listOrganisations({ ctx }: { ctx: Context }) {
  requireAdmin(ctx);
  return ctx.db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name, actorSlug: actors.slug, actorName: actors.name, users: count(users.id) })
    .from(organisations)
    .leftJoin(actors, eq(actors.id, organisations.actorId))
    .leftJoin(users, eq(users.organisationId, organisations.id))
    .groupBy(organisations.id, actors.slug, actors.name)
    .orderBy(asc(organisations.slug));
}

/** The name of the signed-in person's own organisation ('' for anyone else). */
export async function organisationName(ctx: Context): Promise<string> {
  const p = ctx.principal;
  if (p.kind !== 'user') return '';
  const [row] = await ctx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, p.organisationId));
  return row?.name ?? '';
}
