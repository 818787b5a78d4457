import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { activities, ACTIVITY_KINDS, agreements, FUNDING_SOURCES, VISIBILITIES } from '../../db/schema.ts';
import { requireRead, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { fuzzyDateSchema, parseFuzzyDate } from '../dates.ts';
import { cite } from '../sources/cite.ts';
import { citationSchema } from '../sources/schemas.ts';
import { requireGoalServing } from '../action-plans/link.ts';
import { GOAL_OF_AGREEMENT } from '../action-plans/schemas.ts';
import { parseInput } from '../validate.ts';

const kronor = z
  .number('must be a whole number of kronor, 0 or more')
  .int('must be a whole number of kronor, 0 or more')
  .min(0, 'must be a whole number of kronor, 0 or more')
  .max(2_000_000_000, 'must be at most 2 000 000 000 kronor')
  .nullish();
const headcount = z.number('must be a whole number of people, 0 or more').int('must be a whole number of people, 0 or more').min(0, 'must be a whole number of people, 0 or more').max(1_000_000, 'must be at most 1 000 000').nullish();

export const createActivitySchema = z.object({
  kind: z.enum(ACTIVITY_KINDS, 'must be one of the activity kinds'),
  title: z.string('write the title').trim().min(1, 'write the title').max(1000, 'is longer than 1000 characters'),
  titleEn: z.string().trim().max(1000, 'is longer than 1000 characters').transform((v) => v || null).nullish(),
  date: fuzzyDateSchema,
  participants: z.string().trim().max(5000, 'is longer than 5000 characters').transform((v) => v || null).nullish(),
  participantsEn: z.string().trim().max(5000, 'is longer than 5000 characters').transform((v) => v || null).nullish(),
  purpose: z.string().trim().max(5000, 'is longer than 5000 characters').transform((v) => v || null).nullish(),
  purposeEn: z.string().trim().max(5000, 'is longer than 5000 characters').transform((v) => v || null).nullish(),
  outcome: z.string().trim().max(5000, 'is longer than 5000 characters').transform((v) => v || null).nullish(),
  outcomeEn: z.string().trim().max(5000, 'is longer than 5000 characters').transform((v) => v || null).nullish(),
  note: z.string().trim().max(5000, 'is longer than 5000 characters').transform((v) => v || null).nullish(),
  noteEn: z.string().trim().max(5000, 'is longer than 5000 characters').transform((v) => v || null).nullish(),
  costSek: kronor,
  costTravelSek: kronor,
  costHospitalitySek: kronor,
  costProjectSek: kronor,
  costOtherSek: kronor,
  funding: z.array(z.enum(FUNDING_SOURCES, `must each be one of ${FUNDING_SOURCES.join(', ')}`)).max(FUNDING_SOURCES.length).default([]),
  participantsPoliticians: headcount,
  participantsOfficials: headcount,
  participantsCompanies: headcount,
  participantsEducation: headcount,
  participantsStudents: headcount,
  /** The action-plan goal it serves: a goal of a plan that serves the agreement (action-plans/link.ts). */
  actionPlanGoalId: z.number(GOAL_OF_AGREEMENT).int(GOAL_OF_AGREEMENT).positive(GOAL_OF_AGREEMENT).max(2_147_483_647, GOAL_OF_AGREEMENT).nullish(),
  visibility: z.enum(VISIBILITIES, 'must be one of public, shared, internal').default('public'),
  sources: z.array(citationSchema).max(20).default([]),
}).superRefine((a, ctx) => {
  // With a breakdown, the whole is its sum: given as well, it must be that sum.
  const parts = [a.costTravelSek, a.costHospitalitySek, a.costProjectSek, a.costOtherSek].filter((n): n is number => typeof n === 'number');
  const sum = parts.reduce((n, p) => n + p, 0);
  if (parts.length && typeof a.costSek === 'number' && a.costSek !== sum) ctx.addIssue({ code: 'custom', path: ['costSek'], message: `must be the sum of the cost by category (${sum}), or left out` });
  if (sum > 2_000_000_000) ctx.addIssue({ code: 'custom', path: ['costSek'], message: 'must be at most 2 000 000 000 kronor in all' });
});

/** A visit, meeting, project or event under an agreement. */
export async function createActivity({ ctx, agreementId, input }: { ctx: Context; agreementId: number; input: z.input<typeof createActivitySchema> }) {
  const { sources, note, noteEn, ...data } = parseInput(createActivitySchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [agreement] = await ctx.db.select().from(agreements).where(eq(agreements.id, agreementId));
    const { organisationId } = requireWrite(ctx, requireRead(ctx, agreement, 'agreement').organisationId);
    if (data.actionPlanGoalId) await requireGoalServing(ctx, agreementId, data.actionPlanGoalId);
    const outcome = [data.outcome, note].filter(Boolean).join(' ') || null;
    // The English only when each Swedish part has its English: half of it would pass for the whole.
    const outcomeEn = (!data.outcome || data.outcomeEn) && (!note || noteEn) ? [data.outcomeEn, noteEn].filter(Boolean).join(' ') || null : null;
    const [row] = await ctx.db
      .insert(activities)
      .values({ ...data, costSek: costOf(data), outcome, outcomeEn, agreementId, dateMin: parseFuzzyDate(data.date).min, organisationId })
      .returning();
    await cite(ctx, 'activity', row!.id, sources);
    await audit(ctx, { action: 'activity.create', entityType: 'activity', entityId: row!.id, after: row, organisationId });
    return row!;
  });
}

/** The whole cost: as given, or the sum of the categories given. */
export function costOf(a: { costSek?: number | null; costTravelSek?: number | null; costHospitalitySek?: number | null; costProjectSek?: number | null; costOtherSek?: number | null }): number | null {
  const parts = [a.costTravelSek, a.costHospitalitySek, a.costProjectSek, a.costOtherSek].filter((n): n is number => typeof n === 'number');
  return parts.length ? parts.reduce((n, p) => n + p, 0) : (a.costSek ?? null);
}
