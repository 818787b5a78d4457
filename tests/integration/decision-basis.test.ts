// A decision's basis: recording a decision opens it; each save is a new
// version that keeps what the register said then (the agreement's activity
// by year, the other Swedish agreements with the same counterpart or
// province, their statuses and the reasons and quotations given for ending
// them), frozen; a stale form is a conflict; bad input names its field and
// stores nothing; only the owning organisation's people read it; a version
// prints as an A4 annex with the Chinese names. Its risk grading (a level
// and a justification per area, a high level always justified) is kept,
// shown and printed with each version.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { decisionBases } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { addQuotation } from '../../src/domain/agreements/add-evidence.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import type { Context } from '../../src/domain/context.ts';
import type { RegisterFacts } from '../../src/domain/decisions/basis.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { formatEdtf, todayInStockholm } from '../../src/web/format.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';
import { addPerson, keyOf } from '../support/api-keys.ts';

let t: TestDatabase;
let visitors: Record<'editor' | 'reader' | 'otherEditor' | 'otherAdmin' | 'coordinator' | 'anonymous', Visitor>;
let ctxA: Context & { organisationId: number };
let ctxB: Context & { organisationId: number };
let app: ReturnType<typeof createApp>;
/** Access keys (scope write unless said) of people of A and B. */
const keys = { editor: '', editorReadOnly: '', reader: '', coordinator: '', otherEditor: '', otherAdmin: '' };
const YEAR = Number(todayInStockholm().slice(0, 4));
const stored = async () => (await queryRows<{ n: number }>(t.database.db, sql`select (select count(*) from decision_bases) + (select count(*) from audit_log) as n`))[0]!.n;

const BASIS = {
  purpose: 'Utbyte inom utbildning och miljöteknik',
  expectedBenefit: 'Skolutbyten',
  costsSoFarSek: '120000',
  costsPlannedSek: '',
  costsNote: '',
  counterpartDescription: 'Hangzhous folkregering',
  democracyHumanRights: 'Beaktat',
  securityAdviceSought: 'ja',
  securityAdviceFrom: 'Säkerhetspolisen',
  personalData: '',
  exportControl: 'Ingen teknik berörs',
  comment: '',
};

/** An agreement of `ctx`'s organisation with Hangzhou (in Zhejiang), established, and its ending decided. */
async function endedAgreement(ctx: Context & { organisationId: number }, { visibility = 'shared' }: { visibility?: 'shared' | 'internal' } = {}) {
  const made = await createAgreement({ ctx, organisationId: ctx.organisationId, input: { slug: uniqueSlug('beslut'), kind: 'vanort', parties: ['kalix'], counterparts: ['hangzhou'], visibility } });
  await recordStatusEvent({ ctx, agreementId: made.id, input: { type: 'established', date: '2012', visibility } });
  const ending = await recordStatusEvent({ ctx, agreementId: made.id, input: { type: 'ended', date: `${YEAR}-03-02`, side: 'swedish', mode: 'decision', decidingBody: 'Kommunfullmäktige', reference: '§ 12', visibility } });
  return { ...made, ending };
}

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  for (const slug of ['beslut-a', 'beslut-b']) await addOrganisation({ ctx: systemCtx(t), input: { slug, name: `Beslutskommun ${slug.slice(-1).toUpperCase()}` } });
  const orgs = await queryRows<{ id: number; slug: string }>(t.database.db, sql`select id, slug from organisations where slug in ('beslut-a', 'beslut-b')`);
  ctxA = { db: t.database.db, principal: { kind: 'system', label: 'a', organisationId: orgs.find((o) => o.slug === 'beslut-a')!.id }, organisationId: orgs.find((o) => o.slug === 'beslut-a')!.id };
  ctxB = { db: t.database.db, principal: { kind: 'system', label: 'b', organisationId: orgs.find((o) => o.slug === 'beslut-b')!.id }, organisationId: orgs.find((o) => o.slug === 'beslut-b')!.id };
  ({ visitors } = await signedInVisitors(t, app, {
    editor: { role: 'editor', organisation: 'beslut-a' },
    reader: { role: 'reader', organisation: 'beslut-a' },
    otherEditor: { role: 'editor', organisation: 'beslut-b' },
    otherAdmin: { role: 'admin', organisation: 'beslut-b' },
    coordinator: { role: 'coordinator', organisation: 'beslut-b' },
  }));
  const editor = await addPerson(t, 'api-editor@beslut.example', 'editor', 'beslut-a');
  keys.editor = await keyOf(t, editor);
  keys.editorReadOnly = await keyOf(t, editor, 'read');
  keys.reader = await keyOf(t, await addPerson(t, 'api-reader@beslut.example', 'reader', 'beslut-a'));
  keys.coordinator = await keyOf(t, await addPerson(t, 'api-coordinator@beslut.example', 'coordinator', 'beslut-a'));
  keys.otherEditor = await keyOf(t, await addPerson(t, 'api-other-editor@beslut.example', 'editor', 'beslut-b'));
  keys.otherAdmin = await keyOf(t, await addPerson(t, 'api-other-admin@beslut.example', 'admin', 'beslut-b'));
}, 120_000);
afterAll(async () => t?.close());

