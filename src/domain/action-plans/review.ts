import { eq, sql } from 'drizzle-orm';
import { actionPlanGoals, actionPlans } from '../../db/schema.ts';
import { requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { parseFuzzyDate } from '../dates.ts';
import { conflict, invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { planServing } from './create.ts';
import { reviewActionPlanSchema, type ReviewActionPlanInput } from './schemas.ts';

/**
 * The review of a plan that serves the agreement: the day it was made, what
 * it concluded, and per goal the outcome and its assessment (met, partly
 * met, not met, not assessed). An editor of the plan's organisation, or an
 * administrator; a stale `expectedVersion` is a conflict and changes nothing.
 */
export async function reviewActionPlan({ ctx, agreement, planId, input }: { ctx: Context; agreement: { id: number; organisationId: number }; planId: number; input: ReviewActionPlanInput }) {
  requireWrite(ctx, agreement.organisationId);
  const { reviewedOn, reviewNote, goals, expectedVersion } = parseInput(reviewActionPlanSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const before = await planServing(ctx, agreement.id, planId, { forUpdate: true });
    requireWrite(ctx, before.organisationId);
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw conflict(`the action plan was changed by someone else (version ${before.version}, you saw ${expectedVersion})`, before);
    }
    const own = await ctx.db.select().from(actionPlanGoals).where(eq(actionPlanGoals.actionPlanId, planId));
    const problems = Object.keys(goals)
      .filter((id) => !own.some((g) => String(g.id) === id))
      .map((id) => ({ field: `goals.${id}`, message: 'is not a goal of this action plan' }));
    const first = parseFuzzyDate(before.periodFrom).min;
    if (first && reviewedOn < first) problems.push({ field: 'reviewedOn', message: `must not be before the plan's period begins (${before.periodFrom})` });
    if (problems.length) throw invalid(problems);
    const changed = [];
    for (const [id, review] of Object.entries(goals)) {
      const [row] = await ctx.db.update(actionPlanGoals).set(review).where(eq(actionPlanGoals.id, Number(id))).returning();
      changed.push(row!);
    }
    const [after] = await ctx.db
      .update(actionPlans)
      .set({ reviewedOn, reviewNote, version: sql`${actionPlans.version} + 1`, updatedAt: new Date() })
      .where(eq(actionPlans.id, planId))
      .returning();
    await audit(ctx, {
      action: 'action_plan.review',
      entityType: 'action_plan',
      entityId: planId,
      before: { plan: before, goals: own.filter((g) => String(g.id) in goals) },
      after: { plan: after, goals: changed },
      organisationId: before.organisationId,
    });
    return after!;
  });
}
