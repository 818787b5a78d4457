// As of when a status is known. A status is what the latest source says, not
// what holds today: the shipped sources end in 2021–2022, and a tie that was
// dormant then may have ended since without anyone entering it. An
// agreement's status is known as of the latest year any of its events or any
// source cited on it or its events speaks of (of an EDTF date such as
// "2011-06/2012-11", the last year it names); the register's sources end
// with the latest such year of any agreement the reader may read.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { canReadAlias } from '../access.ts';
import type { Context, Principal } from '../context.ts';

/** The last year an EDTF text of `alias`.published names. */
const publishedYear = (alias: string) => sql.raw(`(select max(m[1]::int) from regexp_matches(${alias}.published, '([0-9]{4})', 'g') as m)`);

/** The year up to which the status of `agreements a` is known, as SQL (null: no dated event or source). */
export function knownUntilSql(principal: Principal): SQL<number | null> {
  const events = (alias: string): SQL => sql`${sql.raw(alias)}.agreement_id = a.id and ${canReadAlias(principal, alias)}`;
  return sql<number | null>`greatest(
      (select max(extract(year from e.date_max))::int from status_events e where ${events('e')}),
      (select max(${publishedYear('s')}) from citations c join sources s on s.id = c.source_id
       where ${canReadAlias(principal, 's')} and (
         (c.subject_type = 'agreement' and c.subject_id = a.id)
         or (c.subject_type = 'event' and c.subject_id in (select ce.id from status_events ce where ${events('ce')})))))`;
}

/** The year up to which each of these agreements' status is known, by agreement id (absent: no dated event or source). */
export async function knownUntilOf(ctx: Context, ids: readonly number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<{ id: number; year: number | null }>(
    ctx.db,
    sql`select a.id, ${knownUntilSql(ctx.principal)} as year from agreements a where a.id = any(${sql.param([...ids])}::int[])`,
  );
  return new Map(rows.filter((r) => r.year !== null).map((r) => [r.id, r.year!]));
}

/**
 * Where the register's sources end: the latest year of any readable
 * agreement's events (its cached last event) or of any readable source.
 */
export async function sourcesEnd(ctx: Context): Promise<number | null> {
  const [row] = await queryRows<{ year: number | null }>(
    ctx.db,
    sql`select greatest(
          (select max(extract(year from a.last_event_on))::int from agreements a where ${canReadAlias(ctx.principal, 'a')}),
          (select max(${publishedYear('s')}) from sources s where ${canReadAlias(ctx.principal, 's')})
        ) as year`,
  );
  return row?.year ?? null;
}
