import { eq } from 'drizzle-orm';
import { agreements } from '../../db/schema.ts';
import { requireRead, requireWrite } from '../access.ts';
import type { Context } from '../context.ts';

/**
 * The agreement a write names by its slug, before anything the writer sent
 * is read: NOT_FOUND when the principal may not read it (not allowed looks
 * like absent), FORBIDDEN when they may read it but not change it. The verb
 * that follows checks the same again in its own transaction.
 */
export async function findWritableAgreement(ctx: Context, slug: string) {
  const [row] = await ctx.db
    .select({ id: agreements.id, slug: agreements.slug, version: agreements.version, currentStatus: agreements.currentStatus, visibility: agreements.visibility, organisationId: agreements.organisationId })
    .from(agreements)
    .where(eq(agreements.slug, slug));
  requireWrite(ctx, requireRead(ctx, row, 'agreement').organisationId);
  return row!;
}
