import { and, eq } from 'drizzle-orm';
import { activities, followUpPoints, users } from '../../db/schema.ts';
import { requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { addFollowUpPointSchema, type AddFollowUpPointInput } from './schemas.ts';
import { lockedForKeeper } from '../agreements/keeper-lock.ts';

/**
 * Raises a follow-up point at an activity of the agreement (found with
 * findAgreementBySlug): an editor of the agreement's organisation, or an
 * administrator. The owner is an active editor or administrator of that
 * organisation (who may then close it); the point is due no earlier than the
 * activity's first possible day.
 */
export async function addFollowUpPoint({ ctx, agreement, activityId, input }: { ctx: Context; agreement: { id: number; organisationId: number }; activityId: number; input: AddFollowUpPointInput }) {
  requireWrite(ctx, agreement.organisationId);
  const { reason, owner, ...data } = parseInput(addFollowUpPointSchema, input);
  return inTransaction(ctx, async (ctx) => {
    // The keeper now: a point is its keeper's work, which a hand-over refuses to take along.
    const { organisationId } = await lockedForKeeper(ctx, agreement.id);
    const [activity] = await ctx.db.select().from(activities).where(and(eq(activities.id, activityId), eq(activities.agreementId, agreement.id)));
    if (!activity) throw notFound('activity');
    const [person] = await ctx.db.select().from(users).where(eq(users.email, owner));
    if (!person || person.disabledAt || person.organisationId !== organisationId || (person.role !== 'editor' && person.role !== 'admin')) {
      throw invalid([{ field: 'owner', message: 'must be the e-mail address of an editor in the organisation that keeps the agreement' }]);
    }
    if (activity.dateMin && data.dueOn < activity.dateMin) {
      throw invalid([{ field: 'dueOn', message: `must not be before the activity (${activity.date})` }]);
    }
    const [row] = await ctx.db
      .insert(followUpPoints)
      .values({ ...data, activityId, agreementId: agreement.id, ownerId: person.id, organisationId })
      .returning();
    await audit(ctx, { action: 'follow_up.add', entityType: 'follow_up_point', entityId: row!.id, after: row, reason: reason ?? undefined, organisationId });
    return row!;
  });
}
