import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { activities, activityAgreements, activityPlaces, ACTIVITY_KINDS, actors, counterparts, FUNDING_SOURCES, VISIBILITIES, type Visibility } from '../../db/schema.ts';
import { canRead, requireReadableRecord } from '../access.ts';
import { furtherAgreements } from '../agreements/further.ts';
import { invalid } from '../errors.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { fuzzyDateSchema, parseFuzzyDate } from '../dates.ts';
import { cite } from '../sources/cite.ts';
import { citationSchema, slugSchema } from '../sources/schemas.ts';
import { requireGoalServing } from '../action-plans/link.ts';
import { GOAL_OF_AGREEMENT } from '../action-plans/schemas.ts';
import { parseInput } from '../validate.ts';
import { delegationFields } from '../coordination/delegation-fields.ts';
import { delegationKeys } from '../coordination/delegation-names.ts';
import { queueDelegationCheck } from '../coordination/delegation-checks.ts';
import { lockedForKeeper } from '../agreements/keeper-lock.ts';

export const kronor = z
  .number('must be a whole number of kronor, 0 or more')
  .int('must be a whole number of kronor, 0 or more')
  .min(0, 'must be a whole number of kronor, 0 or more')
  .max(2_000_000_000, 'must be at most 2 000 000 000 kronor')
  .nullish();
const headcount = z.number('must be a whole number of people, 0 or more').int('must be a whole number of people, 0 or more').min(0, 'must be a whole number of people, 0 or more').max(1_000_000, 'must be at most 1 000 000').nullish();

/** What an activity is, as it is recorded and as it is changed. */
export const activityFields = z.object({
  kind: z.enum(ACTIVITY_KINDS, 'must be one of the activity kinds'),
  title: z.string('write the title of the activity').trim().min(1, 'write the title of the activity').max(1000, 'is longer than 1000 characters'),
  titleEn: z.string().trim().max(1000, 'is longer than 1000 characters').transform((v) => v || null).nullish(),
  date: fuzzyDateSchema,
  participants: z.string().trim().max(5000, 'is longer than 5000 characters').transform((v) => v || null).nullish(),
  participantsEn: z.string().trim().max(5000, 'is longer than 5000 characters').transform((v) => v || null).nullish(),
  ...delegationFields,
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
  /** Further agreements it serves (slugs), each one the caller may change: the activity shows on each one's page. */
  alsoServes: z.array(slugSchema).max(50, 'lists more than 50 agreements').default([]),
  /** Where it took place: Swedish bodies and Chinese places of the register, by slug. */
  swedishPlaces: z.array(slugSchema).max(50, 'lists more than 50 places').default([]),
  chinesePlaces: z.array(slugSchema).max(50, 'lists more than 50 places').default([]),
});

type Costs = { costSek?: number | null; costTravelSek?: number | null; costHospitalitySek?: number | null; costProjectSek?: number | null; costOtherSek?: number | null };

/** With a breakdown, the whole is its sum: given as well, it must be that sum. */
export function costsAddUp(a: Costs, ctx: z.RefinementCtx): void {
  const parts = [a.costTravelSek, a.costHospitalitySek, a.costProjectSek, a.costOtherSek].filter((n): n is number => typeof n === 'number');
  const sum = parts.reduce((n, p) => n + p, 0);
  if (parts.length && typeof a.costSek === 'number' && a.costSek !== sum) ctx.addIssue({ code: 'custom', path: ['costSek'], message: `must be the sum of the cost by category (${sum}), or left out` });
  if (sum > 2_000_000_000) ctx.addIssue({ code: 'custom', path: ['costSek'], message: 'must be at most 2 000 000 000 kronor in all' });
}

export const createActivitySchema = activityFields.superRefine(costsAddUp);

