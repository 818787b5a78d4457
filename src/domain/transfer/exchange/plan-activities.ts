// What an import would do with action plans (with their goals and the
// agreements they serve) and activities, checked row by row as plan.ts checks
// agreements, with the verbs' own schemas. Natural keys: a plan is its
// agreement and its title; a goal is its number in the plan; an activity is
// its agreement, date and title (several alike are told apart by their
// order, the k-th row of the file being the register's k-th). A matched
// record is changed to what the file says (a column the file lacks keeps the
// register's value); a plan's goals the file does not list stay, as a
// register's events do. An activity's further agreements and places are
// replaced by those its row lists, as a plan's further agreements are.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { costOf, createActivitySchema } from '../../activities/create.ts';
import { createActionPlanSchema, goalReviewSchema, goalSchema, reviewActionPlanSchema } from '../../action-plans/schemas.ts';
import { themeInBothLanguages } from '../../action-plans/themes.ts';
import type { Context } from '../../context.ts';
import { RowReader } from './cells.ts';
import type { ReadTable } from './read.ts';
import { newRef, type RegisterKeys, type Ref } from './register-keys.ts';
import { columnFor, nullify, same, withAbsentKept } from './compare.ts';
import { citationsOf, type Action, type Citation, type ImportPlan } from './plan.ts';
import { resolve } from './plan-contact-surfaces.ts';

export interface ActionPlanValues {
  agreement: Ref;
  title: string;
  titleEn: string | null;
  periodFrom: string;
  periodTo: string;
  /** Further agreements it serves, sorted by token. */
  alsoServes: Ref[];
  responsibleUnit: string | null;
  budgetSek: number | null;
  note: string | null;
  noteEn: string | null;
  reviewedOn: string | null;
  reviewNote: string | null;
  sources: Citation[];
}
export interface GoalValues {
  theme: string;
  themeEn: string | null;
  goal: string;
  goalEn: string | null;
  indicator: string | null;
  plannedActivities: string | null;
  followUp: string | null;
  outcome: string | null;
  assessment: string;
  assessmentNote: string | null;
}
/** A goal's row: its id once written. */
export interface GoalRef {
  id: number | null;
}
export interface PlannedGoal {
  ref: GoalRef;
  number: number;
  action: Action;
  values: GoalValues;
}
export interface PlannedActionPlan {
  ref: Ref;
  action: Action;
  values: ActionPlanValues;
  /** The goals the file lists, by number. */
  goals: PlannedGoal[];
}
export interface ActivityValues {
  agreement: Ref;
  kind: string;
  title: string;
  titleEn: string | null;
  date: string;
  purpose: string | null;
  purposeEn: string | null;
  outcome: string | null;
  outcomeEn: string | null;
  costSek: number | null;
  costTravelSek: number | null;
  costHospitalitySek: number | null;
  costProjectSek: number | null;
  costOtherSek: number | null;
  funding: string[];
  participantsPoliticians: number | null;
  participantsOfficials: number | null;
  participantsCompanies: number | null;
  participantsEducation: number | null;
  participantsStudents: number | null;
  /** The action-plan goal it serves. */
  goal: GoalRef | null;
  /** Further agreements it serves, sorted by token. */
  alsoServes: Ref[];
  /** Where it took place: Swedish bodies and Chinese places, each sorted by token. */
  swedishPlaces: Ref[];
  chinesePlaces: Ref[];
  sources: Citation[];
}
export interface PlannedActivity {
  ref: { id: number | null };
  action: Action;
  values: ActivityValues;
}

/** What the activities' goal column can name: a plan, the agreements it serves, its goals by number. */
interface PlanKey {
  ref: Ref;
  title: string;
  serves: Set<string>;
  goals: Map<number, GoalRef>;
}

