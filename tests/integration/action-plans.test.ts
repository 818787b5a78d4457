// Action plans through the app, as browsers send them: an editor makes a plan
// serving two agreements, adds two goals, links activities to them (which
// then show as each goal's progress) and reviews the plan; bad input is
// named by field and nothing is stored; other organisations may not change
// plans, a stale review is a conflict, and the public reads public plans only.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { actionPlanAgreements, actionPlanGoals, actionPlans, activities, auditLog, type Role } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';
import { summaryEntry } from '../support/form-browser.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;

const PEOPLE = {
  editor: { role: 'editor', organisation: 'ortsband' },
  colleague: { role: 'editor', organisation: 'ortsband' },
  reader: { role: 'reader', organisation: 'ortsband' },
  otherEditor: { role: 'editor', organisation: 'plans-other' },
  otherReader: { role: 'reader', organisation: 'plans-other' },
  admin: { role: 'admin', organisation: 'plans-other' },
} as const satisfies Record<string, { role: Role; organisation: string }>;
type Person = keyof typeof PEOPLE | 'anonymous';

let visitors: Record<Person, Visitor>;

let agreement: { id: number; slug: string };
let sibling: { id: number; slug: string };
let othersAgreement: { id: number; slug: string };
const page = (slug = agreement.slug) => `/avtal/${slug}/handlingsplaner`;

const count = async (table: typeof actionPlans | typeof actionPlanGoals | typeof actionPlanAgreements | typeof activities | typeof auditLog) =>
  (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
const snapshot = async () => ({
  plans: await count(actionPlans),
  goals: await count(actionPlanGoals),
  served: await count(actionPlanAgreements),
  activities: await count(activities),
  audit: await count(auditLog),
  reviewed: (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from action_plans where reviewed_on is not null`))[0]!.n,
  linked: (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from activities where action_plan_goal_id is not null`))[0]!.n,
});

