// When an agreement next renews or expires, and the last day to give notice,
// from its structured term (agreements.term_months, renewal_months,
// notice_months, notice_days) and the day its first term began. Pure: the
// reminders, the overview and the agreement's page all ask here.
//
// The rule, as the register reads "two years, renewed two years at a time
// unless terminated, notice three months before":
// - the first term runs out on the start plus `termMonths`; each renewal
//   adds `renewalMonths`, always counted from the start (31 January plus one
//   month is 28 or 29 February, plus two months 31 March, not 28 March);
// - a month that has no such day ends the term on its last day;
// - notice stops a renewal if given on or before the renewal day less the
//   notice (in months, with the same month-end rule, or in days).
// A start known only to the month or year (or given as "about") cannot give
// a day: the answer says so, with the earliest and latest days the dates
// can be, and never picks one of them.
import { parseFuzzyDate } from '../dates.ts';

export interface RenewalTerms {
  /** When the first term began, EDTF as the source gives it (the signing, or the establishment). */
  start: string | null;
  termMonths: number | null;
  /** Months each automatic renewal adds; null: the agreement ends when its term runs out. */
  renewalMonths: number | null;
  noticeMonths: number | null;
  noticeDays: number | null;
  /** The agreement has ended (its status): nothing is due. */
  ended?: boolean;
  /** The latest `renewed` event's date (EDTF): a renewal recorded restarts the reckoning from its day. */
  renewedOn?: string | null;
}

/** Days a date can be when the start is not known to the day. */
export interface DayRange {
  from: string;
  to: string;
}

export type RenewalDates =
  /** No structured term, or the agreement has ended: no date follows. */
  | { kind: 'none'; why: 'no_term' | 'ended' }
  /** A fixed term: the day it runs out (`past` when before `today`). */
  | { kind: 'expires'; on: string; past: boolean }
  /**
   * Renews on `renewsOn` (today or later); notice by `noticeBy` stops it
   * (null when no notice period is recorded). `nextNotice` is the first
   * renewal whose notice day is today or later: this one, or the one after
   * when this one's notice day has passed.
   */
  | { kind: 'renews'; renewsOn: string; noticeBy: string | null; nextNotice: { renewsOn: string; noticeBy: string } | null }
  /**
   * The start is not known to the day (a year, a month, "about", an
   * interval, unknown): no day can be given. Where the start has an earliest
   * and a latest day, the next renewal or expiry lies between these.
   */
  | { kind: 'no_day'; start: string | null; renewal: 'expires' | 'renews'; between: DayRange | null; noticeBetween: DayRange | null };

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const daysIn = (year: number, month: number) => (month === 2 && isLeap(year) ? 29 : DAYS[month - 1]!);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `day` plus `months` (negative: less), on the same day of the month or the month's last day when it has no such day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysIn(year, month)))}`;
}

/** `day` plus `days` (negative: less). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last day to give notice before a renewal on `renewsOn`, or null without a notice period. */
function noticeDay(renewsOn: string, t: RenewalTerms): string | null {
  if (t.noticeMonths !== null) return addMonths(renewsOn, -t.noticeMonths);
  if (t.noticeDays !== null) return addDays(renewsOn, -t.noticeDays);
  return null;
}

/** Months from the start to the `n`-th end of a term (0: the first term's end). */
/** The day a date is known to, or null (a month, a year, "about", unreadable). */
function dayOf(date: string | null): string | null {
  try {
    const d = date === null ? null : parseFuzzyDate(date);
    return d && d.precision === 'day' && !d.edtf.endsWith('~') ? d.min : null;
  } catch {
    return null;
  }
}

/** The latest day a date can be, or null. */
function latestDayOf(date: string | null): string | null {
  try {
    return date === null ? null : parseFuzzyDate(date).max;
  } catch {
    return null;
  }
}

const monthsTo = (t: RenewalTerms, n: number) => t.termMonths! + n * (t.renewalMonths ?? 0);

/** The first `n` whose end of term, from `start`, is `today` or later (for a renewing agreement). */
function firstOnOrAfter(start: string, t: RenewalTerms, today: string): number {
  if (addMonths(start, monthsTo(t, 0)) >= today) return 0;
  // Jump close by arithmetic (an agreement of 1986 renewed yearly), then step: month ends make the jump approximate.
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const monthsSince = ty * 12 + tm - (sy * 12 + sm);
  let n = Math.max(0, Math.floor((monthsSince - t.termMonths!) / t.renewalMonths!) - 1);
  while (addMonths(start, monthsTo(t, n)) < today) n += 1;
  return n;
}

/** The next renewal or expiry of an agreement and the last day to give notice, on `today` (YYYY-MM-DD). */
export function renewalDates(t: RenewalTerms, today: string): RenewalDates {
  if (t.ended) return { kind: 'none', why: 'ended' };
  if (t.termMonths === null) return { kind: 'none', why: 'no_term' };
  // A renewal recorded as an event (a new signature, a decision to renew),
  // known to the day and later than the start, begins a new period there: of
  // `renewalMonths`, or of the term for an agreement that does not renew by
  // itself (a fixed term prolonged by decision).
  const renewed = dayOf(t.renewedOn ?? null);
  if (renewed && !(dayOf(t.start) !== null && renewed <= dayOf(t.start)!) && !(latestDayOf(t.start) !== null && renewed <= latestDayOf(t.start)!)) {
    return renewalDates({ ...t, start: renewed, termMonths: t.renewalMonths ?? t.termMonths, renewedOn: null }, today);
  }
  const renewal = t.renewalMonths === null ? ('expires' as const) : ('renews' as const);
  let start: ReturnType<typeof parseFuzzyDate> | null = null;
  try {
    start = t.start === null ? null : parseFuzzyDate(t.start);
  } catch {
    start = null; // a start the register cannot read gives no date; the page shows it as written
  }
  if (!start || start.precision !== 'day' || start.edtf.endsWith('~')) {
    if (!start?.min || !start.max) return { kind: 'no_day', start: t.start, renewal, between: null, noticeBetween: null };
    // The same renewal counted from the earliest and from the latest day the start can be: the first whose latest day is not past.
    const n = renewal === 'expires' ? 0 : firstOnOrAfter(start.max, t, today);
    const between = { from: addMonths(start.min, monthsTo(t, n)), to: addMonths(start.max, monthsTo(t, n)) };
    const from = renewal === 'renews' ? noticeDay(between.from, t) : null;
    const to = renewal === 'renews' ? noticeDay(between.to, t) : null;
    return { kind: 'no_day', start: t.start, renewal, between, noticeBetween: from && to ? { from, to } : null };
  }
  const first = start.min!;
  if (renewal === 'expires') {
    const on = addMonths(first, t.termMonths);
    return { kind: 'expires', on, past: on < today };
  }
  const n = firstOnOrAfter(first, t, today);
  const renewsOn = addMonths(first, monthsTo(t, n));
  const noticeBy = noticeDay(renewsOn, t);
  let nextNotice: { renewsOn: string; noticeBy: string } | null = null;
  if (noticeBy !== null) {
    // A notice day already past stops this renewal no more: the next chance is before a following one
    // (more than one on when the notice is longer than a renewal).
    let m = n;
    while (noticeDay(addMonths(first, monthsTo(t, m)), t)! < today) m += 1;
    const on = addMonths(first, monthsTo(t, m));
    nextNotice = { renewsOn: on, noticeBy: noticeDay(on, t)! };
  }
  return { kind: 'renews', renewsOn, noticeBy, nextNotice };
}
