// Delegation warnings on generated calendars, mailed through a real SMTP
// server: one body's incoming visits, and other bodies' activities placed
// around them by a seeded generator, each with a known relation (the same
// Chinese place, a place in the same province, a place of its own there,
// the same leading person or delegation name written otherwise, a near miss,
// an internal one) and a known distance in days (just inside and just
// outside the window). Every expected warning is raised and no other; each
// body's editors and coordinators are told of each once (both sides), read
// back from the SMTP server; again after a change, by runs at once, and for
// invitations: against others' invitations, against others' activities
// recorded before the invitation, an incoming visit recorded after others'
// invitations, and a meeting, event, exchange or outgoing visit recorded
// after another body's incoming visit and invitation (the same generated
// relations and distances).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { changeActivity } from '../../src/domain/activities/change.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import type { Context, Principal } from '../../src/domain/context.ts';
import { DELEGATION_WINDOW_DAYS, delegationOverlaps, visitsNearActivities } from '../../src/domain/coordination/delegations.ts';
import { invitationsNearActivity } from '../../src/domain/coordination/invitations-near-visit.ts';
import { invitationsOf, recordInvitation } from '../../src/domain/coordination/received-invitations.ts';
import { sendDelegationWarnings } from '../../src/domain/coordination/warn-by-mail.ts';
import { addArticle, reinstateArticle, withdrawArticle } from '../../src/domain/knowledge/articles.ts';
import { createMailer, type Mailer } from '../../src/mail/mailer.ts';
import { todayInStockholm } from '../../src/web/format.ts';
import { daysFromToday } from '../support/days.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';
import { decodeQuotedPrintable, startSmtp, type Inbox } from '../support/smtp.ts';
import { start } from '../support/two-processes.ts';

let t: TestDatabase;
let smtp: Inbox;
let mailer: Mailer;
const TODAY = todayInStockholm();
const ORIGIN = 'https://ortsband.example.se';
const W = DELEGATION_WINDOW_DAYS;

/** mulberry32: the same calendar on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const RELATIONS = ['counterpart', 'province', 'own-place', 'person', 'name', 'near-miss', 'internal'] as const;
type Relation = (typeof RELATIONS)[number];
const WARNS: Record<Relation, boolean> = { counterpart: true, province: true, 'own-place': true, person: true, name: true, 'near-miss': false, internal: false };
const OFFSETS = [-(W + 1), -W, 0, W, W + 1];

/** The home body's visits: far enough apart (240 days) that no other activity is near two. */
const VISITS = [
  { title: 'Visit-1', at: 60, name: 'Zhejiang Trade Delegation', persons: ['李明', 'Wang Wei'] },
  { title: 'Visit-2', at: 300, name: 'Hangzhou Friendship Group', persons: ['张伟', 'Chen Jing'] },
  { title: 'Visit-3', at: 540, name: 'Provincial Education Mission', persons: ['刘洋', 'Zhao Lei'] },
];

/** The same name as another body writes it: in other case, with other spaces, in full width. */
const writtenOtherwise = (name: string, r: () => number) =>
  pick(r, [(n: string) => n.toUpperCase(), (n: string) => `  ${n.replace(/ /g, '   ')} `, (n: string) => n.replace(/[A-Za-z ]/g, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))), (n: string) => n.toLowerCase()])(name);
/** A name that looks alike but is not the same as written: the Chinese one in Latin letters, or another person. */
const NEAR_MISS: Record<string, string> = { 李明: 'Li Ming', 张伟: 'Zhang Wei', 刘洋: 'Liu Yang' };

interface Body {
  slug: string;
  id: number;
  told: string[];
  notTold: string[];
  agreements: Map<string, number>;
}
let home: Body;
let others: Body[];
const visitIds: number[] = [];
/** The other bodies' activities as generated, and whether each should warn. */
const generated: Array<{ title: string; visit: number; body: Body; warns: boolean }> = [];

