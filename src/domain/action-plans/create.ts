import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { actionPlanAgreements, actionPlanGoals, actionPlans } from '../../db/schema.ts';
import { requireRead, requireReadableRecord } from '../access.ts';
import { furtherAgreements } from '../agreements/further.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { notFound } from '../errors.ts';
import { cite } from '../sources/cite.ts';
import { parseInput } from '../validate.ts';
import { createActionPlanSchema } from './schemas.ts';
import { themeInBothLanguages } from './themes.ts';
import { lockedForKeeper } from '../agreements/keeper-lock.ts';

export { createActionPlanSchema } from './schemas.ts';

/**
 * An action plan for a period, serving the agreement and any further ones
 * (each one the caller may change), with goals per thematic area: an editor
 * of the agreement's organisation, or an administrator.
 */
export async function createActionPlan({ ctx, agreementId, input }: { ctx: Context; agreementId: number; input: z.input<typeof createActionPlanSchema> }) {
  const { sources, goals, alsoServes, ...data } = parseInput(createActionPlanSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const { organisationId } = await lockedForKeeper(ctx, agreementId);
    requireReadableRecord(ctx, { visibility: data.visibility, organisationId });
    const further = await furtherAgreements(ctx, agreementId, alsoServes, 'is the agreement the plan is made for');
    const [plan] = await ctx.db.insert(actionPlans).values({ ...data, agreementId, organisationId }).returning();
    const goalRows = goals.map((g, i) => ({ ...g, ...themeInBothLanguages(g.theme, g.themeEn), actionPlanId: plan!.id, sortOrder: i + 1 }));
    if (goalRows.length) await ctx.db.insert(actionPlanGoals).values(goalRows);
    if (further.length) await ctx.db.insert(actionPlanAgreements).values(further.map(({ id }) => ({ actionPlanId: plan!.id, agreementId: id })));
    await cite(ctx, 'action_plan', plan!.id, sources);
    await audit(ctx, { action: 'action_plan.create', entityType: 'action_plan', entityId: plan!.id, after: { plan, goals: goalRows, alsoServes }, organisationId });
    return plan!;
  });
}

/**
 * The plan `planId` if it serves the agreement (its own, or one of its
 * further ones) and the caller may read it; NOT_FOUND otherwise. Locked for
 * the transaction's change when `forUpdate`.
 */
export async function planServing(ctx: Context, agreementId: number, planId: number, { forUpdate = false } = {}) {
  const query = ctx.db.select().from(actionPlans).where(eq(actionPlans.id, planId));
  const [plan] = forUpdate ? await query.for('update') : await query;
  if (plan && plan.agreementId !== agreementId) {
    const [served] = await ctx.db.select().from(actionPlanAgreements).where(and(eq(actionPlanAgreements.actionPlanId, planId), eq(actionPlanAgreements.agreementId, agreementId)));
    if (!served) throw notFound('action plan');
  }
  return requireRead(ctx, plan, 'action plan');
}
