// Changing agreements: the verbs (create, change, history) on a real
// database, and the editing pages through the app as a browser uses them.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { agreements, auditLog, statusEvents } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { changeAgreement, type SavedAgreement } from '../../src/domain/agreements/change.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import type { Context, Principal } from '../../src/domain/context.ts';
import { agreementHistory } from '../../src/domain/history/agreement-history.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';
import { FormBrowser, formFields, withAction } from '../support/form-browser.ts';
import { refusal as refused } from '../support/refusal.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const org = { a: 0, b: 0 };
const PASSWORD = 'a long passphrase';
const people = { editorA: '', editorB: '', readerA: '', readerB: '', admin: '' };

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  const sys = systemCtx(t);
  org.a = (await addOrganisation({ ctx: sys, input: { slug: uniqueSlug('org-a'), name: 'Organisation A' } })).id;
  org.b = (await addOrganisation({ ctx: sys, input: { slug: uniqueSlug('org-b'), name: 'Organisation B' } })).id;
  const slugOf = async (id: number) => (await queryRows<{ slug: string }>(t.database.db, sql`select slug from organisations where id = ${id}`))[0]!.slug;
  const add = async (key: keyof typeof people, organisation: string, role: 'reader' | 'editor' | 'admin') => {
    people[key] = `${uniqueSlug(key.toLowerCase())}@kommun.se`;
    await addUser({ ctx: sys, input: { email: people[key], displayName: `Person ${key}`, organisation, role, password: PASSWORD } });
  };
  await add('editorA', await slugOf(org.a), 'editor');
  await add('editorB', await slugOf(org.b), 'editor');
  await add('readerA', await slugOf(org.a), 'reader');
  await add('readerB', await slugOf(org.b), 'reader');
  await add('admin', 'ortsband', 'admin');
});
afterAll(async () => t?.close());

const as = (principal: Principal): Context => ({ db: t.database.db, principal });
const editorOf = (organisationId: number, subject = `editor-${organisationId}@kommun.se`): Context => as({ kind: 'user', subject, organisationId, role: 'editor' });
const readerOf = (organisationId: number): Context => as({ kind: 'user', subject: `reader-${organisationId}@kommun.se`, organisationId, role: 'reader' });

async function newAgreement(organisationId = org.a, extra: Record<string, unknown> = {}) {
  return createAgreement({
    ctx: editorOf(organisationId),
    organisationId,
    input: { slug: uniqueSlug('avtal'), kind: 'vanort', parties: ['linkoping'], counterparts: ['hangzhou'], signedOn: '2019-05', ...extra },
  });
}


const auditCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
const rowOf = async (slug: string) => (await t.database.db.select().from(agreements).where(eq(agreements.slug, slug)))[0]!;