const planColumn = columnFor({ title: 'action_plan', alsoServes: 'also_serves' });
const goalColumn = columnFor({ goal: 'goal_text', goalEn: 'goal_text_en' });
const activityColumn = columnFor({ title: 'activity' });
const PLAN_COLUMNS = ['title_en', 'period_from', 'period_to', 'also_serves', 'responsible_unit', 'budget_sek', 'note', 'note_en', 'reviewed_on', 'review_note', 'sources'];
const GOAL_COLUMNS = ['theme', 'theme_en', 'goal_text', 'goal_text_en', 'indicator', 'planned_activities', 'follow_up', 'outcome', 'assessment', 'assessment_note'];
const reviewSchema = reviewActionPlanSchema.pick({ reviewedOn: true, reviewNote: true }).partial();
const MAX_GOAL_NUMBER = 1_000;
const agreementRef = (id: number): Ref => ({ id, token: `id:${id}`, slug: '' });

type Outcome = (r: RowReader, action: Action, what: string) => void;
type CitationsKnown = (r: RowReader, column: string, list: Citation[]) => void;

/** A goal's or plan's number cell: a whole number from 1, or a problem. */
function goalNumber(r: RowReader, column: string): number | undefined {
  const n = r.number(column);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 1 || n > MAX_GOAL_NUMBER) {
    r.problem(column, `'${r.row.cells[column]}' is not a goal's number; write a whole number from 1 to ${MAX_GOAL_NUMBER}`);
    return undefined;
  }
  return n;
}

export async function planActionPlansAndActivities(ctx: Context, planTable: ReadTable | undefined, activityTable: ReadTable | undefined, keys: RegisterKeys, plan: ImportPlan, citationsKnown: CitationsKnown, outcome: Outcome) {
  if (!planTable && !activityTable) return;
  const register = await existingPlans(ctx);
  const plans = new Map(register.map((p) => [p.ref.token, p.key]));
  if (planTable) planPlans(planTable, keys, plan, register, plans, citationsKnown, outcome);
  if (activityTable) await planActivities(ctx, activityTable, keys, plan, [...plans.values()], citationsKnown, outcome);
}

