// Writes the action plans (with their goals and further agreements) and the
// activities of an import plan, inside apply.ts's transaction, in batches as
// the agreements are written, with the audit entries the verbs would write.
// Imported rows are public and belong to the import's organisation, as the
// agreements and events an import writes.
import { eq, sql } from 'drizzle-orm';
import { insertRows, nextIds, snakeColumns as snake } from '../../../db/bulk.ts';
import { actionPlanAgreements, actionPlanGoals, actionPlans, activities, activityAgreements, activityPlaces } from '../../../db/schema.ts';
import type { Context } from '../../context.ts';
import { parseFuzzyDate } from '../../dates.ts';
import { insertCitations, replaceCitations, type AuditEntry } from './apply.ts';
import type { ImportPlan } from './plan.ts';
import type { ActionPlanValues, ActivityValues, GoalValues } from './plan-activities.ts';

const idOf = (ref: { id: number | null }, what: string) => {
  if (ref.id === null) throw new Error(`internal: ${what} was not written before it was used`);
  return ref.id;
};

const planFields = (v: ActionPlanValues) => ({
  title: v.title, titleEn: v.titleEn, periodFrom: v.periodFrom, periodTo: v.periodTo, responsibleUnit: v.responsibleUnit, budgetSek: v.budgetSek,
  note: v.note, noteEn: v.noteEn, reviewedOn: v.reviewedOn, reviewNote: v.reviewNote,
});
const goalFields = (v: GoalValues) => ({
  theme: v.theme, themeEn: v.themeEn, goal: v.goal, goalEn: v.goalEn, indicator: v.indicator, plannedActivities: v.plannedActivities, followUp: v.followUp,
  outcome: v.outcome, assessment: v.assessment as never, assessmentNote: v.assessmentNote,
});
const activityFields = (v: ActivityValues) => ({
  kind: v.kind as never, title: v.title, titleEn: v.titleEn, date: v.date, dateMin: parseFuzzyDate(v.date).min,
  purpose: v.purpose, purposeEn: v.purposeEn, outcome: v.outcome, outcomeEn: v.outcomeEn, costSek: v.costSek, costTravelSek: v.costTravelSek, costHospitalitySek: v.costHospitalitySek,
  costProjectSek: v.costProjectSek, costOtherSek: v.costOtherSek, funding: v.funding as never, participantsPoliticians: v.participantsPoliticians, participantsOfficials: v.participantsOfficials,
  participantsCompanies: v.participantsCompanies, participantsEducation: v.participantsEducation, participantsStudents: v.participantsStudents,
});

export async function writeActionPlans(ctx: Context, plan: ImportPlan, organisationId: number, auditEntries: AuditEntry[], step: (n?: number) => void) {
  const created = plan.actionPlans.filter((p) => p.action === 'create');
  const ids = await nextIds(ctx.db, 'action_plans', created.length);
  created.forEach((p, i) => (p.ref.id = ids[i]!));
  await insertRows(
    ctx.db,
    'action_plans',
    created.map((p) => snake({ id: p.ref.id, agreementId: idOf(p.values.agreement, p.values.agreement.slug), ...planFields(p.values), organisationId })),
  );
  const changed = plan.actionPlans.filter((p) => p.action === 'change');
  for (const p of changed) {
    await ctx.db.update(actionPlans).set({ ...planFields(p.values), version: sql`${actionPlans.version} + 1`, updatedAt: new Date() }).where(eq(actionPlans.id, idOf(p.ref, p.ref.slug)));
  }
  // The further agreements and the citations are written anew, as an agreement's parties are.
  if (changed.length) await ctx.db.delete(actionPlanAgreements).where(sql`${actionPlanAgreements.actionPlanId} = any(${sql.param(changed.map((p) => idOf(p.ref, p.ref.slug)))}::int[])`);
  const rewritten = [...created, ...changed];
  await insertRows(ctx.db, 'action_plan_agreements', rewritten.flatMap((p) => p.values.alsoServes.map((a) => ({ action_plan_id: p.ref.id, agreement_id: idOf(a, a.slug) }))));
  await insertCitations(ctx, 'action_plan', created.map((p) => p.ref.id!), created.map((p) => p.values.sources));
  await replaceCitations(ctx, 'action_plan', changed.map((p) => p.ref.id!), changed.map((p) => p.values.sources));

  // Goals: new ones with the number the file gives as their order; changed ones in place.
  const newGoals = plan.actionPlans.flatMap((p) => p.goals.filter((g) => g.action === 'create').map((g) => ({ p, g })));
  const goalIds = await nextIds(ctx.db, 'action_plan_goals', newGoals.length);
  newGoals.forEach(({ g }, i) => (g.ref.id = goalIds[i]!));
  await insertRows(ctx.db, 'action_plan_goals', newGoals.map(({ p, g }) => snake({ id: g.ref.id, actionPlanId: p.ref.id, ...goalFields(g.values), sortOrder: g.number })));
  for (const p of plan.actionPlans) {
    for (const g of p.goals.filter((x) => x.action === 'change')) await ctx.db.update(actionPlanGoals).set(goalFields(g.values)).where(eq(actionPlanGoals.id, idOf(g.ref, `goal ${g.number}`)));
  }
  // A plan whose goals changed has a new version: a review form opened before is stale.
  const goalsOnly = plan.actionPlans.filter((p) => p.action === 'unchanged' && p.goals.some((g) => g.action !== 'unchanged'));
  if (goalsOnly.length) await ctx.db.execute(sql`update action_plans set version = version + 1, updated_at = now() where id = any(${sql.param(goalsOnly.map((p) => p.ref.id!))}::int[])`);
  for (const p of [...rewritten, ...goalsOnly]) {
    auditEntries.push({
      action: `action_plan.import.${p.action === 'unchanged' ? 'goals' : p.action}`,
      entityType: 'action_plan',
      entityId: p.ref.id!,
      after: { values: { ...p.values, agreement: p.values.agreement.slug, alsoServes: p.values.alsoServes.map((a) => a.slug) }, goals: p.goals.filter((g) => g.action !== 'unchanged') },
    });
  }
  step(plan.actionPlans.length);
}

