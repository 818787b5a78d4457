// The place hierarchy: a place's `ancestor_ids` (root first) are its
// parent's and the parent itself. Every verb that reads a parent's ancestors
// to write a place's own holds this lock until its transaction ends, so two
// moves at once cannot each pass the cycle check and together make a loop,
// nor a new place copy ancestors that a move is changing.
import { eq, sql } from 'drizzle-orm';
import { counterparts } from '../../db/schema.ts';
import type { Context } from '../context.ts';
import { invalid } from '../errors.ts';

export async function lockHierarchy(ctx: Context): Promise<void> {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext('ortsband.counterpart-hierarchy'))`);
}

/**
 * The parent named by slug, checked for a place `self` (null while creating):
 * it exists, is in the same country, and is not the place or one inside it.
 * Returns its id and the ancestor ids the place gets under it.
 */
export async function placeUnder(ctx: Context, parent: string | null | undefined, self: { id: number; nameLatin: string } | null, countryCode: string): Promise<{ parentId: number | null; ancestorIds: number[] }> {
  if (!parent) return { parentId: null, ancestorIds: [] };
  const [p] = await ctx.db.select().from(counterparts).where(eq(counterparts.slug, parent));
  if (!p) throw invalid([{ field: 'parent', message: `no counterpart '${parent}'` }]);
  if (self && (p.id === self.id || p.ancestorIds.includes(self.id))) {
    throw invalid([{ field: 'parent', message: p.id === self.id ? `a place cannot lie inside itself` : `${p.nameLatin} lies inside ${self.nameLatin}: a place cannot lie inside itself` }]);
  }
  if (p.countryCode !== countryCode) throw invalid([{ field: 'parent', message: 'the parent is in another country' }]);
  return { parentId: p.id, ancestorIds: [...p.ancestorIds, p.id] };
}