/** A visit, meeting, project or event under an agreement. */
export async function createActivity({ ctx, agreementId, input }: { ctx: Context; agreementId: number; input: z.input<typeof createActivitySchema> }) {
  const { sources, note, noteEn, alsoServes, swedishPlaces, chinesePlaces, ...data } = parseInput(createActivitySchema, input);
  return inTransaction(ctx, async (ctx) => {
    const { organisationId } = await lockedForKeeper(ctx, agreementId);
    requireReadableRecord(ctx, { visibility: data.visibility, organisationId });
    if (data.actionPlanGoalId) await requireGoalServing(ctx, agreementId, data.actionPlanGoalId);
    const further = await furtherAgreements(ctx, agreementId, alsoServes, 'is the agreement the activity is recorded under');
    const places = await placesOf(ctx, { swedishPlaces, chinesePlaces });
    const outcome = [data.outcome, note].filter(Boolean).join(' ') || null;
    // The English only when each Swedish part has its English: half of it would pass for the whole.
    const outcomeEn = (!data.outcome || data.outcomeEn) && (!note || noteEn) ? [data.outcomeEn, noteEn].filter(Boolean).join(' ') || null : null;
    const [row] = await ctx.db
      .insert(activities)
      .values({ ...data, delegationKeys: delegationKeys(data), costSek: costOf(data), outcome, outcomeEn, agreementId, dateMin: parseFuzzyDate(data.date).min, organisationId })
      .returning();
    await queueDelegationCheck(ctx, 'activity', row!);
    if (further.length) await ctx.db.insert(activityAgreements).values(further.map(({ id }) => ({ activityId: row!.id, agreementId: id })));
    if (places.length) await ctx.db.insert(activityPlaces).values(places.map((place) => ({ ...place, activityId: row!.id })));
    await cite(ctx, 'activity', row!.id, sources);
    await audit(ctx, { action: 'activity.create', entityType: 'activity', entityId: row!.id, after: { ...row, alsoServes, swedishPlaces, chinesePlaces }, organisationId });
    return row!;
  });
}

/**
 * The places an activity names, as rows of activity_places: each slug a
 * Swedish body or a Chinese place the caller may read; VALIDATION naming
 * each one that is not (`swedishPlaces.<i>`, `chinesePlaces.<i>`).
 */
export async function placesOf(ctx: Context, { swedishPlaces, chinesePlaces }: { swedishPlaces: string[]; chinesePlaces: string[] }) {
  const [bodies, places] = await Promise.all([
    swedishPlaces.length ? ctx.db.select({ id: actors.id, slug: actors.slug, visibility: actors.visibility, organisationId: actors.organisationId }).from(actors).where(inArray(actors.slug, swedishPlaces)) : [],
    chinesePlaces.length ? ctx.db.select({ id: counterparts.id, slug: counterparts.slug, visibility: counterparts.visibility, organisationId: counterparts.organisationId }).from(counterparts).where(inArray(counterparts.slug, chinesePlaces)) : [],
  ]);
  const readable = <T extends { slug: string; visibility: Visibility; organisationId: number }>(rows: T[], slug: string) => rows.find((r) => r.slug === slug && canRead(ctx.principal, r));
  const problems = [
    ...swedishPlaces.flatMap((slug, i) => (readable(bodies, slug) ? [] : [{ field: `swedishPlaces.${i}`, message: `no Swedish body '${slug}' in the register` }])),
    ...chinesePlaces.flatMap((slug, i) => (readable(places, slug) ? [] : [{ field: `chinesePlaces.${i}`, message: `no Chinese place '${slug}' in the register` }])),
  ];
  if (problems.length) throw invalid(problems);
  return [
    ...[...new Set(swedishPlaces.map((slug) => readable(bodies, slug)!.id))].map((actorId) => ({ actorId, counterpartId: null })),
    ...[...new Set(chinesePlaces.map((slug) => readable(places, slug)!.id))].map((counterpartId) => ({ actorId: null, counterpartId })),
  ];
}

/** The whole cost: as given, or the sum of the categories given. */
export function costOf(a: Costs): number | null {
  const parts = [a.costTravelSek, a.costHospitalitySek, a.costProjectSek, a.costOtherSek].filter((n): n is number => typeof n === 'number');
  return parts.length ? parts.reduce((n, p) => n + p, 0) : (a.costSek ?? null);
}