export async function writeActivities(ctx: Context, plan: ImportPlan, organisationId: number, auditEntries: AuditEntry[], step: (n?: number) => void) {
  const created = plan.activities.filter((a) => a.action === 'create');
  const ids = await nextIds(ctx.db, 'activities', created.length);
  created.forEach((a, i) => (a.ref.id = ids[i]!));
  await insertRows(
    ctx.db,
    'activities',
    created.map((a) =>
      snake({ id: a.ref.id, agreementId: idOf(a.values.agreement, a.values.agreement.slug), ...activityFields(a.values), actionPlanGoalId: a.values.goal ? idOf(a.values.goal, 'a goal') : null, organisationId }),
    ),
  );
  const changed = plan.activities.filter((a) => a.action === 'change');
  for (const a of changed) {
    // A new version, as the verb's change gives one: a form opened before the import is stale.
    await ctx.db
      .update(activities)
      .set({ ...activityFields(a.values), actionPlanGoalId: a.values.goal ? idOf(a.values.goal, 'a goal') : null, version: sql`${activities.version} + 1`, updatedAt: new Date() })
      .where(eq(activities.id, idOf(a.ref, 'an activity')));
  }
  // The further agreements and places are written anew, as the verb's change writes them (activities/change.ts).
  const changedIds = changed.map((a) => idOf(a.ref, 'an activity'));
  if (changedIds.length) {
    await ctx.db.delete(activityAgreements).where(sql`${activityAgreements.activityId} = any(${sql.param(changedIds)}::int[])`);
    await ctx.db.delete(activityPlaces).where(sql`${activityPlaces.activityId} = any(${sql.param(changedIds)}::int[])`);
  }
  const written = [...created, ...changed];
  await insertRows(ctx.db, 'activity_agreements', written.flatMap((a) => a.values.alsoServes.map((g) => ({ activity_id: a.ref.id, agreement_id: idOf(g, g.slug) }))));
  // (Every row names both columns: insertRows takes its columns from the first row.)
  await insertRows(
    ctx.db,
    'activity_places',
    written.flatMap((a) => [
      ...a.values.swedishPlaces.map((p) => ({ activity_id: a.ref.id, actor_id: idOf(p, p.slug), counterpart_id: null })),
      ...a.values.chinesePlaces.map((p) => ({ activity_id: a.ref.id, actor_id: null, counterpart_id: idOf(p, p.slug) })),
    ]),
  );
  await insertCitations(ctx, 'activity', created.map((a) => a.ref.id!), created.map((a) => a.values.sources));
  await replaceCitations(ctx, 'activity', changedIds, changed.map((a) => a.values.sources));
  const idsOf = (refs: Array<{ id: number | null; slug: string }>) => refs.map((r) => idOf(r, r.slug));
  for (const a of written) {
    auditEntries.push({
      action: `activity.import.${a.action}`,
      entityType: 'activity',
      entityId: a.ref.id!,
      after: {
        ...a.values, agreement: a.values.agreement.slug, goal: a.values.goal?.id ?? null,
        alsoServes: idsOf(a.values.alsoServes), swedishPlaces: idsOf(a.values.swedishPlaces), chinesePlaces: idsOf(a.values.chinesePlaces),
      },
    });
  }
  step(plan.activities.length);
}
