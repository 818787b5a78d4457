// Reminders: what falls due (follow-up points, expiring and quiet
// agreements, knowledge base articles whose review day has come), e-mailed through a real SMTP server started here, each once:
// run twice, after a run that failed half-way, and by two senders at once
// (two `ortsband remind` processes on PostgreSQL); and the calendar feed,
// read back by an independent parser (ical.js).
import ICAL from 'ical.js';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { remindersSent, users } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { readSession, startSession } from '../../src/domain/accounts/sessions.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import type { Context } from '../../src/domain/context.ts';
import { addFollowUpPoint } from '../../src/domain/follow-up/add-point.ts';
import { addArticle, changeArticle, withdrawArticle } from '../../src/domain/knowledge/articles.ts';
import { dueReminders } from '../../src/domain/reminders/due.ts';
import { sendReminders } from '../../src/domain/reminders/send.ts';
import { quietCounts } from '../../src/domain/statistics/quiet.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { SESSION_COOKIE } from '../../src/http/session.ts';
import { createMailer, type Mailer } from '../../src/mail/mailer.ts';
import { todayInStockholm } from '../../src/web/format.ts';
import { decodeQuotedPrintable, startSmtp, type Inbox } from '../support/smtp.ts';
import { start } from '../support/two-processes.ts';
import { daysFromToday } from '../support/days.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let smtp: Inbox;
let smtpUrl: string;
let mailer: Mailer;

const TODAY = todayInStockholm();
const day = (offset: number) => daysFromToday(offset, TODAY);
const ORIGIN = 'https://ortsband.example.se';

const EDITOR = 'redaktor@paminnelse.se';
const COLLEAGUE = 'kollega@paminnelse.se';
const READER = 'lasare@paminnelse.se';
const OUTSIDER = 'redaktor@annan.se';

const ids = {} as { quiet: number; expiring: number; lively: number; ended: number; dueSoon: number; overdue: number; later: number; colleagues: number };

beforeAll(async () => {
  t = await openTestDatabase();
  smtp = await startSmtp();
  smtpUrl = smtp.url;
  mailer = createMailer({ url: smtpUrl, from: 'Ortsband <noreply@ortsband.test>' });

  const ctx = systemCtx(t);
  await addOrganisation({ ctx, input: { slug: 'paminnelse-kommun', name: 'Påminnelse kommun' } });
  await addOrganisation({ ctx, input: { slug: 'annan-kommun', name: 'Annan kommun' } });
  await addUser({ ctx, input: { email: EDITOR, displayName: 'Redaktören', organisation: 'paminnelse-kommun', role: 'editor' } });
  await addUser({ ctx, input: { email: COLLEAGUE, displayName: 'Kollegan', organisation: 'paminnelse-kommun', role: 'editor' } });
  await addUser({ ctx, input: { email: READER, displayName: 'Läsaren', organisation: 'paminnelse-kommun', role: 'reader' } });
  await addUser({ ctx, input: { email: OUTSIDER, displayName: 'Utomstående', organisation: 'annan-kommun', role: 'editor' } });
  const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'paminnelse-kommun'`);
  const [other] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'annan-kommun'`);
  const agreement = async (slug: string, organisationId: number, extra: Record<string, string> = {}) =>
    (await createAgreement({ ctx, organisationId, input: { slug, kind: 'vanort', officialTitle: `Avtalet ${slug}`, parties: ['kalix'], counterparts: ['zhejiang'], ...extra } })).id;

  // Quiet: established long ago, nothing since.
  ids.quiet = await agreement('paminnelse-tyst', org!.id);
  await recordStatusEvent({ ctx, agreementId: ids.quiet, input: { type: 'established', date: '2015-03' } });
  // Expiring in 30 days, and established recently (not quiet).
  ids.expiring = await agreement('paminnelse-utgaende', org!.id, { endsOn: day(30) });
  await recordStatusEvent({ ctx, agreementId: ids.expiring, input: { type: 'established', date: day(-100) } });
  // Established long ago but with a recent activity: lives.
  ids.lively = await agreement('paminnelse-levande', org!.id, { endsOn: day(400) });
  await recordStatusEvent({ ctx, agreementId: ids.lively, input: { type: 'established', date: '2012' } });
  const activity = await createActivity({ ctx, agreementId: ids.lively, input: { kind: 'meeting', title: 'Möte i Hangzhou', date: day(-60) } });
  // Ended: neither quiet nor expiring, whatever its dates.
  ids.ended = await agreement('paminnelse-avslutat', org!.id, { endsOn: day(10) });
  await recordStatusEvent({ ctx, agreementId: ids.ended, input: { type: 'established', date: '2010' } });
  await recordStatusEvent({ ctx, agreementId: ids.ended, input: { type: 'ended', date: '2018' } });
  // Another organisation's quiet agreement: never told to this one.
  const othersQuiet = await agreement('annan-tyst', other!.id);
  await recordStatusEvent({ ctx, agreementId: othersQuiet, input: { type: 'established', date: '2014' } });

  const editorCtx: Context = { db: t.database.db, principal: { kind: 'user', subject: EDITOR, organisationId: org!.id, role: 'editor' } };
  const point = async (text: string, owner: string, dueOn: string) => (await addFollowUpPoint({ ctx: editorCtx, agreement: { id: ids.lively, organisationId: org!.id }, activityId: activity.id, input: { text, owner, dueOn } })).id;
  ids.dueSoon = await point('Skicka protokollet', EDITOR, day(5));
  ids.overdue = await point('Svara Hangzhou', EDITOR, day(-3));
  ids.later = await point('Planera återbesök', EDITOR, day(40));
  ids.colleagues = await point('Boka tolk', COLLEAGUE, day(1));
}, 120_000);

afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

beforeEach(async () => {
  smtp.mails.length = 0;
  await t.database.db.delete(remindersSent);
});

const orgId = async (slug: string) => (await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = ${slug}`))[0]!.id;
/** Each mail once per recipient. */
const received = () => smtp.mails.flatMap((m) => m.to.map((to) => ({ to, raw: m.raw })));
const mailsTo = (to: string) => received().filter((m) => m.to === to);

describe('what falls due', () => {
  it('finds the points due within a week or overdue, the agreement expiring within 90 days and the quiet one, and nothing else', async () => {
    const due = await dueReminders(t.database.db, { today: TODAY, organisationId: await orgId('paminnelse-kommun') });
    expect(due.map((r) => `${r.kind}:${r.subjectId}`).sort()).toEqual(
      [`follow_up_due:${ids.dueSoon}`, `follow_up_due:${ids.overdue}`, `follow_up_due:${ids.colleagues}`, `agreement_expires:${ids.expiring}`, `quiet_agreement:${ids.quiet}`].sort(),
    );
    const quiet = due.find((r) => r.kind === 'quiet_agreement')!;
    // The last sign of life is March 2015, as its source gives it; quiet two years after its latest day.
    expect(quiet).toMatchObject({ lastSign: '2015-03', occasion: '2017-03-31' });
    expect(due.find((r) => r.kind === 'agreement_expires')!.occasion).toBe(day(30));
    // Agreement reminders go to the organisation's editors, a point to its owner; never to the reader.
    expect(quiet.recipients).toEqual([COLLEAGUE, EDITOR].sort());
    expect(due.find((r) => r.subjectId === ids.colleagues)!.recipients).toEqual([COLLEAGUE]);
  });

  it('follows the organisation’s own quiet period', async () => {
    await t.database.db.execute(sql`update organisations set quiet_after_months = 120 where slug = 'paminnelse-kommun'`);
    const due = await dueReminders(t.database.db, { today: TODAY, organisationId: await orgId('paminnelse-kommun') });
    expect(due.some((r) => r.kind === 'quiet_agreement')).toBe(TODAY >= '2025-03-31');
    await t.database.db.execute(sql`update organisations set quiet_after_months = 24 where slug = 'paminnelse-kommun'`);
  });
});

describe('quiet agreements in the public statistics', () => {
  it('counts as the public reads: an internal activity does not make an agreement lively there, but does for its organisation', async () => {
    const anonymous = t.anonymous;
    const before = await quietCounts(anonymous, TODAY);
    const ctx = systemCtx(t);
    const organisationId = await orgId('paminnelse-kommun');
    const { id } = await createAgreement({ ctx, organisationId, input: { slug: 'paminnelse-internt-liv', kind: 'vanort', parties: ['kalix'], counterparts: ['zhejiang'] } });
    await recordStatusEvent({ ctx, agreementId: id, input: { type: 'established', date: '2014' } });
    await createActivity({ ctx, agreementId: id, input: { kind: 'meeting', title: 'Ett internt möte', date: day(-10), visibility: 'internal' } });
    const after = await quietCounts(anonymous, TODAY);
    expect(after.total).toBe(before.total + 1);
    const norrbotten = (q: typeof before) => q.byCounty.find((r) => r.county === '25')?.count ?? 0;
    expect(norrbotten(after)).toBe(norrbotten(before) + 1);
    expect((await dueReminders(t.database.db, { today: TODAY, organisationId })).some((r) => r.subjectId === id)).toBe(false);
    // The API and the page say the same.
    const app = createApp(t.database);
    const api = (await (await app.fetch(new Request('http://localhost/api/statistics'))).json()) as { quietAgreements: typeof before };
    expect(api.quietAgreements).toEqual(after);
    const page = await (await app.fetch(new Request('http://localhost/statistik'))).text();
    expect(page).toContain('id="quiet"');
    expect(page).toContain(`${after.total} avtal i kraft (aktiva) utan någon offentlig aktivitet`);
  });
});

describe('reminder e-mails', () => {
  it('mails each person once what is theirs, in Swedish and English, and nothing on a second run', async () => {
    const first = await sendReminders({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
    // The whole register: this organisation's and the other's quiet agreement (its editor), and the shipped register's (nobody edits it here but these tests' people do not belong to it).
    expect(mailsTo(EDITOR)).toHaveLength(1);
    expect(mailsTo(COLLEAGUE)).toHaveLength(1);
    expect(mailsTo(READER)).toHaveLength(0);
    expect(mailsTo(OUTSIDER)).toHaveLength(1);
    const editorsMail = mailsTo(EDITOR)[0]!.raw;
    // "Ortsband: 4 påminnelser / 4 reminders", as MIME encodes it.
    expect(editorsMail).toContain('Subject: =?UTF-8?Q?Ortsband=3A_4_p=C3=A5minnelser_/_4_remin');
    const body = decodeQuotedPrintable(editorsMail);
    for (const words of ['Skicka protokollet', 'Svara Hangzhou', 'försenad', 'Avtalet löper ut', 'har varit tyst', 'This needs your attention', `${ORIGIN}/avtal/paminnelse-tyst`, `${ORIGIN}/avtal/paminnelse-levande/aktiviteter#punkt-${ids.dueSoon}`]) {
      expect(body, words).toContain(words);
    }
    expect(body).not.toContain('Planera återbesök');
    expect(body).not.toContain('Boka tolk');
    expect(first.mails).toBe(received().length);

    smtp.mails.length = 0;
    const second = await sendReminders({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
    expect(second).toMatchObject({ sent: 0, mails: 0 });
    expect(received()).toHaveLength(0);
  });

  it('after a run that failed half-way, the next sends exactly what the failed one did not', async () => {
    let calls = 0;
    const failing: Mailer = async (mail) => {
      if (++calls === 2) throw new Error('the SMTP server went away');
      await mailer(mail);
    };
    await expect(sendReminders({ db: t.database.db, mailer: failing, today: TODAY, origin: ORIGIN })).rejects.toThrow('went away');
    const sentFirst = received().map((m) => m.to);
    // Sent at once with the failing one: at most the senders that were under way.
    expect(sentFirst.length).toBeGreaterThanOrEqual(1);
    expect(sentFirst.length).toBeLessThan(3);
    await sendReminders({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
    const all = received().map((m) => m.to);
    expect(new Set(all).size).toBe(all.length);
    for (const person of [EDITOR, COLLEAGUE, OUTSIDER]) expect(all).toContain(person);
  });

  it('goes on past an address the mail server refuses for good, and tries it again the next run', async () => {
    const refusing: Mailer = async (mail) => {
      if (mail.to === COLLEAGUE) throw Object.assign(new Error('550 5.1.1 no such mailbox'), { responseCode: 550 });
      await mailer(mail);
    };
    const first = await sendReminders({ db: t.database.db, mailer: refusing, today: TODAY, origin: ORIGIN });
    expect(first.refused).toEqual([COLLEAGUE]);
    expect(received().map((m) => m.to).sort()).toEqual([EDITOR, OUTSIDER].sort());
    smtp.mails.length = 0;
    await sendReminders({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
    expect(received().map((m) => m.to)).toEqual([COLLEAGUE]);
  });

  it('two senders at once send each reminder once', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => sendReminders({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN })));
    const all = received().map((m) => m.to);
    expect(new Set(all).size).toBe(all.length);
    expect(runs.reduce((n, r) => n + r.mails, 0)).toBe(all.length);
    const recorded = await queryRows<{ n: number; distinct: number }>(t.database.db, sql`select count(*)::int as n, count(distinct (kind, subject_id, occasion, recipient))::int as distinct from reminders_sent`);
    expect(recorded[0]!.n).toBe(recorded[0]!.distinct);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('two `ortsband remind` processes at once on PostgreSQL send each reminder once', async () => {
    const env = { SMTP_URL: smtpUrl, MAIL_FROM: 'Ortsband <noreply@ortsband.test>', PUBLIC_URL: ORIGIN };
    const results = await Promise.all([1, 2].map(() => start(['--database', t.url!, 'remind', '--today', TODAY], env).exited));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const all = received().map((m) => m.to);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all).size).toBe(all.length);
  }, 120_000);
});

