// The shared calendar of visits and delegations (coordination issue, point
// 1): the visits out and in of every organisation that the reader may read
// (the public its public ones; a signed-in person also the shared ones and
// their own organisation's), in a period, narrowed by the county of the
// Swedish parties, a place in China (and every place inside it: the
// activity's places, its agreement's and its own, activities.place_ids) and
// the direction. A visit known only to its month or year is in the calendar of
// every month it may fall in, marked as such. A month's grid reads each
// day's first few visits and the day's count (monthOfPart); a day or a
// month can be listed whole (visitsOfPart, visitsBetween: at most VISITS_SHOWN).
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Executor } from '../../db/client.ts';
import type { ActivityKind } from '../../db/schema.ts';
import { canReadAlias, canReadAliasAsEveryReaderOfKind, canReadAliasAsSignedIn } from '../access.ts';
import type { Context, Principal } from '../context.ts';
import { isCounty, NO_SUCH_COUNTY } from '../counties.ts';
import { isCalendarDay } from '../dates.ts';
import { invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { visitMayFallIn } from '../activities/latest-day.ts';

export const DIRECTIONS = { outgoing: 'visit_outgoing', incoming: 'visit_incoming' } as const satisfies Record<string, ActivityKind>;

export const calendarQuerySchema = z.object({
  month: z
    .string()
    .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-05')
    .optional(),
  /** One day's visits, listed whole. */
  day: z.string().refine(isCalendarDay, 'must be a day such as 2026-05-14').optional(),
  county: z.string().refine(isCounty, NO_SUCH_COUNTY).optional(),
  place: z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be a place from the list').optional(),
  direction: z.enum(['outgoing', 'incoming'], 'must be outgoing or incoming').optional(),
});
export type CalendarQuery = z.output<typeof calendarQuerySchema>;

export interface CalendarVisit {
  id: number;
  kind: 'visit_outgoing' | 'visit_incoming';
  date: string;
  dateMin: string;
  /** Known to the day; otherwise only to its month or year. */
  exactDay: boolean;
  title: string;
  titleEn: string | null;
  agreementSlug: string;
  partyLabel: string;
  counterpartLabel: string;
  visibility: string;
}

/** The most visits one answer holds: a month of the benchmark's register has about 2,800. */
export const VISITS_SHOWN = 2_000;
/** The month's bucket of the visits known only to their month or year (the others are by day, yyyy-mm-dd). */
export const VAGUE = 'vague';
/** The visits a day of the month's grid shows; the rest are a link to the day's list. */
export const DAY_SHOWN = 5;
/** The visits known only to their month or year that a month shows above its grid; the rest are a link to the month's list. */
export const VAGUE_SHOWN = 10;

/**
 * What a reader reads of the visits, in two parts that together are exactly
 * what canReadAlias lets them read of the visit and its agreement (a, g):
 * `common`, what every reader of their kind reads (both public; for the
 * signed-in both public or shared), and `own`, the rest, which needs an
 * internal record of the reader's organisation (the visit, its agreement or
 * both). The common part is kept per data version for everyone of that kind
 * (calendar pages); the own part is small and read per request, through
 * indexes of the organisation's internal visits and agreements, as a
 * prepared statement per shape (list or month): planning it took 4–12 ms at
 * the benchmark's scale, running it 2–7. The common part is planned with its
 * values each time, so that the filters not set fold away (a generic plan
 * could not use them; the delegation check's measured 3.5 times slower so).
 */
type Part = 'common' | 'own';

/** Whose common part a principal reads, as a key: everyone of the same kind reads the same one. */
export const commonReaderOf = (principal: Principal): string => (principal.kind === 'user' ? 'signed-in' : principal.kind);

/** A query's values, or the own part's statement's placeholders for them. */
interface Wanted<V = unknown> {
  org: V;
  from: V;
  to: V;
  exactDayOnly: V;
  kind: V;
  county: V;
  place: V;
}
const PLACEHOLDERS: Wanted<Placeholder> = {
  org: sql.placeholder('org'),
  from: sql.placeholder('from'),
  to: sql.placeholder('to'),
  exactDayOnly: sql.placeholder('exactDayOnly'),
  kind: sql.placeholder('kind'),
  county: sql.placeholder('county'),
  place: sql.placeholder('place'),
};

const EXACT_DAY = sql.raw(`a.date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`);
const VISIT_COLUMNS = sql`a.id, a.kind, a.date, a.date_min::text as "dateMin", ${EXACT_DAY} as "exactDay", a.title, a.title_en as "titleEn",
  g.slug as "agreementSlug", g.party_label as "partyLabel", g.counterpart_label as "counterpartLabel", a.visibility`;

/** The FROM and WHERE of the visits of one part that match the query and may fall in the period. */
function visitsOf(principal: Principal, part: Part, w: Wanted<Placeholder | string | number | boolean | null>): SQL {
  const matching = sql`a.kind in ('visit_outgoing', 'visit_incoming') and ${visitMayFallIn('a', w.from as string | Placeholder, w.to as string | Placeholder)} and (not ${w.exactDayOnly}::boolean or ${EXACT_DAY})
    and (${w.kind}::text is null or a.kind = ${w.kind}::text) and (${w.county}::text is null or g.party_counties @> array[${w.county}::text])
    and (${w.place}::int is null or a.place_ids @> array[${w.place}::int])`;
  if (part === 'common') return sql`from activities a join agreements g on g.id = a.agreement_id where ${canReadAliasAsEveryReaderOfKind(principal, 'a')} and ${canReadAliasAsEveryReaderOfKind(principal, 'g')} and ${matching}`;
  // The organisation's internal visits (activities_internal_visits_idx), and the visits of its internal agreements
  // (agreements_internal_idx): a visit in both is read once. A visit's days end at most a year after its earliest.
  const earliest = sql`(${w.from}::date - interval '1 year')`;
  const readable = (alias: string) => canReadAliasAsSignedIn(alias, w.org as Placeholder);
  return sql`from activities a join agreements g on g.id = a.agreement_id
    where a.id in (
      select i.id from activities i where i.visibility = 'internal' and i.organisation_id = ${w.org}::int and i.kind in ('visit_outgoing', 'visit_incoming') and i.date_min > ${earliest} and i.date_min <= ${w.to}::date
      union
      select i.id from agreements ig join activities i on i.agreement_id = ig.id and i.date_min > ${earliest} and i.date_min <= ${w.to}::date
        where ig.visibility = 'internal' and ig.organisation_id = ${w.org}::int)
      and ${readable('a')} and ${readable('g')} and ${matching}`;
}

type Shape = 'list' | 'month';
const VAGUE_SQL = sql.raw(`'${VAGUE}'`);
/** A shape's select over a part's visits, as one JSON array in order. */
function selectOf(shape: Shape, of: SQL): SQL {
  const select =
    shape === 'list'
      ? sql`select count(*) over ()::int as total, ${VISIT_COLUMNS} ${of} order by a.date_min, a.id limit ${VISITS_SHOWN}`
      : // Each bucket's first visits, read by a window over the month, so that a month of thousands of visits sends a few hundred rows.
        sql`select * from (
          select *, count(*) over (partition by bucket)::int as total, row_number() over (partition by bucket order by "dateMin", id) as n
          from (select ${VISIT_COLUMNS}, case when ${EXACT_DAY} then a.date_min::text else ${VAGUE_SQL} end as bucket ${of}) visit
        ) shown
        where n <= case when bucket = ${VAGUE_SQL} then ${sql.raw(String(VAGUE_SHOWN))} else ${sql.raw(String(DAY_SHOWN))} end`;
  return sql`select coalesce(json_agg(v order by v."dateMin", v.id), '[]')::text as rows from (${select}) v`;
}

const statements = new WeakMap<Executor, Map<Shape, ReturnType<typeof prepareOwn>>>();
function prepareOwn(ctx: Context, shape: Shape) {
  return ctx.db
    .select({ rows: sql<string>`rows` })
    .from(sql`(${selectOf(shape, visitsOf(ctx.principal, 'own', PLACEHOLDERS))}) own`)
    .prepare(`calendar_${shape}_own`);
}

/** One part's rows of a shape, or none when the reader has no such part (the public and the system read everything in the common part). */
async function readPart<T>(ctx: Context, shape: Shape, part: Part, input: unknown, from: string, to: string, exactDayOnly: boolean): Promise<T[]> {
  if (part === 'own' && ctx.principal.kind !== 'user') return [];
  const query = parseInput(calendarQuerySchema, input);
  let place: number | null = null;
  if (query.place) {
    const [found] = await queryRows<{ id: number }>(ctx.db, sql`select c.id from counterparts c where c.slug = ${query.place} and ${canReadAlias(ctx.principal, 'c')}`);
    if (!found) throw invalid([{ field: 'place', message: 'must be a place from the list' }]);
    place = found.id;
  }
  const wanted = { org: ctx.principal.kind === 'user' ? ctx.principal.organisationId : 0, from, to, exactDayOnly, kind: query.direction ? DIRECTIONS[query.direction] : null, county: query.county ?? null, place };
  let answer: { rows: string } | undefined;
  if (part === 'common') [answer] = await queryRows<{ rows: string }>(ctx.db, selectOf(shape, visitsOf(ctx.principal, part, wanted)));
  else {
    let prepared = statements.get(ctx.db);
    if (!prepared) statements.set(ctx.db, (prepared = new Map()));
    let statement = prepared.get(shape);
    if (!statement) prepared.set(shape, (statement = prepareOwn(ctx, shape)));
    [answer] = await statement.execute(wanted);
  }
  return JSON.parse(answer?.rows ?? '[]') as T[];
}

/** One part's visits from `from` to `to` (days, inclusive), earliest first (at most VISITS_SHOWN), and how many there are. */
export async function visitsOfPart(ctx: Context, part: Part, input: unknown, from: string, to: string, exactDayOnly = false): Promise<VisitsRead> {
  const rows = await readPart<CalendarVisit & { total: number }>(ctx, 'list', part, input, from, to, exactDayOnly);
  return { visits: rows.map(({ total: _total, ...visit }) => visit), total: rows[0]?.total ?? 0 };
}

export interface VisitsRead {
  visits: CalendarVisit[];
  total: number;
}

/** Visits in order of day, then id: how every answer lists them. */
const byDay = (a: CalendarVisit, b: CalendarVisit) => (a.dateMin === b.dateMin ? a.id - b.id : a.dateMin < b.dateMin ? -1 : 1);

/** Two parts' visits as one: in order, at most `shown`, the totals added. */
export function mergeVisits(a: VisitsRead, b: VisitsRead, shown = VISITS_SHOWN): VisitsRead {
  if (!b.total) return a;
  // The kept common part is of the data version it was read at, the own part of now: a visit made internal in between is in both.
  const common = new Set(a.visits.map((v) => v.id));
  const twice = b.visits.filter((v) => common.has(v.id)).length;
  return { visits: [...a.visits, ...b.visits.filter((v) => !common.has(v.id))].sort(byDay).slice(0, shown), total: a.total + b.total - twice };
}

/** The visits from `from` to `to` (days, inclusive) that the reader may read and that match the query, earliest first (at most VISITS_SHOWN), and how many there are. */
export async function visitsBetween(ctx: Context, input: unknown, from: string, to: string, exactDayOnly = false): Promise<VisitsRead> {
  const [common, own] = await Promise.all([visitsOfPart(ctx, 'common', input, from, to, exactDayOnly), visitsOfPart(ctx, 'own', input, from, to, exactDayOnly)]);
  return mergeVisits(common, own);
}

/**
 * A month as its grid shows it: for each day (yyyy-mm-dd) the first
 * DAY_SHOWN visits known to that day and how many there are, and under
 * VAGUE (visits known only to their month or year, which may fall in it) the
 * first VAGUE_SHOWN and how many.
 */
export type MonthOfVisits = Record<string, VisitsRead>;
const shownIn = (bucket: string) => (bucket === VAGUE ? VAGUE_SHOWN : DAY_SHOWN);

/** One part's month: each day's first visits and how many it has, and those known only to their month or year. */
export async function monthOfPart(ctx: Context, part: Part, input: unknown, month: string): Promise<MonthOfVisits> {
  const { from, to } = monthBounds(month);
  const buckets: MonthOfVisits = {};
  for (const { bucket, total, n: _n, ...visit } of await readPart<CalendarVisit & { bucket: string; total: number; n: number }>(ctx, 'month', part, input, from, to, false))
    (buckets[bucket] ??= { visits: [], total }).visits.push(visit);
  return buckets;
}

/** Two parts' months as one: each bucket's visits in order, at most as many as it shows, the totals added. */
export function mergeMonths(a: MonthOfVisits, b: MonthOfVisits): MonthOfVisits {
  const merged: MonthOfVisits = { ...a };
  for (const [bucket, read] of Object.entries(b)) merged[bucket] = a[bucket] ? mergeVisits(a[bucket], read, shownIn(bucket)) : read;
  return merged;
}

/** The first and last day of a month such as 2026-05. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month `by` months from a month such as 2026-05. */
export function shiftMonths(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