const PLAN = { title: 'Handlingsplan 2026–2028', periodFrom: '2026', periodTo: '2028', responsibleUnit: 'Kommunledningskontoret, internationella enheten', budgetSek: '350000', note: 'Antagen av kommunstyrelsen.', visibility: 'public' };

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  const ctx = systemCtx(t);
  await addOrganisation({ ctx, input: { slug: 'plans-other', name: 'Another body' } });
  ({ visitors } = await signedInVisitors(t, app, PEOPLE));
  const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
  const [other] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'plans-other'`);
  agreement = await createAgreement({ ctx, organisationId: org!.id, input: { slug: uniqueSlug('plans'), kind: 'vanort', officialTitle: 'Ett avtal med en plan', parties: ['kalix'], counterparts: ['zhejiang'] } });
  sibling = await createAgreement({ ctx, organisationId: org!.id, input: { slug: uniqueSlug('plans-sibling'), kind: 'vanort', officialTitle: 'Kalix andra avtal', parties: ['kalix'], counterparts: ['shanghai'] } });
  othersAgreement = await createAgreement({ ctx, organisationId: other!.id, input: { slug: uniqueSlug('plans-others'), kind: 'vanort', officialTitle: 'En annan organisations avtal', parties: ['kalix'], counterparts: ['shanghai'] } });
}, 120_000);
afterAll(async () => t?.close());

async function makePlan(fields: Record<string, string> = PLAN, who: Visitor = visitors.editor) {
  const response = await who.post(page(), fields);
  expect(response.status, await response.clone().text().then((h) => h.slice(h.indexOf('error-summary'), h.indexOf('error-summary') + 600))).toBe(303);
  const id = Number(/#plan-(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}
async function addGoal(planId: number, fields: Record<string, string>) {
  const response = await visitors.editor.post(`${page()}/${planId}/mal`, fields);
  expect(response.status).toBe(303);
  return Number(/#mal-(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
}
async function recordActivity(fields: Record<string, string>, slug = agreement.slug) {
  const response = await visitors.editor.post(`/avtal/${slug}/aktiviteter`, { kind: 'meeting', date: '2026-05', visibility: 'public', ...fields });
  expect(response.status).toBe(303);
  return Number(/#aktivitet-(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
}
const versionOf = async (planId: number) => (await t.database.db.select({ version: actionPlans.version }).from(actionPlans).where(eq(actionPlans.id, planId)))[0]!.version;

describe('a plan with two goals, linked activities and a review', () => {
  it('makes the plan for two agreements, adds goals, links activities as progress, reviews it, and the public page shows the assessments', async () => {
    const form = await (await visitors.editor.request(page())).text();
    // The other agreement of the same party is offered; another organisation's is not.
    expect(form).toContain(`value="${sibling.slug}"`);
    expect(form).not.toContain(`value="${othersAgreement.slug}"`);
    const index = /name="(alsoServes\.\d+)" value="([^"]+)"/g;
    const box = [...form.matchAll(index)].find((m) => m[2] === sibling.slug)![1]!;
    const planId = await makePlan({ ...PLAN, [box]: sibling.slug });
    const [plan] = await t.database.db.select().from(actionPlans).where(eq(actionPlans.id, planId));
    expect(plan).toMatchObject({ agreementId: agreement.id, budgetSek: 350000, responsibleUnit: PLAN.responsibleUnit, visibility: 'public', version: 1 });
    expect(await t.database.db.select().from(actionPlanAgreements).where(eq(actionPlanAgreements.actionPlanId, planId))).toEqual([{ actionPlanId: planId, agreementId: sibling.id }]);

    const education = await addGoal(planId, { theme: 'utbildning', goal: 'Fler elevutbyten', indicator: 'Antal elever i utbyte per år', plannedActivities: 'Två skolresor per år' });
    const trade = await addGoal(planId, { theme: 'Handel och näringsliv', goal: 'Stöd till exportföretag', indicator: 'Antal företag', plannedActivities: 'En handelsdelegation' });
    const goals = await t.database.db.select().from(actionPlanGoals).where(eq(actionPlanGoals.actionPlanId, planId)).orderBy(actionPlanGoals.sortOrder);
    expect(goals.map((g) => [g.id, g.theme, g.themeEn, g.sortOrder])).toEqual([
      [education, 'Utbildning', 'Education', 1],
      [trade, 'Handel och näringsliv', 'Trade and business', 2],
    ]);

    // An activity linked when it is recorded, another linked afterwards, and one on the sibling agreement (the plan serves it too).
    const exchange = await recordActivity({ title: 'Elevutbyte med Hangzhou', costSek: '42000', actionPlanGoalId: String(education) });
    const fair = await recordActivity({ title: 'Handelsmässa i Shanghai', costSek: '' });
    const linked = await visitors.editor.post(`/avtal/${agreement.slug}/aktiviteter/${fair}/mal`, { actionPlanGoalId: String(trade) });
    expect(linked.status).toBe(303);
    const sister = await recordActivity({ title: 'Lärarbesök från Shanghai', actionPlanGoalId: String(education) }, sibling.slug);
    expect((await t.database.db.select({ goal: activities.actionPlanGoalId }).from(activities).where(eq(activities.id, sister)))[0]!.goal).toBe(education);

    const shown = await (await visitors.reader.request(page())).text();
    const row = (goalId: number) => shown.slice(shown.indexOf(`id="mal-${goalId}"`), shown.indexOf('</tr>', shown.indexOf(`id="mal-${goalId}"`)));
    expect(row(education)).toContain('Elevutbyte med Hangzhou');
    expect(row(education)).toContain('42');
    expect(row(education)).toContain('Lärarbesök från Shanghai');
    expect(row(trade)).toContain('Handelsmässa i Shanghai');
    expect(row(trade)).not.toContain('Elevutbyte');
    expect(shown).toContain('350');
    expect(shown).not.toContain('Följ upp planen'); // a reader has no forms
    // The sibling agreement's page lists the plan too.
    expect(await (await visitors.reader.request(page(sibling.slug))).text()).toContain('Handlingsplan 2026–2028');

    // The review, at the version the page showed.
    const version = await versionOf(planId);
    const reviewed = await visitors.editor.post(`${page()}/${planId}/uppfoljning`, {
      reviewedOn: '2028-12-15',
      reviewNote: 'Utbytena blev fler än planerat.',
      expectedVersion: String(version),
      [`goals.${education}.outcome`]: '64 elever i utbyte',
      [`goals.${education}.assessment`]: 'met',
      [`goals.${education}.assessmentNote`]: '',
      [`goals.${trade}.outcome`]: 'Två företag',
      [`goals.${trade}.assessment`]: 'partly_met',
      [`goals.${trade}.assessmentNote`]: 'Pandemin stoppade delegationen',
    });
    expect(reviewed.status).toBe(303);
    const [after] = await t.database.db.select().from(actionPlans).where(eq(actionPlans.id, planId));
    expect(after).toMatchObject({ reviewedOn: '2028-12-15', reviewNote: 'Utbytena blev fler än planerat.', version: version + 1 });
    const assessed = await t.database.db.select().from(actionPlanGoals).where(eq(actionPlanGoals.actionPlanId, planId)).orderBy(actionPlanGoals.sortOrder);
    expect(assessed.map((g) => [g.outcome, g.assessment, g.assessmentNote])).toEqual([
      ['64 elever i utbyte', 'met', null],
      ['Två företag', 'partly_met', 'Pandemin stoppade delegationen'],
    ]);

    // The public agreement page: the plan with its goals and their assessments; in English too.
    const publicPage = await (await visitors.anonymous.request(`/avtal/${agreement.slug}`)).text();
    expect(publicPage).toContain('Handlingsplan 2026–2028');
    expect(publicPage).toContain('Delvis uppnått');
    expect(publicPage).toContain('64 elever i utbyte');
    expect(publicPage).toContain('Antal elever i utbyte per år');
    expect(await (await visitors.anonymous.request(`/avtal/${agreement.slug}?lang=en`)).text()).toContain('Partly met');
    expect(await (await visitors.editor.request(`${page()}?lang=en`)).text()).toContain('Trade and business');

    const actions = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'action_plan' and entity_id = ${planId} order by id`);
    expect(actions.map((a) => a.action)).toEqual(['action_plan.create', 'action_plan.goal', 'action_plan.goal', 'action_plan.review']);
  });
});