async function body(ctx: Context, n: string): Promise<Body> {
  const slug = uniqueSlug(`dm-${n}`);
  await addOrganisation({ ctx, input: { slug, name: `Kommun ${n}` } });
  const [{ id }] = (await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = ${slug}`)) as [{ id: number }];
  const mail = (role: string) => `${role}@${slug}.example.se`;
  await addUser({ ctx, input: { email: mail('editor'), displayName: `Redaktör ${n}`, organisation: slug, role: 'editor' } });
  await addUser({ ctx, input: { email: mail('coordinator'), displayName: `Samordnare ${n}`, organisation: slug, role: 'coordinator' } });
  await addUser({ ctx, input: { email: mail('reader'), displayName: `Läsare ${n}`, organisation: slug, role: 'reader' } });
  return { slug, id, told: [mail('editor'), mail('coordinator')], notTold: [mail('reader')], agreements: new Map() };
}

async function agreementOf(ctx: Context, b: Body, place: string): Promise<number> {
  if (!b.agreements.has(place)) {
    const a = await createAgreement({ ctx, organisationId: b.id, input: { slug: uniqueSlug('dm'), kind: 'vanort', parties: ['kalix'], counterparts: [place] } });
    b.agreements.set(place, a.id);
  }
  return b.agreements.get(place)!;
}

/** Each mail received as (recipient, decoded text). */
const received = () => smtp.mails.flatMap((m) => m.to.map((to) => ({ to, text: decodeQuotedPrintable(m.raw) })));
/** Who was told of which pair of titles, one line each, sorted. */
const told = (mails: Array<{ to: string; text: string }>, titles: string[]) =>
  mails.map((m) => `${m.to} ${titles.filter((title) => new RegExp(`\\b${title}\\b`).test(m.text)).join(' ')}`).sort();

/** No overlap is recorded twice for one recipient in `delegation_warnings_sent`. */
async function expectEachRecordedOnce() {
  const [recorded] = await queryRows<{ n: number; distinct: number }>(
    t.database.db,
    sql`select count(*)::int as n, count(distinct (first_kind, first_id, second_kind, second_id, recipient))::int as distinct from delegation_warnings_sent`,
  );
  expect(recorded!.n).toBe(recorded!.distinct);
}

beforeAll(async () => {
  t = await openTestDatabase();
  smtp = await startSmtp();
  mailer = createMailer({ url: smtp.url, from: 'Ortsband <noreply@ortsband.test>' });
  const ctx = systemCtx(t);
  home = await body(ctx, 'hem');
  others = [];
  for (const n of ['a', 'b', 'c', 'd']) others.push(await body(ctx, n));
  for (const v of VISITS) {
    const agreementId = await agreementOf(ctx, home, 'hangzhou');
    const row = await createActivity({ ctx, agreementId, input: { kind: 'visit_incoming', title: v.title, date: daysFromToday(v.at, TODAY), visibility: 'shared', delegationName: v.name, delegationPersons: v.persons } });
    visitIds.push(row.id);
  }
  const r = random(20261207);
  // Visit 1: every relation at every distance; visits 2 and 3: a dozen drawn at random.
  const plan = [
    ...RELATIONS.flatMap((relation) => OFFSETS.map((offset) => ({ visit: 0, relation, offset }))),
    ...[1, 2].flatMap((visit) => Array.from({ length: 12 }, () => ({ visit, relation: pick(r, RELATIONS), offset: pick(r, OFFSETS) }))),
    // Near misses of visit 3 that its change below turns into warnings (inside) or not (outside).
    { visit: 2, relation: 'near-miss' as const, offset: 0 },
    { visit: 2, relation: 'near-miss' as const, offset: W + 1 },
  ];
  for (const [n, { visit, relation, offset }] of plan.entries()) {
    const v = VISITS[visit]!;
    const other = pick(r, others);
    const place = relation === 'counterpart' || relation === 'internal' ? 'hangzhou' : relation === 'province' ? 'huzhou' : 'shanghai';
    const person = pick(r, v.persons);
    const title = `Other-${n}-${relation}`;
    await createActivity({
      ctx,
      agreementId: await agreementOf(ctx, other, place),
      input: {
        kind: pick(r, ['meeting', 'event', 'visit_outgoing', 'exchange'] as const),
        title,
        date: daysFromToday(v.at + offset, TODAY),
        visibility: relation === 'internal' ? 'internal' : pick(r, ['shared', 'public'] as const),
        chinesePlaces: relation === 'own-place' ? ['huzhou'] : [],
        delegationPersons: relation === 'person' ? [writtenOtherwise(person, r)] : relation === 'near-miss' ? [NEAR_MISS[v.persons[0]!]!, 'Someone Else'] : [],
        delegationName: relation === 'name' ? writtenOtherwise(v.name, r) : relation === 'near-miss' ? `${v.name} Two` : null,
      },
    });
    generated.push({ title, visit, body: other, warns: WARNS[relation] && Math.abs(offset) <= W });
  }
}, 300_000);
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

const expected = () => generated.filter((g) => g.warns);
const allTitles = () => [...VISITS.map((v) => v.title), ...generated.map((g) => g.title)];

describe('delegation warnings on a generated calendar', () => {
  it('raise every expected warning and no other', async () => {
    const principal: Principal = { kind: 'user', subject: 'editor@hem', organisationId: home.id, role: 'editor' };
    const found = await delegationOverlaps({ db: t.database.db, principal }, { organisationId: home.id, today: TODAY, only: visitIds });
    const key = (visit: number, title: string) => `${VISITS[visit]!.title} ${title}`;
    expect(found.map((o) => key(visitIds.indexOf(o.visit.id), o.other.title)).sort()).toEqual(expected().map((g) => key(g.visit, g.title)).sort());
    expect(expected().length).toBeGreaterThan(15);
    expect(generated.length - expected().length).toBeGreaterThan(20);
    // The names in common are named as the other body wrote them.
    for (const o of found.filter((o) => /-(person|name)$/.test(o.other.title))) expect(o.names).toHaveLength(1);
  });

  it('tell each body concerned, its editors and coordinators, once of each overlap, both sides', async () => {
    smtp.mails.length = 0;
    const run = await sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
    // The shipped register's incoming visits wait too (they are past: no warning).
    expect(run.checked).toBeGreaterThanOrEqual(VISITS.length);
    // Each pair is found from both sides: the visit's check and the other activity's (mailed once all the same).
    expect(run).toMatchObject({ overlaps: 2 * expected().length, refused: [] });
    const want = expected().flatMap((g) => [...home.told, ...g.body.told].map((to) => `${to} ${VISITS[g.visit]!.title} ${g.title}`));
    expect(told(received(), allTitles())).toEqual(want.sort());
    expect(run.mails).toBe(want.length);
    // Readers are not told; whom to contact is named: the other side's editor.
    const tos = new Set(received().map((m) => m.to));
    for (const b of [home, ...others]) for (const reader of b.notTold) expect(tos.has(reader)).toBe(false);
    const first = expected()[0]!;
    const homeMail = received().find((m) => m.to === home.told[0] && m.text.includes(first.title))!;
    expect(homeMail.text).toContain(`<${first.body.told[0]}>`);
    expect(homeMail.text).toContain(`${ORIGIN}/delegationer`);
    // The guidance on delegations in force, linked from the configured public address in both languages.
    expect(homeMail.text).toMatch(new RegExp(`${ORIGIN}/kunskap/samordna-med-andra\r?\n`));
    expect(homeMail.text).toContain(`${ORIGIN}/kunskap/samordna-med-andra?lang=en`);
    // The queue is empty: a second run sends nothing.
    smtp.mails.length = 0;
    expect(await sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN })).toMatchObject({ checked: 0, mails: 0 });
    expect(smtp.mails).toHaveLength(0);
  });

  it('after a change, tell only the new overlap; runs at once tell it once', async () => {
    const ctx = systemCtx(t);
    const v = VISITS[2]!;
    const [row] = await queryRows<{ agreementId: number; version: number }>(t.database.db, sql`select agreement_id as "agreementId", version from activities where id = ${visitIds[2]}`);
    // Visit 3 now names the near miss's person too: the near misses of visit 3 inside the window now warn.
    const newly = generated.filter((g) => g.visit === 2 && g.title.endsWith('near-miss') && !g.warns);
    await changeActivity({
      ctx,
      agreement: { id: row!.agreementId, organisationId: home.id },
      id: visitIds[2]!,
      input: { kind: 'visit_incoming', title: v.title, date: daysFromToday(v.at, TODAY), visibility: 'shared', delegationName: v.name, delegationPersons: [...v.persons, NEAR_MISS[v.persons[0]!]!], expectedVersion: row!.version },
    });
    smtp.mails.length = 0;
    const runs = await Promise.all([1, 2, 3].map(() => sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN })));
    const inWindow = await queryRows<{ title: string }>(
      t.database.db,
      sql`select title from activities where title like 'Other-%-near-miss' and date_min between ${daysFromToday(v.at - W, TODAY)}::date and ${daysFromToday(v.at + W, TODAY)}::date`,
    );
    const fresh = newly.filter((g) => inWindow.some((w) => w.title === g.title));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.length).toBeLessThan(newly.length);
    const want = fresh.flatMap((g) => [...home.told, ...g.body.told].map((to) => `${to} ${v.title} ${g.title}`)).sort();
    expect(told(received(), allTitles())).toEqual(want);
    expect(runs.reduce((n, r) => n + r.mails, 0)).toBe(want.length);
    await expectEachRecordedOnce();
  });

  it('tell both bodies of an invitation that names the same person, once, and not of an internal one', async () => {
    const as = (b: Body): Context => ({ db: t.database.db, principal: { kind: 'user', subject: b.told[0]!, organisationId: b.id, role: 'editor' } });
    await recordInvitation({ ctx: as(home), input: { receivedOn: TODAY, sender: 'Invite-sender-1', subject: 'Invite-home', eventDate: daysFromToday(100, TODAY), delegationPersons: ['Sun Li'] } });
    await recordInvitation({ ctx: as(others[0]!), input: { receivedOn: TODAY, sender: 'Another office', subject: 'Invite-other', eventDate: daysFromToday(110, TODAY), delegationPersons: ['SUN  LI'] } });
    await recordInvitation({ ctx: as(others[1]!), input: { receivedOn: TODAY, sender: 'Invite-sender-1', subject: 'Invite-internal', eventDate: daysFromToday(100, TODAY), visibility: 'internal' } });
    smtp.mails.length = 0;
    await sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
    await sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
    const titles = ['Invite-home', 'Invite-other', 'Invite-internal'];
    expect(told(received(), titles)).toEqual([...home.told, ...others[0]!.told].map((to) => `${to} Invite-home Invite-other`).sort());
    expect(received().find((m) => m.to === home.told[0])!.text).toContain('SUN  LI');
  });

  it('link the guidance on delegations in force, absolute from the public address; the whole knowledge base when none is', async () => {
    const ctx = systemCtx(t);
    const as = (b: Body): Context => ({ db: t.database.db, principal: { kind: 'user', subject: b.told[0]!, organisationId: b.id, role: 'editor' } });
    /** A new pair of invitations naming the same person, mailed: the text the home body's editor gets. */
    const mailOf = async (person: string) => {
      await recordInvitation({ ctx: as(home), input: { receivedOn: TODAY, sender: `Guide-sender-${person}`, subject: `Guide-home-${person}`, delegationPersons: [person] } });
      await recordInvitation({ ctx: as(others[2]!), input: { receivedOn: TODAY, sender: `Guide-other-${person}`, subject: `Guide-other-${person}`, delegationPersons: [person.toUpperCase()] } });
      smtp.mails.length = 0;
      await sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
      const mail = received().find((m) => m.to === home.told[0] && m.text.includes(`Guide-other-${person}`));
      expect(mail, person).toBeDefined();
      return mail!.text;
    };
    // The one article on the topic withdrawn: the knowledge base instead.
    await withdrawArticle({ ctx, slug: 'samordna-med-andra', input: { expectedVersion: 1 } });
    let text = await mailOf('Guo Mei');
    expect(text).not.toContain('samordna-med-andra');
    expect(text).toMatch(new RegExp(`Vägledning: kunskapsbanken, ${ORIGIN}/kunskap\r?\n`));
    expect(text).toContain(`Guidance: the knowledge base, ${ORIGIN}/kunskap?lang=en`);
    // Put back in force, and a new article on the topic: both, by title in each language.
    await reinstateArticle({ ctx, slug: 'samordna-med-andra', input: { expectedVersion: 1 } });
    await addArticle({ ctx, input: { slug: 'dm-besok', titleSv: 'Inför ett besök', titleEn: 'Before a visit', bodySv: 'Text.', bodyEn: 'Text.', reviewOn: '2027-06-30', topics: ['delegation_warning'] } });
    text = await mailOf('Hu Lan');
    expect(text).toMatch(new RegExp(`- Inför ett besök: ${ORIGIN}/kunskap/dm-besok\r?\n`));
    expect(text).toContain(`- Before a visit: ${ORIGIN}/kunskap/dm-besok?lang=en`);
    expect(text).toContain(`${ORIGIN}/kunskap/samordna-med-andra?lang=en`);
    expect(text).not.toContain('kunskapsbanken');
  });
});

/** Relations of an invitation to an activity: the place it comes from (the activity's, one in its province, one of the activity's own places), a name, a near miss, an internal one. */
const INVITATION_RELATIONS = ['counterpart', 'province', 'own-place', 'person', 'name', 'near-miss', 'internal'] as const;
type InvitationRelation = (typeof INVITATION_RELATIONS)[number];
const INVITATION_WARNS: Record<InvitationRelation, boolean> = { counterpart: true, province: true, 'own-place': true, person: true, name: true, 'near-miss': false, internal: false };
const DELEGATION = { name: 'Jiangnan Culture Mission', person: 'Ma Jun' };

describe('delegation warnings between invitations and visits, both ways', () => {
  const as = (b: Body): Context => ({ db: t.database.db, principal: { kind: 'user', subject: b.told[0]!, organisationId: b.id, role: 'editor' } });
  /** Runs the job until the queue is empty and forgets what it sent: records made to set the scene are told of each other first. */
  const flush = async () => {
    while ((await sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN })).checked > 0);
    smtp.mails.length = 0;
  };
  /**
   * `runs` runs of the job at once tell both bodies of each pair of `record`
   * and a generated record that warns once, of no other pair, and no reader;
   * the pairs told.
   */
  const toldOnceEach = async <G extends { title: string; body: Body; warns: boolean }>(runs: number, record: { title: string; body: Body }, generated: G[]): Promise<G[]> => {
    const sent = await Promise.all(Array.from({ length: runs }, () => sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN })));
    const warn = generated.filter((g) => g.warns);
    expect(warn.length).toBeGreaterThan(10);
    expect(generated.length - warn.length).toBeGreaterThan(10);
    const want = warn.flatMap((g) => [...record.body.told, ...g.body.told].map((to) => `${to} ${record.title} ${g.title}`)).sort();
    expect(told(received(), [record.title, ...generated.map((g) => g.title)])).toEqual(want);
    expect(sent.reduce((sum, run) => sum + run.mails, 0)).toBe(want.length);
    for (const b of [home, ...others]) for (const reader of b.notTold) expect(received().some((m) => m.to === reader)).toBe(false);
    return warn;
  };
  /** The generated relation's Chinese place (Shanghai: none in common with Zhejiang), names and visibility. */
  const shape = (relation: InvitationRelation, r: () => number) => ({
    place: relation === 'counterpart' || relation === 'internal' ? 'hangzhou' : relation === 'province' ? 'huzhou' : 'shanghai',
    persons: relation === 'person' ? [writtenOtherwise(DELEGATION.person, r)] : relation === 'near-miss' ? [`${DELEGATION.person} Jr`, 'Someone Else'] : [],
    name: relation === 'name' ? writtenOtherwise(DELEGATION.name, r) : relation === 'near-miss' ? `${DELEGATION.name} Two` : null,
    visibility: relation === 'internal' ? ('internal' as const) : pick(r, ['shared', 'public'] as const),
  });

  it('an invitation recorded after others\' activities near it tells both bodies of each, once, and no other', async () => {
    const ctx = systemCtx(t);
    const r = random(20261208);
    const AT = 900;
    const inviter = others[3]!;
    const near: Array<{ title: string; body: Body; warns: boolean }> = [];
    for (const relation of INVITATION_RELATIONS) {
      for (const offset of OFFSETS) {
        const other = pick(r, [home, others[0]!, others[1]!, others[2]!]);
        const { place, persons, name, visibility } = shape(relation, r);
        const title = `Near-${near.length}-${relation}`;
        await createActivity({
          ctx,
          agreementId: await agreementOf(ctx, other, relation === 'own-place' ? 'shanghai' : place),
          // Not incoming visits: those would warn of each other first.
          input: { kind: pick(r, ['meeting', 'event', 'visit_outgoing', 'exchange'] as const), title, date: daysFromToday(AT + offset, TODAY), visibility, chinesePlaces: relation === 'own-place' ? ['huzhou'] : [], delegationPersons: persons, delegationName: name },
        });
        near.push({ title, body: other, warns: INVITATION_WARNS[relation] && Math.abs(offset) <= W });
      }
    }
    await flush();
    const invitation = await recordInvitation({ ctx: as(inviter), input: { receivedOn: TODAY, sender: 'Near-sender', subject: 'Near-invitation', place: 'hangzhou', eventDate: daysFromToday(AT, TODAY), delegationName: DELEGATION.name, delegationPersons: [DELEGATION.person] } });
    const expectedNear = await toldOnceEach(2, { title: 'Near-invitation', body: inviter }, near);
    // The invitation's body is sent to its invitations; the activity's body to its own activity, no page of its lists the invitation.
    const first = expectedNear[0]!;
    const inviterMail = received().find((m) => m.to === inviter.told[0] && m.text.includes(first.title))!.text;
    expect(inviterMail).toContain(`${ORIGIN}/inbjudningar`);
    expect(inviterMail).toContain(`<${first.body.told[0]}>`);
    const theirMail = received().find((m) => m.to === first.body.told[0] && m.text.includes('Near-invitation'))!.text;
    expect(theirMail).toContain(`<${inviter.told[0]}>`);
    expect(theirMail).not.toContain('/inbjudningar');
    expect(theirMail).toMatch(new RegExp(`${ORIGIN}/avtal/[a-z0-9-]+/aktiviteter`));
    // The page shows the same ones (its first VISITS_PER_INVITATION).
    const [page] = await invitationsOf(as(inviter), inviter.id, { only: invitation.id });
    expect(page!.visits.map((v) => v.title).sort()).toEqual(expectedNear.map((n) => n.title).sort());
  });

  it('an incoming visit recorded after others\' invitations near it tells both bodies of each, once, and no other; a change tells nobody again', async () => {
    const r = random(20261209);
    const AT = 1200;
    const invited: Array<{ title: string; body: Body; warns: boolean; id: number }> = [];
    for (const relation of INVITATION_RELATIONS.filter((x) => x !== 'own-place')) {
      for (const offset of OFFSETS) {
        const other = pick(r, others);
        const { place, persons, name, visibility } = shape(relation, r);
        const subject = `Invited-${invited.length}-${relation}`;
        // Those matched by name come from no place: the visit's agreement is with Shanghai.
        const from = place === 'shanghai' ? null : place;
        const row = await recordInvitation({ ctx: as(other), input: { receivedOn: TODAY, sender: `Sender ${subject}`, subject, place: from, eventDate: daysFromToday(AT + offset, TODAY), delegationName: name, delegationPersons: persons, visibility } });
        invited.push({ title: subject, body: other, warns: INVITATION_WARNS[relation] && Math.abs(offset) <= W, id: row.id });
      }
    }
    // The visit's agreement is with Shanghai, its own place Hangzhou (the places above): an invitation from Shanghai warns too.
    const fromAgreementPlace = `Invited-${invited.length}-agreement-place`;
    const own = await recordInvitation({ ctx: as(others[0]!), input: { receivedOn: TODAY, sender: 'Sender own', subject: fromAgreementPlace, place: 'shanghai', eventDate: daysFromToday(AT - W, TODAY) } });
    invited.push({ title: fromAgreementPlace, body: others[0]!, warns: true, id: own.id });
    await flush();
    const ctx = systemCtx(t);
    const agreementId = await agreementOf(ctx, home, 'shanghai');
    const visit = await createActivity({ ctx, agreementId, input: { kind: 'visit_incoming', title: 'Late-visit', date: daysFromToday(AT, TODAY), visibility: 'shared', chinesePlaces: ['hangzhou'], delegationName: DELEGATION.name, delegationPersons: [DELEGATION.person] } });
    const expectedInvited = await toldOnceEach(3, { title: 'Late-visit', body: home }, invited);
    // Both rules agree: each invitation found from the visit finds the visit from its side, and no other does.
    const fromVisit = await invitationsNearActivity(as(home), visit.id);
    expect(fromVisit.map((x) => x.subject).sort()).toEqual(expectedInvited.map((i) => i.title).sort());
    // (An internal invitation's own page shows the visit; it is mailed to nobody: the visit's body may not read it.)
    for (const i of invited.filter((x) => !x.title.endsWith('-internal'))) {
      const [page] = await invitationsOf(as(i.body), i.body.id, { only: i.id });
      expect(page?.visits.some((v) => v.id === visit.id) ?? false, i.title).toBe(i.warns);
    }
    // Changed (queued again), and a new invitation recorded near it: only the new pair is told.
    await changeActivity({ ctx, agreement: { id: agreementId, organisationId: home.id }, id: visit.id, input: { kind: 'visit_incoming', title: 'Late-visit', date: daysFromToday(AT, TODAY), visibility: 'public', chinesePlaces: ['hangzhou'], delegationName: DELEGATION.name, delegationPersons: [DELEGATION.person], expectedVersion: visit.version } });
    await recordInvitation({ ctx: as(others[1]!), input: { receivedOn: TODAY, sender: 'Sender last', subject: 'Invited-last', place: 'hangzhou', eventDate: daysFromToday(AT, TODAY) } });
    smtp.mails.length = 0;
    await Promise.all([1, 2].map(() => sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN })));
    const last = received().filter((m) => m.text.includes('Late-visit'));
    expect(told(last, ['Late-visit', 'Invited-last'])).toEqual([...home.told, ...others[1]!.told].map((to) => `${to} Late-visit Invited-last`).sort());
    await expectEachRecordedOnce();
  });

  it("a meeting, event, exchange or outgoing visit recorded after another body's incoming visit and invitation near it tells both bodies of each pair, once, and no other; saved again unchanged, nobody; moved into the window, only the new pairs", async () => {
    const ctx = systemCtx(t);
    const r = random(20261210);
    const AT = 1800;
    const inviter = others[3]!;
    // The home body's incoming visit from Hangzhou and the inviter's invitation from Hangzhou, both naming the delegation.
    const visit = await createActivity({ ctx, agreementId: await agreementOf(ctx, home, 'hangzhou'), input: { kind: 'visit_incoming', title: 'After-visit', date: daysFromToday(AT, TODAY), visibility: 'shared', delegationName: DELEGATION.name, delegationPersons: [DELEGATION.person] } });
    const invitation = await recordInvitation({ ctx: as(inviter), input: { receivedOn: TODAY, sender: 'After-sender', subject: 'After-invitation', place: 'hangzhou', eventDate: daysFromToday(AT, TODAY), delegationName: DELEGATION.name, delegationPersons: [DELEGATION.person] } });
    await flush();
    type Made = { title: string; body: Body; warns: boolean; shown: boolean; id: number; version: number; agreementId: number; relation: InvitationRelation; offset: number; input: Parameters<typeof createActivity>[0]['input'] };
    const made: Made[] = [];
    for (const relation of INVITATION_RELATIONS) {
      for (const offset of OFFSETS) {
        const other = pick(r, [others[0]!, others[1]!, others[2]!]);
        const { place, persons, name, visibility } = shape(relation, r);
        const title = `After-${made.length}-${relation}`;
        const agreementId = await agreementOf(ctx, other, relation === 'own-place' ? 'shanghai' : place);
        const input = { kind: pick(r, ['meeting', 'event', 'visit_outgoing', 'exchange'] as const), title, date: daysFromToday(AT + offset, TODAY), visibility, chinesePlaces: relation === 'own-place' ? ['huzhou'] : [], delegationPersons: persons, delegationName: name };
        const row = await createActivity({ ctx, agreementId, input });
        // Mailed when the other side may read it; shown on its own page (internal too: its own people read both) when near.
        made.push({ title, body: other, warns: INVITATION_WARNS[relation] && Math.abs(offset) <= W, shown: relation !== 'near-miss' && Math.abs(offset) <= W, id: row.id, version: row.version, agreementId, relation, offset, input });
      }
    }
    const titles = ['After-visit', 'After-invitation', ...made.map((m) => m.title)];
    const pairsOf = (g: { title: string; body: Body }) => [
      ...[...home.told, ...g.body.told].map((to) => `${to} After-visit ${g.title}`),
      ...[...inviter.told, ...g.body.told].map((to) => `${to} After-invitation ${g.title}`),
    ];
    const sent = await Promise.all([1, 2, 3].map(() => sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN })));
    const warn = made.filter((g) => g.warns);
    expect(warn.length).toBeGreaterThan(10);
    const want = warn.flatMap(pairsOf).sort();
    expect(told(received(), titles)).toEqual(want);
    expect(sent.reduce((sum, run) => sum + run.mails, 0)).toBe(want.length);
    for (const b of [home, ...others]) for (const reader of b.notTold) expect(received().some((m) => m.to === reader)).toBe(false);
    // The activity's body is sent to its own activity's page, where the warning now shows, and told whom to contact.
    const first = warn[0]!;
    const theirs = received().find((m) => m.to === first.body.told[0] && m.text.includes('After-visit'))!.text;
    expect(theirs).toContain(`<${home.told[0]}>`);
    expect(theirs).toMatch(new RegExp(`Ert: ${ORIGIN}/avtal/[a-z0-9-]+/aktiviteter\r?\n`));
    expect(theirs).not.toContain('/delegationer');
    const ours = received().find((m) => m.to === home.told[0] && m.text.includes(first.title))!.text;
    expect(ours).toContain(`<${first.body.told[0]}>`);
    expect(ours).toContain(`${ORIGIN}/delegationer`);
    // Every rule agrees pair by pair: the visit's and the invitation's from their side, each activity's from its own (its page).
    const fromVisit = await delegationOverlaps(as(home), { organisationId: home.id, today: TODAY, only: [visit.id] });
    expect(fromVisit.map((o) => o.other.title).sort()).toEqual(warn.map((g) => g.title).sort());
    const [page] = await invitationsOf(as(inviter), inviter.id, { only: invitation.id });
    expect(page!.visits.map((v) => v.title).sort()).toEqual(['After-visit', ...warn.map((g) => g.title)].sort());
    for (const g of made) {
      const near = await visitsNearActivities(as(g.body), { organisationId: g.body.id, today: TODAY, only: [g.id] });
      expect(near.map((o) => o.other.title), g.title).toEqual(g.shown ? ['After-visit'] : []);
      expect((await invitationsNearActivity(as(g.body), g.id)).map((x) => x.subject), g.title).toEqual(g.shown ? ['After-invitation'] : []);
    }
    // Saved again unchanged (queued again): nobody is told twice.
    for (const g of warn) {
      const { title, kind, date, visibility, chinesePlaces, delegationPersons, delegationName } = g.input;
      const after = await changeActivity({ ctx, agreement: { id: g.agreementId, organisationId: g.body.id }, id: g.id, input: { title, kind, date, visibility, chinesePlaces, delegationPersons, delegationName, expectedVersion: g.version } });
      g.version = after.version;
    }
    smtp.mails.length = 0;
    const again = await Promise.all([1, 2].map(() => sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN })));
    expect(again.reduce((n, run) => n + run.checked, 0)).toBeGreaterThanOrEqual(warn.length);
    expect(again.reduce((n, run) => n + run.overlaps, 0)).toBeGreaterThanOrEqual(warn.length * 2);
    expect(smtp.mails).toHaveLength(0);
    // One just outside moved just inside: only its two new pairs are told, to both sides.
    const moved = made.find((g) => g.relation === 'counterpart' && g.offset === W + 1)!;
    await changeActivity({ ctx, agreement: { id: moved.agreementId, organisationId: moved.body.id }, id: moved.id, input: { ...moved.input, date: daysFromToday(AT + W, TODAY), expectedVersion: moved.version } });
    await Promise.all([1, 2].map(() => sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN })));
    expect(told(received(), titles)).toEqual(pairsOf(moved).sort());
    await expectEachRecordedOnce();
  });

  it('a meeting recorded after an incoming visit known only to its year finds it, as the visit finds the meeting; an internal one and a project are not queued', async () => {
    const ctx = systemCtx(t);
    const year = daysFromToday(2400, TODAY).slice(0, 4);
    const visit = await createActivity({ ctx, agreementId: await agreementOf(ctx, home, 'hangzhou'), input: { kind: 'visit_incoming', title: 'Year-visit', date: year, visibility: 'shared' } });
    await flush();
    const agreementId = await agreementOf(ctx, others[0]!, 'huzhou');
    const meeting = await createActivity({ ctx, agreementId, input: { kind: 'meeting', title: 'Year-meeting', date: `${year}-07-01`, visibility: 'shared' } });
    const internal = await createActivity({ ctx, agreementId, input: { kind: 'event', title: 'Year-internal', date: `${year}-07-02`, visibility: 'internal' } });
    const project = await createActivity({ ctx, agreementId, input: { kind: 'project', title: 'Year-project', date: `${year}-07-03`, visibility: 'shared' } });
    const queued = await queryRows<{ id: number }>(t.database.db, sql`select record_id as id from delegation_checks where record_kind = 'activity'`);
    expect(queued.map((q) => q.id)).toContain(meeting.id);
    expect(queued.map((q) => q.id)).not.toContain(internal.id);
    expect(queued.map((q) => q.id)).not.toContain(project.id);
    await sendDelegationWarnings({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
    expect(told(received(), ['Year-visit', 'Year-meeting', 'Year-internal', 'Year-project'])).toEqual([...home.told, ...others[0]!.told].map((to) => `${to} Year-visit Year-meeting`).sort());
    const fromVisit = await delegationOverlaps(as(home), { organisationId: home.id, today: TODAY, only: [visit.id] });
    expect(fromVisit.map((o) => o.other.title)).toEqual(['Year-meeting']);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('two `ortsband remind` processes at once on PostgreSQL tell each body once of a visit recorded after an invitation', async () => {
    const AT = 1500;
    await recordInvitation({ ctx: as(others[2]!), input: { receivedOn: TODAY, sender: 'Two-sender', subject: 'Two-invitation', place: 'huzhou', eventDate: daysFromToday(AT, TODAY) } });
    await flush();
    const ctx = systemCtx(t);
    await createActivity({ ctx, agreementId: await agreementOf(ctx, home, 'hangzhou'), input: { kind: 'visit_incoming', title: 'Two-visit', date: daysFromToday(AT + W, TODAY), visibility: 'shared' } });
    smtp.mails.length = 0;
    const env = { SMTP_URL: smtp.url, MAIL_FROM: 'Ortsband <noreply@ortsband.test>', PUBLIC_URL: ORIGIN };
    const ends = await Promise.all([1, 2].map(() => start(['--database', t.url!, 'remind', '--today', TODAY], env).exited));
    for (const end of ends) expect(end.code, end.stderr).toBe(0);
    // The remind command mails the reminders due too: the warning is looked for among them.
    const warnings = received().filter((m) => m.text.includes('Two-visit'));
    expect(told(warnings, ['Two-visit', 'Two-invitation'])).toEqual([...home.told, ...others[2]!.told].map((to) => `${to} Two-visit Two-invitation`).sort());
  });
});
