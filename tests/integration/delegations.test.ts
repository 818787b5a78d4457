// Delegation warnings: an incoming visit of one body, and other bodies'
// activities near it in time that concern the same place or a place in the
// same province, by their agreements' places or their own; shown to the
// organisation's people on the overview and beside the visit, with whom to
// contact; never another body's internal activity, never to the public.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { changeAgreement } from '../../src/domain/agreements/change.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { PUBLIC_READER } from '../../src/domain/access.ts';
import { delegationOverlaps, peerBodies } from '../../src/domain/coordination/delegations.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { todayInStockholm } from '../../src/web/format.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';
import { daysFromToday } from '../support/days.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let visitors: Record<'editorA' | 'coordinatorB' | 'editorC' | 'anonymous', Visitor>;
const ids = {} as Record<'a' | 'b' | 'c', number>;
let visitA: number;
let agreementA: string;
let huzhouAgreement: string;
let suzhouAgreement: string;

/** A day `days` from today, as YYYY-MM-DD. */
const inDays = (offset: number) => daysFromToday(offset);

beforeAll(async () => {
  t = await openTestDatabase();
  const app = createApp(t.database);
  const ctx = systemCtx(t);
  for (const org of ['deleg-a', 'deleg-b', 'deleg-c']) await addOrganisation({ ctx, input: { slug: org, name: `Kommun ${org.slice(-1).toUpperCase()}` } });
  for (const [key, slug] of [['a', 'deleg-a'], ['b', 'deleg-b'], ['c', 'deleg-c']] as const) {
    ids[key] = (await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = ${slug}`))[0]!.id;
  }
  ({ visitors } = await signedInVisitors(t, app, {
    editorA: { role: 'editor', organisation: 'deleg-a' },
    coordinatorB: { role: 'coordinator', organisation: 'deleg-b' },
    editorC: { role: 'editor', organisation: 'deleg-c' },
  }));
  const agreement = async (organisationId: number, counterpart: string) =>
    createAgreement({ ctx, organisationId, input: { slug: uniqueSlug('deleg'), kind: 'vanort', parties: ['kalix'], counterparts: [counterpart] } });
  const visit = async (agreementId: number, title: string, date: string, more: Record<string, unknown> = {}) =>
    (await createActivity({ ctx, agreementId, input: { kind: 'visit_incoming', title, date, visibility: 'shared', ...more } })).id;

  // A's visit from Hangzhou in 20 days.
  const a = await agreement(ids.a, 'hangzhou');
  agreementA = a.slug;
  visitA = await visit(a.id, 'Delegation från Hangzhou', inDays(20));
  // B: a visit under an agreement with Huzhou (Zhejiang too) five days later: a warning.
  const b = await agreement(ids.b, 'huzhou');
  await recordStatusEvent({ ctx, agreementId: b.id, input: { type: 'established', date: '2015' } });
  huzhouAgreement = b.slug;
  await visit(b.id, 'Besök från Huzhous utrikesbyrå', inDays(25));
  // B: one in Jiangsu at the same time, one internal, one three months later: none.
  const bJiangsu = await agreement(ids.b, 'nanjing');
  await recordStatusEvent({ ctx, agreementId: bJiangsu.id, input: { type: 'established', date: '2016' } });
  await visit(bJiangsu.id, 'Besök från Nanjing', inDays(20));
  await visit(b.id, 'Internt besök från Huzhou', inDays(21), { visibility: 'internal' });
  await visit(b.id, 'Senare besök från Huzhou', inDays(120));
  // C: an agreement in Jiangsu, but a public meeting that names Shaoxing (Zhejiang) as its place: a warning.
  const c = await agreement(ids.c, 'suzhou');
  suzhouAgreement = c.slug;
  await createActivity({ ctx, agreementId: c.id, input: { kind: 'meeting', title: 'Möte med Shaoxings delegation', date: inDays(10), chinesePlaces: ['shaoxing'] } });
}, 120_000);
afterAll(async () => t?.close());

describe('delegation warnings', () => {
  it('finds the other bodies near an incoming visit in time and place, and only those', async () => {
    const principal = { kind: 'user', subject: 'a@deleg.example', organisationId: ids.a, role: 'editor' } as const;
    const overlaps = await delegationOverlaps({ db: t.database.db, principal }, { organisationId: ids.a, today: todayInStockholm() });
    expect(overlaps.map((o) => [o.visit.id, o.other.title, o.other.organisation])).toEqual([
      [visitA, 'Möte med Shaoxings delegation', 'Kommun C'],
      [visitA, 'Besök från Huzhous utrikesbyrå', 'Kommun B'],
    ]);
    expect(overlaps.every((o) => o.places.includes('Zhejiang'))).toBe(true);
    expect(overlaps[1]!.contacts.map((c) => c.email)).toEqual([expect.stringContaining('@')]);
    // The bodies with agreements in force in the same province: B (Huzhou), not its Jiangsu agreement, not C (Suzhou);
    // and the shipped register's keepers, whose agreements in Zhejiang (Lund–Hangzhou among them) are in force.
    const peers = await peerBodies({ db: t.database.db, principal }, { organisationId: ids.a, today: todayInStockholm() });
    const b = peers.find((p) => p.organisation === 'Kommun B')!;
    expect([b.visit.id, b.agreements.map((a) => a.slug)]).toEqual([visitA, [huzhouAgreement]]);
    expect(b.contacts).toHaveLength(1);
    expect(peers.map((p) => p.organisation)).not.toContain('Kommun C');
    expect(peers.flatMap((p) => p.agreements.map((a) => a.slug))).toContain('lund--hangzhou');
    expect(peers.flatMap((p) => p.agreements.map((a) => a.slug))).not.toContain('lund--nanjing');
    // The public is never told: the warning names people.
    expect(await delegationOverlaps({ db: t.database.db, principal: PUBLIC_READER }, { organisationId: ids.a, today: todayInStockholm() })).toEqual([]);
  });

  it("shows them on the organisation's page of delegations (linked from the overview) and beside the visit, with whom to contact", async () => {
    expect(await (await visitors.editorA.request('/oversikt')).text()).toContain('href="/delegationer"');
    const section = await (await visitors.editorA.request('/delegationer')).text();
    for (const words of ['Delegation från Hangzhou', 'Kommun B', 'Besök från Huzhous utrikesbyrå', 'Kommun C', 'Möte med Shaoxings delegation', 'mailto:', `href="/avtal/${huzhouAgreement}"`]) {
      expect(section, words).toContain(words);
    }
    for (const words of ['Nanjing', 'Internt besök', 'Senare besök']) expect(section, words).not.toContain(words);
    const page = await (await visitors.editorA.request(`/avtal/${agreementA}/aktiviteter`)).text();
    expect(page).toContain('Andra organisationer i samma område vid samma tid');
    expect(page).toContain('Besök från Huzhous utrikesbyrå');
    // B is told of A's shared visit in turn: B's own incoming visit from Huzhou is near it.
    expect(await (await visitors.coordinatorB.request('/delegationer')).text()).toContain('Delegation från Hangzhou');
    expect((await visitors.anonymous.request('/delegationer')).status).toBe(303);
  });

  it("shows beside another kind of activity the other bodies' incoming visits near it, to its own people only", async () => {
    // C's meeting naming Shaoxing (Zhejiang) under its agreement with Suzhou (Jiangsu), ten days out: A's visit from
    // Hangzhou (20 days) and B's from Huzhou (25) and from Nanjing (20, Jiangsu) are near it.
    const page = await (await visitors.editorC.request(`/avtal/${suzhouAgreement}/aktiviteter`)).text();
    const notice = page.slice(page.indexOf('Möte med Shaoxings delegation'));
    expect(notice).toContain('Andra organisationers inkommande besök inom 30 dagar från den här aktiviteten');
    for (const words of ['Kommun A', 'Delegation från Hangzhou', 'Kommun B', 'Besök från Huzhous utrikesbyrå', 'Besök från Nanjing', 'Samma område: Jiangsu', 'Samma område: Zhejiang', 'mailto:']) {
      expect(notice, words).toContain(words);
    }
    // Not B's internal visit, nor the one months later.
    for (const words of ['Internt besök', 'Senare besök']) expect(page, words).not.toContain(words);
    // The same pairs as B's visits find from their side (and its internal one, which B alone reads).
    const fromB = await delegationOverlaps({ db: t.database.db, principal: { kind: 'user', subject: 'b@deleg.example', organisationId: ids.b, role: 'editor' } }, { organisationId: ids.b, today: todayInStockholm() });
    expect(fromB.filter((o) => o.other.title === 'Möte med Shaoxings delegation').map((o) => o.visit.title).sort()).toEqual(['Besök från Huzhous utrikesbyrå', 'Besök från Nanjing', 'Internt besök från Huzhou']);
    // Others read the meeting (public) without the warning: it names people.
    const asA = await (await visitors.editorA.request(`/avtal/${suzhouAgreement}/aktiviteter`)).text();
    expect(asA).toContain('Möte med Shaoxings delegation');
    expect(asA).not.toContain('Delegation från Hangzhou');
    expect(await (await visitors.anonymous.request(`/avtal/${suzhouAgreement}/aktiviteter`)).text()).not.toContain('Besök från Huzhous utrikesbyrå');
  });

  it("keeps each activity's places (the warnings' index) as its agreement's places and its own change, whoever writes them", async () => {
    const ctx = systemCtx(t);
    const placesOf = async (id: number) =>
      (await queryRows<{ slug: string }>(t.database.db, sql`select c.slug from activities a join counterparts c on c.id = any(a.place_ids) where a.id = ${id} order by c.slug`)).map((r) => r.slug);
    const monthsOf = async (id: number) => (await queryRows<{ n: number }>(t.database.db, sql`select cardinality(place_months)::int as n from activities where id = ${id}`))[0]!.n;
    const made = await createAgreement({ ctx, organisationId: ids.c, input: { slug: uniqueSlug('deleg'), kind: 'vanort', parties: ['kalix'], counterparts: ['nanjing'] } });
    const id = (await createActivity({ ctx, agreementId: made.id, input: { kind: 'meeting', title: 'Möte om platserna', date: inDays(40), chinesePlaces: ['shaoxing'] } })).id;
    const before = await placesOf(id);
    expect(before).toEqual(expect.arrayContaining(['jiangsu', 'nanjing', 'shaoxing', 'zhejiang']));
    expect(await monthsOf(id)).toBe(before.length); // one month: the activity's
    // The agreement moves to Huzhou: Nanjing and Jiangsu go, Huzhou comes; the activity's own Shaoxing stays.
    const [{ version }] = (await queryRows<{ version: number }>(t.database.db, sql`select version from agreements where id = ${made.id}`)) as [{ version: number }];
    await changeAgreement({ ctx, slug: made.slug, input: { counterparts: ['huzhou'], expectedVersion: version } });
    const after = await placesOf(id);
    expect(after).toEqual(expect.arrayContaining(['huzhou', 'shaoxing', 'zhejiang']));
    expect(after).not.toContain('nanjing');
    expect(after).not.toContain('jiangsu');
    // Its own place removed (the row deleted by SQL, as any writer may): Shaoxing goes.
    await t.database.db.execute(sql`delete from activity_places where activity_id = ${id}`);
    expect(await placesOf(id)).not.toContain('shaoxing');
  });
});