describe('changing an agreement (the verb)', () => {
  it('changes the fields given, bumps the version, refreshes the labels and audits before and after with the comment', async () => {
    const made = await newAgreement();
    const result = await changeAgreement({
      ctx: editorOf(org.a),
      slug: made.slug,
      input: { expectedVersion: 1, officialTitle: 'Vänortsavtal 杭州', parties: [{ actor: 'linkoping', role: 'party' }, { actor: 'linkopings-universitet', role: 'participant' }], counterparts: ['guangzhou'], signedOn: '2019-05-14', comment: 'the protocol gives the day' },
    });
    expect(result.changed.sort()).toEqual(['counterparts', 'officialTitle', 'parties', 'signedOn']);
    const row = await rowOf(made.slug);
    expect(row.version).toBe(2);
    expect(row.signedOn).toBe('2019-05-14');
    expect(row.counterpartLabel).toBe('Guangzhou 广州市');
    expect(row.searchText).toContain('kanton');
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'agreement'), eq(auditLog.entityId, made.id), eq(auditLog.action, 'agreement.change')));
    expect(entry!.reason).toBe('the protocol gives the day');
    expect(entry!.before).toMatchObject({ signedOn: '2019-05', counterparts: ['hangzhou'], version: 1 });
    expect(entry!.after).toMatchObject({ signedOn: '2019-05-14', counterparts: ['guangzhou'], version: 2 });
  });

  it('a save that changes nothing writes nothing', async () => {
    const made = await newAgreement();
    const before = await auditCount();
    const result = await changeAgreement({ ctx: editorOf(org.a), slug: made.slug, input: { expectedVersion: 1, signedOn: '2019-05' } });
    expect(result.changed).toEqual([]);
    expect((await rowOf(made.slug)).version).toBe(1);
    expect(await auditCount()).toBe(before);
  });

  it('a stale version is a conflict that carries what the other person saved, and stores nothing', async () => {
    const made = await newAgreement();
    await changeAgreement({ ctx: editorOf(org.a, 'first@kommun.se'), slug: made.slug, input: { expectedVersion: 1, term: 'tre år' } });
    const error = await refused(changeAgreement({ ctx: editorOf(org.a, 'second@kommun.se'), slug: made.slug, input: { expectedVersion: 1, term: 'fem år' } }));
    expect(error.code).toBe('CONFLICT');
    const saved = error.current as SavedAgreement;
    expect(saved.version).toBe(2);
    expect(saved.fields.term).toBe('tre år');
    expect(saved.fields.parties).toEqual([{ actor: 'linkoping', role: 'party', note: null, noteEn: null }]);
    expect((await rowOf(made.slug)).term).toBe('tre år');
  });

  it('is forbidden to an editor of another organisation and to a reader of its own, and absent where it cannot be read', async () => {
    const made = await newAgreement();
    expect((await refused(changeAgreement({ ctx: editorOf(org.b), slug: made.slug, input: { expectedVersion: 1, term: 'x' } }))).code).toBe('FORBIDDEN');
    expect((await refused(changeAgreement({ ctx: readerOf(org.a), slug: made.slug, input: { expectedVersion: 1, term: 'x' } }))).code).toBe('FORBIDDEN');
    const internal = await newAgreement(org.a, { visibility: 'internal' });
    expect((await refused(changeAgreement({ ctx: editorOf(org.b), slug: internal.slug, input: { expectedVersion: 1, term: 'x' } }))).code).toBe('NOT_FOUND');
    expect((await rowOf(made.slug)).version).toBe(1);
  });

  it('names every bad field and stores nothing', async () => {
    const made = await newAgreement();
    const before = await auditCount();
    const error = await refused(
      changeAgreement({ ctx: editorOf(org.a), slug: made.slug, input: { expectedVersion: 1, signedOn: '2019-13-45', parties: [{ actor: 'no-such-body', role: 'party' }], counterparts: ['hangzhou', 'hangzhou'], kind: 'treaty' } }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.problems.map((p) => p.field)).toContain('signedOn');
    const second = await refused(changeAgreement({ ctx: editorOf(org.a), slug: made.slug, input: { expectedVersion: 1, parties: [{ actor: 'no-such-body', role: 'party' }], counterparts: ['hangzhou', 'hangzhou'], kind: 'treaty' } }));
    expect(second.problems.map((p) => p.field).sort()).toEqual(['counterparts.1', 'kind', 'parties.0.actor']);
    expect(await auditCount()).toBe(before);
    expect((await rowOf(made.slug)).version).toBe(1);
  });

  it('refuses a parent that would make a cycle', async () => {
    const top = await newAgreement();
    const child = await newAgreement(org.a, { parent: top.slug });
    const error = await refused(changeAgreement({ ctx: editorOf(org.a), slug: top.slug, input: { expectedVersion: 1, parent: child.slug } }));
    expect(error.problems[0]!.field).toBe('parent');
    const self = await refused(changeAgreement({ ctx: editorOf(org.a), slug: top.slug, input: { expectedVersion: 1, parent: top.slug } }));
    expect(self.problems[0]!.field).toBe('parent');
  });

  it('making an agreement internal takes it out of what the public reads and counts', async () => {
    const made = await newAgreement();
    await recordStatusEvent({ ctx: editorOf(org.a), agreementId: made.id, input: { type: 'established', date: '2019-05-14' } });
    const publicDays = async () => (await queryRows<{ n: number }>(t.database.db, sql`select coalesce(sum(delta), 0)::int as n from status_day_deltas where visibility = 'public' and status = 'active' and day <= '2020-01-01'`))[0]!.n;
    const before = await publicDays();
    await changeAgreement({ ctx: editorOf(org.a), slug: made.slug, input: { expectedVersion: 2, visibility: 'internal' } });
    expect(await publicDays()).toBe(before - 1);
    const internalDays = (await queryRows<{ n: number }>(t.database.db, sql`select coalesce(sum(delta), 0)::int as n from status_day_deltas where visibility = 'internal' and status = 'active' and day <= '2020-01-01'`))[0]!.n;
    expect(internalDays).toBeGreaterThanOrEqual(1);
  });
});

