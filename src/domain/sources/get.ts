import { eq } from 'drizzle-orm';
import { sources } from '../../db/schema.ts';
import { requireRead } from '../access.ts';
import type { Context } from '../context.ts';

/** One source by its slug, as the reader may read it (a confidential one is never public). */
export async function getSource({ ctx, slug }: { ctx: Context; slug: string }) {
  const [row] = await ctx.db.select().from(sources).where(eq(sources.slug, slug));
  return requireRead(ctx, row, 'source');
}
