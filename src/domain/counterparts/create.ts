import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { counterparts } from '../../db/schema.ts';
import { requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { cite } from '../sources/cite.ts';
import { counterpartSearchText } from '../text/normalize.ts';
import { parseInput } from '../validate.ts';
import { createCounterpartSchema } from './schemas.ts';

export async function createCounterpart({ ctx, input, organisationId }: { ctx: Context; input: z.input<typeof createCounterpartSchema>; organisationId: number }) {
  requireWrite(ctx, organisationId);
  const { sources, parent, ...data } = parseInput(createCounterpartSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const clash = await ctx.db.select({ id: counterparts.id }).from(counterparts).where(eq(counterparts.slug, data.slug));
    if (clash.length) throw conflict(`a counterpart '${data.slug}' exists already`);
    let parentId: number | null = null;
    let ancestorIds: number[] = [];
    if (parent) {
      const [p] = await ctx.db.select().from(counterparts).where(eq(counterparts.slug, parent));
      if (!p) throw invalid([{ field: 'parent', message: `no counterpart '${parent}'` }]);
      if (p.countryCode !== data.countryCode) throw invalid([{ field: 'parent', message: 'the parent is in another country' }]);
      parentId = p.id;
      ancestorIds = [...p.ancestorIds, p.id];
    }
    const [row] = await ctx.db
      .insert(counterparts)
      .values({
        ...data,
        parentId,
        ancestorIds,
        organisationId,
        searchText: counterpartSearchText(data),
      })
      .returning();
    await cite(ctx, 'counterpart', row!.id, sources);
    await audit(ctx, { action: 'counterpart.create', entityType: 'counterpart', entityId: row!.id, after: row, organisationId });
    return row!;
  });
}