describe('an agreement\'s history (the verb)', () => {
  it('shows who changed what, before and after, and why, newest first; events too', async () => {
    const made = await newAgreement();
    await changeAgreement({ ctx: editorOf(org.a, 'anna@kommun.se'), slug: made.slug, input: { expectedVersion: 1, funding: 'Kommunens budget', comment: 'from the budget decision' } });
    await recordStatusEvent({ ctx: editorOf(org.a), agreementId: made.id, input: { type: 'ended', date: '2021-03', mode: 'decision', side: 'swedish', reasons: [{ code: 'democracy_human_rights' }], expectedVersion: 2, comment: 'KS decided' } });
    const { entries } = await agreementHistory({ ctx: readerOf(org.b), slug: made.slug });
    expect(entries.map((e) => e.action)).toEqual(['status.ended', 'agreement.change', 'agreement.create']);
    expect(entries[0]!.comment).toBe('KS decided');
    expect(entries[0]!.version).toBe(3);
    expect(entries[0]!.changes.find((c) => c.field === 'mode')).toEqual({ field: 'mode', before: null, after: 'decision' });
    expect(entries[1]).toMatchObject({ who: 'anna@kommun.se', comment: 'from the budget decision', version: 2, changes: [{ field: 'funding', before: null, after: 'Kommunens budget' }] });
  });

  it('is not there for anonymous visitors, nor for those who may not read the agreement or its internal events', async () => {
    const made = await newAgreement(org.a, { visibility: 'shared' });
    await recordStatusEvent({ ctx: editorOf(org.a), agreementId: made.id, input: { type: 'dormant', date: '2020', visibility: 'internal' } });
    expect((await refused(agreementHistory({ ctx: t.anonymous, slug: made.slug }))).code).toBe('NOT_FOUND');
    expect((await agreementHistory({ ctx: readerOf(org.a), slug: made.slug })).entries.map((e) => e.action)).toContain('status.dormant');
    expect((await agreementHistory({ ctx: readerOf(org.b), slug: made.slug })).entries.map((e) => e.action)).not.toContain('status.dormant');
    const internal = await newAgreement(org.a, { visibility: 'internal' });
    expect((await refused(agreementHistory({ ctx: readerOf(org.b), slug: internal.slug }))).code).toBe('NOT_FOUND');
  });
});

/** A browser's cookie jar for this site. */

/** A browser signed in with a password. */
async function signedIn(email: string) {
  const browser = new FormBrowser(app);
  expect((await browser.signIn(email, PASSWORD)).status).toBe(303);
  return browser;
}

