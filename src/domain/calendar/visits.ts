// The shared calendar of visits and delegations (coordination issue, point
// 1): the visits out and in of every organisation that the reader may read
// (the public its public ones; a signed-in person also the shared ones and
// their own organisation's), in a period, narrowed by the county of the
// Swedish parties, a place in China (and every place inside it) and the
// direction. A visit known only to its month or year is in the calendar of
// every month it may fall in, marked as such.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.ts';
import type { ActivityKind } from '../../db/schema.ts';
import { canReadAlias } from '../access.ts';
import type { Context } from '../context.ts';
import { isCounty, NO_SUCH_COUNTY } from '../counties.ts';
import { invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { visitMayFallIn } from '../activities/latest-day.ts';

export const DIRECTIONS = { outgoing: 'visit_outgoing', incoming: 'visit_incoming' } as const satisfies Record<string, ActivityKind>;

export const calendarQuerySchema = z.object({
  month: z
    .string()
    .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-05')
    .optional(),
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

/** The visits from `from` to `to` (days, inclusive) that match the query, earliest first (at most VISITS_SHOWN), and how many there are. */
export async function visitsBetween(ctx: Context, input: unknown, from: string, to: string): Promise<{ visits: CalendarVisit[]; total: number }> {
  const query = parseInput(calendarQuerySchema, input);
  const where: SQL[] = [sql`a.kind in ('visit_outgoing', 'visit_incoming')`, canReadAlias(ctx.principal, 'a'), canReadAlias(ctx.principal, 'g')];
  if (query.direction) where.push(sql`a.kind = ${DIRECTIONS[query.direction]}`);
  if (query.county) where.push(sql`g.party_counties @> array[${query.county}]::text[]`);
  if (query.place) {
    const [place] = await queryRows<{ id: number }>(ctx.db, sql`select c.id from counterparts c where c.slug = ${query.place} and ${canReadAlias(ctx.principal, 'c')}`);
    if (!place) throw invalid([{ field: 'place', message: 'must be a place from the list' }]);
    where.push(sql`g.place_ids @> array[${place.id}]::int[]`);
  }
  // The activity may fall in the period: its earliest day is not after it, its latest (the end of its month or year) not before it.
  const rows = await queryRows<CalendarVisit & { total: number }>(
    ctx.db,
    sql`select count(*) over ()::int as total, a.id, a.kind, a.date, a.date_min::text as "dateMin", a.date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' as "exactDay", a.title, a.title_en as "titleEn",
          g.slug as "agreementSlug", g.party_label as "partyLabel", g.counterpart_label as "counterpartLabel", a.visibility
        from activities a join agreements g on g.id = a.agreement_id
        where ${sql.join(where, sql` and `)} and ${visitMayFallIn('a', from, to)}
        order by a.date_min, a.id
        limit ${VISITS_SHOWN}`,
  );
  return { visits: rows.map(({ total: _total, ...visit }) => visit), total: rows[0]?.total ?? 0 };
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