describe('bad input: a message naming the field, and nothing stored', () => {
  let planId: number;
  let goalId: number;
  let foreignGoal: number;
  beforeAll(async () => {
    planId = await makePlan({ ...PLAN, title: 'Plan för felaktiga inlägg' });
    goalId = await addGoal(planId, { theme: 'Kultur', goal: 'Ett kulturutbyte' });
    // A goal of a plan that serves another agreement only.
    const response = await visitors.otherEditor.post(page(othersAgreement.slug), { ...PLAN, title: 'Den andra organisationens plan' });
    const othersPlan = Number(/#plan-(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
    foreignGoal = (await t.database.db.insert(actionPlanGoals).values({ actionPlanId: othersPlan, theme: 'Turism', goal: 'Fler turister' }).returning())[0]!.id;
  });

  const planRefusals: Array<[string, Record<string, string>, string, RegExp]> = [
    ['a negative budget', { budgetSek: '-5' }, 'budgetSek', /Budget: skriv kostnaden i hela kr/],
    ['a budget in words', { budgetSek: 'en miljon' }, 'budgetSek', /Budget: skriv kostnaden i hela kr/],
    ['a budget with decimals', { budgetSek: '12.50' }, 'budgetSek', /Budget: skriv kostnaden i hela kr/],
    ['a period that ends before it begins', { periodFrom: '2028', periodTo: '2026' }, 'periodTo', /sluta innan den börjar/],
    ['no title', { title: ' ' }, 'title', /Skriv planens rubrik\./],
    ['an unreadable start', { periodFrom: 'i höstas' }, 'periodFrom', /datum/],
    ['an unknown visibility', { visibility: 'everyone' }, 'visibility', /./],
    ['another organisation’s agreement to serve too', { 'alsoServes.0': 'OTHER' }, 'alsoServes', /inget avtal/],
  ];
  it.each(planRefusals)('refuses a plan with %s', async (_name, fields, field, message) => {
    const set = { ...fields };
    if (set['alsoServes.0'] === 'OTHER') set['alsoServes.0'] = othersAgreement.slug;
    const before = await snapshot();
    const response = await visitors.editor.post(page(), { ...PLAN, ...set });
    expect(response.status).toBe(400);
    const html = await response.text();
    const at = html.indexOf(`id="plan-${field}-error"`);
    expect(at).toBeGreaterThan(0);
    // The error summary names the field first ("Budget: skriv …"); beside the field, its label does.
    const entry = summaryEntry(html, `plan-${field}`);
    expect(entry).toMatch(/^[^:<]+: \S/);
    expect(`${html.slice(at, at + 400)}\n${entry}`).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a goal without its thematic area or goal, naming each', async () => {
    const before = await snapshot();
    const response = await visitors.editor.post(`${page()}/${planId}/mal`, { theme: '', goal: ' ', indicator: 'x' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`id="goal-${planId}-theme-error"`);
    expect(html).toContain(`id="goal-${planId}-goal-error"`);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a review with a bad assessment, no date, a date before the period, or a goal of another plan', async () => {
    const version = String(await versionOf(planId));
    const before = await snapshot();
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ reviewedOn: '2028-12-01', [`goals.${goalId}.assessment`]: 'superb' }, `review-${planId}-goals-${goalId}-assessment-error`, /uppnått/],
      [{ reviewedOn: '', [`goals.${goalId}.assessment`]: 'met' }, `review-${planId}-reviewedOn-error`, /datum/],
      [{ reviewedOn: '2020-01-01', [`goals.${goalId}.assessment`]: 'met' }, `review-${planId}-reviewedOn-error`, /före planens period/],
      [{ reviewedOn: '2028-12-01', [`goals.${foreignGoal}.assessment`]: 'met' }, `review-${planId}-goals-${foreignGoal}`, /hör inte till/],
    ];
    for (const [fields, id, message] of cases) {
      const response = await visitors.editor.post(`${page()}/${planId}/uppfoljning`, { expectedVersion: version, ...fields });
      expect(response.status, id).toBe(400);
      const html = await response.text();
      expect(html, id).toContain(`href="#${id.replace(/-error$/, '')}"`);
      expect(html.slice(html.indexOf('error-summary'), html.indexOf('error-summary') + 800), id).toMatch(message);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to link an activity to a goal of a plan that does not serve its agreement, on either form', async () => {
    const activityId = await recordActivity({ title: 'Ett möte utan mål' });
    const before = await snapshot();
    const linked = await visitors.editor.post(`/avtal/${agreement.slug}/aktiviteter/${activityId}/mal`, { actionPlanGoalId: String(foreignGoal) });
    expect(linked.status).toBe(400);
    expect(await linked.text()).toContain(`id="goal-${activityId}-actionPlanGoalId-error"`);
    const recorded = await visitors.editor.post(`/avtal/${agreement.slug}/aktiviteter`, { kind: 'meeting', title: 'Ett möte', date: '2026', visibility: 'public', actionPlanGoalId: String(foreignGoal) });
    expect(recorded.status).toBe(400);
    const html = await recorded.text();
    const at = html.indexOf('id="activity-actionPlanGoalId-error"');
    expect(at).toBeGreaterThan(0);
    expect(html.slice(at, at + 300)).toMatch(/handlingsplan som gäller avtalet/);
    expect((await visitors.editor.post(`/avtal/${agreement.slug}/aktiviteter`, { kind: 'meeting', title: 'Ett möte', date: '2026', visibility: 'public', actionPlanGoalId: 'abc' })).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});

describe('who may do what', () => {
  let planId: number;
  let goalId: number;
  beforeAll(async () => {
    planId = await makePlan({ ...PLAN, title: 'Intern plan XYZZY', visibility: 'internal' });
    goalId = await addGoal(planId, { theme: 'Turism', goal: 'Hemligt mål XYZZY', indicator: 'Hemlig indikator XYZZY' });
  });

  it('refuses editors of another organisation and readers with 403, and stores nothing', async () => {
    const before = await snapshot();
    const version = String(await versionOf(planId));
    for (const who of [visitors.otherEditor, visitors.reader]) {
      expect((await who.post(page(), PLAN)).status).toBe(403);
      expect((await who.post(`${page()}/${planId}/mal`, { theme: 'Kultur', goal: 'x' })).status).toBe(403);
      expect((await who.post(`${page()}/${planId}/uppfoljning`, { reviewedOn: '2028-01-01', expectedVersion: version, [`goals.${goalId}.assessment`]: 'met' })).status).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets administrators of another organisation change a plan they may read (an internal one is not theirs to read: 404)', async () => {
    const shared = await makePlan({ ...PLAN, title: 'Delad plan', visibility: 'shared' });
    expect((await visitors.admin.post(`${page()}/${shared}/mal`, { theme: 'Idrott och ungdom', goal: 'Ett idrottsutbyte' })).status).toBe(303);
    expect((await visitors.admin.post(`${page()}/${planId}/mal`, { theme: 'Idrott och ungdom', goal: 'Ett idrottsutbyte' })).status).toBe(404);
  });

  it('shows an internal plan to its organisation only: not to other organisations, nor on public pages or in the API', async () => {
    expect(await (await visitors.reader.request(page())).text()).toContain('XYZZY');
    expect(await (await visitors.otherReader.request(page())).text()).not.toContain('XYZZY');
    expect(await (await visitors.otherReader.request(`/avtal/${agreement.slug}`)).text()).not.toContain('XYZZY');
    for (const path of [`/avtal/${agreement.slug}`, `/avtal/${agreement.slug}?lang=en`, `/api/agreements/${agreement.slug}`, '/api/export.json']) {
      expect(await (await visitors.anonymous.request(path)).text(), path).not.toContain('XYZZY');
    }
    const response = await visitors.anonymous.request(page());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/logga-in?tillbaka=${encodeURIComponent(page())}`);
  });

  it('answers a stale review with 409, keeps what was typed, and changes nothing', async () => {
    const version = await versionOf(planId);
    const fields = { reviewedOn: '2028-11-01', expectedVersion: String(version), [`goals.${goalId}.assessment`]: 'not_met', [`goals.${goalId}.outcome`]: 'Inga turister alls' };
    // Someone adds a goal first: the review form no longer says what is there.
    await addGoal(planId, { theme: 'Kultur', goal: 'Ett sent tillagt mål' });
    const before = await snapshot();
    const stale = await visitors.colleague.post(`${page()}/${planId}/uppfoljning`, fields);
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Någon annan ändrade handlingsplanen');
    expect(html).toContain('Inga turister alls');
    expect(html).toContain('Ett sent tillagt mål');
    expect(await snapshot()).toEqual(before);
    const [goal] = await t.database.db.select().from(actionPlanGoals).where(eq(actionPlanGoals.id, goalId));
    expect(goal).toMatchObject({ assessment: 'not_assessed', outcome: null });
  });

  it('links the agreement’s page to its action plans for signed-in people', async () => {
    const html = await (await visitors.reader.request(`/avtal/${agreement.slug}`)).text();
    expect(html).toContain(`href="/avtal/${agreement.slug}/handlingsplaner"`);
  });
});

describe('changing and removing a plan and its goals', () => {
  it('changes a plan at the version shown, refuses a stale page (409, nothing changed), and keeps the history', async () => {
    const planId = await makePlan({ ...PLAN, title: 'En plan att ändra' });
    const form = await (await visitors.editor.request(page())).text();
    expect(form).toContain('Ändra eller ta bort planen: En plan att ändra');
    const changed = await visitors.editor.post(`${page()}/${planId}/andra`, { ...PLAN, title: 'En ändrad plan', budgetSek: '400000', reason: 'Ny budget', expectedVersion: '1' });
    expect(changed.status).toBe(303);
    const [plan] = await t.database.db.select().from(actionPlans).where(eq(actionPlans.id, planId));
    expect(plan).toMatchObject({ title: 'En ändrad plan', budgetSek: 400_000, version: 2 });
    const before = await snapshot();
    const stale = await visitors.colleague.post(`${page()}/${planId}/andra`, { ...PLAN, title: 'Från en gammal sida', expectedVersion: '1' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('value="Från en gammal sida"');
    expect(await snapshot()).toEqual(before);
    expect((await t.database.db.select().from(actionPlans).where(eq(actionPlans.id, planId)))[0]!.title).toBe('En ändrad plan');
    const history = await (await visitors.editor.request(`/avtal/${agreement.slug}/historik`)).text();
    expect(history).toContain('Ny budget');
  });

  it('will not stop serving an agreement whose activities serve its goals, and names the field', async () => {
    const planId = await makePlan({ ...PLAN, title: 'En plan för två avtal', 'alsoServes.0': sibling.slug });
    const goalId = await addGoal(planId, { theme: 'Kultur', goal: 'Ett kulturutbyte' });
    await recordActivity({ title: 'Kulturutbyte i Shanghai', actionPlanGoalId: String(goalId) }, sibling.slug);
    const before = await snapshot();
    const response = await visitors.editor.post(`${page()}/${planId}/andra`, { ...PLAN, title: 'En plan för två avtal', expectedVersion: String(await versionOf(planId)) });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`href="#change-${planId}-alsoServes"`);
    expect(html.replaceAll('&quot;', '"')).toContain(`Aktiviteter under avtalet "${sibling.slug}" är kopplade till planens mål`);
    expect(await snapshot()).toEqual(before);
  });

  it('changes and removes a goal: its activities stay, unlinked; then removes the plan', async () => {
    const planId = await makePlan({ ...PLAN, title: 'En plan att ta bort' });
    const goalId = await addGoal(planId, { theme: 'Turism', goal: 'Fler turister' });
    const activityId = await recordActivity({ title: 'Turistmässa', actionPlanGoalId: String(goalId) });
    const goal = `${page()}/${planId}/mal/${goalId}`;
    expect((await visitors.editor.post(`${goal}/andra`, { theme: 'Turism', goal: 'Dubbelt så många turister', expectedVersion: String(await versionOf(planId)) })).status).toBe(303);
    expect((await t.database.db.select().from(actionPlanGoals).where(eq(actionPlanGoals.id, goalId)))[0]!.goal).toBe('Dubbelt så många turister');
    // Another organisation's editor may not.
    expect((await visitors.otherEditor.post(`${goal}/ta-bort`, { expectedVersion: String(await versionOf(planId)) })).status).toBe(403);
    expect((await visitors.editor.post(`${goal}/ta-bort`, { expectedVersion: String(await versionOf(planId)) })).status).toBe(303);
    expect(await t.database.db.select().from(actionPlanGoals).where(eq(actionPlanGoals.id, goalId))).toEqual([]);
    expect((await t.database.db.select().from(activities).where(eq(activities.id, activityId)))[0]!.actionPlanGoalId).toBeNull();

    expect((await visitors.editor.post(`${page()}/${planId}/ta-bort`, { reason: 'Ersatt av en ny plan', expectedVersion: '1' })).status).toBe(409);
    expect((await visitors.editor.post(`${page()}/${planId}/ta-bort`, { reason: 'Ersatt av en ny plan', expectedVersion: String(await versionOf(planId)) })).status).toBe(303);
    expect(await t.database.db.select().from(actionPlans).where(eq(actionPlans.id, planId))).toEqual([]);
    const history = await (await visitors.editor.request(`/avtal/${agreement.slug}/historik`)).text();
    expect(history).toContain('Ersatt av en ny plan');
  });
});

describe('English texts and sources from the forms', () => {
  it('keeps the English title, description, area and goal typed in the forms, and shows them on the English pages', async () => {
    const planId = await makePlan({ ...PLAN, title: 'Plan med engelska', titleEn: 'A plan in English', note: 'Beskrivningen.', noteEn: 'The description.' });
    const goalId = await addGoal(planId, { theme: 'Vattenrening', themeEn: 'Water treatment', goal: 'Två studiebesök', goalEn: 'Two study visits' });
    const known = await addGoal(planId, { theme: 'kultur', goal: 'Ett utbyte', goalEn: 'An exchange' });
    const [plan] = await t.database.db.select().from(actionPlans).where(eq(actionPlans.id, planId));
    expect(plan).toMatchObject({ titleEn: 'A plan in English', noteEn: 'The description.' });
    const goals = await t.database.db.select().from(actionPlanGoals).where(eq(actionPlanGoals.actionPlanId, planId)).orderBy(actionPlanGoals.sortOrder);
    expect(goals.map((g) => [g.id, g.theme, g.themeEn, g.goalEn])).toEqual([
      [goalId, 'Vattenrening', 'Water treatment', 'Two study visits'],
      [known, 'Kultur', 'Culture', 'An exchange'],
    ]);
    const english = await (await visitors.reader.request(`${page()}?lang=en`)).text();
    for (const text of ['A plan in English', 'The description.', 'Water treatment', 'Two study visits', 'Culture', 'An exchange']) expect(english).toContain(text);
    const swedish = await (await visitors.reader.request(page())).text();
    expect(swedish).not.toContain('A plan in English');
    // The change form keeps the English; an area of the list does not carry its English into the form (it follows the area).
    const form = await (await visitors.editor.request(page())).text();
    expect(form).toContain('value="A plan in English"');
    const changeKnown = form.slice(form.indexOf(`id="goal-change-${known}-themeEn"`), form.indexOf(`id="goal-change-${known}-themeEn"`) + 200);
    expect(changeKnown).toContain('value=""');
    expect((await visitors.editor.post(`${page()}/${planId}/mal/${known}/andra`, { theme: 'Turism', themeEn: '', goal: 'Ett utbyte', goalEn: 'An exchange', expectedVersion: String(await versionOf(planId)) })).status).toBe(303);
    expect((await t.database.db.select({ themeEn: actionPlanGoals.themeEn }).from(actionPlanGoals).where(eq(actionPlanGoals.id, known)))[0]!.themeEn).toBe('Tourism');
    const changed = await visitors.editor.post(`${page()}/${planId}/andra`, { ...PLAN, title: 'Plan med engelska', titleEn: 'The plan in English', note: 'Beskrivningen.', noteEn: '', expectedVersion: String(await versionOf(planId)) });
    expect(changed.status).toBe(303);
    expect((await t.database.db.select().from(actionPlans).where(eq(actionPlans.id, planId)))[0]).toMatchObject({ titleEn: 'The plan in English', noteEn: null });
  });

  it('cites a source for a plan and removes the citation, at the version the page showed; the public reads a public source', async () => {
    const planId = await makePlan({ ...PLAN, title: 'Plan med källor' });
    const citations = async () => queryRows<{ id: number; passage: string | null; passageEn: string | null }>(t.database.db, sql`select id, passage, passage_en as "passageEn" from citations where subject_type = 'action_plan' and subject_id = ${planId} order by id`);
    const form = await (await visitors.editor.request(page())).text();
    expect(form).toContain(`action="${page()}/${planId}/kallor"`);
    // No source is chosen until the editor chooses one: the form sent as it comes is refused, naming the source.
    expect(form).toContain('<option value="">Välj en källa</option>');
    const unchosen = await visitors.editor.post(`${page()}/${planId}/kallor`, { source: '', expectedVersion: String(await versionOf(planId)) });
    expect(unchosen.status).toBe(400);
    expect(await unchosen.text()).toContain('Välj en källa.');
    expect(await citations()).toEqual([]);
    const cited = await visitors.editor.post(`${page()}/${planId}/kallor`, { source: 'nkk2022', passage: 's. 14', passageEn: 'p. 14', expectedVersion: String(await versionOf(planId)) });
    expect(cited.status).toBe(303);
    expect(cited.headers.get('location')).toContain('klart=cited');
    const [citation] = await citations();
    expect(citation).toMatchObject({ passage: 's. 14', passageEn: 'p. 14' });
    expect(await versionOf(planId)).toBe(2);
    // On the plans page and the public agreement page, with its passage in English on the English page.
    expect(await (await visitors.reader.request(page())).text()).toContain('s. 14');
    expect(await (await visitors.anonymous.request(`/avtal/${agreement.slug}?lang=en`)).text()).toContain('p. 14');

    // A stale page, an unknown source, another organisation's editor: refused, nothing stored.
    const before = await citations();
    const stale = await visitors.colleague.post(`${page()}/${planId}/kallor`, { source: 'nkk2022', passage: 's. 20', expectedVersion: '1' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('s. 20');
    const unknown = await visitors.editor.post(`${page()}/${planId}/kallor`, { source: 'no-such-source', expectedVersion: '2' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain(`id="cite-${planId}-source-error"`);
    expect((await visitors.otherEditor.post(`${page()}/${planId}/kallor`, { source: 'nkk2022', expectedVersion: '2' })).status).toBe(403);
    expect((await visitors.otherEditor.post(`${page()}/${planId}/kallor/${citation!.id}/ta-bort`, { expectedVersion: '2' })).status).toBe(403);
    expect((await visitors.editor.post(`${page()}/${planId}/kallor/${citation!.id}/ta-bort`, { expectedVersion: '1' })).status).toBe(409);
    expect(await citations()).toEqual(before);

    const removed = await visitors.editor.post(`${page()}/${planId}/kallor/${citation!.id}/ta-bort`, { expectedVersion: '2' });
    expect(removed.status).toBe(303);
    expect(await citations()).toEqual([]);
    const actions = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'action_plan' and entity_id = ${planId} order by id`);
    expect(actions.map((a) => a.action)).toEqual(['action_plan.create', 'action_plan.cite', 'action_plan.uncite']);
    // The agreement's history names both.
    const history = await (await visitors.editor.request(`/avtal/${agreement.slug}/historik`)).text();
    expect(history).toContain('Citerade en källa för en handlingsplan');
    expect(history).toContain('Tog bort en källa från en handlingsplan');
  });
});