describe('the editing pages', () => {
  it('send an anonymous visitor to sign in, and answer 403 to a signed-in person who may not change the agreement', async () => {
    const made = await newAgreement();
    const anonymous = new FormBrowser(app);
    for (const path of ['/avtal/ny', `/avtal/${made.slug}/andra`, `/avtal/${made.slug}/handelse`, `/avtal/${made.slug}/historik`]) {
      const response = await anonymous.request(path);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toMatch(/^\/logga-in/);
    }
    const other = await signedIn(people.editorB);
    expect((await other.request(`/avtal/${made.slug}/andra`)).status).toBe(403);
    expect((await other.request(`/avtal/${made.slug}/handelse`)).status).toBe(403);
    expect((await other.request(`/avtal/${made.slug}/historik`)).status).toBe(200);
    const reader = await signedIn(people.readerA);
    expect((await reader.request('/avtal/ny')).status).toBe(403);
    const internal = await newAgreement(org.a, { visibility: 'internal' });
    expect((await other.request(`/avtal/${internal.slug}/andra`)).status).toBe(404);
    expect((await other.request(`/avtal/${internal.slug}/historik`)).status).toBe(404);
  });

  it('create an agreement by finding its parties by SCB code and pinyin without tones', async () => {
    const editor = await signedIn(people.editorA);
    const { response, html } = await editor.page('/avtal/ny');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Search: the form comes back with the matches as unticked boxes, and what was typed.
    const searched = await editor.post('/avtal/ny', withAction(formFields(html, '/avtal/ny'), 'find-actors', { actorQuery: '0580', placeQuery: 'Hangzhou', officialTitle: 'Avtal om vänort' }));
    expect(searched.status).toBe(200);
    const page = await searched.text();
    expect(page).toContain('Linköpings kommun');
    expect(page).toContain('杭州市');
    expect(page).toContain('value="Avtal om vänort"');
    const fields = formFields(page, '/avtal/ny');
    const tick = (prefix: string, key: string, slug: string) => {
      const index = [...fields.entries()].find(([k, v]) => k.startsWith(`${prefix}.`) && k.endsWith(`.${key}`) && v === slug)![0].split('.')[1];
      fields.set(`${prefix}.${index}.keep`, '1');
    };
    tick('party', 'actor', 'linkoping');
    tick('place', 'slug', 'hangzhou');
    const slug = uniqueSlug('ny');
    const saved = await editor.post('/avtal/ny', withAction(fields, 'save', { slug, signedOn: '2018-09', comment: 'from the KS protocol' }));
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/avtal/${slug}?sparat=1`);
    const row = await rowOf(slug);
    expect(row).toMatchObject({ organisationId: org.a, officialTitle: 'Avtal om vänort', signedOn: '2018-09', partyLabel: 'Linköpings kommun' });
  });

  it('name the bad field beside it and in the summary, keep what was typed, and store nothing', async () => {
    const made = await newAgreement();
    const editor = await signedIn(people.editorA);
    const { html } = await editor.page(`/avtal/${made.slug}/andra`);
    const before = await auditCount();
    const response = await editor.post(`/avtal/${made.slug}/andra`, withAction(formFields(html, `/avtal/${made.slug}/andra`), 'save', { signedOn: '2019-13-45', term: 'två år' }));
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('class="error-summary"');
    expect(page).toContain('href="#f-signedOn"');
    expect(page).toMatch(/id="f-signedOn-error">[^<]*2019-13-45/);
    expect(page).toContain('value="två år"');
    expect(await auditCount()).toBe(before);
    expect((await rowOf(made.slug)).version).toBe(1);
  });

  it('show a conflict beside what was typed, and save it when sent again', async () => {
    const made = await newAgreement();
    const first = await signedIn(people.editorA);
    const second = await signedIn(people.admin);
    const path = `/avtal/${made.slug}/andra`;
    const mine = formFields((await first.page(path)).html, path);
    const theirs = formFields((await second.page(path)).html, path);
    expect((await second.post(path, withAction(theirs, 'save', { term: 'fem år', comment: 'the renewal' }))).status).toBe(303);
    const response = await first.post(path, withAction(mine, 'save', { term: 'tre år' }));
    expect(response.status).toBe(409);
    const page = await response.text();
    expect(page).toContain('Någon annan har sparat under tiden');
    expect(page).toContain('Person admin');
    expect(page).toMatch(/<td>tre år<\/td><td>fem år<\/td>/);
    expect(page).toContain('value="tre år"');
    // The form now carries the version saved: sent again, it saves what it holds.
    const again = await first.post(path, withAction(formFields(page, path), 'save'));
    expect(again.status).toBe(303);
    expect((await rowOf(made.slug)).term).toBe('tre år');
  });

  it('record an ending with a reason and a source, and show it in the history', async () => {
    const made = await newAgreement();
    const editor = await signedIn(people.editorA);
    const path = `/avtal/${made.slug}/handelse`;
    const { html } = await editor.page(path);
    const searched = await (await editor.post(path, withAction(formFields(html, path), 'find-sources', { sourceQuery: 'nkk2022' }))).text();
    const fields = formFields(searched, path);
    const index = [...fields.entries()].find(([k, v]) => /^source\.\d+\.slug$/.test(k) && v === 'nkk2022')![0].split('.')[1];
    fields.set(`source.${index}.keep`, '1');
    fields.set(`source.${index}.passage`, 's. 12');
    const response = await editor.post(
      path,
      withAction(fields, 'save', { type: 'ended', date: '2021-03-02', side: 'swedish', mode: 'decision', decidingBody: 'Kommunstyrelsen', reference: '§ 45', caseNumber: 'KS 2021/12', 'reason.0.code': 'democracy_human_rights', 'reason.0.text': 'Situationen i Xinjiang', comment: 'KS protocol' }),
    );
    expect(response.status).toBe(303);
    const [event] = await t.database.db.select().from(statusEvents).where(eq(statusEvents.agreementId, made.id));
    expect(event).toMatchObject({ type: 'ended', date: '2021-03-02', decidingBody: 'Kommunstyrelsen', reference: '§ 45', caseNumber: 'KS 2021/12' });
    expect((await rowOf(made.slug)).currentStatus).toBe('ended');
    const history = await (await editor.request(`/avtal/${made.slug}/historik`)).text();
    expect(history).toContain('KS protocol');
    expect(history).toContain('Demokrati och mänskliga rättigheter i Kina');
    expect(history).toContain('nkk2022 (s. 12)');
  });

  it('a bad event names its field and stores nothing', async () => {
    const made = await newAgreement();
    const editor = await signedIn(people.editorA);
    const path = `/avtal/${made.slug}/handelse`;
    const { html } = await editor.page(path);
    const response = await editor.post(path, withAction(formFields(html, path), 'save', { type: 'ended', date: '2019-02-30', 'reason.0.code': 'other' }));
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('href="#e-date"');
    expect(page).toContain('href="#reason-0-text"');
    expect(page).toContain('2019-02 har 28 dagar');
    expect(await t.database.db.select().from(statusEvents).where(eq(statusEvents.agreementId, made.id))).toEqual([]);
  });
});
