import { eq } from 'drizzle-orm';
import { agreements } from '../../db/schema.ts';
import { requireRead } from '../access.ts';
import type { Context } from '../context.ts';

/** The agreement's row by its slug, for a page or verb that works on it; NOT_FOUND when the principal may not read it. */
export async function findAgreementBySlug(ctx: Context, slug: string) {
  const [row] = await ctx.db
    .select({ id: agreements.id, slug: agreements.slug, officialTitle: agreements.officialTitle, partyLabel: agreements.partyLabel, counterpartLabel: agreements.counterpartLabel, visibility: agreements.visibility, organisationId: agreements.organisationId, version: agreements.version })
    .from(agreements)
    .where(eq(agreements.slug, slug));
  return requireRead(ctx, row, 'agreement');
}
