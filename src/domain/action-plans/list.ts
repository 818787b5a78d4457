import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { GoalAssessment, Visibility } from '../../db/schema.ts';
import { canReadAlias } from '../access.ts';
import { citationsOn, type RecordCitation } from '../sources/cited-on.ts';
import type { Context } from '../context.ts';

/** An activity linked to a goal: the goal's progress. */
export interface GoalActivity {
  id: number;
  goalId: number;
  title: string;
  date: string;
  costSek: number | null;
  agreementSlug: string;
}

export interface PlanGoal {
  id: number;
  theme: string;
  themeEn: string | null;
  goal: string;
  goalEn: string | null;
  indicator: string | null;
  plannedActivities: string | null;
  followUp: string | null;
  outcome: string | null;
  assessment: GoalAssessment;
  assessmentNote: string | null;
  /** The activities linked to it that the caller may read, the earliest first. */
  activities: GoalActivity[];
}

/** A source cited for a plan, as far as the reader may read the source, as an agreement's record cites its sources; with the citation's id (how it is removed). */
export type PlanCitation = RecordCitation;

export interface PlanOfAgreement {
  id: number;
  title: string;
  titleEn: string | null;
  periodFrom: string;
  periodTo: string;
  note: string | null;
  noteEn: string | null;
  responsibleUnit: string | null;
  budgetSek: number | null;
  reviewedOn: string | null;
  reviewNote: string | null;
  visibility: Visibility;
  organisationId: number;
  version: number;
  /** The agreements it serves that the caller may read, its own first. */
  serves: Array<{ slug: string; partyLabel: string; counterpartLabel: string }>;
  goals: PlanGoal[];
  /** The sources cited for it that the reader may read, oldest first. */
  sources: PlanCitation[];
}

/**
 * The action plans that serve agreement `agreementId` (an SQL expression), as
 * a table for a `from` clause: those made for it, and those that serve it
 * besides. Two branches, each read by its own index: an `or` across them made
 * the database read every plan for one agreement (and so large an estimate
 * that it compiled the agreement page's statement on every request).
 */
export const actionPlansOf = (agreementId: SQL): SQL =>
  sql`(select x.* from action_plans x where x.agreement_id = ${agreementId}
    union all select x.* from action_plan_agreements pa join action_plans x on x.id = pa.action_plan_id where pa.agreement_id = ${agreementId} and x.agreement_id <> ${agreementId})`;

/**
 * The action plans that serve the agreement (found with findAgreementBySlug)
 * and that the caller may read, the earliest period first, with their goals,
 * each goal's progress and the plan's sources; only the plan `planId` when
 * given (an API write answers with the plan it wrote).
 */
export async function actionPlansOfAgreement(ctx: Context, agreement: { id: number }, planId?: number): Promise<PlanOfAgreement[]> {
  const plans = await queryRows<Omit<PlanOfAgreement, 'serves' | 'goals'> & { agreementId: number }>(
    ctx.db,
    sql`select p.id, p.agreement_id as "agreementId", p.title, p.title_en as "titleEn", p.period_from as "periodFrom", p.period_to as "periodTo", p.note, p.note_en as "noteEn",
          p.responsible_unit as "responsibleUnit", p.budget_sek as "budgetSek", p.reviewed_on::text as "reviewedOn", p.review_note as "reviewNote",
          p.visibility, p.organisation_id as "organisationId", p.version
        from ${actionPlansOf(sql`${agreement.id}`)} p where ${canReadAlias(ctx.principal, 'p')} ${planId === undefined ? sql`` : sql`and p.id = ${planId}`}
        order by p.period_from, p.id`,
  );
  if (!plans.length) return [];
  const ids = sql.join(plans.map((p) => sql`${p.id}`), sql`, `);
  const [goals, activities, serves, cited] = await Promise.all([
    queryRows<Omit<PlanGoal, 'activities'> & { planId: number }>(
      ctx.db,
      sql`select g.id, g.action_plan_id as "planId", g.theme, g.theme_en as "themeEn", g.goal, g.goal_en as "goalEn", g.indicator, g.planned_activities as "plannedActivities",
            g.follow_up as "followUp", g.outcome, g.assessment, g.assessment_note as "assessmentNote"
          from action_plan_goals g where g.action_plan_id in (${ids}) order by g.sort_order, g.id`,
    ),
    queryRows<GoalActivity>(
      ctx.db,
      sql`select a.id, a.action_plan_goal_id as "goalId", a.title, a.date, a.cost_sek as "costSek", ag.slug as "agreementSlug"
          from activities a join action_plan_goals g on g.id = a.action_plan_goal_id join agreements ag on ag.id = a.agreement_id
          where g.action_plan_id in (${ids}) and ${canReadAlias(ctx.principal, 'a')} and ${canReadAlias(ctx.principal, 'ag')}
          order by a.date_min nulls last, a.id`,
    ),
    queryRows<{ planId: number; agreementId: number; slug: string; partyLabel: string; counterpartLabel: string }>(
      ctx.db,
      sql`select s.plan_id as "planId", ag.id as "agreementId", ag.slug, ag.party_label as "partyLabel", ag.counterpart_label as "counterpartLabel"
          from (select id as plan_id, agreement_id from action_plans where id in (${ids})
                union select action_plan_id, agreement_id from action_plan_agreements where action_plan_id in (${ids})) s
          join agreements ag on ag.id = s.agreement_id where ${canReadAlias(ctx.principal, 'ag')} order by ag.slug`,
    ),
    citationsOn(ctx, 'action_plan', plans.map((p) => p.id)),
  ]);
  return plans.map(({ agreementId, ...plan }) => ({
    ...plan,
    serves: serves
      .filter((s) => s.planId === plan.id)
      .sort((a, b) => Number(b.agreementId === agreementId) - Number(a.agreementId === agreementId))
      .map(({ slug, partyLabel, counterpartLabel }) => ({ slug, partyLabel, counterpartLabel })),
    goals: goals.filter((g) => g.planId === plan.id).map(({ planId: _plan, ...g }) => ({ ...g, activities: activities.filter((a) => a.goalId === g.id) })),
    sources: cited.filter((c) => c.subjectId === plan.id).map(({ subjectId: _plan, ...c }) => c),
  }));
}

export interface GoalChoice {
  id: number;
  planTitle: string;
  periodFrom: string;
  periodTo: string;
  theme: string;
  goal: string;
}

/** The goals an activity of the agreement may serve (requireGoalServing's rule), for a select. */
export async function goalChoices(ctx: Context, agreement: { id: number }): Promise<GoalChoice[]> {
  return queryRows<GoalChoice>(
    ctx.db,
    sql`select g.id, p.title as "planTitle", p.period_from as "periodFrom", p.period_to as "periodTo", g.theme, g.goal
        from ${actionPlansOf(sql`${agreement.id}`)} p join action_plan_goals g on g.action_plan_id = p.id
        where ${canReadAlias(ctx.principal, 'p')} order by p.period_from, p.id, g.sort_order, g.id`,
  );
}

