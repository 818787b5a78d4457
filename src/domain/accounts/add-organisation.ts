import { eq, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { actors, organisations } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { addOrganisationSchema } from './schemas.ts';

/**
 * Adds an organisation: a Swedish body of the register (its actor, named by
 * slug, SCB kommunkod or name) or a national body without one (SKR, the
 * national China centre, a ministry).
 */
export async function addOrganisation({ ctx, input }: { ctx: Context; input: z.input<typeof addOrganisationSchema> }) {
  requireAdmin(ctx);
  const { comment, ...data } = parseInput(addOrganisationSchema, input);
  return inTransaction(ctx, async (ctx) => {
    let actorId: number | null = null;
    if (data.actor) {
      const found = await ctx.db
        .select({ id: actors.id, slug: actors.slug })
        .from(actors)
        .where(or(eq(actors.slug, data.actor), eq(actors.municipalityCode, data.actor), sql`lower(${actors.name}) = lower(${data.actor})`))
        .limit(2);
      if (!found.length) throw invalid([{ field: 'actor', message: `no Swedish body '${data.actor}' in the register (give its name, slug or SCB municipality code)` }]);
      if (found.length > 1) throw invalid([{ field: 'actor', message: `more than one body is called '${data.actor}': give its slug (${found.map((a) => a.slug).join(', ')})` }]);
      actorId = found[0]!.id;
    }
    const [clash] = await ctx.db
      .select({ slug: organisations.slug, actorId: organisations.actorId })
      .from(organisations)
      .where(actorId === null ? eq(organisations.slug, data.slug) : or(eq(organisations.slug, data.slug), eq(organisations.actorId, actorId)));
    if (clash) throw conflict(clash.slug === data.slug ? `an organisation '${data.slug}' exists already` : `the body '${data.actor}' is the organisation '${clash.slug}' already`);
    const [row] = await ctx.db.insert(organisations).values({ slug: data.slug, name: data.name, actorId }).returning();
    await audit(ctx, { action: 'organisation.add', entityType: 'organisation', entityId: row!.id, after: row, reason: comment, organisationId: row!.id });
    return row!;
  });
}
