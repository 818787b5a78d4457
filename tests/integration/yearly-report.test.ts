// The yearly follow-up report of an organisation: its figures against a
// register made here (two years of activities and costs, points done,
// dropped and overdue, an action plan, a quiet agreement), as a page, as a
// PDF read back by text extraction (every section, a Chinese name), and as a
// workbook read back by exceljs; and who may read it.
import { mkdir, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { followUpPoints, users } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { readSession, startSession } from '../../src/domain/accounts/sessions.ts';
import { createActionPlan } from '../../src/domain/action-plans/create.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import type { Context } from '../../src/domain/context.ts';
import { addFollowUpPoint } from '../../src/domain/follow-up/add-point.ts';
import { setFollowUpState } from '../../src/domain/follow-up/close-point.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { SESSION_COOKIE } from '../../src/http/session.ts';
import { todayInStockholm } from '../../src/web/format.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const YEAR = Number(todayInStockholm().slice(0, 4)) - 1;
const cookies = {} as Record<'editor' | 'outsider' | 'admin', string>;

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  const ctx = systemCtx(t);
  await addOrganisation({ ctx, input: { slug: 'rapport-kommun', name: 'Rapportkommunen' } });
  await addOrganisation({ ctx, input: { slug: 'rapport-annan', name: 'En annan kommun' } });
  const people = { editor: ['redaktor@rapport.se', 'rapport-kommun', 'editor'], outsider: ['redaktor@annan.se', 'rapport-annan', 'editor'], admin: ['admin@annan.se', 'rapport-annan', 'admin'] } as const;
  for (const [who, [email, organisation, role]] of Object.entries(people) as Array<[keyof typeof cookies, readonly [string, string, 'editor' | 'admin']]>) {
    await addUser({ ctx, input: { email, displayName: `Person ${who}`, organisation, role } });
    const [user] = await t.database.db.select({ id: users.id, version: users.version }).from(users).where(eq(users.email, email));
    cookies[who] = `${SESSION_COOKIE}=${(await startSession(t.database.db, user!)).token}`;
  }
  const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'rapport-kommun'`);
  const o = { ctx, organisationId: org!.id };
  const shanghai = await createAgreement({ ...o, input: { slug: 'rapport-shanghai', kind: 'vanort', officialTitle: 'Vänortsavtal', parties: ['kalix'], counterparts: ['shanghai'] } });
  await recordStatusEvent({ ctx, agreementId: shanghai.id, input: { type: 'established', date: `${YEAR - 3}` } });
  await recordStatusEvent({ ctx, agreementId: shanghai.id, input: { type: 'renewed', date: `${YEAR}-05-04` } });
  const quiet = await createAgreement({ ...o, input: { slug: 'rapport-tyst', kind: 'vanort', parties: ['kalix'], counterparts: ['zhejiang'] } });
  await recordStatusEvent({ ctx, agreementId: quiet.id, input: { type: 'established', date: '2010' } });
  // Quiet at the end of the year, ended since: a past year's report counts it as it stood then.
  const endedSince = await createAgreement({ ...o, input: { slug: 'rapport-avslutad-sedan', kind: 'vanort', parties: ['kalix'], counterparts: ['zhejiang'] } });
  await recordStatusEvent({ ctx, agreementId: endedSince.id, input: { type: 'established', date: '2011' } });
  await recordStatusEvent({ ctx, agreementId: endedSince.id, input: { type: 'ended', date: `${YEAR + 1}-01-01`, side: 'swedish', mode: 'decision' } });
  // An action plan over three years with a budget, its goal served by the year's visit.
  await createActionPlan({ ctx, agreementId: shanghai.id, input: { title: 'Handlingsplan för Shanghaisamarbetet', periodFrom: `${YEAR - 1}`, periodTo: `${YEAR + 1}`, budgetSek: 120_000, goals: [{ theme: 'Utbildning', goal: 'Tre skolor i utbyte' }] } });
  const [goal] = await queryRows<{ id: number }>(t.database.db, sql`select id from action_plan_goals where goal = 'Tre skolor i utbyte'`);
  // Two activities in the year (80 000 kr), one the year before (30 000 kr).
  const visit = await createActivity({ ctx, agreementId: shanghai.id, input: { kind: 'visit_outgoing', title: 'Delegationsresa till Shanghai', date: `${YEAR}-04`, costTravelSek: 42_000, costHospitalitySek: 8_000, actionPlanGoalId: goal!.id } });
  await createActivity({ ctx, agreementId: shanghai.id, input: { kind: 'meeting', title: 'Digitalt möte om skolutbyte', date: `${YEAR}-09-15`, costSek: 30_000 } });
  await createActivity({ ctx, agreementId: shanghai.id, input: { kind: 'visit_incoming', title: 'Besök från Shanghai', date: `${YEAR - 1}-10`, costSek: 30_000 } });
  // An internal agreement, quiet, with an internal activity's point: the organisation's own, not an outside administrator's.
  const internal = await createAgreement({ ...o, input: { slug: 'rapport-intern', kind: 'vanort', officialTitle: 'Internt avtal XYZZY', parties: ['kalix'], counterparts: ['zhejiang'], visibility: 'internal' } });
  await recordStatusEvent({ ctx, agreementId: internal.id, input: { type: 'established', date: '2012', visibility: 'internal' } });
  const internalVisit = await createActivity({ ctx, agreementId: internal.id, input: { kind: 'meeting', title: 'Internt möte', date: `${YEAR}-03`, visibility: 'internal' } });
  // Points: one done in the year, one dropped in the year, one overdue (still open, due in the year).
  const editor: Context = { db: t.database.db, principal: { kind: 'user', subject: 'redaktor@rapport.se', organisationId: org!.id, role: 'editor' } };
  const agreement = { id: shanghai.id, organisationId: org!.id };
  const point = async (text: string, dueOn: string) => (await addFollowUpPoint({ ctx: editor, agreement, activityId: visit.id, input: { text, owner: 'redaktor@rapport.se', dueOn } })).id;
  const done = await point('Skicka reserapporten', `${YEAR}-05-01`);
  const dropped = await point('Boka tolk till hösten', `${YEAR}-08-01`);
  await point('Svara på inbjudan till mässan', `${YEAR}-06-30`);
  await addFollowUpPoint({ ctx: editor, agreement: { id: internal.id, organisationId: org!.id }, activityId: internalVisit.id, input: { text: 'Intern punkt PLUGH', owner: 'redaktor@rapport.se', dueOn: `${YEAR}-04-01` } });
  await setFollowUpState({ ctx: editor, agreement, id: done, input: { state: 'done', comment: 'Skickad' } });
  await setFollowUpState({ ctx: editor, agreement, id: dropped, input: { state: 'dropped' } });
  // Raised early in the year the report is about, and the two closed in it.
  await t.database.db.update(followUpPoints).set({ createdAt: new Date(`${YEAR}-02-01T10:00:00Z`) });
  await t.database.db.update(followUpPoints).set({ closedAt: new Date(`${YEAR}-07-01T10:00:00Z`) }).where(sql`${followUpPoints.id} in (${done}, ${dropped})`);
}, 120_000);
afterAll(async () => t?.close());

const get = (path: string, who?: keyof typeof cookies) => app.fetch(new Request(`http://localhost${path}`, { headers: who ? { cookie: cookies[who] } : {}, redirect: 'manual' }));

describe('the yearly report', () => {
  it('counts the year and the year before on the page', async () => {
    const response = await get(`/oversikt/arsrapport?ar=${YEAR}`, 'editor');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    const row = (name: string) => html.slice(html.indexOf(name), html.indexOf('</tr>', html.indexOf(name))).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(row('Aktiviteter</th>')).toContain('1 3'); // the internal meeting too: the organisation's own report
    expect(row('Nya uppföljningspunkter')).toContain('0 4');
    expect(row('Kostnader för aktiviteter (kr)')).toMatch(/30\s000 80\s000/);
    expect(row('Klara uppföljningspunkter')).toContain('0 1');
    for (const words of ['Delegationsresa till Shanghai', 'Digitalt möte om skolutbyte', 'Skicka reserapporten', 'Boka tolk till hösten', 'Svara på inbjudan till mässan', 'Tre skolor i utbyte', 'Förnyat', '上海市', 'rapport-tyst']) {
      expect(html, words).toContain(words);
    }
    // By category: the visit's travel and hospitality, and the meeting's total, not split.
    const costs = html.slice(html.indexOf('id="kostnader"'), html.indexOf('id="punkter"')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(costs).toMatch(/Resor 42\s000 Representation och värdskap 8\s000 Inte fördelat på kategori 30\s000/);
    // The plan's budget beside the costs of the activities linked to its goals.
    expect(html.replace(/\s+/g, ' ')).toMatch(/Budget: 120\s000 kr\. Kostnader för aktiviteter kopplade till planens mål: 50\s000 kr i år, 50\s000 kr under perioden/);
    expect(html).toContain('Inte bedömt');
    // The quiet agreements as they stood on the year's last day: one ended since is still among them.
    const quiet = html.slice(html.indexOf('id="tysta"'));
    expect(quiet).toContain('rapport-tyst');
    expect(quiet).toContain('rapport-avslutad-sedan');
    // Not the year before's activity in the year's list.
    expect(html.slice(html.indexOf('id="aktiviteter"'), html.indexOf('id="kostnader"'))).not.toContain('Besök från Shanghai');
    expect(await (await get(`/oversikt/arsrapport?ar=${YEAR}&lang=en`, 'editor')).text()).toContain('Yearly follow-up');
  });

  it('prints every section to an A4 PDF with the Chinese names', async () => {
    const response = await get(`/oversikt/arsrapport.pdf?ar=${YEAR}`, 'editor');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    await mkdir('tmp', { recursive: true });
    await writeFile('tmp/yearly-report.pdf', bytes); // to look at: pdftoppm -png tmp/yearly-report.pdf tmp/yearly-report
    const parser = new PDFParse({ data: bytes });
    const [text, info] = [await parser.getText(), await parser.getInfo({ parsePageInfo: true })];
    await parser.destroy();
    const all = text.text.replace(/\s+/g, ' ');
    for (const heading of ['Jämfört med året före', 'Avtal: status vid årets slut', 'Aktiviteter under året', 'Kostnader', 'Uppföljningspunkter', 'Handlingsplaner som gäller året', 'Tysta avtal som behöver ett beslut']) {
      expect(all, heading).toContain(heading);
    }
    expect(all).toContain('上海市');
    expect(all).toContain('Delegationsresa till Shanghai');
    expect(all).toMatch(/Totalt: 80\s000 kr/);
    // A4: 595 × 842 points.
    expect(info.pages.map((p) => [Math.round(p.width), Math.round(p.height)])).toContainEqual([595, 842]);
  }, 60_000);

  it('writes the same figures to a workbook', async () => {
    const response = await get(`/oversikt/arsrapport.xlsx?ar=${YEAR}`, 'editor');
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toHaveLength(7);
    const comparison = book.worksheets[0]!;
    const costs = comparison.getRows(2, 6)!.find((r) => r.getCell(1).value === 'Kostnader för aktiviteter (kr)')!;
    expect([costs.getCell(2).value, costs.getCell(3).value]).toEqual([30_000, 80_000]);
  });

  it('is for the organisation’s people and administrators; a bad year is named', async () => {
    expect((await get(`/oversikt/arsrapport?ar=${YEAR}`)).status).toBe(303);
    expect((await get(`/oversikt/arsrapport?ar=${YEAR}`, 'outsider')).status).toBe(200); // their own organisation's, not this one's
    expect(await (await get(`/oversikt/arsrapport?ar=${YEAR}`, 'outsider')).text()).not.toContain('Delegationsresa');
    expect((await get(`/oversikt/arsrapport?ar=${YEAR}&organisation=rapport-kommun`, 'outsider')).status).toBe(200);
    expect(await (await get(`/oversikt/arsrapport?ar=${YEAR}&organisation=rapport-kommun`, 'outsider')).text()).not.toContain('Delegationsresa');
    expect(await (await get(`/oversikt/arsrapport?ar=${YEAR}&organisation=rapport-kommun`, 'admin')).text()).toContain('Delegationsresa');
    // The organisation's own internal records: in its people's report, not in an outside administrator's.
    const own = await (await get(`/oversikt/arsrapport?ar=${YEAR}`, 'editor')).text();
    expect(own).toContain('Intern punkt PLUGH');
    expect(own).toContain('rapport-intern');
    const admins = await (await get(`/oversikt/arsrapport?ar=${YEAR}&organisation=rapport-kommun`, 'admin')).text();
    expect(admins).not.toContain('PLUGH');
    expect(admins).not.toContain('rapport-intern');
    for (const bad of ['1900', 'abc', String(YEAR + 5)]) {
      const response = await get(`/oversikt/arsrapport?ar=${bad}`, 'editor');
      expect(response.status, bad).toBe(400);
      const html = await response.text();
      expect(html, bad).toContain('år');
      if (bad === '1900') await writeFile('tmp/yearly-report-bad-year.html', html);
    }
  });
});
