// The shared calendar of visits and delegations in the browser and as an
// iCalendar feed: the visits the reader may read (signed in, the shared
// ones too, and their organisation's internal ones). The public's answers go
// through the response cache. What every reader of a kind reads (the public,
// or everyone signed in: calendar/visits.ts, the common part) is kept per
// data version, month and query (kept-answers.ts); an organisation's own
// internal visits are kept apart, per organisation, and merged in, so that a
// hundred organisations reading twelve months share 24 kept common months
// (each a few hundred kB) and keep only their own few visits each. A month's grid holds each day's first few visits (at the
// benchmark's scale a month has about 2,800), a list at most VISITS_SHOWN.
// Networks' meetings are in it as far as the reader may read each network:
// what a reader may read of networks is decided by their organisation
// (membership) and whether they are signed in, both in readsAs, so they are
// kept per reader; a network's change or end bumps the data version.
import { Hono, type Context as HonoContext } from 'hono';
import type { Database } from '../../db/client.ts';
import { networkMeetingsBetween, type CalendarNetworkMeeting } from '../../domain/calendar/network-meetings.ts';
import {
  calendarQuerySchema,
  commonReaderOf,
  mergeMonths,
  mergeVisits,
  monthBounds,
  monthOfPart,
  shiftMonths,
  visitsBetween,
  visitsOfPart,
  type CalendarQuery,
  type MonthOfVisits,
  type VisitsRead,
} from '../../domain/calendar/visits.ts';
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

const FEED_FILTERS = ['county', 'place', 'direction'] as const;
const FILTERS = ['month', 'day', ...FEED_FILTERS] as const;
const PAGE: QuerySpec = { names: ['lang', 'visa', ...FILTERS], unknown: 'ignore' };

/** The calendar's own parameters (of `names`), each when set: an unknown one (utm_source) is ignored, an empty one is not given. */
const calendarQuery = (c: HonoContext<HttpEnv>, names: readonly string[] = FILTERS): Record<string, string> => {
  const query = c.get('query') as Record<string, string | undefined>;
  return Object.fromEntries(names.flatMap((k) => (query[k] ? [[k, query[k]]] : [])));
};

/** The list's period: a day, a month, or from today through the fifth month after this one. */
function listPeriod(query: CalendarQuery, today: string): { from: string; to: string; exactDayOnly: boolean } {
  if (query.day) return { from: query.day, to: query.day, exactDayOnly: true };
  if (query.month) return { ...monthBounds(query.month), exactDayOnly: false };
  return { from: today, to: monthBounds(shiftMonths(today.slice(0, 7), 5)).to, exactDayOnly: false };
}

const keptMonths = keptPerVersion<MonthOfVisits>(256);
const keptLists = keptPerVersion<VisitsRead>(128);
// An organisation's own internal visits, per organisation and the same keys: small (an organisation's few internal
// visits of a month, a few kB), at most 1,024 months and 512 lists kept, the oldest going first.
const keptOwnMonths = keptPerVersion<MonthOfVisits>(1024);
const keptOwnLists = keptPerVersion<VisitsRead>(512);
const keptMeetings = keptPerVersion<CalendarNetworkMeeting[]>(2048);
// The filter's provinces: the same for every request of a reader until something changes (one entry per organisation signed in: a few kB each).
const keptPlaces = keptPerVersion<PlaceOption[]>(512);
// A month's day cells as HTML, per common part and networks' meetings read: filled as pages are rendered (CalendarSectionProps.cells).
const keptCells = keptPerVersion<Map<string, string>>(256);

