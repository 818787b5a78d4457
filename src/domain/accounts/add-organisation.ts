import { eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import { actors, organisations } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { addOrganisationSchema } from './schemas.ts';

/** Adds an organisation: a Swedish body of the register (by its actor) or a national body. */
export async function addOrganisation({ ctx, input }: { ctx: Context; input: z.input<typeof addOrganisationSchema> }) {
  requireAdmin(ctx);
  const data = parseInput(addOrganisationSchema, input);
  return inTransaction(ctx, async (ctx) => {
    let actorId: number | null = null;
    if (data.actor) {
      const [actor] = await ctx.db
        .select({ id: actors.id })
        .from(actors)
        .where(or(eq(actors.slug, data.actor), eq(actors.municipalityCode, data.actor)));
      if (!actor) throw invalid([{ field: 'actor', message: `no Swedish body '${data.actor}' in the register (give its slug or SCB municipality code)` }]);
      actorId = actor.id;
    }
    const [clash] = await ctx.db
      .select({ slug: organisations.slug, actorId: organisations.actorId })
      .from(organisations)
      .where(actorId === null ? eq(organisations.slug, data.slug) : or(eq(organisations.slug, data.slug), eq(organisations.actorId, actorId)));
    if (clash) throw conflict(clash.slug === data.slug ? `an organisation '${data.slug}' exists already` : `the body '${data.actor}' is the organisation '${clash.slug}' already`);
    const [row] = await ctx.db.insert(organisations).values({ slug: data.slug, name: data.name, actorId }).returning();
    await audit(ctx, { action: 'organisation.add', entityType: 'organisation', entityId: row!.id, after: row, organisationId: row!.id });
    return row!;
  });
}
