import { and, eq, sql } from 'drizzle-orm';
import { followUpPoints } from '../../db/schema.ts';
import { requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { closeFollowUpPointSchema, type CloseFollowUpPointInput } from './schemas.ts';

/**
 * Marks a follow-up point of the agreement done or dropped (with its
 * comment), or open again: an editor of the agreement's organisation, or an
 * administrator. A stale `expectedVersion` is a conflict.
 */
export async function setFollowUpState({ ctx, agreement, id, input }: { ctx: Context; agreement: { id: number; organisationId: number }; id: number; input: CloseFollowUpPointInput }) {
  requireWrite(ctx, agreement.organisationId);
  const { state, comment, expectedVersion } = parseInput(closeFollowUpPointSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [before] = await ctx.db.select().from(followUpPoints).where(and(eq(followUpPoints.id, id), eq(followUpPoints.agreementId, agreement.id))).for('update');
    if (!before) throw notFound('follow-up point');
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw conflict(`the follow-up point was changed by someone else (version ${before.version}, you saw ${expectedVersion})`, before);
    }
    const [after] = await ctx.db
      .update(followUpPoints)
      .set({ state, stateComment: comment ?? null, closedAt: state === 'open' ? null : new Date(), version: sql`${followUpPoints.version} + 1`, updatedAt: new Date() })
      .where(eq(followUpPoints.id, id))
      .returning();
    await audit(ctx, { action: `follow_up.${state}`, entityType: 'follow_up_point', entityId: id, before, after, organisationId: before.organisationId });
    return after!;
  });
}