export function visitsCalendarRoutes(database: Database, { cache, origin }: { cache: ResponseCache; origin: (c: HonoContext) => string }) {
  const web = new Hono<HttpEnv>();
  web.get('/besokskalender', accepts(PAGE), cache, async (c) => {
    const ctx: Context = { db: database.db, principal: principalOf(c) };
    const today = todayInStockholm();
    const lang = langOf(c);
    // A day's list is of that day's month: a month given beside it is not another period.
    const { month: asked, ...rest } = calendarQuery(c);
    const input = rest.day || !asked ? rest : { ...rest, month: asked };
    const query = parseInput(calendarQuerySchema, input);
    const view = c.get('query').visa === 'lista' ? 'list' : 'month';
    const month = query.month ?? query.day?.slice(0, 7) ?? today.slice(0, 7);
    const { from, to, exactDayOnly } = view === 'month' ? { ...monthBounds(month), exactDayOnly: false } : listPeriod(query, today);
    const common = JSON.stringify([commonReaderOf(ctx.principal), view, from, to, exactDayOnly, query.county, query.place, query.direction]);
    // The organisation's own internal visits for the same view: none for the public, a few for an organisation.
    const own = JSON.stringify([readsAs(ctx.principal), view, from, to, exactDayOnly, query.county, query.place, query.direction]);
    const [visits, meetings, places] = await Promise.all([
      view === 'month'
        ? Promise.all([keptMonths(ctx, common, () => monthOfPart(ctx, 'common', input, month)), keptOwnMonths(ctx, own, () => monthOfPart(ctx, 'own', input, month))]).then(([a, b]) => ({
            days: mergeMonths(a, b),
            own: new Set(Object.keys(b)),
          }))
        : Promise.all([keptLists(ctx, common, () => visitsOfPart(ctx, 'common', input, from, to, exactDayOnly)), keptOwnLists(ctx, own, () => visitsOfPart(ctx, 'own', input, from, to, exactDayOnly))]).then(([a, b]) => ({
            list: mergeVisits(a, b),
          })),
      keptMeetings(ctx, JSON.stringify([readsAs(ctx.principal), from, to, exactDayOnly, query.county, query.place, query.direction]), async () =>
        (await networkMeetingsBetween(ctx, input, from, to)).filter((m) => !exactDayOnly || m.exactDay),
      ),
      // A city given in the address is in the menu too, after its province, so that the form shows what is filtered on.
      keptPlaces(ctx, readsAs(ctx.principal), () => listPlaceOptions({ ctx, maxDepth: 0 })).then((provinces) =>
        !query.place || provinces.some((p) => p.slug === query.place) ? provinces : listPlaceOptions({ ctx, maxDepth: 0, also: query.place }),
      ),
    ]);
    // A signed-in reader's calendar holds shared visits: for their browser alone. The public's is the same for everyone.
    if (c.get('signedIn')) c.header('cache-control', 'private, no-store');
    // A day's cell is the same for every reader of the same common part and networks' meetings, but for days of the reader's own internal visits.
    const cells =
      'own' in visits ? { kept: await keptCells(ctx, JSON.stringify([common, lang, meetings.map((m) => m.id)]), async () => new Map<string, string>()), own: visits.own } : undefined;
    const section = (
      <CalendarSection lang={lang} view={view} month={month} query={query} days={'days' in visits ? visits.days : undefined} list={'list' in visits ? visits.list : undefined} cells={cells} meetings={meetings} today={today} />
    );
    return c.html(<VisitsCalendarPage lang={lang} account={c.get('signedIn')?.displayName} view={view} month={month} query={query} places={places} today={today} section={section} />);
  });
  web.get('/besokskalender.ics', accepts({ names: ['lang', ...FEED_FILTERS], unknown: 'ignore' }), cache, async (c) => {
    // Calendar programs have no session: the public visits and public networks' meetings, from three months back to a year ahead.
    const anonymous: Context = { db: database.db, principal: { kind: 'anonymous' } };
    const today = todayInStockholm();
    const [from, to] = [monthBounds(shiftMonths(today.slice(0, 7), -3)).from, monthBounds(shiftMonths(today.slice(0, 7), 12)).to];
    const [{ visits }, meetings] = await Promise.all([visitsBetween(anonymous, calendarQuery(c, FEED_FILTERS), from, to), networkMeetingsBetween(anonymous, calendarQuery(c, FEED_FILTERS), from, to)]);
    c.header('content-type', 'text/calendar; charset=utf-8');
    return c.body(visitsCalendarOf(visits, meetings, origin(c), langOf(c)));
  });
  return web;
}
