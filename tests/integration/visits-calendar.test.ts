// The shared calendar of visits and delegations: a month's visits by day
// (and those known only to the month), filters by county, place (and the
// places inside it) and direction, the shared ones only for signed-in
// people, and the public feed read back by ical.js.
import ICAL from 'ical.js';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { users } from '../../src/db/schema.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { startSession } from '../../src/domain/accounts/sessions.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { DAY_SHOWN, shiftMonths } from '../../src/domain/calendar/visits.ts';
import { SESSION_COOKIE } from '../../src/http/session.ts';
import { todayInStockholm } from '../../src/web/format.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
let cookie: string;
let otherCookie: string;
// Two months ahead: in the month view, and in the feed's window (three months back to a year ahead).
const MONTH = shiftMonths(todayInStockholm().slice(0, 7), 2);
const NEXT = shiftMonths(MONTH, 1);

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  const ctx = systemCtx(t);
  await addUser({ ctx, input: { email: 'kalender@kommun.se', displayName: 'Kalle Kalender', organisation: 'ortsband', role: 'reader' } });
  const [user] = await t.database.db.select().from(users).where(eq(users.email, 'kalender@kommun.se'));
  cookie = `${SESSION_COOKIE}=${(await startSession(t.database.db, user!)).token}`;
  const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
  const o = { ctx, organisationId: org!.id };
  // Kalix (Norrbotten, 25) with Hangzhou, a city in Zhejiang; Göteborg (Västra Götaland, 14) with Shanghai.
  const kalix = await createAgreement({ ...o, input: { slug: 'kalender-kalix', kind: 'vanort', parties: ['kalix'], counterparts: ['hangzhou'] } });
  const goteborg = await createAgreement({ ...o, input: { slug: 'kalender-goteborg', kind: 'vanort', parties: ['goteborg'], counterparts: ['shanghai'] } });
  const visit = (agreementId: number, kind: string, title: string, date: string, visibility = 'public') => createActivity({ ctx, agreementId, input: { kind: kind as never, title, date, visibility: visibility as never } });
  await visit(kalix.id, 'visit_incoming', 'Delegation från Hangzhou', `${MONTH}-12`);
  await visit(goteborg.id, 'visit_outgoing', 'Resa till Shanghai', `${MONTH}-20`);
  await visit(goteborg.id, 'visit_incoming', 'Besök från Shanghais skolförvaltning, dag okänd', MONTH);
  await visit(kalix.id, 'visit_incoming', 'Delat besök från Zhejiang', `${MONTH}-03`, 'shared');
  await visit(kalix.id, 'meeting', 'Ett möte, inget besök', `${MONTH}-05`);
  await visit(kalix.id, 'visit_outgoing', 'Besök månaden efter', `${NEXT}-02`);
  // A visit of the Göteborg–Shanghai agreement that names a place of its own, in Zhejiang.
  await createActivity({ ctx, agreementId: goteborg.id, input: { kind: 'visit_incoming', title: 'Besök från Hangzhou till Göteborg', date: `${MONTH}-08`, chinesePlaces: ['hangzhou'] } });
  // A busy day: more visits than a day of the grid shows.
  for (let i = 1; i <= DAY_SHOWN + 2; i++) await visit(goteborg.id, 'visit_incoming', `Trängsel ${String(i).padStart(2, '0')}`, `${MONTH}-25`);
  // The organisation's internal records: an internal visit of a public agreement, and a public visit of an internal agreement.
  await visit(kalix.id, 'visit_incoming', 'Internt besök från Hangzhou', `${MONTH}-14`, 'internal');
  const internal = await createAgreement({ ...o, input: { slug: 'kalender-internt', kind: 'vanort', parties: ['kalix'], counterparts: ['hangzhou'], visibility: 'internal' } });
  await visit(internal.id, 'visit_outgoing', 'Resa inom ett internt avtal', `${MONTH}-15`);
  // A reader of another organisation: the shared visits, none of the internal ones.
  await addOrganisation({ ctx, input: { slug: 'kalender-annan', name: 'Annan kommun', actor: 'goteborg' } });
  await addUser({ ctx, input: { email: 'annan@kommun.se', displayName: 'Anna Annan', organisation: 'kalender-annan', role: 'reader' } });
  const [other] = await t.database.db.select().from(users).where(eq(users.email, 'annan@kommun.se'));
  otherCookie = `${SESSION_COOKIE}=${(await startSession(t.database.db, other!)).token}`;
}, 120_000);
afterAll(async () => t?.close());

