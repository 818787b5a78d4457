import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { actionPlanGoals, actionPlans, agreements, VISIBILITIES } from '../../db/schema.ts';
import { requireRead, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { fuzzyDateSchema } from '../dates.ts';
import { cite } from '../sources/cite.ts';
import { citationSchema } from '../sources/schemas.ts';
import { parseInput } from '../validate.ts';

export const createActionPlanSchema = z.object({
  title: z.string().trim().min(1).max(1000),
  titleEn: z.string().trim().max(1000).nullish(),
  periodFrom: fuzzyDateSchema,
  periodTo: fuzzyDateSchema,
  note: z.string().max(10000).nullish(),
  noteEn: z.string().max(10000).nullish(),
  goals: z
    .array(
      z.object({
        theme: z.string().min(1).max(300),
        themeEn: z.string().max(300).nullish(),
        goal: z.string().min(1).max(5000),
        goalEn: z.string().max(5000).nullish(),
        followUp: z.string().max(5000).nullish(),
      }),
    )
    .max(100)
    .default([]),
  visibility: z.enum(VISIBILITIES).default('public'),
  sources: z.array(citationSchema).max(20).default([]),
});

/** An action plan for a period, with goals per thematic area. */
export async function createActionPlan({ ctx, agreementId, input }: { ctx: Context; agreementId: number; input: z.input<typeof createActionPlanSchema> }) {
  const { sources, goals, ...data } = parseInput(createActionPlanSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [agreement] = await ctx.db.select().from(agreements).where(eq(agreements.id, agreementId));
    const { organisationId } = requireWrite(ctx, requireRead(ctx, agreement, 'agreement').organisationId);
    const [plan] = await ctx.db.insert(actionPlans).values({ ...data, agreementId, organisationId }).returning();
    if (goals.length) await ctx.db.insert(actionPlanGoals).values(goals.map((g) => ({ ...g, actionPlanId: plan!.id })));
    await cite(ctx, 'action_plan', plan!.id, sources);
    await audit(ctx, { action: 'action_plan.create', entityType: 'action_plan', entityId: plan!.id, after: { plan, goals }, organisationId });
    return plan!;
  });
}
