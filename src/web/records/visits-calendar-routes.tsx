// The shared calendar of visits and delegations in the browser and as an
// iCalendar feed: the visits the reader may read (signed in, the shared
// ones too). The public's answers go through the response cache; for
// everyone the month's grid or the list is kept rendered per data version,
// reader and query (kept-answers.ts): at the benchmark's scale a month holds
// about 2,800 visits, read and rendered once until something changes.
// Networks' meetings are in it as far as the reader may read each network:
// what a reader may read of networks is decided by their organisation
// (membership) and whether they are signed in, both in readsAs, so the kept
// answers stay per reader; a network's change or end bumps the data version.
import { Hono, type Context as HonoContext } from 'hono';
import { raw } from 'hono/html';
import type { Database } from '../../db/client.ts';
import { networkMeetingsBetween } from '../../domain/calendar/network-meetings.ts';
import { calendarQuerySchema, monthBounds, shiftMonths, visitsBetween } from '../../domain/calendar/visits.ts';
import type { Context } from '../../domain/context.ts';
import { listPlaceOptions, type PlaceOption } from '../../domain/counterparts/list.ts';
import { keptPerVersion, readsAs } from '../../domain/kept-answers.ts';
import { parseInput } from '../../domain/validate.ts';
import { accepts, langOf, type HttpEnv, type QuerySpec } from '../../http/query.ts';
import type { ResponseCache } from '../../http/response-cache.ts';
import { principalOf } from '../../http/session.ts';
import { todayInStockholm } from '../format.ts';
import { visitsCalendarOf } from './calendar-feed.ts';
import { CalendarSection, VisitsCalendarPage } from './visits-calendar-page.tsx';

const FILTERS = ['month', 'county', 'place', 'direction'] as const;
const PAGE: QuerySpec = { names: ['lang', 'visa', ...FILTERS], unknown: 'ignore' };

/** The calendar's own parameters, each when set: an unknown one (utm_source) is ignored, an empty one is not given. */
const calendarQuery = (c: HonoContext<HttpEnv>) => {
  const query = c.get('query') as Record<string, string | undefined>;
  return Object.fromEntries(FILTERS.flatMap((k) => (query[k] ? [[k, query[k]]] : [])));
};

const keptSections = keptPerVersion<string>(128);
// The filter's provinces: the same for every request of a reader until something changes.
const keptPlaces = keptPerVersion<PlaceOption[]>(16);

export function visitsCalendarRoutes(database: Database, { cache, origin }: { cache: ResponseCache; origin: (c: HonoContext) => string }) {
  const web = new Hono<HttpEnv>();
  web.get('/besokskalender', accepts(PAGE), cache, async (c) => {
    const ctx: Context = { db: database.db, principal: principalOf(c) };
    const today = todayInStockholm();
    const lang = langOf(c);
    const input = calendarQuery(c);
    const query = parseInput(calendarQuerySchema, input);
    const view = c.get('query').visa === 'lista' ? 'list' : 'month';
    const month = query.month ?? today.slice(0, 7);
    const { from, to } = view === 'month' ? monthBounds(month) : { from: today, to: monthBounds(shiftMonths(today.slice(0, 7), 5)).to };
    const key = JSON.stringify([readsAs(ctx.principal), lang, view, month, today, query]);
    const [section, places] = await Promise.all([
      keptSections(ctx, key, async () => {
        const [{ visits, total }, meetings] = await Promise.all([visitsBetween(ctx, input, from, to), networkMeetingsBetween(ctx, input, from, to)]);
        return String(await (<CalendarSection lang={lang} view={view} month={month} query={query} visits={visits} total={total} meetings={meetings} today={today} />));
      }),
      keptPlaces(ctx, readsAs(ctx.principal), () => listPlaceOptions({ ctx, maxDepth: 0 })),
    ]);
    // A signed-in reader's calendar holds shared visits: for their browser alone. The public's is the same for everyone.
    if (c.get('signedIn')) c.header('cache-control', 'private, no-store');
    return c.html(<VisitsCalendarPage lang={lang} account={c.get('signedIn')?.displayName} view={view} month={month} query={query} places={places} today={today} section={raw(section)} />);
  });
  web.get('/besokskalender.ics', accepts({ names: ['lang', ...FILTERS], unknown: 'ignore' }), cache, async (c) => {
    // Calendar programs have no session: the public visits and public networks' meetings, from three months back to a year ahead.
    const anonymous: Context = { db: database.db, principal: { kind: 'anonymous' } };
    const today = todayInStockholm();
    const [from, to] = [monthBounds(shiftMonths(today.slice(0, 7), -3)).from, monthBounds(shiftMonths(today.slice(0, 7), 12)).to];
    const [{ visits }, meetings] = await Promise.all([visitsBetween(anonymous, calendarQuery(c), from, to), networkMeetingsBetween(anonymous, calendarQuery(c), from, to)]);
    c.header('content-type', 'text/calendar; charset=utf-8');
    return c.body(visitsCalendarOf(visits, meetings, origin(c), langOf(c)));
  });
  return web;
}
