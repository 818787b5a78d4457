// Activities and their follow-up points through the app, as browsers send
// them: an editor records a visit, raises two points, closes one and finds
// the other on the overview; bad input is named by field and nothing is
// stored; other organisations may not change them, nobody outside the
// organisation reads the points, and a stale page is a conflict.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { activities, auditLog, followUpPoints, type Role } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';
import { summaryEntry } from '../support/form-browser.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;

const PEOPLE = {
  editor: { role: 'editor', organisation: 'ortsband' },
  colleague: { role: 'editor', organisation: 'ortsband' },
  reader: { role: 'reader', organisation: 'ortsband' },
  otherEditor: { role: 'editor', organisation: 'follow-up-other' },
  admin: { role: 'admin', organisation: 'follow-up-other' },
} as const satisfies Record<string, { role: Role; organisation: string }>;
type Person = keyof typeof PEOPLE | 'anonymous';
let emails: Record<keyof typeof PEOPLE, string>;

let visitors: Record<Person, Visitor>;

let agreement: { id: number; slug: string };
const page = () => `/avtal/${agreement.slug}/aktiviteter`;

const count = async (table: typeof activities | typeof followUpPoints | typeof auditLog) => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
const snapshot = async () => ({ activities: await count(activities), points: await count(followUpPoints), audit: await count(auditLog) });

const VISIT = { kind: 'visit_outgoing', title: 'Delegationsresa till Hangzhou', date: '2026-05-12', participants: 'Kommunstyrelsens ordförande', purpose: 'Följa upp skolsamarbetet', outcome: '', costSek: '48000', visibility: 'public' };

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  const ctx = systemCtx(t);
  await addOrganisation({ ctx, input: { slug: 'follow-up-other', name: 'Another body' } });
  ({ visitors, emails } = await signedInVisitors(t, app, PEOPLE));
  const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
  agreement = await createAgreement({ ctx, organisationId: org!.id, input: { slug: uniqueSlug('follow-up'), kind: 'vanort', officialTitle: 'Ett avtal att följa upp', parties: ['kalix'], counterparts: ['zhejiang'] } });
}, 120_000);
afterAll(async () => t?.close());

