// The yearly follow-up report of an organisation: its agreements with their
// status at the year's end and the year's events, the year's activities and
// their costs (by agreement and by kind, beside the action plans' budgets
// when they have one), the follow-up points raised, done, dropped and
// overdue, the action plans that cover the year with their goals, the quiet
// agreements and the decision each needs, and the year beside the year
// before. One read for the page, the PDF and the workbook.
//
// Who reads it: the organisation's signed-in people and administrators
// (canReadFollowUp): it holds the organisation's internal records.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { ActivityKind, EventType, GoalAssessment, Status } from '../../db/schema.ts';
import { canReadAlias, canReadFollowUp } from '../access.ts';
import type { Context } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { dueReminders, type Reminder } from '../reminders/due.ts';
import { statusOn, type StatusEventLike } from '../status/derive-status.ts';

export interface ReportAgreement {
  id: number;
  slug: string;
  name: string;
  title: string | null;
  /** At the year's end (or today, for the year under way); null before it was planned or established. */
  status: Status | null;
  events: Array<{ type: EventType; date: string; note: string | null }>;
  activities: number;
  costSek: number;
}

export interface ReportActivity {
  id: number;
  date: string;
  kind: ActivityKind;
  title: string;
  agreementSlug: string;
  agreementName: string;
  costSek: number | null;
  costTravelSek: number | null;
  costHospitalitySek: number | null;
  costProjectSek: number | null;
  costOtherSek: number | null;
}

/** Costs by category; `unsplit` the costs of activities given only as a total. */
export type CostsByCategory = Record<'travel' | 'hospitality' | 'project' | 'other' | 'unsplit', number>;

export interface ReportPoint {
  id: number;
  text: string;
  owner: string;
  dueOn: string;
  state: 'open' | 'done' | 'dropped';
  comment: string | null;
  agreementSlug: string;
  activityTitle: string;
}

export interface ReportPlan {
  id: number;
  title: string;
  periodFrom: string;
  periodTo: string;
  agreementSlug: string;
  agreementName: string;
  responsibleUnit: string | null;
  budgetSek: number | null;
  /** The costs of the activities linked to its goals: in the year, and in its period up to the report's day. */
  costYearSek: number;
  costPeriodSek: number;
  reviewedOn: string | null;
  goals: Array<{ theme: string; goal: string; indicator: string | null; followUp: string | null; outcome: string | null; assessment: GoalAssessment }>;
}

export interface YearMeasures {
  agreementsInForce: number;
  events: number;
  activities: number;
  costSek: number;
  pointsRaised: number;
  pointsDone: number;
}

export interface YearlyReport {
  organisation: { id: number; name: string; quietAfterMonths: number };
  year: number;
  /** The day the report counts to: the year's last day, or today for the year under way. */
  asOf: string;
  agreements: ReportAgreement[];
  activities: ReportActivity[];
  costs: { totalSek: number; byCategory: CostsByCategory; byAgreement: Array<{ slug: string; name: string; costSek: number }>; byKind: Array<{ kind: ActivityKind; costSek: number }> };
  points: { raised: number; done: ReportPoint[]; dropped: ReportPoint[]; overdue: ReportPoint[]; open: ReportPoint[] };
  plans: ReportPlan[];
  quiet: Reminder[];
  measures: { previous: YearMeasures; current: YearMeasures };
}

const FIRST_YEAR = 1980;

/** The report of `organisationId` for `year`, as the principal may read it; `today` is a day in Stockholm. */
export async function yearlyReport(ctx: Context, { organisationId, year, today }: { organisationId: number; year: number; today: string }): Promise<YearlyReport> {
  if (!canReadFollowUp(ctx.principal, { organisationId })) throw new DomainError('FORBIDDEN', "Only the organisation's own people and administrators read its yearly report");
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > thisYear) {
    throw new DomainError('VALIDATION', 'year', [{ field: 'year', message: `must be a year from ${FIRST_YEAR} to ${thisYear}` }]);
  }
  const [organisation] = await queryRows<{ id: number; name: string; quietAfterMonths: number }>(
    ctx.db,
    sql`select id, name, quiet_after_months as "quietAfterMonths" from organisations where id = ${organisationId}`,
  );
  if (!organisation) throw notFound('organisation');
  const asOf = year === thisYear ? today : `${year}-12-31`;
  const [current, previous] = await Promise.all([yearOf(ctx, organisationId, year, asOf), yearOf(ctx, organisationId, year - 1, `${year - 1}-12-31`)]);
  const quiet = (await dueReminders(ctx.db, { today: asOf, organisationId, principal: ctx.principal, statusOnDay: asOf !== today })).filter((r) => r.kind === 'quiet_agreement');
  const plans = await plansOf(ctx, organisationId, year, asOf);
  return { organisation, year, asOf, ...current.report, plans, quiet, measures: { previous: previous.measures, current: current.measures } };
}