function planPlans(
  planTable: ReadTable,
  keys: RegisterKeys,
  plan: ImportPlan,
  register: RegisterPlan[],
  plans: Map<string, PlanKey>,
  citationsKnown: CitationsKnown,
  outcome: Outcome,
) {
  // Rows into plans: by agreement and title.
  const groups = new Map<string, RowReader[]>();
  for (const row of planTable.rows) {
    const r = new RowReader(planTable.file, 'action_plans', row, plan.problems);
    const key = `${r.row.cells.agreement ?? ''}\u0000${r.row.cells.action_plan ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const rows of groups.values()) {
    const first = rows[0]!;
    // A plan's columns may repeat on each of its rows, but must not differ.
    let consistent = true;
    for (const column of PLAN_COLUMNS) {
      const holder = rows.find((r) => r.row.cells[column]);
      for (const r of rows) {
        if (holder && r.row.cells[column] && r.row.cells[column] !== holder.row.cells[column]) {
          r.problem(column, `differs from row ${holder.row.row} of the same action plan; a plan's columns must be the same on each of its rows`);
          consistent = false;
        }
      }
    }
    const holder = (column: string) => rows.find((r) => r.row.cells[column]) ?? first;
    const slug = first.text('agreement');
    const agreement = slug ? keys.agreementsBySlug.get(slug) : undefined;
    if (slug && !agreement) first.problem('agreement', `no agreement '${slug}' in the register or the agreements table`);
    const sources = holder('sources').citations('sources');
    citationsKnown(holder('sources'), 'sources', sources);
    const alsoServes = holder('also_serves').list('also_serves');
    const served: Ref[] = [];
    for (const other of alsoServes) {
      const found = keys.agreementsBySlug.get(other);
      if (!found) holder('also_serves').problem('also_serves', `no agreement '${other}' in the register or the agreements table`);
      else if (found === agreement) holder('also_serves').problem('also_serves', `'${other}' is the agreement the plan is made for; list only further agreements`);
      else if (served.includes(found.ref)) holder('also_serves').problem('also_serves', `'${other}' comes twice`);
      else served.push(found.ref);
    }
    const input = {
      title: first.text('action_plan'), titleEn: holder('title_en').text('title_en'), periodFrom: holder('period_from').text('period_from'), periodTo: holder('period_to').text('period_to'),
      note: holder('note').text('note'), noteEn: holder('note_en').text('note_en'), responsibleUnit: holder('responsible_unit').text('responsible_unit'),
      budgetSek: holder('budget_sek').number('budget_sek'), alsoServes, sources,
    };
    const parsed = first.parse(createActionPlanSchema, input, planColumn, holder);
    const review = first.parse(reviewSchema, { reviewedOn: holder('reviewed_on').text('reviewed_on'), reviewNote: holder('review_note').text('review_note') }, planColumn, holder);

    // The goals, one a row.
    const goals: Array<{ r: RowReader; number: number; values: GoalValues }> = [];
    for (const r of rows) {
      const number = goalNumber(r, 'goal');
      if (number === undefined) {
        const stray = GOAL_COLUMNS.find((c) => r.row.cells[c]);
        if (stray && !r.row.cells.goal) r.problem('goal', `the row has ${stray} but no goal number; write the goal's number in the plan (1, 2, 3 …)`);
        continue;
      }
      const goal = r.parse(
        goalSchema,
        { theme: r.text('theme'), themeEn: r.text('theme_en'), goal: r.text('goal_text'), goalEn: r.text('goal_text_en'), indicator: r.text('indicator'), plannedActivities: r.text('planned_activities'), followUp: r.text('follow_up') },
        goalColumn,
      );
      const judged = r.parse(goalReviewSchema, { outcome: r.text('outcome'), assessment: r.text('assessment') ?? 'not_assessed', assessmentNote: r.text('assessment_note') }, goalColumn);
      if (!goal || !judged) continue;
      const twin = goals.find((g) => g.number === number);
      if (twin) {
        r.problem('goal', `goal ${number} comes twice in this action plan (row ${twin.r.row.row} too)`);
        continue;
      }
      goals.push({ r, number, values: { ...nullify({ ...goal, ...judged }), ...themeInBothLanguages(goal.theme, goal.themeEn), goal: goal.goal, assessment: judged.assessment } });
    }
    if (!consistent || !parsed || !review || !agreement || served.length !== alsoServes.length) continue;

    const values: ActionPlanValues = {
      agreement: agreement.ref, title: parsed.title, titleEn: parsed.titleEn ?? null, periodFrom: parsed.periodFrom, periodTo: parsed.periodTo,
      alsoServes: [...served].sort((a, b) => a.token.localeCompare(b.token)), responsibleUnit: parsed.responsibleUnit ?? null, budgetSek: parsed.budgetSek ?? null,
      note: parsed.note ?? null, noteEn: parsed.noteEn ?? null, reviewedOn: review.reviewedOn ?? null, reviewNote: review.reviewNote ?? null, sources,
    };
    const what = `action plan '${values.title}' of ${agreement.ref.slug}`;
    const candidates = register.filter((p) => p.values.agreement.token === agreement.ref.token && p.values.title === values.title);
    if (candidates.length > 1) {
      first.problem('action_plan', `the register has ${candidates.length} action plans titled '${values.title}' for ${agreement.ref.slug}; give them different titles first`);
      continue;
    }
    const match = candidates[0];
    if (match) {
      const kept = withAbsentKept(values, match.values, planTable, planColumn, ['agreement', 'title']);
      const planned: PlannedActionPlan = { ref: match.ref, action: same(match.values, kept) ? 'unchanged' : 'change', values: kept, goals: [] };
      outcome(first, planned.action, what);
      for (const g of goals) {
        const had = match.goals.get(g.number);
        const goalValues = withAbsentKept(g.values, had?.values, planTable, goalColumn, ['theme', 'goal']);
        const action: Action = !had ? 'create' : same(had.values, goalValues) ? 'unchanged' : 'change';
        planned.goals.push({ ref: had?.ref ?? { id: null }, number: g.number, action, values: goalValues });
        outcome(g.r, action, `goal ${g.number} of ${what}`);
      }
      plan.actionPlans.push(planned);
      plans.set(match.ref.token, keyOf(planned, match.key.goals));
    } else {
      const ref = newRef(`${agreement.ref.slug}: ${values.title}`);
      const planned: PlannedActionPlan = { ref, action: 'create', values, goals: goals.map((g) => ({ ref: { id: null }, number: g.number, action: 'create', values: g.values })) };
      outcome(first, 'create', what);
      for (const g of goals) outcome(g.r, 'create', `goal ${g.number} of ${what}`);
      plan.actionPlans.push(planned);
      plans.set(ref.token, keyOf(planned, new Map()));
    }
  }
}

