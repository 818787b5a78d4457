import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { activities } from '../../db/schema.ts';
import { canReadAlias, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { GOAL_OF_AGREEMENT, linkActivitySchema, type LinkActivityInput } from './schemas.ts';

/**
 * Refuses, with `field` named, a goal an activity of the agreement may not
 * serve: one that is not a goal of a plan serving the agreement (its own
 * agreement or a further one), or of a plan the caller may not read.
 */
export async function requireGoalServing(ctx: Context, agreementId: number, goalId: number, field = 'actionPlanGoalId'): Promise<void> {
  const [found] = await queryRows<{ id: number }>(
    ctx.db,
    sql`select g.id from action_plan_goals g join action_plans p on p.id = g.action_plan_id
        where g.id = ${goalId} and ${canReadAlias(ctx.principal, 'p')}
          and (p.agreement_id = ${agreementId} or exists (select 1 from action_plan_agreements pa where pa.action_plan_id = p.id and pa.agreement_id = ${agreementId}))`,
  );
  if (!found) throw invalid([{ field, message: GOAL_OF_AGREEMENT }]);
}

/**
 * Sets the goal an activity of the agreement serves, or none: an editor of
 * the agreement's organisation, or an administrator. The activity then
 * shows as the goal's progress.
 */
export async function linkActivityToGoal({ ctx, agreement, activityId, input }: { ctx: Context; agreement: { id: number; organisationId: number }; activityId: number; input: LinkActivityInput }) {
  requireWrite(ctx, agreement.organisationId);
  const { actionPlanGoalId } = parseInput(linkActivitySchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [before] = await ctx.db.select().from(activities).where(and(eq(activities.id, activityId), eq(activities.agreementId, agreement.id))).for('update');
    if (!before) throw notFound('activity');
    requireWrite(ctx, before.organisationId);
    if (actionPlanGoalId !== null) await requireGoalServing(ctx, agreement.id, actionPlanGoalId);
    const [after] = await ctx.db.update(activities).set({ actionPlanGoalId }).where(eq(activities.id, activityId)).returning();
    await audit(ctx, { action: 'activity.link', entityType: 'activity', entityId: activityId, before: { actionPlanGoalId: before.actionPlanGoalId }, after: { actionPlanGoalId, visibility: before.visibility, organisationId: before.organisationId }, organisationId: before.organisationId });
    return after!;
  });
}
