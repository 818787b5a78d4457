// Renewals, notice and action-plan reviews in the reminders, and the
// organisation's quiet period: an agreement's term, renewal and notice set
// in the edit form and the API (bad input named by field, nothing stored,
// audited); the last day to give notice, a fixed term's end and an action
// plan due for review on the overview, in the calendar feeds (read back by
// ical.js) and by e-mail through a real SMTP server, each once; and the
// quiet period chosen by the organisation's administrator.
import ICAL from 'ical.js';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { agreements, auditLog, organisations, remindersSent, users } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { readSession, startSession } from '../../src/domain/accounts/sessions.ts';
import { setQuietPeriod } from '../../src/domain/accounts/set-quiet-period.ts';
import { createActionPlan } from '../../src/domain/action-plans/create.ts';
import { reviewActionPlan } from '../../src/domain/action-plans/review.ts';
import { changeAgreement } from '../../src/domain/agreements/change.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { addDays, addMonths } from '../../src/domain/agreements/renewal-dates.ts';
import type { Context } from '../../src/domain/context.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { dueReminders } from '../../src/domain/reminders/due.ts';
import { sendReminders } from '../../src/domain/reminders/send.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { SESSION_COOKIE } from '../../src/http/session.ts';
import { createMailer, type Mailer } from '../../src/mail/mailer.ts';
import { todayInStockholm } from '../../src/web/format.ts';
import { keyOf } from '../support/api-keys.ts';
import { daysFromToday } from '../support/days.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { startSmtp, type Inbox } from '../support/smtp.ts';

let t: TestDatabase;
let smtp: Inbox;
let mailer: Mailer;

const TODAY = todayInStockholm();
const day = (offset: number) => daysFromToday(offset, TODAY);
const ORIGIN = 'https://ortsband.example.se';

const ADMIN = 'admin@fornyelse.se';
const EDITOR = 'redaktor@fornyelse.se';
const READER = 'lasare@fornyelse.se';
const OTHER_ADMIN = 'admin@annan-fornyelse.se';

/** The renewing agreement: two years at a time from a signing 22 months or so ago, a month's notice. */
const START = addMonths(day(60), -24);
const RENEWS_ON = addMonths(START, 24);
const NOTICE_BY = addMonths(RENEWS_ON, -1);
/** The fixed term: three years, ending in about 20 days. */
const FIXED_START = addMonths(day(20), -36);
const FIXED_END = addMonths(FIXED_START, 36);

const ids = {} as { org: number; renewing: number; farOff: number; yearOnly: number; fixed: number; ended: number; planPast: number; planSoon: number; planReviewed: number; planLater: number };