/** What activities may name of a planned plan: its goals are the register's and the file's. */
function keyOf(planned: PlannedActionPlan, registerGoals: Map<number, GoalRef>): PlanKey {
  const goals = new Map(registerGoals);
  for (const g of planned.goals) goals.set(g.number, g.ref);
  return { ref: planned.ref, title: planned.values.title, serves: new Set([planned.values.agreement.token, ...planned.values.alsoServes.map((a) => a.token)]), goals };
}

async function planActivities(ctx: Context, table: ReadTable, keys: RegisterKeys, plan: ImportPlan, plans: PlanKey[], citationsKnown: CitationsKnown, outcome: Outcome) {
  const registered = await existingActivities(ctx);
  const byKey = new Map<string, Array<{ id: number; values: ActivityValues }>>();
  for (const a of registered) {
    const key = activityKey(a.values);
    byKey.set(key, [...(byKey.get(key) ?? []), a]);
  }
  const servingByAgreement = new Map<string, PlanKey[]>();
  for (const p of plans) for (const token of p.serves) servingByAgreement.set(token, [...(servingByAgreement.get(token) ?? []), p]);
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const r = new RowReader(table.file, 'activities', row, plan.problems);
    const slug = r.text('agreement');
    const agreement = slug ? keys.agreementsBySlug.get(slug) : undefined;
    if (slug && !agreement) r.problem('agreement', `no agreement '${slug}' in the register or the agreements table`);
    const sources = r.citations('sources');
    citationsKnown(r, 'sources', sources);
    const furtherCells = r.list('also_serves');
    const swedishCells = r.list('swedish_places');
    const chineseCells = r.list('chinese_places');
    const input = {
      // The schema counts the lists; what each item names is resolved below (a cell names a body by code or name, a place by its path).
      alsoServes: furtherCells.map(() => 'x'), swedishPlaces: swedishCells.map(() => 'x'), chinesePlaces: chineseCells.map(() => 'x'),
      kind: r.text('kind'), title: r.text('activity'), titleEn: r.text('title_en'), date: r.text('date'),
      purpose: r.text('purpose'), purposeEn: r.text('purpose_en'), outcome: r.text('outcome'), outcomeEn: r.text('outcome_en'),
      costSek: r.number('cost_sek'), costTravelSek: r.number('cost_travel_sek'), costHospitalitySek: r.number('cost_hospitality_sek'), costProjectSek: r.number('cost_project_sek'), costOtherSek: r.number('cost_other_sek'),
      funding: r.list('funding'), participantsPoliticians: r.number('participants_politicians'), participantsOfficials: r.number('participants_officials'),
      participantsCompanies: r.number('participants_companies'), participantsEducation: r.number('participants_education'), participantsStudents: r.number('participants_students'), sources,
    };
    const parsed = r.parse(createActivitySchema, input, activityColumn);
    // The goal: a goal of a plan, by the plan's title and the goal's number, that serves the activity's agreement.
    const planTitle = r.text('action_plan');
    const number = goalNumber(r, 'goal');
    let goal: GoalRef | null = null;
    let goalKnown = true;
    if (planTitle !== undefined || number !== undefined) {
      goalKnown = false;
      if (planTitle === undefined) r.problem('action_plan', 'the row has a goal but no action plan; write the title of the plan the goal is in');
      else if (number === undefined) {
        if (!r.row.cells.goal) r.problem('goal', `the row names the action plan '${planTitle}' but no goal; write the goal's number in that plan`);
      } else if (agreement) {
        const serving = (servingByAgreement.get(agreement.ref.token) ?? []).filter((p) => p.title === planTitle);
        if (serving.length > 1) r.problem('action_plan', `${serving.length} action plans titled '${planTitle}' serve ${agreement.ref.slug}; give them different titles first`);
        else if (!serving.length) {
          r.problem(
            'action_plan',
            plans.some((p) => p.title === planTitle)
              ? `the action plan '${planTitle}' does not serve the agreement ${agreement.ref.slug}: an activity serves a goal of a plan that serves its agreement (add the agreement to the plan's also_serves)`
              : `no action plan '${planTitle}' in the register or the action_plans table`,
          );
        } else {
          const found = serving[0]!.goals.get(number);
          if (!found) r.problem('goal', `the action plan '${planTitle}' has no goal ${number}; its goals are ${[...serving[0]!.goals.keys()].sort((a, b) => a - b).join(', ') || 'none'}`);
          else {
            goal = found;
            goalKnown = true;
          }
        }
      }
    }
    const alsoServes = resolve(r, 'also_serves', furtherCells, (slug) => {
      const found = keys.agreementsBySlug.get(slug);
      if (!found) return { problem: `no agreement '${slug}' in the register or the agreements table` };
      if (found === agreement) return { problem: `'${slug}' is the agreement the activity is recorded under; list only further agreements` };
      return { ref: found.ref };
    });
    const swedishPlaces = resolve(r, 'swedish_places', swedishCells, (text) => {
      const found = keys.findActor(text);
      return 'problem' in found ? found : { ref: found.actor.ref };
    });
    const chinesePlaces = resolve(r, 'chinese_places', chineseCells, (text) => {
      const found = keys.findPlace(text);
      return 'problem' in found ? found : { ref: found.place.ref };
    });
    if (!parsed || !agreement || !goalKnown || !alsoServes || !swedishPlaces || !chinesePlaces) continue;
    // Not in these files: the names of who took part and of a delegation and its leading persons (personal data); the links are resolved above.
    const { note: _n, noteEn: _e, actionPlanGoalId: _g, visibility: _v, sources: _s, participants: _p, participantsEn: _pe, delegationName: _dn, delegationPersons: _dp, alsoServes: _a, swedishPlaces: _sp, chinesePlaces: _cp, ...rest } = parsed;
    const read: ActivityValues = {
      ...nullify(rest), kind: parsed.kind, title: parsed.title, date: parsed.date, funding: parsed.funding, agreement: agreement.ref, goal, alsoServes, swedishPlaces, chinesePlaces, sources, costSek: costOf(parsed),
    };
    const key = activityKey(read);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const match = byKey.get(key)?.[occurrence];
    const values = withAbsentKept(read, match?.values, table, (field) => (field === 'goal' ? 'action_plan' : activityColumn(field)), ['agreement', 'title', 'date']);
    const action: Action = !match ? 'create' : same(match.values, values) ? 'unchanged' : 'change';
    plan.activities.push({ ref: { id: match?.id ?? null }, action, values });
    outcome(r, action, `activity '${values.title}' ${values.date} of ${agreement.ref.slug}`);
  }
}