const page = async (query: string, withCookie: boolean | string = false) => {
  const headers: Record<string, string> = withCookie === true ? { cookie } : withCookie ? { cookie: withCookie } : {};
  const response = await app.fetch(new Request(`http://localhost/besokskalender?${query}`, { headers }));
  return { status: response.status, html: await response.text() };
};

describe('the calendar of visits', () => {
  it("shows a month's visits on their days, those known only to the month above, and no other activity", async () => {
    const { status, html } = await page(`month=${MONTH}`);
    expect(status).toBe(200);
    const cellOf = (day: number) => {
      const at = html.indexOf(`<span class="day">${day}</span>`);
      return html.slice(at, html.indexOf('</td>', at));
    };
    expect(cellOf(12)).toContain('Delegation från Hangzhou');
    expect(cellOf(20)).toContain('Resa till Shanghai');
    expect(html.slice(0, html.indexOf('<table class="calendar">'))).toContain('Besök från Shanghais skolförvaltning, dag okänd');
    expect(html).not.toContain('Ett möte, inget besök');
    expect(html).not.toContain('Besök månaden efter');
    // The shared visit: for signed-in people only.
    expect(html).not.toContain('Delat besök från Zhejiang');
    expect((await page(`month=${MONTH}`, true)).html).toContain('Delat besök från Zhejiang');
  });

  it("shows a day's first visits and links to the day's whole list, and the month's", async () => {
    const { html } = await page(`month=${MONTH}`);
    const at = html.indexOf('<span class="day">25</span>');
    const cell = html.slice(at, html.indexOf('</td>', at));
    const shown = [...cell.matchAll(/Trängsel (\d+)/g)].map((m) => m[1]);
    expect(shown).toEqual(['01', '02', '03', '04', '05'].slice(0, DAY_SHOWN));
    const link = /href="([^"]*day=[^"]*)"/.exec(cell)![1]!.replaceAll('&amp;', '&');
    expect(cell).toContain(`Alla ${DAY_SHOWN + 2} besök den 25`);
    const day = await page(link.slice(link.indexOf('?') + 1));
    expect(day.status).toBe(200);
    expect([...day.html.matchAll(/Trängsel (\d+)/g)].length).toBe(DAY_SHOWN + 2);
    expect(day.html).not.toContain('Delegation från Hangzhou');
    const whole = await page(`visa=lista&month=${MONTH}`);
    for (const title of ['Delegation från Hangzhou', 'dag okänd', `Trängsel 0${DAY_SHOWN + 2}`]) expect(whole.html).toContain(title);
    expect(whole.html).not.toContain('Besök månaden efter');
  });

  it("shows an organisation's internal visits to its own people only, in the month and in the lists", async () => {
    const internalTitles = ['Internt besök från Hangzhou', 'Resa inom ett internt avtal'];
    for (const query of [`month=${MONTH}`, `visa=lista&month=${MONTH}`, `visa=lista&day=${MONTH}-14`]) {
      const own = (await page(query, true)).html;
      const other = (await page(query, otherCookie)).html;
      const anonymous = (await page(query)).html;
      if (query.includes('day=')) expect(own, query).toContain(internalTitles[0]);
      else for (const title of internalTitles) expect(own, query).toContain(title);
      for (const title of internalTitles) {
        expect(other, query).not.toContain(title);
        expect(anonymous, query).not.toContain(title);
      }
      // Both signed-in readers read the shared one, with the public ones.
      if (!query.includes('day=')) for (const html of [own, other]) expect(html, query).toContain('Delat besök från Zhejiang');
    }
    // The internal visit is on its day, among the common ones, also when another organisation's reader has just
    // read the month (whose day cells are kept for readers of the same common part: the own days are not taken from them).
    await page(`month=${MONTH}`, otherCookie);
    const own = (await page(`month=${MONTH}`, true)).html;
    const at = own.indexOf('<span class="day">14</span>');
    expect(own.slice(at, own.indexOf('</td>', at))).toContain(internalTitles[0]);
    // The organisation's own part is kept per data version too: an internal visit recorded now is in the next read, in the month and the list.
    const [kalix] = await queryRows<{ id: number }>(t.database.db, sql`select id from agreements where slug = 'kalender-kalix'`);
    await createActivity({ ctx: systemCtx(t), agreementId: kalix!.id, input: { kind: 'visit_outgoing', title: 'Nytt internt besök', date: `${MONTH}-16`, visibility: 'internal' } });
    for (const query of [`month=${MONTH}`, `visa=lista&month=${MONTH}`]) {
      expect((await page(query, true)).html, query).toContain('Nytt internt besök');
      expect((await page(query, otherCookie)).html, query).not.toContain('Nytt internt besök');
    }
  });

  it('narrows by county, by a province (the places inside it too) and by direction, and ignores parameters it does not know', async () => {
    const shows = async (query: string) => {
      const { status, html } = await page(`month=${MONTH}&${query}`);
      expect(status, query).toBe(200);
      return ['Delegation från Hangzhou', 'Resa till Shanghai', 'dag okänd'].filter((x) => html.includes(x));
    };
    expect(await shows('county=25')).toEqual(['Delegation från Hangzhou']);
    expect(await shows('place=zhejiang')).toEqual(['Delegation från Hangzhou']);
    // By the activity's own place too, not only its agreement's.
    expect((await page(`month=${MONTH}&place=zhejiang`)).html).toContain('Besök från Hangzhou till Göteborg');
    expect((await page(`month=${MONTH}&place=shanghai`)).html).toContain('Besök från Hangzhou till Göteborg');
    // A city given in the address: filtered on, and shown chosen in the form (after its province), which lists provinces only otherwise.
    const city = (await page(`month=${MONTH}&place=hangzhou`)).html;
    expect(city).toContain('Delegation från Hangzhou');
    expect(city).toMatch(/<option value="hangzhou" selected="">Hangzhou/);
    expect(city.indexOf('<option value="zhejiang"')).toBeLessThan(city.indexOf('<option value="hangzhou"'));
    expect((await page(`month=${MONTH}`)).html).not.toContain('<option value="hangzhou"');
    expect(await shows('direction=outgoing')).toEqual(['Resa till Shanghai']);
    expect(await shows('direction=incoming&county=14')).toEqual(['dag okänd']);
    expect(await shows('utm_source=nyhetsbrev')).toEqual(['Delegation från Hangzhou', 'Resa till Shanghai', 'dag okänd']);
    // The form's empty fields: sent on to the same address without them, as the other pages do.
    const response = await app.fetch(new Request(`http://localhost/besokskalender?month=${MONTH}&county=&place=&direction=&utm_source=nyhetsbrev`));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/besokskalender?month=${MONTH}&utm_source=nyhetsbrev`);
  });

  it('keeps the public month in the response cache and a signed-in reader’s out of every shared cache', async () => {
    const first = await app.fetch(new Request('http://localhost/besokskalender?month=2030-01'));
    const again = await app.fetch(new Request('http://localhost/besokskalender?month=2030-01'));
    expect([first.headers.get('x-cache'), again.headers.get('x-cache')]).toEqual(['miss', 'hit']);
    const signedIn = await app.fetch(new Request(`http://localhost/besokskalender?month=${MONTH}`, { headers: { cookie } }));
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect(signedIn.headers.get('x-cache')).toBeNull();
  });

  it('names a bad filter', async () => {
    for (const [query, words] of [['county=99', 'Län'], ['month=2031-13', 'Månad'], ['visa=lista&day=2019-02-29', 'Dag'], ['direction=sideways', 'Riktning'], ['place=no-such-place', 'Provins eller ort']] as const) {
      const { status, html } = await page(query);
      expect(status, query).toBe(400);
      expect(html, query).toContain(words);
    }
  });

  it('gives the public visits as an iCalendar feed, with the same filters', async () => {
    const response = await app.fetch(new Request('http://localhost/besokskalender.ics?county=25', { headers: { cookie } }));
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const byTitle = new Map(events.map((e) => [e.summary, e]));
    const hangzhou = [...byTitle.keys()].find((k) => k.includes('Delegation från Hangzhou'))!;
    expect(hangzhou).toContain('Besök i Sverige');
    expect(byTitle.get(hangzhou)!.startDate.toString()).toBe(`${MONTH}-12`);
    expect(byTitle.get(hangzhou)!.startDate.isDate).toBe(true);
    expect([...byTitle.keys()].some((k) => k.includes('Besök månaden efter'))).toBe(true);
    // Not Göteborg's (county 14), and never the shared one: the feed is the public's.
    expect([...byTitle.keys()].some((k) => k.includes('Resa till Shanghai') || k.includes('Delat besök'))).toBe(false);
  });
});
