// An agreement's renewal reckoned from what is stored: its term, renewal and
// notice, and the start its term runs from. The reminders read the start in
// their own query (`termStart`); the edit form asks for one agreement here.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { agreements } from '../../db/schema.ts';
import { canReadAlias } from '../access.ts';
import type { Context, Principal } from '../context.ts';
import { renewalDates, type RenewalDates } from './renewal-dates.ts';

/**
 * The start a term runs from, as SQL over the agreement `alias`: its signing
 * (`signed_on`), or else its establishment, the earliest such event the
 * principal may read, each as its source dates it (EDTF).
 */
export const termStart = (principal: Principal, alias = 'g'): SQL =>
  sql`coalesce(${sql.raw(alias)}.signed_on, (select e.date from status_events e
    where e.agreement_id = ${sql.raw(alias)}.id and e.type = 'established' and ${canReadAlias(principal, 'e')} order by e.date_min nulls last, e.id limit 1))`;

/** The latest renewal recorded as an event the principal may read (its EDTF date), as SQL over the agreement `alias`: it restarts the reckoning (renewal-dates.ts). */
export const termRenewedOn = (principal: Principal, alias = 'g'): SQL =>
  sql`(select e.date from status_events e
    where e.agreement_id = ${sql.raw(alias)}.id and e.type = 'renewed' and ${canReadAlias(principal, 'e')} order by e.date_max desc nulls last, e.id desc limit 1)`;

/** The same latest renewal from an agreement's events read whole. */
export function renewedOnOf(events: ReadonlyArray<{ id: number; type: string; date: string | null; dateMax: string | null }>): string | null {
  const renewed = events.filter((e) => e.type === 'renewed' && e.dateMax !== null).sort((x, y) => (x.dateMax === y.dateMax ? y.id - x.id : x.dateMax! < y.dateMax! ? 1 : -1));
  return renewed[0]?.date ?? null;
}

/**
 * The same start from an agreement read whole (its events those the reader
 * may read, as termStart takes them): its signing, or its earliest
 * establishment by the first day its date can mean.
 */
export function termStartOf(agreement: { signedOn: string | null }, events: ReadonlyArray<{ id: number; type: string; date: string | null; dateMin: string | null }>): string | null {
  if (agreement.signedOn) return agreement.signedOn;
  const established = events.filter((e) => e.type === 'established').sort((x, y) => (x.dateMin === y.dateMin ? x.id - y.id : x.dateMin === null ? 1 : y.dateMin === null ? -1 : x.dateMin < y.dateMin ? -1 : 1));
  return established[0]?.date ?? null;
}

/** The agreement's next renewal or expiry and last day to give notice on `today`, from what is stored. */
export async function storedRenewalDates(ctx: Context, agreementId: number, today: string): Promise<RenewalDates> {
  const [row] = await queryRows<{ start: string | null; renewedOn: string | null; termMonths: number | null; renewalMonths: number | null; noticeMonths: number | null; noticeDays: number | null; status: string }>(
    ctx.db,
    sql`select ${termStart(ctx.principal)} as start, ${termRenewedOn(ctx.principal)} as "renewedOn", g.term_months as "termMonths", g.renewal_months as "renewalMonths",
          g.notice_months as "noticeMonths", g.notice_days as "noticeDays", g.current_status as status
        from ${agreements} g where g.id = ${agreementId}`,
  );
  if (!row) return { kind: 'none', why: 'no_term' };
  return renewalDates({ ...row, ended: row.status === 'ended' }, today);
}