const activityKey = (a: { agreement: Ref; date: string; title: string }) => `${a.agreement.token}\u0000${a.date}\u0000${a.title}`;

// What the register holds, in the shape a plan compares with.

interface RegisterPlan {
  ref: Ref;
  values: ActionPlanValues;
  goals: Map<number, { ref: GoalRef; values: GoalValues }>;
  key: PlanKey;
}

async function existingPlans(ctx: Context): Promise<RegisterPlan[]> {
  const rows = await queryRows<Omit<ActionPlanValues, 'agreement' | 'alsoServes' | 'sources'> & { id: number; agreement_id: number; agreement_slug: string; also: number[] | null }>(
    ctx.db,
    sql`select p.id, p.agreement_id, a.slug as agreement_slug, p.title, p.title_en as "titleEn", p.period_from as "periodFrom", p.period_to as "periodTo",
          p.responsible_unit as "responsibleUnit", p.budget_sek as "budgetSek", p.note, p.note_en as "noteEn", p.reviewed_on::text as "reviewedOn", p.review_note as "reviewNote",
          (select array_agg(pa.agreement_id) from action_plan_agreements pa where pa.action_plan_id = p.id) as also
        from action_plans p join agreements a on a.id = p.agreement_id order by p.id`,
  );
  const goals = await queryRows<GoalValues & { id: number; action_plan_id: number; sort_order: number }>(
    ctx.db,
    sql`select id, action_plan_id, sort_order, theme, theme_en as "themeEn", goal, goal_en as "goalEn", indicator, planned_activities as "plannedActivities", follow_up as "followUp",
          outcome, assessment, assessment_note as "assessmentNote" from action_plan_goals order by id`,
  );
  const cited = await citationsOf(ctx, 'action_plan');
  const byPlan = new Map<number, Map<number, { ref: GoalRef; values: GoalValues }>>();
  for (const { id, action_plan_id, sort_order, ...values } of goals) {
    const own = byPlan.get(action_plan_id) ?? new Map();
    // Two goals with one number (not made by the verbs): the first is the one a file's number names.
    if (!own.has(sort_order)) own.set(sort_order, { ref: { id }, values });
    byPlan.set(action_plan_id, own);
  }
  return rows.map(({ id, agreement_id, agreement_slug, also, ...rest }) => {
    const ref: Ref = { id, token: `plan:${id}`, slug: `${agreement_slug}: ${rest.title}` };
    const values: ActionPlanValues = {
      ...rest, agreement: agreementRef(agreement_id), alsoServes: (also ?? []).map(agreementRef).sort((a, b) => a.token.localeCompare(b.token)), sources: cited.get(id) ?? [],
    };
    const own = byPlan.get(id) ?? new Map();
    const key: PlanKey = { ref, title: values.title, serves: new Set([values.agreement.token, ...values.alsoServes.map((a) => a.token)]), goals: new Map([...own].map(([n, g]) => [n, g.ref])) };
    return { ref, values, goals: own, key };
  });
}