describe('the calendar feed', () => {
  const signIn = async (email: string) => {
    const [user] = await t.database.db.select({ id: users.id, version: users.version }).from(users).where(eq(users.email, email));
    const { token } = await startSession(t.database.db, user!);
    return { cookie: `${SESSION_COOKIE}=${token}`, csrf: (await readSession(t.database.db, token))!.csrfToken };
  };
  const app = () => createApp(t.database, undefined, { publicUrl: ORIGIN });
  const makeFeed = async (email: string, scope: string) => {
    const who = await signIn(email);
    const response = await app().fetch(
      new Request('http://localhost/oversikt/kalender', { method: 'POST', headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf: who.csrf, scope }) }),
    );
    return { who, status: response.status, html: await response.text() };
  };
  const readFeed = async (url: string) => {
    const response = await app().fetch(new Request(url.replace(ORIGIN, 'http://localhost')));
    if (response.status !== 200) return { status: response.status, events: [] };
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const component = new ICAL.Component(ICAL.parse(await response.text()));
    const events = component.getAllSubcomponents('vevent').map((v) => {
      const event = new ICAL.Event(v);
      return { uid: event.uid, summary: event.summary, start: event.startDate.toString(), isDate: event.startDate.isDate, description: event.description };
    });
    return { status: 200, events };
  };

  it('gives a person their own points and the organisation’s agreements, on their days, as all-day events', async () => {
    const { status, html } = await makeFeed(EDITOR, 'person');
    expect(status).toBe(200);
    const url = /https:\/\/ortsband\.example\.se\/kalender\/[A-Za-z0-9_-]{43}\.ics/.exec(html)?.[0];
    expect(url).toBeDefined();
    const { events } = await readFeed(url!);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.get(`follow_up_due-${ids.dueSoon}-${day(5)}@ortsband`)).toMatchObject({ start: day(5), isDate: true });
    expect(byUid.get(`follow_up_due-${ids.dueSoon}-${day(5)}@ortsband`)!.summary).toContain('Skicka protokollet');
    expect(byUid.get(`follow_up_due-${ids.overdue}-${day(-3)}@ortsband`)!.summary).toContain('försenad');
    expect(byUid.get(`agreement_expires-${ids.expiring}-${day(30)}@ortsband`)).toMatchObject({ start: day(30), isDate: true });
    expect(byUid.get(`quiet_agreement-${ids.quiet}-2017-03-31@ortsband`)).toBeDefined();
    // Not the colleague's point, nor another organisation's agreement.
    expect([...byUid.keys()].some((uid) => uid.startsWith(`follow_up_due-${ids.colleagues}-`))).toBe(false);
    expect(events).toHaveLength(5 - 1);
  });

  it('gives the organisation’s feed every open point; a reader may not make one', async () => {
    const made = await makeFeed(COLLEAGUE, 'organisation');
    const url = /https:\/\/ortsband\.example\.se\/kalender\/[A-Za-z0-9_-]{43}\.ics/.exec(made.html)![0];
    const { events } = await readFeed(url);
    expect(events.filter((e) => e.uid.startsWith('follow_up_due-'))).toHaveLength(3);
    expect((await makeFeed(READER, 'organisation')).status).toBe(403);
    expect((await makeFeed(READER, 'person')).status).toBe(200);
  });

  it('ends a revoked feed, and answers an unknown one 404', async () => {
    const made = await makeFeed(EDITOR, 'person');
    const url = /https:\/\/ortsband\.example\.se\/kalender\/[A-Za-z0-9_-]{43}\.ics/.exec(made.html)![0];
    expect((await readFeed(url)).status).toBe(200);
    const id = /\/oversikt\/kalender\/(\d+)\/aterkalla/.exec(made.html)![1];
    const revoked = await app().fetch(
      new Request(`http://localhost/oversikt/kalender/${id}/aterkalla`, { method: 'POST', headers: { cookie: made.who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf: made.who.csrf }) }),
    );
    expect(revoked.status).toBe(303);
    expect((await readFeed(url)).status).toBe(404);
    // The overview, which keeps the person's part per data version, lists it no longer: making and revoking are audited.
    const overview = await (await app().fetch(new Request('http://localhost/oversikt', { headers: { cookie: made.who.cookie } }))).text();
    expect(overview).toContain('/oversikt/kalender/');
    expect(overview).not.toContain(`/oversikt/kalender/${id}/aterkalla`);
    const audited = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'calendar_feed' and entity_id = ${Number(id)} order by id`);
    expect(audited.map((a) => a.action)).toEqual(['calendar_feed.make', 'calendar_feed.revoke']);
    expect((await readFeed(`${ORIGIN}/kalender/${'A'.repeat(43)}.ics`)).status).toBe(404);
    // Another person cannot revoke it.
    const outsider = await signIn(OUTSIDER);
    const other = await makeFeed(EDITOR, 'person');
    const otherId = /\/oversikt\/kalender\/(\d+)\/aterkalla/.exec(other.html)![1];
    const refused = await app().fetch(
      new Request(`http://localhost/oversikt/kalender/${otherId}/aterkalla`, { method: 'POST', headers: { cookie: outsider.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf: outsider.csrf }) }),
    );
    expect(refused.status).toBe(404);
  });

  it('shows the quiet and expiring agreements on the overview', async () => {
    const who = await signIn(READER);
    const html = await (await app().fetch(new Request('http://localhost/oversikt', { headers: { cookie: who.cookie } }))).text();
    const section = html.slice(html.indexOf('id="paminnelser"'), html.indexOf('id="kalender"'));
    expect(section).toContain('href="/avtal/paminnelse-tyst"');
    expect(section).toContain('href="/avtal/paminnelse-utgaende"');
    expect(section).not.toContain('paminnelse-levande');
    expect(section).not.toContain('paminnelse-avslutat');
    expect(section).not.toContain('annan-tyst');
  });

  describe('articles due for review', () => {
    // Kept by a coordinator of a county board, so the other tests' people and counts are not touched.
    const KEEPER = 'granskare@granskning-lan.se';
    const article = { passed: 0, coming: 0, withdrawn: 0 };
    const write = (slug: string, reviewOn: string) =>
      addArticle({ ctx: systemCtx(t), input: { slug, titleSv: `Artikeln ${slug}`, titleEn: `The article ${slug}`, bodySv: 'Text.', bodyEn: 'Text.', owner: KEEPER, reviewOn } });

    beforeAll(async () => {
      const ctx = systemCtx(t);
      await addOrganisation({ ctx, input: { slug: 'granskning-lan', name: 'Länsstyrelsen i Granskning' } });
      await addUser({ ctx, input: { email: KEEPER, displayName: 'Granskaren', organisation: 'granskning-lan', role: 'coordinator' } });
      article.passed = (await write('granska-passerad', day(-2))).id;
      article.coming = (await write('granska-kommande', day(10))).id;
      const withdrawn = await write('granska-indragen', day(-5));
      article.withdrawn = withdrawn.id;
      await withdrawArticle({ ctx, slug: withdrawn.slug, input: { expectedVersion: 1 } });
    });

    it('reminds the owner of an article whose review day has passed, not of one still to come nor of a withdrawn one', async () => {
      const due = await dueReminders(t.database.db, { today: TODAY, organisationId: await orgId('granskning-lan') });
      expect(due.map((r) => `${r.kind}:${r.subjectId}:${r.occasion}`)).toEqual([`article_review:${article.passed}:${day(-2)}`]);
      expect(due[0]!.recipients).toEqual([KEEPER]);
      // Only the owner's: the points and articles of one person.
      expect((await dueReminders(t.database.db, { today: TODAY, ownerEmail: EDITOR })).some((r) => r.kind === 'article_review')).toBe(false);
    });

    it('mails the owner once, and again only when a new version sets a review day that passes', async () => {
      await sendReminders({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
      expect(mailsTo(KEEPER)).toHaveLength(1);
      const body = decodeQuotedPrintable(mailsTo(KEEPER)[0]!.raw);
      for (const words of ['Kunskapsbankens artikel ska granskas', 'Artikeln granska-passerad', `granskas senast ${day(-2)}`, "The knowledge base's article is due for review", 'The article granska-passerad', `${ORIGIN}/kunskap/granska-passerad`]) {
        expect(body, words).toContain(words);
      }
      expect(body).not.toContain('granska-kommande');
      expect(body).not.toContain('granska-indragen');
      smtp.mails.length = 0;
      await sendReminders({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
      expect(mailsTo(KEEPER)).toHaveLength(0);
      // A new version with another review day, passed too: a reminder of its own.
      const form = { titleSv: 'Artikeln granska-passerad', titleEn: 'The article granska-passerad', bodySv: 'Text, granskad.', bodyEn: 'Text, reviewed.', owner: KEEPER, reviewOn: day(-1), expectedVersion: 1 };
      await changeArticle({ ctx: systemCtx(t), slug: 'granska-passerad', input: form });
      await sendReminders({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
      expect(mailsTo(KEEPER)).toHaveLength(1);
      expect(decodeQuotedPrintable(mailsTo(KEEPER)[0]!.raw)).toContain(`granskas senast ${day(-1)}`);
      const recorded = await queryRows<{ occasion: string }>(t.database.db, sql`select occasion::text from reminders_sent where kind = 'article_review' and subject_id = ${article.passed} order by occasion`);
      expect(recorded.map((r) => r.occasion)).toEqual([day(-2), day(-1)]);
    });

    it('puts it in the owner’s calendar feed and on the overview', async () => {
      const { html } = await makeFeed(KEEPER, 'person');
      const url = /https:\/\/ortsband\.example\.se\/kalender\/[A-Za-z0-9_-]{43}\.ics/.exec(html)![0];
      const { events } = await readFeed(url);
      const review = events.filter((e) => e.uid.startsWith('article_review-'));
      expect(review.map((e) => e.uid)).toEqual([`article_review-${article.passed}-${day(-1)}@ortsband`]);
      expect(review[0]).toMatchObject({ start: day(-1), isDate: true });
      expect(review[0]!.summary).toContain('Artikeln granska-passerad');
      expect(review[0]!.description).toContain(`${ORIGIN}/kunskap/granska-passerad`);
      // Not in another person's feed of another organisation.
      const editors = await makeFeed(EDITOR, 'person');
      const theirs = await readFeed(/https:\/\/ortsband\.example\.se\/kalender\/[A-Za-z0-9_-]{43}\.ics/.exec(editors.html)![0]);
      expect(theirs.events.some((e) => e.uid.startsWith('article_review-'))).toBe(false);
      const who = await signIn(KEEPER);
      const overview = await (await app().fetch(new Request('http://localhost/oversikt', { headers: { cookie: who.cookie } }))).text();
      const section = overview.slice(overview.indexOf('id="artiklar"'), overview.indexOf('id="kalender"'));
      expect(section).toContain('href="/kunskap/granska-passerad"');
      expect(section).not.toContain('granska-kommande');
      expect(section).not.toContain('granska-indragen');
    });
  });
});