beforeAll(async () => {
  t = await openTestDatabase();
  smtp = await startSmtp();
  mailer = createMailer({ url: smtp.url, from: 'Ortsband <noreply@ortsband.test>' });
  const ctx = systemCtx(t);
  await addOrganisation({ ctx, input: { slug: 'fornyelse-kommun', name: 'Förnyelse kommun' } });
  await addOrganisation({ ctx, input: { slug: 'annan-fornyelse', name: 'Annan kommun' } });
  await addUser({ ctx, input: { email: ADMIN, displayName: 'Administratören', organisation: 'fornyelse-kommun', role: 'admin' } });
  await addUser({ ctx, input: { email: EDITOR, displayName: 'Redaktören', organisation: 'fornyelse-kommun', role: 'editor' } });
  await addUser({ ctx, input: { email: READER, displayName: 'Läsaren', organisation: 'fornyelse-kommun', role: 'reader' } });
  await addUser({ ctx, input: { email: OTHER_ADMIN, displayName: 'Den andra', organisation: 'annan-fornyelse', role: 'admin' } });
  ids.org = (await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'fornyelse-kommun'`))[0]!.id;
  const agreement = async (slug: string, input: Record<string, unknown>, established: string) => {
    const { id } = await createAgreement({ ctx, organisationId: ids.org, input: { slug, kind: 'vanort', officialTitle: `Avtalet ${slug}`, parties: ['kalix'], counterparts: ['zhejiang'], ...input } });
    await recordStatusEvent({ ctx, agreementId: id, input: { type: 'established', date: established } });
    return id;
  };
  ids.renewing = await agreement('fornyelse-uppsagning', { signedOn: START, termMonths: 24, renewalMonths: 24, noticeMonths: 1 }, START);
  // Its notice day is more than 90 days off.
  ids.farOff = await agreement('fornyelse-langt-bort', { signedOn: addMonths(day(300), -12), termMonths: 12, renewalMonths: 12, noticeDays: 30 }, addMonths(day(300), -12));
  // Known only to the year: no day to remind of.
  ids.yearOnly = await agreement('fornyelse-bara-ar', { termMonths: 12, renewalMonths: 12, noticeMonths: 3 }, '2015');
  ids.fixed = await agreement('fornyelse-fast-lopttid', { signedOn: FIXED_START, termMonths: 36 }, FIXED_START);
  ids.ended = await agreement('fornyelse-avslutat', { signedOn: START, termMonths: 24, renewalMonths: 24, noticeMonths: 1 }, START);
  await recordStatusEvent({ ctx, agreementId: ids.ended, input: { type: 'ended', date: day(-5) } });
  // Action plans: one whose period ended long ago, one ending within 90 days, one reviewed, one ending later.
  const plan = async (title: string, periodFrom: string, periodTo: string) => (await createActionPlan({ ctx, agreementId: ids.renewing, input: { title, periodFrom, periodTo } })).id;
  ids.planPast = await plan('Plan 2023–2024', '2023', '2024');
  ids.planSoon = await plan('Plan som slutar snart', '2025', day(45));
  ids.planReviewed = await plan('Plan som följts upp', '2022', '2023');
  await reviewActionPlan({ ctx, agreement: { id: ids.renewing, organisationId: ids.org }, planId: ids.planReviewed, input: { reviewedOn: '2024-01-15', reviewNote: 'Klar.' } });
  ids.planLater = await plan('Plan för senare', '2025', day(200));
}, 120_000);

afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

beforeEach(async () => {
  smtp.mails.length = 0;
  await t.database.db.delete(remindersSent);
});

const ofInterest = (kinds: string[]) => (r: { kind: string }) => kinds.includes(r.kind);
const RENEWAL_KINDS = ['notice_due', 'agreement_expires', 'action_plan_review'];

/** One session per person, kept: a new session is a row, and the fingerprints compare the whole database. */
const sessionsOf = new Map<string, { cookie: string; csrf: string }>();
const signIn = async (email: string) => sessionsOf.get(email) ?? sessionsOf.set(email, await newSession(email)).get(email)!;
const newSession = async (email: string) => {
  const [user] = await t.database.db.select({ id: users.id, version: users.version }).from(users).where(eq(users.email, email));
  const { token } = await startSession(t.database.db, user!);
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf: (await readSession(t.database.db, token))!.csrfToken };
};
const app = () => createApp(t.database, undefined, { publicUrl: ORIGIN });
const post = async (email: string, path: string, fields: Record<string, string>) => {
  const who = await signIn(email);
  const response = await app().fetch(
    new Request(`http://localhost${path}`, { method: 'POST', headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf: who.csrf, ...fields }) }),
  );
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
};
const get = async (email: string, path: string) => {
  const who = await signIn(email);
  return (await app().fetch(new Request(`http://localhost${path}`, { headers: { cookie: who.cookie } }))).text();
};

describe('what falls due', () => {
  it('reminds of the last day to give notice before a renewal, a fixed term’s end and the plans due for review, and nothing else', async () => {
    const due = (await dueReminders(t.database.db, { today: TODAY, organisationId: ids.org })).filter(ofInterest(RENEWAL_KINDS));
    expect(due.map((r) => `${r.kind}:${r.subjectId}:${r.occasion}`).sort()).toEqual(
      [
        `notice_due:${ids.renewing}:${NOTICE_BY}`,
        `agreement_expires:${ids.fixed}:${FIXED_END}`,
        `action_plan_review:${ids.planPast}:2024-12-31`,
        `action_plan_review:${ids.planSoon}:${day(45)}`,
      ].sort(),
    );
    const notice = due.find((r) => r.kind === 'notice_due')!;
    expect(notice).toMatchObject({ renewsOn: RENEWS_ON, agreementSlug: 'fornyelse-uppsagning', recipients: [ADMIN, EDITOR].sort() });
    expect(due.find((r) => r.subjectId === ids.planSoon)).toMatchObject({ text: 'Plan som slutar snart', agreementSlug: 'fornyelse-uppsagning', recipients: [ADMIN, EDITOR].sort() });
  });

  it('once the notice day has passed, reminds of the one before the following renewal only when it comes within 90 days', async () => {
    const after = addDays(NOTICE_BY, 1);
    const due = (await dueReminders(t.database.db, { today: after, organisationId: ids.org })).filter((r) => r.kind === 'notice_due');
    // The next notice day is two years on: not within 90 days.
    expect(due.filter((r) => r.subjectId === ids.renewing)).toEqual([]);
  });
});

describe('reminder e-mails', () => {
  it('mails the notice, the expiry and the reviews once, in Swedish and English, with where to act', async () => {
    const first = await sendReminders({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
    expect(first.mails).toBeGreaterThan(0);
    const toEditor = smtp.mails.filter((m) => m.to.includes(EDITOR));
    expect(toEditor).toHaveLength(1);
    expect(smtp.mails.filter((m) => m.to.includes(READER))).toHaveLength(0);
    const body = decodeQuotedPrintable(toEditor[0]!.raw);
    for (const words of [
      `Sista dag att säga upp avtalet före förnyelsen (${NOTICE_BY}; förnyas annars ${RENEWS_ON})`,
      `Last day to give notice before the agreement renews (${NOTICE_BY}; otherwise it renews on ${RENEWS_ON})`,
      `Avtalet löper ut (${FIXED_END})`,
      'Handlingsplanen ska följas upp (perioden slutade 2024-12-31): Plan 2023–2024',
      `The action plan is due for review (its period ends ${day(45)}): Plan som slutar snart`,
      `${ORIGIN}/avtal/fornyelse-uppsagning/handlingsplaner#plan-${ids.planPast}`,
      `${ORIGIN}/avtal/fornyelse-uppsagning?lang=en`,
    ]) {
      expect(body, words).toContain(words);
    }
    expect(body).not.toContain('Plan som följts upp');
    expect(body).not.toContain('Plan för senare');
    const recorded = await queryRows<{ kind: string; subject: number }>(t.database.db, sql`select kind, subject_id as subject from reminders_sent where recipient = ${EDITOR} and kind in ('notice_due', 'action_plan_review')`);
    expect(recorded.map((r) => `${r.kind}:${r.subject}`).sort()).toEqual([`notice_due:${ids.renewing}`, `action_plan_review:${ids.planPast}`, `action_plan_review:${ids.planSoon}`].sort());

    smtp.mails.length = 0;
    const second = await sendReminders({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN });
    expect(second).toMatchObject({ sent: 0, mails: 0 });
    expect(smtp.mails).toHaveLength(0);
  });

  it('two senders at once send each once', async () => {
    await Promise.all([1, 2, 3].map(() => sendReminders({ db: t.database.db, mailer, today: TODAY, origin: ORIGIN })));
    const all = smtp.mails.flatMap((m) => m.to);
    expect(all.filter((to) => to === EDITOR)).toHaveLength(1);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('the calendar feeds and the overview', () => {
  const feedOf = async (email: string, scope: string) => {
    const made = await post(email, '/oversikt/kalender', { scope });
    const url = /https:\/\/ortsband\.example\.se\/kalender\/[A-Za-z0-9_-]{43}\.ics/.exec(made.html)![0];
    const response = await app().fetch(new Request(url.replace(ORIGIN, 'http://localhost')));
    expect(response.status).toBe(200);
    const component = new ICAL.Component(ICAL.parse(await response.text()));
    return new Map(
      component.getAllSubcomponents('vevent').map((v) => {
        const event = new ICAL.Event(v);
        return [event.uid, { start: event.startDate.toString(), isDate: event.startDate.isDate, summary: event.summary, description: event.description }] as const;
      }),
    );
  };

  it('puts the notice day, the expiry and the reviews in a person’s feed and the organisation’s, as all-day events', async () => {
    for (const [email, scope] of [[READER, 'person'], [EDITOR, 'organisation']] as const) {
      const events = await feedOf(email, scope);
      expect(events.get(`notice_due-${ids.renewing}-${NOTICE_BY}@ortsband`)).toMatchObject({ start: NOTICE_BY, isDate: true });
      expect(events.get(`notice_due-${ids.renewing}-${NOTICE_BY}@ortsband`)!.summary).toContain(`förnyas annars ${RENEWS_ON}`);
      expect(events.get(`agreement_expires-${ids.fixed}-${FIXED_END}@ortsband`)).toMatchObject({ start: FIXED_END, isDate: true });
      expect(events.get(`action_plan_review-${ids.planSoon}-${day(45)}@ortsband`)!.description).toContain(`/avtal/fornyelse-uppsagning/handlingsplaner#plan-${ids.planSoon}`);
      expect(events.get(`action_plan_review-${ids.planPast}-2024-12-31@ortsband`)).toBeDefined();
      expect([...events.keys()].some((uid) => uid.includes(`-${ids.planReviewed}-`) && uid.startsWith('action_plan_review'))).toBe(false);
      expect([...events.keys()].some((uid) => uid.startsWith(`notice_due-${ids.farOff}-`) || uid.startsWith(`notice_due-${ids.yearOnly}-`) || uid.startsWith(`notice_due-${ids.ended}-`))).toBe(false);
    }
  });

  it('lists them on the overview, each linking to where to act', async () => {
    const html = await get(READER, '/oversikt');
    const section = html.slice(html.indexOf('id="paminnelser"'), html.indexOf('id="kalender"'));
    expect(section).toContain(`Sista dag att säga upp avtalet före förnyelsen (${NOTICE_BY}; förnyas annars ${RENEWS_ON})`);
    expect(section).toContain(`href="/avtal/fornyelse-uppsagning/handlingsplaner#plan-${ids.planSoon}"`);
    expect(section).toContain('href="/avtal/fornyelse-fast-lopttid"');
    expect(section).not.toContain('fornyelse-avslutat');
    // A reader is not offered the quiet period's form.
    expect(html).not.toContain('name="quietAfterMonths"');
  });
});

describe('the quiet period', () => {
  const monthsNow = async () => (await t.database.db.select({ m: organisations.quietAfterMonths }).from(organisations).where(eq(organisations.id, ids.org)))[0]!.m;

  it('is chosen by the organisation’s administrator on the overview, audited, and the reminders follow it', async () => {
    expect(await get(ADMIN, '/oversikt')).toContain('name="quietAfterMonths" maxlength="10" value="24"');
    // At 24 months the fixed-term agreement (three years without a sign of life) is quiet; at 120 it is not.
    const quiet = async () => (await dueReminders(t.database.db, { today: TODAY, organisationId: ids.org })).filter((r) => r.kind === 'quiet_agreement').map((r) => r.subjectId);
    expect(await quiet()).toContain(ids.fixed);
    const saved = await post(ADMIN, '/oversikt/tyst-period', { quietAfterMonths: '120' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/oversikt?klart=tyst#tyst-period');
    expect(await monthsNow()).toBe(120);
    expect(await quiet()).not.toContain(ids.fixed);
    const page = await get(ADMIN, '/oversikt?klart=tyst');
    expect(page).toContain('Perioden för tysta avtal är sparad.');
    expect(page).toContain('på 120 månader');
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.quiet_period'));
    expect(entry).toMatchObject({ entityId: ids.org, before: { quietAfterMonths: 24 }, after: { quietAfterMonths: 120 }, actorLabel: ADMIN });
    await setQuietPeriod({ ctx: systemCtx(t), organisationId: ids.org, input: { quietAfterMonths: 24 } });
  });

  it('refuses a bad number with the field named beside it and in the summary, and stores nothing', async () => {
    for (const bad of ['', '0', '121', 'två år', '1.5', '-3', '99999999999']) {
      const before = await fingerprint(systemCtx(t));
      const refused = await post(ADMIN, '/oversikt/tyst-period', { quietAfterMonths: bad });
      expect(refused.status, bad).toBe(400);
      expect(refused.html).toContain('href="#tyst-quietAfterMonths"');
      expect(refused.html).toMatch(/id="tyst-quietAfterMonths" name="quietAfterMonths"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="quietAfterMonths"/);
      expect(refused.html).toContain('Skriv ett helt antal månader från 1 till 120');
      expect(await fingerprint(systemCtx(t))).toEqual(before);
    }
    expect(await monthsNow()).toBe(24);
  });

  it('is refused to an editor, a reader, and an administrator of another organisation', async () => {
    for (const email of [EDITOR, READER]) expect((await post(email, '/oversikt/tyst-period', { quietAfterMonths: '12' })).status).toBe(403);
    await expect(setQuietPeriod({ ctx: { db: t.database.db, principal: { kind: 'user', subject: OTHER_ADMIN, organisationId: ids.org + 1, role: 'admin' } }, organisationId: ids.org, input: { quietAfterMonths: 12 } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await monthsNow()).toBe(24);
  });
});

describe('the term, renewal and notice on an agreement', () => {
  const editorCtx = (): Context => ({ db: t.database.db, principal: { kind: 'user', subject: EDITOR, organisationId: ids.org, role: 'editor' } });
  const versionOf = async (slug: string) => (await t.database.db.select({ v: agreements.version }).from(agreements).where(eq(agreements.slug, slug)))[0]!.v;

  it('are changed in the edit form, shown again in it, and audited like the other fields', async () => {
    const slug = 'fornyelse-bara-ar';
    const saved = await post(EDITOR, `/avtal/${slug}/andra`, { action: 'save', version: String(await versionOf(slug)), kind: 'vanort', visibility: 'public', 'party.0.actor': 'kalix', 'party.0.role': 'party', 'party.0.keep': '1', 'place.0.slug': 'zhejiang', 'place.0.keep': '1', officialTitle: `Avtalet ${slug}`, termMonths: '24', renewalMonths: '12', noticeMonths: '', noticeDays: '45' });
    expect(saved.status, saved.html.slice(0, 500)).toBe(303);
    const [row] = await t.database.db.select().from(agreements).where(eq(agreements.slug, slug));
    expect(row).toMatchObject({ termMonths: 24, renewalMonths: 12, noticeMonths: null, noticeDays: 45 });
    const form = await get(EDITOR, `/avtal/${slug}/andra`);
    expect(form).toMatch(/id="f-termMonths" name="termMonths" value="24"/);
    expect(form).toMatch(/id="f-noticeDays" name="noticeDays" value="45"/);
    // The start is known only to the year: the form says so, and gives no day.
    expect(form).toMatch(/Avtalets början \(2015\) är inte känd på dagen, så ingen dag kan räknas ut och Ortsband påminner inte om den\. Nästa förnyelse infaller mellan \d{4}-01-01 och \d{4}-12-31\./);
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id)).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(entry).toMatchObject({ action: 'agreement.change', before: { termMonths: 12, noticeMonths: 3, noticeDays: null }, after: { termMonths: 24, noticeMonths: null, noticeDays: 45 } });
    // The history page names them.
    const history = await get(EDITOR, `/avtal/${slug}/historik`);
    expect(history).toContain('Löptid i månader');
    expect(history).toContain('Uppsägningstid i dagar');
  });

  it('the edit form gives the next renewal and the last day to give notice from the saved values, and an ended agreement none', async () => {
    expect(await get(EDITOR, '/avtal/fornyelse-uppsagning/andra')).toContain(`Med de sparade uppgifterna förnyas avtalet nästa gång ${RENEWS_ON}. Sista dag att säga upp det före dess: ${NOTICE_BY}.`);
    expect(await get(EDITOR, '/avtal/fornyelse-fast-lopttid/andra?lang=en')).toContain(`With the saved values the agreement expires on ${FIXED_END}.`);
    expect(await get(EDITOR, '/avtal/fornyelse-avslutat/andra')).toContain('Avtalet har upphört: ingen förnyelse och ingen uppsägning återstår.');
  });

  it('the agreement page gives the term, renewal and notice in numbers and what they give today', async () => {
    const page = await get(READER, '/avtal/fornyelse-uppsagning');
    expect(page).toContain('Löptid, förnyelse och uppsägning');
    expect(page).toContain('<p>24 månader, förnyas 24 månader i taget, uppsägning 1 månader före.</p>');
    expect(page).toContain(`förnyas avtalet nästa gång ${RENEWS_ON}. Sista dag att säga upp det före dess: ${NOTICE_BY}.`);
    const fixed = await get(READER, '/avtal/fornyelse-fast-lopttid?lang=en');
    expect(fixed).toContain('<p>36 months, not renewed.</p>');
    expect(fixed).toContain(`the agreement expires on ${FIXED_END}.`);
    expect(await get(READER, '/avtal/fornyelse-avslutat')).toContain('Avtalet har upphört: ingen förnyelse och ingen uppsägning återstår.');
    // Without a structured term, nothing is said.
    expect(await get(READER, '/avtal/goteborg--shanghai')).not.toContain('Löptid, förnyelse och uppsägning');
  });

  it('refuses bad numbers and contradictions in the form with the field named, storing nothing', async () => {
    const slug = 'fornyelse-fast-lopttid';
    const base = { action: 'save', kind: 'vanort', visibility: 'public', 'party.0.actor': 'kalix', 'party.0.role': 'party', 'party.0.keep': '1', 'place.0.slug': 'zhejiang', 'place.0.keep': '1', officialTitle: `Avtalet ${slug}`, termMonths: '36' };
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ termMonths: 'två år' }, 'termMonths', /Skriv ett helt antal månader/],
      [{ termMonths: '0' }, 'termMonths', /Skriv minst 1 månader/],
      [{ renewalMonths: '1201' }, 'renewalMonths', /Skriv högst 1200 månader/],
      [{ noticeMonths: '-1' }, 'noticeMonths', /Skriv ett helt antal månader/],
      [{ noticeDays: '1.5' }, 'noticeDays', /Skriv ett helt antal dagar/],
      [{ termMonths: '', renewalMonths: '12' }, 'termMonths', /En förnyelse behöver löptiden/],
      [{ noticeMonths: '3', noticeDays: '30' }, 'noticeDays', /i månader eller i dagar, inte båda/],
    ];
    for (const [fields, field, message] of cases) {
      const before = await fingerprint(systemCtx(t));
      const refused = await post(EDITOR, `/avtal/${slug}/andra`, { ...base, version: String(await versionOf(slug)), ...fields });
      expect(refused.status, JSON.stringify(fields)).toBe(400);
      expect(refused.html, JSON.stringify(fields)).toContain(`href="#f-${field}"`);
      expect(refused.html, JSON.stringify(fields)).toMatch(message);
      expect(await fingerprint(systemCtx(t))).toEqual(before);
    }
  });

  it('are written and refused through the API with the field named', async () => {
    const [editor] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, EDITOR));
    const key = await keyOf(t, editor!.id);
    const send = (method: string, path: string, body: unknown) =>
      app().fetch(new Request(`http://localhost${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    const slug = 'fornyelse-fast-lopttid';
    const ok = await send('PATCH', `/api/agreements/${slug}`, { expectedVersion: await versionOf(slug), termMonths: 48, renewalMonths: 24, noticeMonths: 6 });
    expect(ok.status).toBe(200);
    const read = (await ok.json()) as { agreement: Record<string, unknown> };
    expect(read.agreement).toMatchObject({ termMonths: 48, renewalMonths: 24, noticeMonths: 6, noticeDays: null });
    for (const [body, field] of [
      [{ termMonths: '24' }, 'termMonths'],
      [{ renewalMonths: 0 }, 'renewalMonths'],
      [{ noticeDays: -1 }, 'noticeDays'],
      [{ noticeDays: 30 }, 'noticeDays'],
      [{ termMonths: null }, 'termMonths'],
    ] as const) {
      const before = await fingerprint(systemCtx(t));
      const refused = await send('PATCH', `/api/agreements/${slug}`, { expectedVersion: await versionOf(slug), ...body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      const problems = ((await refused.json()) as { error: { problems: Array<{ field: string }> } }).error.problems;
      expect(problems.map((p) => p.field), JSON.stringify(body)).toContain(field);
      expect(await fingerprint(systemCtx(t))).toEqual(before);
    }
    const created = await send('POST', '/api/agreements', { slug: 'fornyelse-via-api', kind: 'vanort', parties: ['kalix'], counterparts: ['zhejiang'], renewalMonths: 12 });
    expect(created.status).toBe(400);
    // The verb too, as every other path reaches it.
    await expect(changeAgreement({ ctx: editorCtx(), slug, input: { expectedVersion: await versionOf(slug), noticeMonths: 1.5 } })).rejects.toBeInstanceOf(DomainError);
  });

  it('are not in the shipped data: no source states a term, renewal and notice exactly', async () => {
    const given = await queryRows<{ slug: string }>(t.database.db, sql`select g.slug from agreements g join organisations o on o.id = g.organisation_id
      where o.slug <> 'fornyelse-kommun' and (g.term_months is not null or g.renewal_months is not null or g.notice_months is not null or g.notice_days is not null)`);
    expect(given).toEqual([]);
    // The one term the sources give stays as they write it.
    const [goteborg] = await t.database.db.select({ term: agreements.term, renewalRule: agreements.renewalRule }).from(agreements).where(eq(agreements.slug, 'goteborg--shanghai--2003'));
    expect(goteborg).toEqual({ term: 'två år', renewalRule: 'Förnyas automatiskt om det inte upphävs av någon av parterna.' });
  });

  it('are held by the database too', async () => {
    for (const set of [sql`term_months = 0`, sql`renewal_months = -1`, sql`notice_days = -1`, sql`term_months = null, renewal_months = 12`, sql`term_months = 12, notice_months = 1, notice_days = 1`]) {
      await expect(t.database.db.execute(sql`update agreements set ${set} where id = ${ids.fixed}`)).rejects.toThrow();
    }
    await expect(t.database.db.execute(sql`update organisations set quiet_after_months = 0 where id = ${ids.org}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`update organisations set quiet_after_months = 121 where id = ${ids.org}`)).rejects.toThrow();
  });
});

/** The text of a quoted-printable mail body, soft line breaks joined. */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}
