// Changing and removing an activity: its organisation's editors and
// administrators, at the version the form was opened at (a stale one is a
// conflict). Changing replaces what the form holds: kind, title, date,
// participants, costs, funding, the goal, its places and further
// agreements, visibility; its sources and follow-up points stay. Removing
// takes its follow-up points, places and citations with it; the audit entry
// keeps what it was.
import { and, eq, min, sql } from 'drizzle-orm';
import { z } from 'zod';
import { activities, activityAgreements, activityPlaces, citations, followUpPoints } from '../../db/schema.ts';
import { canRead, requireReadableRecord, requireWrite } from '../access.ts';
import { requireGoalServing } from '../action-plans/link.ts';
import { furtherAgreements } from '../agreements/further.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { parseFuzzyDate } from '../dates.ts';
import { reasonSchema } from '../documents/schemas.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { delegationKeys } from '../coordination/delegation-names.ts';
import { queueDelegationCheck } from '../coordination/delegation-checks.ts';
import { activityFields, costOf, costsAddUp, placesOf } from './create.ts';

const version = z.coerce.number('must be a version number').int('must be a version number').positive('must be a version number').max(2_147_483_647, 'must be a version number');

export const changeActivitySchema = activityFields
  .omit({ sources: true, note: true, noteEn: true })
  .extend({ reason: reasonSchema, expectedVersion: version.optional() })
  .superRefine(costsAddUp);
export const removeActivitySchema = z.object({ reason: reasonSchema, expectedVersion: version.optional() });

type Agreement = { id: number; organisationId: number };

/** The activity recorded under this agreement, locked, once the caller may change the agreement's records and read it. */
export async function lockedActivity(ctx: Context, agreement: Agreement, id: number, expectedVersion: number | undefined) {
  requireWrite(ctx, agreement.organisationId);
  const [row] = await ctx.db.select().from(activities).where(and(eq(activities.id, id), eq(activities.agreementId, agreement.id))).for('update');
  if (!row || !canRead(ctx.principal, row)) throw notFound('activity');
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw conflict(`the activity was changed by someone else (version ${row.version}, you saw ${expectedVersion})`, row);
  }
  return row;
}

export async function changeActivity({ ctx, agreement, id, input }: { ctx: Context; agreement: Agreement; id: number; input: z.input<typeof changeActivitySchema> }) {
  requireWrite(ctx, agreement.organisationId);
  const { reason, expectedVersion, alsoServes, swedishPlaces, chinesePlaces, ...data } = parseInput(changeActivitySchema, input);
  return inTransaction(ctx, async (ctx) => {
    const before = await lockedActivity(ctx, agreement, id, expectedVersion);
    requireReadableRecord(ctx, { visibility: data.visibility, organisationId: before.organisationId });
    if (data.actionPlanGoalId) await requireGoalServing(ctx, agreement.id, data.actionPlanGoalId);
    const dateMin = parseFuzzyDate(data.date).min;
    // A follow-up point is due no earlier than its activity (follow-up/add-point.ts): the activity may not move past it.
    const [{ due } = { due: null }] = await ctx.db.select({ due: min(followUpPoints.dueOn) }).from(followUpPoints).where(eq(followUpPoints.activityId, id));
    if (due && dateMin && dateMin > due) throw invalid([{ field: 'date', message: `must not be after the due day of its follow-up points (${due})` }]);
    const further = await furtherAgreements(ctx, agreement.id, alsoServes, 'is the agreement the activity is recorded under');
    const places = await placesOf(ctx, { swedishPlaces, chinesePlaces });
    const [after] = await ctx.db
      .update(activities)
      .set({ ...data, delegationKeys: delegationKeys(data), costSek: costOf(data), dateMin, version: sql`${activities.version} + 1`, updatedAt: new Date() })
      .where(eq(activities.id, id))
      .returning();
    await queueDelegationCheck(ctx, 'activity', after!);
    await ctx.db.delete(activityAgreements).where(eq(activityAgreements.activityId, id));
    if (further.length) await ctx.db.insert(activityAgreements).values(further.map((a) => ({ activityId: id, agreementId: a.id })));
    await ctx.db.delete(activityPlaces).where(eq(activityPlaces.activityId, id));
    if (places.length) await ctx.db.insert(activityPlaces).values(places.map((place) => ({ ...place, activityId: id })));
    await audit(ctx, {
      action: 'activity.change',
      entityType: 'activity',
      entityId: id,
      before,
      after: { ...after, alsoServes, swedishPlaces, chinesePlaces },
      reason: reason ?? undefined,
      organisationId: before.organisationId,
    });
    return after!;
  });
}

export async function removeActivity({ ctx, agreement, id, input }: { ctx: Context; agreement: Agreement; id: number; input: z.input<typeof removeActivitySchema> }) {
  requireWrite(ctx, agreement.organisationId);
  const { reason, expectedVersion } = parseInput(removeActivitySchema, input);
  return inTransaction(ctx, async (ctx) => {
    const before = await lockedActivity(ctx, agreement, id, expectedVersion);
    await ctx.db.delete(citations).where(and(eq(citations.subjectType, 'activity'), eq(citations.subjectId, id)));
    await ctx.db.delete(activities).where(eq(activities.id, id));
    await audit(ctx, { action: 'activity.remove', entityType: 'activity', entityId: id, before, reason: reason ?? undefined, organisationId: before.organisationId });
  });
}
