// Changing and removing an action plan and its goals: editors of the plan's
// organisation and administrators, on the agreement the plan is made for,
// at the plan's version (every change to it or a goal moves it; a stale one
// is a conflict and changes nothing). Activities linked to a removed goal
// keep their record and lose the link; a plan may not stop serving an
// agreement whose activities serve its goals (unlink them first).
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { activities, actionPlanAgreements, actionPlanGoals, actionPlans, agreements, citations } from '../../db/schema.ts';
import { requireReadableRecord, requireWrite } from '../access.ts';
import { furtherAgreements } from '../agreements/further.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { parseFuzzyDate } from '../dates.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { planServing } from './create.ts';
import { changeActionPlanSchema, changeGoalSchema, removePlanPartSchema, type ChangeActionPlanInput, type ChangeGoalInput, type RemovePlanPartInput } from './schemas.ts';
import { themeInBothLanguages } from './themes.ts';

type Agreement = { id: number; organisationId: number };

/** The plan made for this agreement, locked, at the version the caller read. */
export async function lockedPlan(ctx: Context, agreement: Agreement, planId: number, expectedVersion: number | undefined) {
  requireWrite(ctx, agreement.organisationId);
  const plan = await planServing(ctx, agreement.id, planId, { forUpdate: true });
  // Changed where it is made: on a further agreement's page it is only shown.
  if (plan.agreementId !== agreement.id) throw notFound('action plan');
  requireWrite(ctx, plan.organisationId);
  if (expectedVersion !== undefined && expectedVersion !== plan.version) {
    throw conflict(`the action plan was changed by someone else (version ${plan.version}, you saw ${expectedVersion})`, plan);
  }
  return plan;
}

const bump = (ctx: Context, planId: number) =>
  ctx.db.update(actionPlans).set({ version: sql`${actionPlans.version} + 1`, updatedAt: new Date() }).where(eq(actionPlans.id, planId)).returning();

export async function changeActionPlan({ ctx, agreement, planId, input }: { ctx: Context; agreement: Agreement; planId: number; input: ChangeActionPlanInput }) {
  requireWrite(ctx, agreement.organisationId);
  const { reason, expectedVersion, alsoServes, ...data } = parseInput(changeActionPlanSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const before = await lockedPlan(ctx, agreement, planId, expectedVersion);
    requireReadableRecord(ctx, { visibility: data.visibility, organisationId: before.organisationId });
    const further = await furtherAgreements(ctx, agreement.id, alsoServes, 'is the agreement the plan is made for');
    const problems = [];
    const first = parseFuzzyDate(data.periodFrom).min;
    if (before.reviewedOn && first && before.reviewedOn < first) problems.push({ field: 'periodFrom', message: `must not begin after the plan's review (${before.reviewedOn})` });
    // An agreement no longer served whose activities serve the plan's goals.
    const kept = [agreement.id, ...further.map((a) => a.id)];
    const stranded = await ctx.db
      .selectDistinct({ slug: agreements.slug })
      .from(activities)
      .innerJoin(actionPlanGoals, eq(actionPlanGoals.id, activities.actionPlanGoalId))
      .innerJoin(agreements, eq(agreements.id, activities.agreementId))
      .where(and(eq(actionPlanGoals.actionPlanId, planId), notInArray(activities.agreementId, kept)));
    for (const { slug } of stranded) problems.push({ field: 'alsoServes', message: `activities of the agreement '${slug}' serve the plan's goals: unlink them first` });
    if (problems.length) throw invalid(problems);
    const [after] = await ctx.db
      .update(actionPlans)
      .set({ ...data, version: sql`${actionPlans.version} + 1`, updatedAt: new Date() })
      .where(eq(actionPlans.id, planId))
      .returning();
    await ctx.db.delete(actionPlanAgreements).where(eq(actionPlanAgreements.actionPlanId, planId));
    if (further.length) await ctx.db.insert(actionPlanAgreements).values(further.map(({ id }) => ({ actionPlanId: planId, agreementId: id })));
    await audit(ctx, { action: 'action_plan.change', entityType: 'action_plan', entityId: planId, before: { plan: before }, after: { plan: after, alsoServes }, reason: reason ?? undefined, organisationId: before.organisationId });
    return after!;
  });
}

