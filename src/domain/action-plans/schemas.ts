// What the action-plan verbs take. Messages name what to write; the field is
// the issue's path (docs: form pages show each message beside its field).
import { z } from 'zod';
import { GOAL_ASSESSMENTS, VISIBILITIES } from '../../db/schema.ts';
import { fuzzyDateSchema, isoDaySchema, parseFuzzyDate } from '../dates.ts';
import { citationSchema, citeSourceSchema, slugSchema } from '../sources/schemas.ts';
import { reasonSchema } from '../documents/schemas.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is longer than ${max} characters`)
    .transform((v) => v || null)
    .nullish();
const requiredText = (max: number, missing: string) => z.string(missing).trim().min(1, missing).max(max, `is longer than ${max} characters`);

export const KRONOR = 'must be a whole number of kronor, 0 or more';

/** A goal in one thematic area, with how it is measured and what is planned for it. */
export const goalSchema = z.object({
  theme: requiredText(300, 'write the thematic area'),
  themeEn: optionalText(300),
  goal: requiredText(5000, 'write the goal'),
  goalEn: optionalText(5000),
  indicator: optionalText(5000),
  plannedActivities: optionalText(5000),
  followUp: optionalText(5000),
});
export type GoalInput = z.input<typeof goalSchema>;

/** The first and last day a period's two ends can mean; undefined when either end is no date (its own field says so). */
function periodDays(from: string, to: string): { first: string | null; last: string | null } | undefined {
  try {
    return { first: parseFuzzyDate(from).min, last: parseFuzzyDate(to).max };
  } catch {
    return undefined;
  }
}

/** What a plan is, as it is made and as it is changed (its goals and sources apart). */
const planFields = z.object({
  title: requiredText(1000, 'write the title of the plan'),
  titleEn: optionalText(1000),
  periodFrom: fuzzyDateSchema,
  periodTo: fuzzyDateSchema,
  note: optionalText(10000),
  noteEn: optionalText(10000),
  responsibleUnit: optionalText(1000),
  budgetSek: z.number(KRONOR).int(KRONOR).min(0, KRONOR).max(2_000_000_000, 'must be at most 2 000 000 000 kronor').nullish(),
  /** Further agreements the plan serves, by slug: each one the caller may change. */
  alsoServes: z.array(slugSchema).max(50, 'lists more than 50 agreements').default([]),
  visibility: z.enum(VISIBILITIES, 'must be one of public, shared, internal').default('public'),
});

/** The period may not end before it begins; checked whatever else is wrong, so that one sending shows every problem (the two ends need only be text). */
const periodInOrder = [
  (plan: { periodFrom: string; periodTo: string }, ctx: z.RefinementCtx) => {
    const days = periodDays(plan.periodFrom, plan.periodTo);
    if (days?.first && days.last && days.last < days.first) {
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: `must not end before the period begins (${plan.periodFrom})` });
    }
  },
  { when: (payload: { value: unknown }) => typeof (payload.value as { periodFrom?: unknown })?.periodFrom === 'string' && typeof (payload.value as { periodTo?: unknown })?.periodTo === 'string' },
] as const;

const version = z.coerce.number('must be a version number').int('must be a version number').positive('must be a version number').max(2_147_483_647, 'must be a version number');

export const createActionPlanSchema = planFields
  .extend({ goals: z.array(goalSchema).max(100).default([]), sources: z.array(citationSchema).max(20).default([]) })
  .superRefine(...periodInOrder);

/** A plan as it is to be (its goals are changed one by one), at the version it was read. */
export const changeActionPlanSchema = planFields.extend({ reason: reasonSchema, expectedVersion: version.optional() }).superRefine(...periodInOrder);
export type ChangeActionPlanInput = z.input<typeof changeActionPlanSchema>;

/** A goal as it is to be, at the plan's version it was read. */
export const changeGoalSchema = goalSchema.extend({ expectedVersion: version.optional() });
export type ChangeGoalInput = z.input<typeof changeGoalSchema>;

/** Removing a plan or a goal, at the plan's version it was read. */
export const removePlanPartSchema = z.object({ reason: reasonSchema, expectedVersion: version.optional() });
export type RemovePlanPartInput = z.input<typeof removePlanPartSchema>;

/** A source cited for a plan, with the passage, at the plan's version it was read. */
export const citePlanSourceSchema = citeSourceSchema
  .pick({ source: true, passage: true, passageEn: true, reason: true })
  .extend({ source: z.string('choose a source').min(1, 'choose a source').pipe(citeSourceSchema.shape.source), expectedVersion: version.optional() });
export type CitePlanSourceInput = z.input<typeof citePlanSourceSchema>;

export type CreateActionPlanInput = z.input<typeof createActionPlanSchema>;

/** One goal's outcome at the review. */
export const goalReviewSchema = z.strictObject({
  outcome: optionalText(5000),
  assessment: z.enum(GOAL_ASSESSMENTS, 'must be met, partly met, not met or not assessed'),
  assessmentNote: optionalText(5000),
});

/** The review of a plan: its day and conclusion, and each goal's outcome by the goal's id. Carries the version the page showed. */
export const reviewActionPlanSchema = z.strictObject({
  reviewedOn: isoDaySchema,
  reviewNote: optionalText(10000),
  goals: z.record(z.string().regex(/^[1-9][0-9]{0,8}$/, 'is not a goal of this action plan'), goalReviewSchema).default({}),
  expectedVersion: z.coerce.number('must be a version number').int('must be a version number').positive('must be a version number').optional(),
});
export type ReviewActionPlanInput = z.input<typeof reviewActionPlanSchema>;

export const GOAL_OF_AGREEMENT = 'must be a goal of an action plan that serves this agreement';
/** An activity's goal: a goal's id, or none. */
export const linkActivitySchema = z.strictObject({
  actionPlanGoalId: z.number(GOAL_OF_AGREEMENT).int(GOAL_OF_AGREEMENT).positive(GOAL_OF_AGREEMENT).max(2_147_483_647, GOAL_OF_AGREEMENT).nullable(),
});
export type LinkActivityInput = z.input<typeof linkActivitySchema>;
