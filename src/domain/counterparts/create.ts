import { eq } from 'drizzle-orm';
import { counterparts } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict } from '../errors.ts';
import { cite } from '../sources/cite.ts';
import { counterpartSearchText } from '../text/normalize.ts';
import { parseInput } from '../validate.ts';
import { lockHierarchy, placeUnder } from './hierarchy.ts';
import { createCounterpartSchema } from './schemas.ts';

/** Adds a place to the hierarchy: reference data, an administrator's (or the loader's and the import's, as the system). */
export async function createCounterpart({ ctx, input, organisationId }: { ctx: Context; input: unknown; organisationId: number }) {
  requireAdmin(ctx);
  const { sources, parent, comment, ...data } = parseInput(createCounterpartSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const clash = await ctx.db.select({ id: counterparts.id }).from(counterparts).where(eq(counterparts.slug, data.slug));
    if (clash.length) throw conflict(`a counterpart '${data.slug}' exists already`);
    await lockHierarchy(ctx);
    const { parentId, ancestorIds } = await placeUnder(ctx, parent, null, data.countryCode);
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
    await audit(ctx, { action: 'counterpart.create', entityType: 'counterpart', entityId: row!.id, after: row, reason: comment, organisationId });
    return row!;
  });
}