/** Records the visit and returns its id, read from where the answer sends the browser. */
async function recordVisit(fields: Record<string, string> = VISIT) {
  const response = await visitors.editor.post(page(), fields);
  expect(response.status).toBe(303);
  const id = Number(/#aktivitet-(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}
async function raisePoint(activityId: number, fields: Record<string, string>) {
  const response = await visitors.editor.post(`${page()}/${activityId}/punkter`, fields);
  expect(response.status).toBe(303);
  return Number(/#punkt-(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
}

describe("a new activity's visibility", () => {
  it('is internal until chosen otherwise, the form saying that an internal visit is not shown to other bodies in the shared calendar', async () => {
    for (const [lang, says] of [
      ['sv', 'Ett internt besök visas bara för den egna organisationen, inte för andra organ i den gemensamma besökskalendern. Välj delad för att de ska se det.'],
      ['en', 'An internal visit is shown to your own organisation only, not to other bodies in the shared calendar of visits. Choose shared for them to see it.'],
    ] as const) {
      const html = await (await visitors.editor.request(`${page()}${lang === 'en' ? '?lang=en' : ''}`)).text();
      expect(html, lang).toContain(`<span class="hint" id="activity-visibility-hint">${says}</span>`);
      expect(html, lang).toContain('<select id="activity-visibility" name="visibility" aria-describedby="activity-visibility-hint">');
      expect(html, lang).toMatch(/<option value="internal" selected="">/);
    }
  });
});

describe('a visit with two follow-up points', () => {
  it('records the visit, raises two points, closes one, and the overview shows the other to its owner and the organisation', async () => {
    const activityId = await recordVisit();
    const first = await raisePoint(activityId, { text: 'Skicka protokollet till skolorna', owner: emails.editor, dueOn: '2026-06-01' });
    const second = await raisePoint(activityId, { text: 'Bjud in rektorerna till återbesök', owner: emails.colleague.toUpperCase(), dueOn: '2099-09-30' });

    const listed = await (await visitors.editor.request(page())).text();
    expect(listed).toContain('Delegationsresa till Hangzhou');
    expect(listed).toContain('Skicka protokollet till skolorna');
    expect(listed).toContain('Bjud in rektorerna till återbesök');
    expect(listed).toContain('48');

    // Closing the first at the version the page showed.
    const [row] = await t.database.db.select().from(followUpPoints).where(eq(followUpPoints.id, first));
    const closed = await visitors.editor.post(`/avtal/${agreement.slug}/punkter/${first}`, { state: 'done', comment: 'Skickat 20 maj', expectedVersion: String(row!.version) });
    expect(closed.status).toBe(303);
    const [after] = await t.database.db.select().from(followUpPoints).where(eq(followUpPoints.id, first));
    expect(after).toMatchObject({ state: 'done', stateComment: 'Skickat 20 maj', version: row!.version + 1 });
    expect(after!.closedAt).not.toBeNull();

    // The colleague owns the second: on their own list and the organisation's; the closed one on neither.
    const overview = await (await visitors.colleague.request('/oversikt')).text();
    const mine = overview.slice(overview.indexOf('id="mina"'), overview.indexOf('id="organisationens"'));
    expect(mine).toContain('Bjud in rektorerna till återbesök');
    expect(overview).not.toContain('Skicka protokollet till skolorna');
    // The editor owns none open; the organisation's list still holds the colleague's.
    const editorsOverview = await (await visitors.editor.request('/oversikt')).text();
    const editorsMine = editorsOverview.slice(editorsOverview.indexOf('id="mina"'), editorsOverview.indexOf('id="organisationens"'));
    expect(editorsMine).not.toContain('Bjud in rektorerna');
    expect(editorsOverview.slice(editorsOverview.indexOf('id="organisationens"'))).toContain('Bjud in rektorerna till återbesök');
    // Audited, both raisings and the closing.
    const actions = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'follow_up_point' and entity_id in (${first}, ${second}) order by id`);
    expect(actions.map((a) => a.action)).toEqual(['follow_up.add', 'follow_up.add', 'follow_up.done']);
  });

  it('marks a point overdue on the overview when its day has passed', async () => {
    const activityId = await recordVisit({ ...VISIT, title: 'Möte med Zhejiangs utrikeskontor', date: '2020-02' });
    await raisePoint(activityId, { text: 'Svara på inbjudan', owner: emails.editor, dueOn: '2020-03-01' });
    const overview = await (await visitors.editor.request('/oversikt')).text();
    const row = overview.slice(overview.indexOf('Svara på inbjudan') - 600, overview.indexOf('Svara på inbjudan') + 600);
    expect(row).toMatch(/Försenad|försenad/);
  });
});

describe('an activity in detail', () => {
  it('keeps its participants by group, its cost by category (the total their sum) and its funding, and shows them', async () => {
    const id = await recordVisit({
      ...VISIT,
      title: 'Skolutbyte i Hangzhou',
      kind: 'meeting_digital',
      costSek: '',
      costTravelSek: '30000',
      costHospitalitySek: '4500',
      participantsPoliticians: '2',
      participantsStudents: '14',
      'funding.own_budget': '1',
      'funding.icld_sida': '1',
    });
    const [row] = await t.database.db.select().from(activities).where(eq(activities.id, id));
    expect(row).toMatchObject({ kind: 'meeting_digital', costSek: 34_500, costTravelSek: 30_000, costHospitalitySek: 4_500, costProjectSek: null, participantsPoliticians: 2, participantsStudents: 14, participantsOfficials: null, funding: ['own_budget', 'icld_sida'] });
    const html = await (await visitors.editor.request(page())).text();
    const section = html.slice(html.indexOf(`id="aktivitet-${id}"`), html.indexOf('</section>', html.indexOf(`id="aktivitet-${id}"`)));
    expect(section).toContain('Digitalt möte');
    expect(section).toContain('Deltagare: Politiker 2, Elever och studenter 14');
    expect(section).toMatch(/Kostnad: 34\s500 kr \(resor 30\s000, representation och värdskap 4\s500\)/);
    expect(section).toContain('Finansiering: Egen budget, ICLD/Sida');
    // The public agreement page shows the same figures for a public activity.
    const public_ = await (await visitors.anonymous.request(`/avtal/${agreement.slug}`)).text();
    const item = public_.slice(public_.indexOf('Skolutbyte i Hangzhou'), public_.indexOf('</li>', public_.indexOf('Skolutbyte i Hangzhou')));
    expect(item).toContain('Deltagare: Politiker 2, Elever och studenter 14');
    expect(item).toMatch(/Kostnad: 34\s500 kr \(resor 30\s000, representation och värdskap 4\s500\)/);
    expect(item).toContain('Finansiering: Egen budget, ICLD/Sida');
  });
});

describe("an activity's English", () => {
  it('keeps the title, purpose and outcome in English as the form sends them, shows them on the English pages, and offers them again in the change form', async () => {
    const id = await recordVisit({ ...VISIT, title: 'Studieresa till Hangzhou', titleEn: 'Study trip to Hangzhou', purpose: 'Lära av skolorna', purposeEn: 'Learn from the schools', outcome: 'Två nya utbyten', outcomeEn: 'Two new exchanges' });
    const [row] = await t.database.db.select().from(activities).where(eq(activities.id, id));
    expect(row).toMatchObject({ title: 'Studieresa till Hangzhou', titleEn: 'Study trip to Hangzhou', purposeEn: 'Learn from the schools', outcomeEn: 'Two new exchanges' });
    const english = await (await visitors.editor.request(`${page()}?lang=en`)).text();
    const section = english.slice(english.indexOf(`id="aktivitet-${id}"`), english.indexOf('</section>', english.indexOf(`id="aktivitet-${id}"`)));
    expect(section).toContain('Study trip to Hangzhou');
    expect(section).toContain('Learn from the schools');
    expect(section).toContain('Outcome: Two new exchanges');
    expect(section).not.toContain('Studieresa till Hangzhou</');
    expect(await (await visitors.anonymous.request(`/avtal/${agreement.slug}?lang=en`)).text()).toContain('Study trip to Hangzhou');
    expect(await (await visitors.anonymous.request(`/avtal/${agreement.slug}`)).text()).toContain('Studieresa till Hangzhou');
    const form = await (await visitors.editor.request(`${page()}/${id}/andra`)).text();
    expect(form).toMatch(/name="titleEn" type="text" maxlength="1000" lang="en" value="Study trip to Hangzhou"/);
    expect(form).toMatch(/name="outcomeEn" rows="3" maxlength="5000" lang="en"[^>]*>Two new exchanges</);
    // Changed without its English: the English is gone, and the English page shows the Swedish, marked as Swedish.
    const version = (await t.database.db.select({ version: activities.version }).from(activities).where(eq(activities.id, id)))[0]!.version;
    expect((await visitors.editor.post(`${page()}/${id}/andra`, { ...VISIT, title: 'Studieresa till Hangzhou', expectedVersion: String(version) })).status).toBe(303);
    const after = await (await visitors.editor.request(`${page()}?lang=en`)).text();
    expect(after).toContain('<span lang="sv">Studieresa till Hangzhou</span>');
  });
});

describe('bad input: a message naming the field, and nothing stored', () => {
  let activityId: number;
  beforeAll(async () => {
    activityId = await recordVisit({ ...VISIT, title: 'Digitalt möte', kind: 'meeting', date: '2026-03-10' });
  });

  const refusals: Array<[string, () => string, Record<string, string>, string, RegExp]> = [
    ['a negative cost', page, { ...VISIT, costSek: '-5' }, 'costSek', /Kostnad totalt: skriv kostnaden i hela kr/],
    ['a cost in words', page, { ...VISIT, costSek: 'femtio' }, 'costSek', /hela kr\b/],
    ['a cost with decimals', page, { ...VISIT, costSek: '12.50' }, 'costSek', /hela kr\b/],
    ['an unknown kind', page, { ...VISIT, kind: 'picnic' }, 'kind', /./],
    ['no title', page, { ...VISIT, title: '   ' }, 'title', /Skriv aktivitetens rubrik\./],
    ['an unreadable date', page, { ...VISIT, date: 'i våras' }, 'date', /./],
    ['an unknown visibility', page, { ...VISIT, visibility: 'everyone' }, 'visibility', /./],
    ['a total that is not the sum of its categories', page, { ...VISIT, costSek: '100', costTravelSek: '60', costOtherSek: '30' }, 'costSek', /90/],
    ['a negative cost for travel', page, { ...VISIT, costSek: '', costTravelSek: '-1' }, 'costTravelSek', /Resor: skriv kostnaden i hela kr/],
    ['a head count in words', page, { ...VISIT, participantsStudents: 'många' }, 'participantsStudents', /Elever och studenter: skriv antalet personer/],
  ];
  it.each(refusals)('refuses an activity with %s', async (_name, path, fields, field, message) => {
    const before = await snapshot();
    const response = await visitors.editor.post(path(), fields);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`id="activity-${field}-error"`);
    // The error summary names the field first ("Resor: skriv …"); beside the field, its label does.
    const entry = summaryEntry(html, `activity-${field}`);
    expect(entry).toMatch(/^[^:<]+: \S/);
    expect(`${html.slice(html.indexOf(`id="activity-${field}-error"`), html.indexOf(`id="activity-${field}-error"`) + 400)}\n${entry}`).toMatch(message);
    // What was typed stays in the form.
    if (fields.title?.trim()) expect(html).toContain(fields.title);
    expect(await snapshot()).toEqual(before);
  });

  it('names each field in the error summary, where one message stands under many fields: a long text, a bad date', async () => {
    for (const [lang, purpose, date] of [
      ['sv', /^Syfte och program: texten är längre än 5000 tecken/, /^Datum: /],
      ['en', /^Purpose and programme: is longer than 5000 characters/, /^Date: /],
    ] as const) {
      const before = await snapshot();
      const response = await visitors.editor.post(`${page()}${lang === 'en' ? '?lang=en' : ''}`, { ...VISIT, purpose: 'x'.repeat(5001), date: '2026-02-30' });
      expect(response.status, lang).toBe(400);
      const html = await response.text();
      expect(summaryEntry(html, 'activity-purpose'), lang).toMatch(purpose);
      expect(summaryEntry(html, 'activity-date'), lang).toMatch(date);
      // The date's message gives the examples its hint gives.
      const hint = html.slice(html.indexOf('id="activity-date-hint"'), html.indexOf('</span>', html.indexOf('id="activity-date-hint"')));
      expect(hint, lang).toContain(lang === 'sv' ? '2026-11-30, 2026-11 eller 2026' : '2026-11-30, 2026-11 or 2026');
      expect(summaryEntry(html, 'activity-date'), lang).toContain(lang === 'sv' ? '2026-11-30, 2026-11 eller 2026' : '2026-11-30, 2026-11 or 2026');
      expect(html, lang).not.toContain('data-unnamed');
      expect(await snapshot(), lang).toEqual(before);
    }
  });

  const pointRefusals: Array<[string, Record<string, string>, string, RegExp]> = [
    ['a due date before the activity', { text: 'Något', owner: '', dueOn: '2026-03-01' }, 'dueOn', /aktiviteten|activity/],
    ['an owner of another organisation', { text: 'Något', owner: '', dueOn: '2026-04-01' }, 'owner', /redaktör|editor/],
    ['a reader as owner', { text: 'Något', owner: '', dueOn: '2026-04-01' }, 'owner', /redaktör|editor/],
    ['an unknown owner', { text: 'Något', owner: 'ingen@example.se', dueOn: '2026-04-01' }, 'owner', /redaktör|editor/],
    ['an owner that is no address', { text: 'Något', owner: 'Kalle', dueOn: '2026-04-01' }, 'owner', /e-post|address/],
    ['no text', { text: ' ', owner: '', dueOn: '2026-04-01' }, 'text', /./],
    ['no due date', { text: 'Något', owner: '', dueOn: '' }, 'dueOn', /./],
    ['an impossible due date', { text: 'Något', owner: '', dueOn: '2026-02-30' }, 'dueOn', /./],
  ];
  it.each(pointRefusals)('refuses a follow-up point with %s', async (name, fields, field, message) => {
    const owner = fields.owner || (name.includes('another') ? emails.otherEditor : name.includes('reader') ? emails.reader : emails.editor);
    const before = await snapshot();
    const response = await visitors.editor.post(`${page()}/${activityId}/punkter`, { ...fields, owner });
    expect(response.status).toBe(400);
    const html = await response.text();
    const at = html.indexOf(`id="point-${activityId}-${field}-error"`);
    expect(at).toBeGreaterThan(0);
    expect(html.slice(at, at + 400)).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a point on an activity of another agreement as not found', async () => {
    const ctx = systemCtx(t);
    const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
    const other = await createAgreement({ ctx, organisationId: org!.id, input: { slug: uniqueSlug('follow-up-b'), kind: 'vanort', officialTitle: 'Ett annat avtal', parties: ['kalix'], counterparts: ['zhejiang'] } });
    const before = await snapshot();
    const response = await visitors.editor.post(`/avtal/${other.slug}/aktiviteter/${activityId}/punkter`, { text: 'Något', owner: emails.editor, dueOn: '2026-04-01' });
    expect(response.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

describe('who may do what', () => {
  let activityId: number;
  let pointId: number;
  beforeAll(async () => {
    activityId = await recordVisit({ ...VISIT, title: 'Besök från Zhuji', kind: 'visit_incoming', date: '2026-04' });
    pointId = await raisePoint(activityId, { text: 'Hemlig uppföljningspunkt XYZZY', owner: emails.editor, dueOn: '2026-05-01' });
  });

  it('lets editors of another organisation read public activities but neither record, raise, close nor see the points', async () => {
    const before = await snapshot();
    expect((await visitors.otherEditor.post(page(), VISIT)).status).toBe(403);
    expect((await visitors.otherEditor.post(`${page()}/${activityId}/punkter`, { text: 'x', owner: emails.otherEditor, dueOn: '2026-05-01' })).status).toBe(403);
    expect((await visitors.otherEditor.post(`/avtal/${agreement.slug}/punkter/${pointId}`, { state: 'dropped', comment: '' })).status).toBe(403);
    expect((await visitors.reader.post(`/avtal/${agreement.slug}/punkter/${pointId}`, { state: 'dropped', comment: '' })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
    const seen = await visitors.otherEditor.request(page());
    expect(seen.status).toBe(200);
    const html = await seen.text();
    expect(html).toContain('Besök från Zhuji');
    expect(html).not.toContain('XYZZY');
    expect(html).not.toContain('Registrera en aktivitet');
    // Why there is no form: who keeps the agreement, by name.
    const [keeper] = await queryRows<{ name: string }>(t.database.db, sql`select o.name from organisations o join agreements g on g.organisation_id = o.id where g.slug = ${agreement.slug}`);
    expect(html).toContain(`Avtalet förs av ${keeper!.name}`);
    expect(await (await visitors.editor.request(page())).text()).not.toContain('Avtalet förs av');
    expect(await (await visitors.otherEditor.request('/oversikt')).text()).not.toContain('XYZZY');
  });

  it('shows the points to the organisation’s readers and to administrators, without forms for the reader', async () => {
    const reader = await (await visitors.reader.request(page())).text();
    expect(reader).toContain('XYZZY');
    expect(reader).not.toContain(`action="/avtal/${agreement.slug}/punkter/${pointId}"`);
    expect(await (await visitors.admin.request(page())).text()).toContain('XYZZY');
  });

  it('sends an anonymous visitor to sign in, and never shows the points on public pages or in the API', async () => {
    const response = await visitors.anonymous.request(page());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/logga-in?tillbaka=${encodeURIComponent(page())}`);
    expect((await visitors.anonymous.request('/oversikt')).status).toBe(303);
    for (const path of [`/avtal/${agreement.slug}`, `/api/agreements/${agreement.slug}`, '/api/export.json']) {
      const body = await (await visitors.anonymous.request(path)).text();
      expect(body, path).not.toContain('XYZZY');
    }
  });

  it('answers a stale close with 409 and the point as it is now, and changes nothing', async () => {
    const [row] = await t.database.db.select().from(followUpPoints).where(eq(followUpPoints.id, pointId));
    expect((await visitors.colleague.post(`/avtal/${agreement.slug}/punkter/${pointId}`, { state: 'dropped', comment: 'Inte aktuellt', expectedVersion: String(row!.version) })).status).toBe(303);
    const before = await snapshot();
    const stale = await visitors.editor.post(`/avtal/${agreement.slug}/punkter/${pointId}`, { state: 'done', comment: 'Klart', expectedVersion: String(row!.version) });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Någon annan ändrade uppföljningspunkten');
    expect(await snapshot()).toEqual(before);
    const [after] = await t.database.db.select().from(followUpPoints).where(eq(followUpPoints.id, pointId));
    expect(after).toMatchObject({ state: 'dropped', stateComment: 'Inte aktuellt' });
  });

  it('links the agreement’s page to its activities for signed-in people', async () => {
    const html = await (await visitors.reader.request(`/avtal/${agreement.slug}`)).text();
    expect(html).toContain(`href="/avtal/${agreement.slug}/aktiviteter"`);
  });
});

describe('an activity with its places, serving further agreements', () => {
  it('records one visit for two agreements of the same body, with its places, and shows it on both', async () => {
    const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
    const other = await createAgreement({ ctx: systemCtx(t), organisationId: org!.id, input: { slug: uniqueSlug('follow-up-further'), kind: 'vanort', parties: ['kalix'], counterparts: ['shanghai'] } });
    const form = await (await visitors.editor.request(page())).text();
    for (const box of [`value="${other.slug}"`, 'value="kalix"', 'value="zhejiang"']) expect(form, box).toContain(box);
    const title = `Resa till två vänorter ${uniqueSlug('x')}`;
    await recordVisit({ ...VISIT, title, 'swedishPlaces.0': 'kalix', 'chinesePlaces.0': 'zhejiang', 'alsoServes.0': other.slug });
    for (const slug of [agreement.slug, other.slug]) {
      const html = await (await visitors.anonymous.request(`/avtal/${slug}`)).text();
      expect(html, slug).toContain(title);
      expect(html, slug).toContain('href="/parter/kalix"');
      expect(html, slug).toContain('href="/motparter/zhejiang"');
      // Who took part, by name, is for signed-in readers.
      expect(html, slug).not.toContain(VISIT.participants);
      expect(await (await visitors.otherEditor.request(`/avtal/${slug}`)).text(), slug).toContain(VISIT.participants);
    }
    // On the further agreement's pages it names the one it is recorded under; its points stay there.
    const further = await (await visitors.editor.request(`/avtal/${other.slug}/aktiviteter`)).text();
    expect(further).toContain(title);
    expect(further).toContain(`href="/avtal/${agreement.slug}"`);
    const api = (await (await app.request(`/api/agreements/${other.slug}/activities`)).json()) as Array<{ title: string; agreements: Array<{ slug: string }>; places: Array<{ kind: string; slug: string }> }>;
    const recorded = api.find((a) => a.title === title)!;
    expect(recorded.agreements.map((a) => a.slug)).toEqual([agreement.slug, other.slug]);
    expect(recorded.places).toEqual([expect.objectContaining({ kind: 'swedish', slug: 'kalix' }), expect.objectContaining({ kind: 'chinese', slug: 'zhejiang' })]);
  });

  it('names a place or an agreement that may not be chosen, and stores nothing', async () => {
    for (const [field, value, words] of [
      ['chinesePlaces.0', 'no-such-place', 'Det finns ingen kinesisk ort "no-such-place" i registret.'],
      ['swedishPlaces.0', 'no-such-body', 'Det finns ingen svensk aktör "no-such-body" i registret.'],
      ['alsoServes.0', agreement.slug, 'Det är avtalet som aktiviteten registreras under.'],
      ['alsoServes.0', 'no-such-agreement', 'Det finns inget avtal "no-such-agreement" som du får ändra.'],
    ] as const) {
      const before = await snapshot();
      const response = await visitors.editor.post(page(), { ...VISIT, [field]: value });
      expect(response.status, field).toBe(400);
      const html = await response.text();
      expect(html.replaceAll('&quot;', '"'), field).toContain(words);
      expect(html, field).toContain(`href="#activity-${field.split('.')[0]}"`);
      expect(await snapshot(), field).toEqual(before);
    }
  });
});

describe('changing and removing an activity', () => {
  const edit = (id: number) => `${page()}/${id}/andra`;
  const rowOf = async (id: number) => (await t.database.db.select().from(activities).where(eq(activities.id, id)))[0];

  it('shows the activity in its form, saves a change at the version it was opened at, and refuses a stale one (409, nothing changed)', async () => {
    const id = await recordVisit({ ...VISIT, title: 'Ett möte att ändra', costSek: '', costTravelSek: '1000', costOtherSek: '500', 'funding.icld_sida': '1', 'chinesePlaces.0': 'zhejiang' });
    const form = await (await visitors.editor.request(edit(id))).text();
    for (const shown of ['value="Ett möte att ändra"', 'name="expectedVersion" value="1"', 'value="1000"', 'value="zhejiang" checked', 'name="funding.icld_sida" type="checkbox" value="1" checked']) {
      expect(form.replace(/ (id|aria-[a-z]+)="[^"]*"/g, ''), shown).toContain(shown);
    }
    const changed = await visitors.editor.post(edit(id), { ...VISIT, title: 'Ett ändrat möte', date: '2026-05', costSek: '', costTravelSek: '1200', costOtherSek: '500', 'chinesePlaces.0': 'zhejiang', reason: 'Rättat belopp', expectedVersion: '1' });
    expect(changed.status).toBe(303);
    expect(changed.headers.get('location')).toContain(`#aktivitet-${id}`);
    expect(await rowOf(id)).toMatchObject({ title: 'Ett ändrat möte', date: '2026-05', dateMin: '2026-05-01', costSek: 1700, costTravelSek: 1200, funding: [], version: 2 });
    const [audited] = await queryRows<{ action: string; reason: string }>(t.database.db, sql`select action, reason from audit_log where entity_type = 'activity' and entity_id = ${id} order by id desc limit 1`);
    expect(audited).toEqual({ action: 'activity.change', reason: 'Rättat belopp' });

    const before = await snapshot();
    const stale = await visitors.colleague.post(edit(id), { ...VISIT, title: 'En äldre sidas ändring', expectedVersion: '1' });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Någon annan ändrade aktiviteten');
    expect(html).toContain('value="En äldre sidas ändring"'); // what was typed stays
    expect(html).toContain('name="expectedVersion" value="2"');
    expect((await rowOf(id))!.title).toBe('Ett ändrat möte');
    expect(await snapshot()).toEqual(before);
  });

  it('will not move an activity past the due day of its follow-up points, and names the field', async () => {
    const id = await recordVisit({ ...VISIT, title: 'Ett möte med en punkt', date: '2026-03-01' });
    await raisePoint(id, { text: 'Skriv minnesanteckningar', owner: emails.editor, dueOn: '2026-03-15' });
    const before = await snapshot();
    const response = await visitors.editor.post(edit(id), { ...VISIT, title: 'Ett möte med en punkt', date: '2026-04', expectedVersion: '1' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('href="#change-date"');
    expect(await snapshot()).toEqual(before);
  });

  it('is for the organisation’s editors: others get 403 or 404, the public the sign-in', async () => {
    const id = await recordVisit({ ...VISIT, title: 'Ett möte som andra inte ändrar' });
    expect((await visitors.otherEditor.request(edit(id))).status).toBe(403);
    expect((await visitors.reader.request(edit(id))).status).toBe(403);
    expect((await visitors.anonymous.request(edit(id))).status).toBe(303);
    expect((await visitors.editor.request(`${page()}/999999999/andra`)).status).toBe(404);
    const before = await snapshot();
    for (const who of ['otherEditor', 'reader'] as const) {
      expect((await visitors[who].post(edit(id), { ...VISIT, title: 'Ändrat av fel person', expectedVersion: '1' })).status).toBe(403);
      expect((await visitors[who].post(`${page()}/${id}/ta-bort`, { expectedVersion: '1' })).status).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('removes an activity with its follow-up points and places, and keeps what it was in the history', async () => {
    const id = await recordVisit({ ...VISIT, title: 'Ett möte att ta bort', 'swedishPlaces.0': 'kalix' });
    await raisePoint(id, { text: 'En punkt som går med', owner: emails.editor, dueOn: '2099-01-01' });
    const form = await (await visitors.editor.request(edit(id))).text();
    expect(form).toContain('1 uppföljningspunkter tas bort med den');
    const removed = await visitors.editor.post(`${page()}/${id}/ta-bort`, { reason: 'Dubbelregistrerad', expectedVersion: '1' });
    expect(removed.status).toBe(303);
    expect(await rowOf(id)).toBeUndefined();
    const [left] = await queryRows<{ points: number; places: number }>(
      t.database.db,
      sql`select (select count(*)::int from follow_up_points where activity_id = ${id}) as points, (select count(*)::int from activity_places where activity_id = ${id}) as places`,
    );
    expect(left).toEqual({ points: 0, places: 0 });
    const [audited] = await queryRows<{ action: string; title: string }>(t.database.db, sql`select action, before->>'title' as title from audit_log where entity_type = 'activity' and entity_id = ${id} order by id desc limit 1`);
    expect(audited).toEqual({ action: 'activity.remove', title: 'Ett möte att ta bort' });
    expect(await (await visitors.editor.request(page())).text()).not.toContain('Ett möte att ta bort');
  });
});

describe('an agreement page with many activities', () => {
  it('shows the latest 20 with the count of all and a link to all, and all when asked; a wrong choice is named', async () => {
    const ctx = systemCtx(t);
    const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
    const many = await createAgreement({ ctx, organisationId: org!.id, input: { slug: uniqueSlug('many-activities'), kind: 'vanort', parties: ['kalix'], counterparts: ['zhejiang'] } });
    // 25 public activities, one a month from January 2020, and one internal, which the public neither sees nor counts.
    for (let i = 0; i < 25; i++) {
      const month = `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      await createActivity({ ctx, agreementId: many.id, input: { kind: 'meeting', title: `Möte nummer ${i + 1}`, date: `${month}-15`, visibility: 'public' } });
    }
    await createActivity({ ctx, agreementId: many.id, input: { kind: 'meeting', title: 'Ett internt möte', date: '2022-06-01', visibility: 'internal' } });
    const shown = (html: string) => [...html.matchAll(/Möte nummer (\d+)/g)].map((m) => Number(m[1]));
    const latest = await (await app.request(`/avtal/${many.slug}`)).text();
    expect(shown(latest)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(latest).toContain('De 20 senaste av 25 aktiviteter visas.');
    expect(latest).toContain(`href="/avtal/${many.slug}?aktiviteter=alla#aktiviteter"`);
    expect(latest).not.toContain('Ett internt möte');
    const all = await (await app.request(`/avtal/${many.slug}?aktiviteter=alla&lang=en`)).text();
    expect(shown(all)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(all).toContain('All 25 activities are shown.');
    const wrong = await app.request(`/avtal/${many.slug}?aktiviteter=hundra`);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Aktiviteter');
    // The API's record holds them all.
    const api = (await (await app.request(`/api/agreements/${many.slug}`)).json()) as { activities: unknown[]; activitiesTotal: number };
    expect([api.activities.length, api.activitiesTotal]).toEqual([25, 25]);
  });
});

describe('an overview with many open points', () => {
  it('shows the 20 due first of each list with the counts and a link to all, and all when asked; a change is seen at once', async () => {
    const id = await recordVisit({ ...VISIT, title: 'Ett möte med många punkter' });
    for (let i = 1; i <= 24; i++) await raisePoint(id, { text: `Mångpunkt ${String(i).padStart(2, '0')}`, owner: emails.editor, dueOn: `2099-02-${String(i).padStart(2, '0')}` });
    const shown = (html: string) => [...html.matchAll(/Mångpunkt (\d+)/g)].map((m) => Number(m[1]));
    const overview = await (await visitors.editor.request('/oversikt')).text();
    // Mine and the organisation's lists each hold the earliest due (other tests' points are due before 2099, so these may be cut).
    const mine = overview.slice(overview.indexOf('id="mina"'), overview.indexOf('id="organisationens"'));
    expect((mine.match(/<tr/g) ?? []).length - 1).toBe(20);
    expect(mine).toContain('De 20 som ska vara klara först visas.');
    expect(mine).toContain('href="/oversikt?visa=alla#mina"');
    expect(Math.max(...shown(mine))).toBeLessThan(24);
    const all = await (await visitors.editor.request('/oversikt?visa=alla')).text();
    const allMine = all.slice(all.indexOf('id="mina"'), all.indexOf('id="organisationens"'));
    expect(shown(allMine)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(allMine).not.toContain('Visa alla');
    // The organisation's part is kept between changes: a point closed is gone from the next overview.
    const before = await (await visitors.colleague.request('/oversikt?visa=alla')).text();
    const count = (html: string) => (/(\d+) öppna/.exec(html.slice(html.indexOf('id="organisationens"'))) ?? [])[1];
    const pointId = Number(/#punkt-(\d+)/.exec((await visitors.editor.post(`${page()}/${id}/punkter`, { text: 'Mångpunkt 99', owner: emails.editor, dueOn: '2099-03-30' })).headers.get('location') ?? '')?.[1]);
    const after = await (await visitors.colleague.request('/oversikt?visa=alla')).text();
    expect(Number(count(after))).toBe(Number(count(before)) + 1);
    expect(after).toContain('Mångpunkt 99');
    expect(pointId).toBeGreaterThan(0);
  });
});