export async function removeActionPlan({ ctx, agreement, planId, input }: { ctx: Context; agreement: Agreement; planId: number; input: RemovePlanPartInput }) {
  requireWrite(ctx, agreement.organisationId);
  const { reason, expectedVersion } = parseInput(removePlanPartSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const before = await lockedPlan(ctx, agreement, planId, expectedVersion);
    const goals = await ctx.db.select().from(actionPlanGoals).where(eq(actionPlanGoals.actionPlanId, planId));
    if (goals.length) await ctx.db.update(activities).set({ actionPlanGoalId: null }).where(inArray(activities.actionPlanGoalId, goals.map((g) => g.id)));
    await ctx.db.delete(citations).where(and(eq(citations.subjectType, 'action_plan'), eq(citations.subjectId, planId)));
    await ctx.db.delete(actionPlans).where(eq(actionPlans.id, planId));
    await audit(ctx, { action: 'action_plan.remove', entityType: 'action_plan', entityId: planId, before: { plan: before, goals }, reason: reason ?? undefined, organisationId: before.organisationId });
  });
}

/** The goal of the plan, or NOT_FOUND. */
async function goalOf(ctx: Context, planId: number, goalId: number) {
  const [goal] = await ctx.db.select().from(actionPlanGoals).where(and(eq(actionPlanGoals.id, goalId), eq(actionPlanGoals.actionPlanId, planId)));
  if (!goal) throw notFound('goal');
  return goal;
}

export async function changeActionPlanGoal({ ctx, agreement, planId, goalId, input }: { ctx: Context; agreement: Agreement; planId: number; goalId: number; input: ChangeGoalInput }) {
  requireWrite(ctx, agreement.organisationId);
  const { expectedVersion, ...goal } = parseInput(changeGoalSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const plan = await lockedPlan(ctx, agreement, planId, expectedVersion);
    const before = await goalOf(ctx, planId, goalId);
    const [after] = await ctx.db
      .update(actionPlanGoals)
      .set({ ...goal, ...themeInBothLanguages(goal.theme, goal.themeEn) })
      .where(eq(actionPlanGoals.id, goalId))
      .returning();
    await bump(ctx, planId);
    await audit(ctx, { action: 'action_plan.goal_change', entityType: 'action_plan', entityId: planId, before: { goal: before }, after: { plan: { id: plan.id, visibility: plan.visibility, organisationId: plan.organisationId }, goal: after }, organisationId: plan.organisationId });
    return after!;
  });
}

export async function removeActionPlanGoal({ ctx, agreement, planId, goalId, input }: { ctx: Context; agreement: Agreement; planId: number; goalId: number; input: RemovePlanPartInput }) {
  requireWrite(ctx, agreement.organisationId);
  const { reason, expectedVersion } = parseInput(removePlanPartSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const plan = await lockedPlan(ctx, agreement, planId, expectedVersion);
    const before = await goalOf(ctx, planId, goalId);
    await ctx.db.update(activities).set({ actionPlanGoalId: null }).where(eq(activities.actionPlanGoalId, goalId));
    await ctx.db.delete(actionPlanGoals).where(eq(actionPlanGoals.id, goalId));
    await bump(ctx, planId);
    await audit(ctx, {
      action: 'action_plan.goal_remove',
      entityType: 'action_plan',
      entityId: planId,
      before: { goal: before },
      after: { plan: { id: plan.id, visibility: plan.visibility, organisationId: plan.organisationId } },
      reason: reason ?? undefined,
      organisationId: plan.organisationId,
    });
  });
}
