import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { sources } from '../../db/schema.ts';
import { requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { createSourceSchema } from './schemas.ts';

export async function createSource({ ctx, input, organisationId }: { ctx: Context; input: z.input<typeof createSourceSchema>; organisationId: number }) {
  requireWrite(ctx, organisationId);
  const { reason, ...data } = parseInput(createSourceSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const clash = await ctx.db.select({ id: sources.id }).from(sources).where(eq(sources.slug, data.slug));
    if (clash.length) throw invalid([{ field: 'slug', message: `a source '${data.slug}' exists already` }]);
    // A confidential source (an interview given in confidence) is never public.
    const visibility = data.confidential && data.visibility === 'public' ? 'internal' : data.visibility;
    const [row] = await ctx.db.insert(sources).values({ ...data, visibility, organisationId }).returning();
    await audit(ctx, { action: 'source.create', entityType: 'source', entityId: row!.id, after: row, reason: reason ?? undefined, organisationId });
    return row!;
  });
}