describe('the decision basis', () => {
  it('opens when an ending is recorded, with the activity by year and what peers decided', async () => {
    const mine = await endedAgreement(ctxA);
    await createActivity({ ctx: ctxA, agreementId: mine.id, input: { kind: 'visit_outgoing', title: 'Resa', date: `${YEAR - 1}-05`, costTravelSek: 30_000 } });
    await createActivity({ ctx: ctxA, agreementId: mine.id, input: { kind: 'meeting', title: 'Möte', date: `${YEAR - 1}-09-01`, costSek: 2_000 } });
    // A visit planned ahead is no activity yet: said apart, after the latest that has taken place.
    await createActivity({ ctx: ctxA, agreementId: mine.id, input: { kind: 'visit_incoming', title: 'Planerat besök', date: `${YEAR + 1}-03-10` } });
    // B ended theirs with the same city for a reason, quoted; B's internal one is never shown to A.
    const theirs = await endedAgreement(ctxB);
    await t.database.db.execute(sql`insert into event_reasons (event_id, code, stated_by, text) values (${theirs.ending.id}, 'democracy_human_rights', 'decision_maker', 'Situationen i Xinjiang')`);
    await addQuotation({ ctx: ctxB, agreementId: theirs.id, input: { text: 'Vi kan inte fortsätta samarbetet', event: 'ended', visibility: 'shared', sources: [{ source: 'nkk2022' }] } });
    const hidden = await endedAgreement(ctxB, { visibility: 'internal' });

    const html = await (await visitors.editor.request(`/avtal/${mine.slug}/beslut/${mine.ending.id}`)).text();
    expect(html).toContain('Beslutsunderlag: beslut att avsluta');
    expect(html).toContain('Kommunfullmäktige');
    expect(html).toMatch(new RegExp(`<th scope="row">${YEAR - 1}</th><td class="num">2</td><td class="num">32\\s000 kr</td>`));
    expect(html).toContain(`Senaste registrerade aktivitet: ${formatEdtf(`${YEAR - 1}-09-01`, 'sv')}. Nästa planerade aktivitet: ${formatEdtf(`${YEAR + 1}-03-10`, 'sv')}.`);
    expect(await (await visitors.editor.request(`/avtal/${mine.slug}/beslut/${mine.ending.id}?lang=en`)).text()).toContain(
      `Latest recorded activity: ${formatEdtf(`${YEAR - 1}-09-01`, 'en')}. Next planned activity: ${formatEdtf(`${YEAR + 1}-03-10`, 'en')}.`,
    );
    expect(html).toContain(`href="/avtal/${theirs.slug}"`);
    expect(html).toContain('Situationen i Xinjiang');
    expect(html).toContain('Vi kan inte fortsätta samarbetet');
    expect(html).toContain('Zhejiang 浙江省');
    expect(html).not.toContain(hidden.slug);
    // The agreement's page links to it, for the organisation's people only.
    expect(await (await visitors.reader.request(`/avtal/${mine.slug}`)).text()).toContain(`/avtal/${mine.slug}/beslut/${mine.ending.id}`);
    expect(await (await visitors.otherEditor.request(`/avtal/${mine.slug}`)).text()).not.toContain('/beslut/');
  });

  it("counts the current year's activities up to the day it is read: one planned later in the year is named apart as the next planned", async () => {
    const mine = await endedAgreement(ctxA);
    const today = todayInStockholm();
    await createActivity({ ctx: ctxA, agreementId: mine.id, input: { kind: 'meeting', title: 'Möte i år', date: `${YEAR}-01-01`, costSek: 1_000 } });
    // Planned on the year's last day: after today unless today is that day.
    await createActivity({ ctx: ctxA, agreementId: mine.id, input: { kind: 'visit_incoming', title: 'Besök i december', date: `${YEAR}-12-31`, costSek: 5_000 } });
    const planned = today < `${YEAR}-12-31`;
    const html = await (await visitors.editor.request(`/avtal/${mine.slug}/beslut/${mine.ending.id}`)).text();
    expect(html).toContain(`<th scope="row">${YEAR} (till och med ${formatEdtf(today, 'sv')})</th><td class="num">${planned ? 1 : 2}</td>`);
    if (planned) expect(html).toContain(`Nästa planerade aktivitet: ${formatEdtf(`${YEAR}-12-31`, 'sv')}.`);
  });

  it('keeps every version with the register as it was when each was saved', async () => {
    const mine = await endedAgreement(ctxA);
    const path = `/avtal/${mine.slug}/beslut/${mine.ending.id}`;
    const first = await visitors.editor.post(path, { ...BASIS, expectedVersion: '0', comment: 'Första utkastet' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`${path}?sparat=1`);
    // Since then a peer ended theirs: the second version has it, the first does not.
    const later = await endedAgreement(ctxB);
    expect((await visitors.editor.post(path, { ...BASIS, purpose: 'Avsluta samarbetet', expectedVersion: '1' })).status).toBe(303);
    const versions = await t.database.db.select().from(decisionBases).where(eq(decisionBases.eventId, mine.ending.id)).orderBy(decisionBases.version);
    expect(versions.map((v) => [v.version, v.purpose, v.costsSoFarSek, v.securityAdviceFrom])).toEqual([
      [1, BASIS.purpose, 120_000, 'Säkerhetspolisen'],
      [2, 'Avsluta samarbetet', 120_000, 'Säkerhetspolisen'],
    ]);
    const slugs = (v: (typeof versions)[number]) => (v.register as RegisterFacts).peers.peers.map((p) => p.slug);
    expect(slugs(versions[0]!)).not.toContain(later.slug);
    expect(slugs(versions[1]!)).toContain(later.slug);
    const page = await (await visitors.editor.request(path)).text();
    expect(page).toContain('Version 2');
    expect(page).toContain('Första utkastet');
    expect(await (await visitors.editor.request(`${path}?version=1`)).text()).toContain(BASIS.purpose);
    expect((await visitors.editor.request(`${path}?version=9`)).status).toBe(404);
  });

  it('refuses a form opened before another save, keeping what was typed', async () => {
    const mine = await endedAgreement(ctxA);
    const path = `/avtal/${mine.slug}/beslut/${mine.ending.id}`;
    expect((await visitors.editor.post(path, { ...BASIS, expectedVersion: '0' })).status).toBe(303);
    const before = await stored();
    const stale = await visitors.editor.post(path, { ...BASIS, purpose: 'Min egen text', expectedVersion: '0' });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Min egen text');
    expect(html).toContain('name="expectedVersion" value="1"');
    expect(await stored()).toBe(before);
  });

  it('names the field of bad input and stores nothing', async () => {
    const mine = await endedAgreement(ctxA);
    const path = `/avtal/${mine.slug}/beslut/${mine.ending.id}`;
    for (const [field, value, id] of [
      ['purpose', '  ', 'purpose'],
      ['costsSoFarSek', '12 000', 'costsSoFarSek'],
      ['costsPlannedSek', '-5', 'costsPlannedSek'],
      ['securityAdviceSought', '', 'securityAdviceSought-ja'],
      ['securityAdviceSought', 'kanske', 'securityAdviceSought-ja'],
      ['securityAdviceFrom', '', 'securityAdviceFrom'],
      ['expectedVersion', 'x', 'expectedVersion'],
      ['democracyHumanRights', 'x'.repeat(10_001), 'democracyHumanRights'],
    ] as const) {
      const before = await stored();
      const response = await visitors.editor.post(path, { ...BASIS, expectedVersion: '0', [field]: value });
      expect(response.status, field).toBe(400);
      expect(await response.text(), field).toContain(`href="#basis-${id}"`);
      expect(await stored(), field).toBe(before);
    }
    // The same message under two fields says whose it is, in the summary too, in both languages.
    for (const [lang, says] of [
      ['sv', ['Kostnader hittills: skriv kostnaden i hela kr', 'Planerade kostnader: skriv kostnaden i hela kr', 'Säkerhet: skriv varför risken är hög.', 'Anseende och förtroende: skriv varför risken är hög.']],
      ['en', ['Costs so far: must be a whole number of SEK', 'Planned costs: must be a whole number of SEK', 'Security: say why the risk is high', 'Reputation and trust: say why the risk is high']],
    ] as const) {
      const before = await stored();
      const twice = await visitors.editor.post(`${path}${lang === 'en' ? '?lang=en' : ''}`, { ...BASIS, expectedVersion: '0', costsSoFarSek: '12 000', costsPlannedSek: '-5', riskSecurityLevel: 'high', riskReputationLevel: 'high' });
      expect(twice.status, lang).toBe(400);
      const html = await twice.text();
      const summary = html.slice(html.indexOf('class="error-summary"'), html.indexOf('</ul>', html.indexOf('class="error-summary"')));
      for (const words of says) expect(summary, words).toContain(words);
      expect(await stored(), lang).toBe(before);
    }
    // Advice not sought, yet someone named: which one is wrong is said.
    const response = await visitors.editor.post(path, { ...BASIS, expectedVersion: '0', securityAdviceSought: 'nej' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('href="#basis-securityAdviceFrom"');
  });

  it('is read by the organisation’s people only, and changed by its editors', async () => {
    const mine = await endedAgreement(ctxA);
    const path = `/avtal/${mine.slug}/beslut/${mine.ending.id}`;
    expect((await visitors.editor.post(path, { ...BASIS, expectedVersion: '0' })).status).toBe(303);
    const reading = await visitors.reader.request(path);
    expect(reading.status).toBe(200);
    const html = await reading.text();
    expect(html).toContain(BASIS.purpose);
    expect(html).not.toContain('<form method="post"');
    expect((await visitors.reader.request(`${path}/bilaga.pdf`)).status).toBe(200);
    const before = await stored();
    expect((await visitors.reader.post(path, { ...BASIS, expectedVersion: '1' })).status).toBe(403);
    for (const who of ['otherEditor', 'otherAdmin', 'coordinator'] as const) {
      expect((await visitors[who].request(path)).status, who).toBe(404);
      expect((await visitors[who].request(`${path}/bilaga.pdf`)).status, who).toBe(404);
      // Another organisation's editor and coordinator may not change the agreement; the administrator may, but not read its bases.
      expect((await visitors[who].post(path, { ...BASIS, expectedVersion: '1' })).status, who).toBe(who === 'otherAdmin' ? 404 : 403);
    }
    expect((await visitors.anonymous.request(path)).status).toBe(303);
    expect((await visitors.anonymous.request(`${path}/bilaga.pdf`)).status).toBe(303);
    expect((await visitors.anonymous.post(path, { ...BASIS, expectedVersion: '1' })).status).toBe(401);
    expect(await stored()).toBe(before);
  });

  it('has no basis for what is no decision, nor for another agreement’s event', async () => {
    const mine = await endedAgreement(ctxA);
    const other = await endedAgreement(ctxA);
    const observed = await recordStatusEvent({ ctx: ctxA, agreementId: mine.id, input: { type: 'activity_observed', date: `${YEAR}`, visibility: 'shared' } });
    expect((await visitors.editor.request(`/avtal/${mine.slug}/beslut/${observed.id}`)).status).toBe(404);
    expect((await visitors.editor.request(`/avtal/${mine.slug}/beslut/${other.ending.id}`)).status).toBe(404);
    expect((await visitors.editor.request(`/avtal/${mine.slug}/beslut/abc`)).status).toBe(404);
  });

  it('prints a version as an A4 annex with the Chinese names', async () => {
    const mine = await endedAgreement(ctxA);
    const path = `/avtal/${mine.slug}/beslut/${mine.ending.id}`;
    expect((await visitors.editor.post(path, { ...BASIS, expectedVersion: '0' })).status).toBe(303);
    expect((await visitors.editor.post(path, { ...BASIS, purpose: 'Andra versionens syfte', expectedVersion: '1' })).status).toBe(303);
    const response = await visitors.editor.request(`${path}/bilaga.pdf?version=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    await mkdir('tmp', { recursive: true });
    await writeFile('tmp/decision-basis.pdf', bytes); // to look at: pdftoppm -png tmp/decision-basis.pdf tmp/decision-basis
    const parser = new PDFParse({ data: bytes });
    const [text, info] = [await parser.getText(), await parser.getInfo({ parsePageInfo: true })];
    await parser.destroy();
    const all = text.text.replace(/\s+/g, ' ');
    for (const words of ['Bilaga till protokollet', 'Version 1', BASIS.purpose, 'Säkerhetspolisen', 'Aktivitet de senaste åren', 'Vad andra har beslutat', 'Kommunfullmäktige', '浙江省']) expect(all, words).toContain(words);
    expect(all).not.toContain('Andra versionens syfte');
    expect(info.pages.map((p) => [Math.round(p.width), Math.round(p.height)])).toContainEqual([595, 842]);
  }, 60_000);

  describe('its risk grading', () => {
    /** A grading as the form posts it: democracy high with why, security moderate, reputation low; the rest left as not assessed. */
    const GRADED = {
      riskDemocracyHumanRightsLevel: 'high',
      riskDemocracyHumanRightsJustification: 'Motparten deltar i förföljelse av uigurer',
      riskSecurityLevel: 'moderate',
      riskSecurityJustification: 'Säpo avrådde från datautbyte',
      riskReputationLevel: 'low',
    };

    it('is kept with each version, shown on the page and printed in the annex', async () => {
      const mine = await endedAgreement(ctxA);
      const path = `/avtal/${mine.slug}/beslut/${mine.ending.id}`;
      expect((await visitors.editor.post(path, { ...BASIS, ...GRADED, expectedVersion: '0' })).status).toBe(303);
      // The second version lowers democracy to moderate and says why in other words.
      const second = { ...GRADED, riskDemocracyHumanRightsLevel: 'moderate', riskDemocracyHumanRightsJustification: 'Utbytet gäller bara skolor', riskFinancesLevel: 'high', riskFinancesJustification: 'Motparten står för alla resor' };
      expect((await visitors.editor.post(path, { ...BASIS, ...second, expectedVersion: '1' })).status).toBe(303);
      const versions = await t.database.db.select().from(decisionBases).where(eq(decisionBases.eventId, mine.ending.id)).orderBy(decisionBases.version);
      expect(versions.map((v) => [v.riskDemocracyHumanRightsLevel, v.riskDemocracyHumanRightsJustification, v.riskSecurityLevel, v.riskPersonalDataLevel, v.riskPersonalDataJustification, v.riskReputationLevel, v.riskFinancesLevel])).toEqual([
        ['high', GRADED.riskDemocracyHumanRightsJustification, 'moderate', 'not_assessed', null, 'low', 'not_assessed'],
        ['moderate', 'Utbytet gäller bara skolor', 'moderate', 'not_assessed', null, 'low', 'high'],
      ]);
      // The page shows the version asked for, in a row per area, and the form opens at the latest's levels.
      const page = await (await visitors.editor.request(`${path}?version=1`)).text();
      expect(page).toContain('Riskbedömning');
      expect(page).toContain(`<th scope="row">Demokrati och mänskliga rättigheter</th><td>Hög</td><td class="prewrap">${GRADED.riskDemocracyHumanRightsJustification}</td>`);
      expect(page).toContain('<th scope="row">Personuppgifter</th><td>Inte bedömd</td><td class="prewrap">Inte angivet</td>');
      // The form opens at the version shown.
      expect(page).toContain('name="riskDemocracyHumanRightsLevel" value="high" checked=""');
      const english = await (await visitors.editor.request(`${path}?lang=en`)).text();
      expect(english).toContain('name="riskFinancesLevel" value="high" checked=""');
      expect(english).toContain('<th scope="row">Financial dependence and costs</th><td>High</td><td class="prewrap">Motparten står för alla resor</td>');
      // The annex of version 1 prints version 1's grading, read back by pdftotext.
      const pdf = await visitors.editor.request(`${path}/bilaga.pdf?version=1`);
      expect(pdf.status).toBe(200);
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(await pdf.arrayBuffer()), encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const words of ['Riskbedömning', 'Område Nivå Motivering', 'Hög', 'Måttlig', 'Låg', 'Inte bedömd', 'Säpo avrådde från datautbyte', 'Anseende och förtroende', 'Ekonomiskt beroende och kostnader']) expect(text, words).toContain(words);
      expect(text).toContain('uigurer');
      expect(text).not.toContain('Utbytet gäller bara skolor');
    }, 60_000);

    it('refuses a high level without a justification, and a level it does not know, naming the field', async () => {
      const mine = await endedAgreement(ctxA);
      const path = `/avtal/${mine.slug}/beslut/${mine.ending.id}`;
      for (const [change, id, says] of [
        [{ riskSecurityLevel: 'high', riskSecurityJustification: '  ' }, 'riskSecurityJustification', 'Säkerhet: skriv varför risken är hög.'],
        [{ riskDemocracyHumanRightsJustification: '' }, 'riskDemocracyHumanRightsJustification', 'Demokrati och mänskliga rättigheter: skriv varför risken är hög.'],
        [{ riskFinancesLevel: 'extreme' }, 'riskFinancesLevel-not_assessed', 'Välj en nivå'],
        [{ riskPersonalDataLevel: 'HIGH' }, 'riskPersonalDataLevel-not_assessed', 'Välj en nivå'],
        [{ riskExportControlJustification: 'x'.repeat(2_001) }, 'riskExportControlJustification', 'längre än 2000 tecken'],
      ] as const) {
        const before = await stored();
        const response = await visitors.editor.post(path, { ...BASIS, ...GRADED, expectedVersion: '0', ...change });
        expect(response.status, id).toBe(400);
        const html = await response.text();
        expect(html, id).toContain(`href="#basis-${id}"`);
        expect(html, id).toContain(says);
        expect(await stored(), id).toBe(before);
      }
      // A high level without a justification is named beside another field's problem, in the same answer.
      const both = await visitors.editor.post(path, { ...BASIS, ...GRADED, expectedVersion: '0', securityAdviceSought: '', riskSecurityLevel: 'high', riskSecurityJustification: '' });
      expect(both.status).toBe(400);
      const bothHtml = await both.text();
      for (const id of ['securityAdviceSought-ja', 'riskSecurityJustification']) expect(bothHtml, id).toContain(`href="#basis-${id}"`);
      const api = `/api/agreements/${mine.slug}/decisions/${mine.ending.id}/basis`;
      for (const [change, field] of [
        [{ riskReputationLevel: 'high' }, 'riskReputationJustification'],
        [{ riskReputationLevel: 'high', riskReputationJustification: null }, 'riskReputationJustification'],
        [{ riskReputationLevel: 'hög' }, 'riskReputationLevel'],
        [{ riskReputationLevel: null }, 'riskReputationLevel'],
        [{ riskReputationLevel: 3 }, 'riskReputationLevel'],
        [{ riskReputationJustification: ['Skäl'] }, 'riskReputationJustification'],
      ] as const) {
        const before = await stored();
        const response = await app.fetch(new Request(`http://localhost${api}`, { method: 'PUT', headers: { authorization: `Bearer ${keys.editor}`, 'content-type': 'application/json' }, body: JSON.stringify({ purpose: 'Syftet', securityAdviceSought: false, expectedVersion: 0, ...change }) }));
        expect(response.status, field).toBe(400);
        expect(((await response.json()) as { error: { problems: Array<{ field: string }> } }).error.problems.map((p) => p.field), field).toContain(field);
        expect(await stored(), field).toBe(before);
      }
    });

    it('is written and read through the API, each level left out not assessed', async () => {
      const mine = await endedAgreement(ctxA);
      const path = `/api/agreements/${mine.slug}/decisions/${mine.ending.id}/basis`;
      const response = await app.fetch(
        new Request(`http://localhost${path}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${keys.editor}`, 'content-type': 'application/json' },
          body: JSON.stringify({ purpose: 'Syftet', securityAdviceSought: false, expectedVersion: 0, riskExportControlLevel: 'high', riskExportControlJustification: 'Batteriteknik berörs', riskPersonalDataLevel: 'low' }),
        }),
      );
      expect(response.status).toBe(200);
      const [version] = ((await response.json()) as { versions: Array<Record<string, unknown>> }).versions;
      expect(version).toMatchObject({ riskExportControlLevel: 'high', riskExportControlJustification: 'Batteriteknik berörs', riskPersonalDataLevel: 'low', riskPersonalDataJustification: null, riskDemocracyHumanRightsLevel: 'not_assessed', riskFinancesLevel: 'not_assessed' });
    });
  });

  describe('through the API', () => {
    /** The basis as the API takes it: JSON types, not the form's strings. */
    const BODY = { purpose: BASIS.purpose, expectedBenefit: BASIS.expectedBenefit, costsSoFarSek: 120_000, counterpartDescription: BASIS.counterpartDescription, democracyHumanRights: BASIS.democracyHumanRights, securityAdviceSought: true, securityAdviceFrom: 'Säkerhetspolisen', exportControl: BASIS.exportControl };
    const call = (method: string, path: string, key: string | null, body?: unknown, headers: Record<string, string> = {}) =>
      app.fetch(
        new Request(`http://localhost${path}`, {
          method,
          headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    type Answer = { versions: Array<{ version: number; purpose: string; costsSoFarSek: number | null; register: RegisterFacts }>; decision: { id: number; kind: string }; error?: { problems: Array<{ field: string }>; current?: { version: number } } };

    it('saves versions at the version read, as the page does, and reads them back newest first', async () => {
      const mine = await endedAgreement(ctxA);
      const path = `/api/agreements/${mine.slug}/decisions/${mine.ending.id}/basis`;
      const empty = await call('GET', path, keys.reader);
      expect(empty.status).toBe(200);
      expect(empty.headers.get('cache-control')).toBe('no-store');
      expect(((await empty.json()) as Answer).versions).toEqual([]);
      const first = await call('PUT', path, keys.editor, { ...BODY, expectedVersion: 0, comment: 'Första utkastet' });
      expect(first.status).toBe(200);
      expect(first.headers.get('location')).toBe(path);
      const saved = (await first.json()) as Answer;
      expect(saved.decision).toMatchObject({ id: mine.ending.id, kind: 'end' });
      expect(saved.versions.map((v) => [v.version, v.purpose, v.costsSoFarSek])).toEqual([[1, BASIS.purpose, 120_000]]);
      expect(saved.versions[0]!.register.readOn).toBe(todayInStockholm());
      expect((await call('PUT', path, keys.editor, { ...BODY, purpose: 'Avsluta samarbetet', expectedVersion: 1 })).status).toBe(200);
      // A reader's key, and a signed-in reader's session, read both; the page shows the API's versions.
      for (const response of [await call('GET', path, keys.reader), await visitors.reader.request(path)]) {
        expect(response.status).toBe(200);
        expect(((await response.json()) as Answer).versions.map((v) => [v.version, v.purpose])).toEqual([
          [2, 'Avsluta samarbetet'],
          [1, BASIS.purpose],
        ]);
      }
      expect(await (await visitors.editor.request(`/avtal/${mine.slug}/beslut/${mine.ending.id}`)).text()).toContain('Version 2');
      // A stale version: 409 with the version stored now, nothing written.
      const before = await stored();
      const stale = await call('PUT', path, keys.editor, { ...BODY, expectedVersion: 1 });
      expect(stale.status).toBe(409);
      expect(((await stale.json()) as Answer).error!.current!.version).toBe(2);
      expect(await stored()).toBe(before);
    });

    it('names the field of bad input and stores nothing', async () => {
      const mine = await endedAgreement(ctxA);
      const path = `/api/agreements/${mine.slug}/decisions/${mine.ending.id}/basis`;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ purpose: '  ' }, 'purpose'],
        [{ purpose: 5 }, 'purpose'],
        [{ purpose: undefined }, 'purpose'],
        [{ costsSoFarSek: '12 000' }, 'costsSoFarSek'],
        [{ costsPlannedSek: -5 }, 'costsPlannedSek'],
        [{ costsPlannedSek: 1.5 }, 'costsPlannedSek'],
        [{ securityAdviceSought: 'ja' }, 'securityAdviceSought'],
        [{ securityAdviceSought: undefined }, 'securityAdviceSought'],
        [{ securityAdviceFrom: null }, 'securityAdviceFrom'],
        [{ securityAdviceSought: false }, 'securityAdviceFrom'],
        [{ expectedVersion: 'x' }, 'expectedVersion'],
        [{ expectedVersion: -1 }, 'expectedVersion'],
        [{ expectedVersion: undefined }, 'expectedVersion'],
        [{ democracyHumanRights: 'x'.repeat(10_001) }, 'democracyHumanRights'],
        [{ register: {} }, 'register'],
        [{ version: 3 }, 'version'],
      ];
      for (const [change, field] of cases) {
        const before = await stored();
        const response = await call('PUT', path, keys.editor, { ...BODY, expectedVersion: 0, ...change });
        expect(response.status, field).toBe(400);
        expect(((await response.json()) as Answer).error!.problems.map((p) => p.field), field).toContain(field);
        expect(await stored(), field).toBe(before);
      }
    });

    it("is read by the agreement's organisation only, and written by its editors' write keys", async () => {
      const mine = await endedAgreement(ctxA);
      const path = `/api/agreements/${mine.slug}/decisions/${mine.ending.id}/basis`;
      expect((await call('PUT', path, keys.editor, { ...BODY, expectedVersion: 0 })).status).toBe(200);
      const observed = await recordStatusEvent({ ctx: ctxA, agreementId: mine.id, input: { type: 'activity_observed', date: `${YEAR}`, visibility: 'shared' } });
      const other = await endedAgreement(ctxA);
      const before = await stored();
      // Reading: any key of A's people; B's people (the administrator and a coordinator too) 404; the public 401.
      for (const key of [keys.editorReadOnly, keys.coordinator]) expect((await call('GET', path, key)).status).toBe(200);
      for (const key of [keys.otherEditor, keys.otherAdmin]) {
        const response = await call('GET', path, key);
        expect(response.status).toBe(404);
        expect(await response.text()).not.toContain(BASIS.purpose);
      }
      for (const who of ['otherEditor', 'otherAdmin', 'coordinator'] as const) expect((await visitors[who].request(path)).status, who).toBe(404);
      expect((await call('GET', path, null)).status).toBe(401);
      // Writing: a read-only key, A's reader and coordinator, B's editor 403; B's administrator 404 (may change, may not read bases);
      // a session without a key 401.
      for (const key of [keys.editorReadOnly, keys.reader, keys.coordinator, keys.otherEditor]) expect((await call('PUT', path, key, { ...BODY, expectedVersion: 1 })).status).toBe(403);
      expect((await call('PUT', path, keys.otherAdmin, { ...BODY, expectedVersion: 1 })).status).toBe(404);
      expect((await call('PUT', path, null, { ...BODY, expectedVersion: 1 }, { cookie: visitors.editor.cookie! })).status).toBe(401);
      expect((await call('PUT', path, null, { ...BODY, expectedVersion: 1 })).status).toBe(401);
      // No basis for what is no decision, another agreement's event, or an id no event has.
      for (const id of [observed.id, other.ending.id, 'abc', 0, 999_999_999]) {
        expect((await call('GET', `/api/agreements/${mine.slug}/decisions/${id}/basis`, keys.editor)).status, String(id)).toBe(404);
        expect((await call('PUT', `/api/agreements/${mine.slug}/decisions/${id}/basis`, keys.editor, { ...BODY, expectedVersion: 0 })).status, String(id)).toBe(404);
      }
      expect(await stored()).toBe(before);
    });

    it('is described in the OpenAPI description', async () => {
      const openapi = (await (await call('GET', '/api/openapi.json', null)).json()) as { paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, unknown> } };
      const item = openapi.paths['/api/agreements/{slug}/decisions/{id}/basis']!;
      expect([item.get!.operationId, item.put!.operationId]).toEqual(['getDecisionBasis', 'saveDecisionBasis']);
      expect(Object.keys((openapi.components.schemas.SaveDecisionBasis as { properties: object }).properties)).toContain('securityAdviceFrom');
      expect((openapi.components.schemas.DecisionBasisVersion as { properties: Record<string, { enum?: string[] }> }).properties.riskSecurityLevel!.enum).toEqual(['not_assessed', 'low', 'moderate', 'high']);
    });
  });
});
