import { eq, sql } from 'drizzle-orm';
import { actionPlanGoals, actionPlans } from '../../db/schema.ts';
import { requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { parseInput } from '../validate.ts';
import { planServing } from './create.ts';
import { goalSchema, type GoalInput } from './schemas.ts';
import { themeInBothLanguages } from './themes.ts';

/**
 * A goal in a thematic area, with its indicator and planned activities,
 * added last to a plan that serves the agreement (found with
 * findAgreementBySlug): an editor of the plan's organisation, or an
 * administrator. The plan's version moves: a review form opened before
 * does not know the goal.
 */
export async function addActionPlanGoal({ ctx, agreement, planId, input }: { ctx: Context; agreement: { id: number; organisationId: number }; planId: number; input: GoalInput }) {
  requireWrite(ctx, agreement.organisationId);
  const goal = parseInput(goalSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const plan = await planServing(ctx, agreement.id, planId, { forUpdate: true });
    requireWrite(ctx, plan.organisationId);
    const [{ next }] = (await ctx.db.select({ next: sql<number>`coalesce(max(${actionPlanGoals.sortOrder}), 0)::int + 1` }).from(actionPlanGoals).where(eq(actionPlanGoals.actionPlanId, planId))) as [{ next: number }];
    const [row] = await ctx.db
      .insert(actionPlanGoals)
      .values({ ...goal, ...themeInBothLanguages(goal.theme, goal.themeEn), actionPlanId: planId, sortOrder: next })
      .returning();
    await ctx.db.update(actionPlans).set({ version: sql`${actionPlans.version} + 1`, updatedAt: new Date() }).where(eq(actionPlans.id, planId));
    await audit(ctx, { action: 'action_plan.goal', entityType: 'action_plan', entityId: planId, after: { plan: { id: plan.id, visibility: plan.visibility, organisationId: plan.organisationId }, goal: row }, organisationId: plan.organisationId });
    return row!;
  });
}