async function existingActivities(ctx: Context): Promise<Array<{ id: number; values: ActivityValues }>> {
  const rows = await queryRows<
    Omit<ActivityValues, 'agreement' | 'goal' | 'alsoServes' | 'swedishPlaces' | 'chinesePlaces' | 'sources'> & {
      id: number; agreement_id: number; goal_id: number | null; also: number[] | null; actor_ids: number[] | null; place_ids: number[] | null;
    }
  >(
    ctx.db,
    sql`select id, agreement_id, action_plan_goal_id as goal_id, kind, title, title_en as "titleEn", date, purpose, purpose_en as "purposeEn",
          outcome, outcome_en as "outcomeEn", cost_sek as "costSek", cost_travel_sek as "costTravelSek", cost_hospitality_sek as "costHospitalitySek", cost_project_sek as "costProjectSek",
          cost_other_sek as "costOtherSek", funding, participants_politicians as "participantsPoliticians", participants_officials as "participantsOfficials",
          participants_companies as "participantsCompanies", participants_education as "participantsEducation", participants_students as "participantsStudents",
          (select array_agg(aa.agreement_id) from activity_agreements aa where aa.activity_id = x.id) as also,
          (select array_agg(l.actor_id) from activity_places l where l.activity_id = x.id and l.actor_id is not null) as actor_ids,
          (select array_agg(l.counterpart_id) from activity_places l where l.activity_id = x.id and l.counterpart_id is not null) as place_ids
        from activities x where agreement_id is not null order by id`,
  );
  const cited = await citationsOf(ctx, 'activity');
  const refs = (ids: number[] | null) => (ids ?? []).map(agreementRef).sort((a, b) => a.token.localeCompare(b.token));
  return rows.map(({ id, agreement_id, goal_id, also, actor_ids, place_ids, ...rest }) => ({
    id,
    values: {
      ...rest, agreement: agreementRef(agreement_id), goal: goal_id === null ? null : { id: goal_id }, alsoServes: refs(also), swedishPlaces: refs(actor_ids), chinesePlaces: refs(place_ids), sources: cited.get(id) ?? [],
    },
  }));
}