/** One year's part of the report, and its measures (the year before is read for its measures only). */
async function yearOf(ctx: Context, organisationId: number, year: number, asOf: string) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const readable = (alias: string) => canReadAlias(ctx.principal, alias);
  const [agreementRows, eventRows, activityRows, pointRows, [raised]] = await Promise.all([
    queryRows<{ id: number; slug: string; name: string; title: string | null }>(
      ctx.db,
      sql`select g.id, g.slug, g.party_label || ' – ' || g.counterpart_label as name, g.official_title as title
          from agreements g where g.organisation_id = ${organisationId} and ${readable('g')} order by g.party_label, g.counterpart_label, g.id`,
    ),
    queryRows<StatusEventLike & { agreementId: number; date: string; note: string | null }>(
      ctx.db,
      sql`select e.agreement_id as "agreementId", e.id, e.type, e.date, e.date_min as "dateMin", e.date_max as "dateMax", e.side, e.mode, e.note
          from status_events e join agreements g on g.id = e.agreement_id
          where g.organisation_id = ${organisationId} and ${readable('g')} and ${readable('e')} and (e.date_min is null or e.date_min <= ${asOf}::date)
          order by e.agreement_id, e.date_min nulls first, e.id`,
    ),
    queryRows<ReportActivity & { agreementId: number }>(
      ctx.db,
      sql`select a.id, a.date, a.kind, a.title, a.cost_sek as "costSek", a.cost_travel_sek as "costTravelSek", a.cost_hospitality_sek as "costHospitalitySek",
            a.cost_project_sek as "costProjectSek", a.cost_other_sek as "costOtherSek", a.agreement_id as "agreementId", g.slug as "agreementSlug",
            g.party_label || ' – ' || g.counterpart_label as "agreementName"
          from activities a join agreements g on g.id = a.agreement_id
          where g.organisation_id = ${organisationId} and ${readable('g')} and ${readable('a')} and a.date_min between ${from}::date and ${to}::date
          order by a.date_min, a.id`,
    ),
    queryRows<ReportPoint & { closedOn: string | null }>(
      ctx.db,
      sql`select p.id, p.text, u.display_name as owner, p.due_on::text as "dueOn", p.state, p.state_comment as comment, g.slug as "agreementSlug",
            a.title as "activityTitle", (p.closed_at at time zone 'Europe/Stockholm')::date::text as "closedOn"
          from follow_up_points p join users u on u.id = p.owner_id join activities a on a.id = p.activity_id join agreements g on g.id = p.agreement_id
          where p.organisation_id = ${organisationId} and ${readable('g')} and ${readable('a')}
            and (p.created_at at time zone 'Europe/Stockholm')::date <= ${asOf}::date
            and ((p.closed_at at time zone 'Europe/Stockholm')::date between ${from}::date and ${to}::date
                 -- open on the report's day: still open, or closed after it
                 or (p.due_on <= ${to}::date and (p.state = 'open' or (p.closed_at at time zone 'Europe/Stockholm')::date > ${asOf}::date)))
          order by p.due_on, p.id`,
    ),
    queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from follow_up_points p join agreements g on g.id = p.agreement_id join activities a on a.id = p.activity_id
          where p.organisation_id = ${organisationId} and ${readable('g')} and ${readable('a')}
          and (p.created_at at time zone 'Europe/Stockholm')::date between ${from}::date and ${to}::date`,
    ),
  ]);

  const eventsOf = new Map<number, typeof eventRows>();
  for (const e of eventRows) eventsOf.set(e.agreementId, [...(eventsOf.get(e.agreementId) ?? []), e]);
  const activitiesOf = new Map<number, typeof activityRows>();
  for (const a of activityRows) activitiesOf.set(a.agreementId, [...(activitiesOf.get(a.agreementId) ?? []), a]);
  const sum = (rows: ReadonlyArray<{ costSek: number | null }>) => rows.reduce((n, r) => n + (r.costSek ?? 0), 0);

  const agreements: ReportAgreement[] = agreementRows.map((g) => {
    const events = eventsOf.get(g.id) ?? [];
    const own = activitiesOf.get(g.id) ?? [];
    return {
      ...g,
      status: statusOn(events, asOf),
      events: events.filter((e) => e.dateMin !== null && e.dateMin >= from && e.dateMin <= to).map((e) => ({ type: e.type as EventType, date: e.date, note: e.note })),
      activities: own.length,
      costSek: sum(own),
    };
  });
  const byKind = new Map<ActivityKind, number>();
  for (const a of activityRows) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + (a.costSek ?? 0));
  const closedIn = (state: 'done' | 'dropped') => pointRows.filter((p) => p.state === state && p.closedOn !== null && p.closedOn >= from && p.closedOn <= to).map(({ closedOn: _c, ...p }) => p);
  const stillOpen = pointRows.filter((p) => p.state === 'open' || (p.closedOn !== null && p.closedOn > asOf)).map(({ closedOn: _c, ...p }) => ({ ...p, state: 'open' as const, comment: null }));
  const report = {
    agreements,
    activities: activityRows.map(({ agreementId: _a, ...a }) => a),
    costs: {
      totalSek: sum(activityRows),
      byCategory: byCategory(activityRows),
      byAgreement: agreements.filter((g) => g.costSek > 0).map((g) => ({ slug: g.slug, name: g.name, costSek: g.costSek })),
      byKind: [...byKind].filter(([, n]) => n > 0).map(([kind, costSek]) => ({ kind, costSek })),
    },
    points: { raised: raised!.n, done: closedIn('done'), dropped: closedIn('dropped'), overdue: stillOpen.filter((p) => p.dueOn < asOf), open: stillOpen },
  };
  const measures: YearMeasures = {
    agreementsInForce: agreements.filter((g) => g.status === 'active' || g.status === 'dormant' || g.status === 'paused' || g.status === 'partly_ended').length,
    events: agreements.reduce((n, g) => n + g.events.length, 0),
    activities: activityRows.length,
    costSek: report.costs.totalSek,
    pointsRaised: raised!.n,
    pointsDone: report.points.done.length,
  };
  return { report, measures };
}

/** The action plans of the organisation whose period covers some of the year, with their goals. */
async function plansOf(ctx: Context, organisationId: number, year: number, asOf: string): Promise<ReportPlan[]> {
  const plans = await queryRows<Omit<ReportPlan, 'goals'>>(
    ctx.db,
    sql`select p.id, p.title, p.period_from as "periodFrom", p.period_to as "periodTo", g.slug as "agreementSlug", g.party_label || ' – ' || g.counterpart_label as "agreementName",
          p.responsible_unit as "responsibleUnit", p.budget_sek as "budgetSek", p.reviewed_on::text as "reviewedOn",
          coalesce((select sum(a.cost_sek) from activities a join action_plan_goals pg on pg.id = a.action_plan_goal_id
            where pg.action_plan_id = p.id and ${canReadAlias(ctx.principal, 'a')} and a.date_min between ${`${year}-01-01`}::date and ${asOf}::date), 0)::int as "costYearSek",
          coalesce((select sum(a.cost_sek) from activities a join action_plan_goals pg on pg.id = a.action_plan_goal_id
            where pg.action_plan_id = p.id and ${canReadAlias(ctx.principal, 'a')} and a.date_min <= ${asOf}::date), 0)::int as "costPeriodSek"
        from action_plans p join agreements g on g.id = p.agreement_id
        where p.organisation_id = ${organisationId} and ${canReadAlias(ctx.principal, 'p')}
          and p.period_from ~ '^[0-9]{4}' and p.period_to ~ '^[0-9]{4}' and left(p.period_from, 4)::int <= ${year} and left(p.period_to, 4)::int >= ${year}
        order by p.period_from, p.id`,
  );
  if (!plans.length) return [];
  const goals = await queryRows<ReportPlan['goals'][number] & { planId: number }>(
    ctx.db,
    sql`select action_plan_id as "planId", theme, goal, indicator, follow_up as "followUp", outcome, assessment from action_plan_goals
        where action_plan_id in (${sql.join(plans.map((p) => sql`${p.id}`), sql`, `)}) order by action_plan_id, sort_order, id`,
  );
  return plans.map((p) => ({ ...p, goals: goals.filter((g) => g.planId === p.id).map(({ planId: _p, ...g }) => g) }));
}

function byCategory(rows: readonly ReportActivity[]): CostsByCategory {
  const total: CostsByCategory = { travel: 0, hospitality: 0, project: 0, other: 0, unsplit: 0 };
  for (const a of rows) {
    const split = a.costTravelSek !== null || a.costHospitalitySek !== null || a.costProjectSek !== null || a.costOtherSek !== null;
    if (!split) total.unsplit += a.costSek ?? 0;
    total.travel += a.costTravelSek ?? 0;
    total.hospitality += a.costHospitalitySek ?? 0;
    total.project += a.costProjectSek ?? 0;
    total.other += a.costOtherSek ?? 0;
  }
  return total;
}
