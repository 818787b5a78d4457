// Dates at the precision the source gives them, in the few forms of EDTF
// (ISO 8601-2) that the register documents (DATE_FORMS, shown with the
// exchange format's columns): "2019", "2019-12", "2019-12-10", "2021~"
// (about), "2002/2022" (some time between), "../2012-11" (by then at the
// latest), "2012/.." (from then on) and "XXXX" (unknown). Stored as text with
// the earliest and latest calendar day it can mean.
//
// Parsed here rather than by an EDTF library: the full grammar accepts what
// the register does not want (seasons such as 2019-21, sets, year 0, which
// PostgreSQL cannot store) and rolled 2019-02-29 over to 2019-03-01. Every
// path that takes a date (import, API, forms, the shipped data) comes here,
// so a date either is refused with a message or can be stored.
import { z } from 'zod';
import type { DatePrecision } from '../db/schema.ts';

export interface FuzzyDate {
  edtf: string;
  /** Earliest day it can mean, YYYY-MM-DD; null when unknown. */
  min: string | null;
  /** Latest day it can mean; null when unknown. The event is certain from this day. */
  max: string | null;
  precision: DatePrecision;
}

/** The accepted forms, as the documentation lists them. */
export const DATE_FORMS = {
  sv: '2019, 2019-05, 2019-05-14, 2019~ (omkring), 2002/2022 (någon gång mellan), ../2012-11 (senast), 2012/.. (tidigast) eller XXXX (okänt); år 0001–9999',
  en: '2019, 2019-05, 2019-05-14, 2019~ (about), 2002/2022 (some time between), ../2012-11 (by then), 2012/.. (from then on) or XXXX (unknown); years 0001–9999',
} as const;

const HINT = 'write 2019, 2019-05, 2019-05-14, 2002/2022 or XXXX';
const notADate = (value: string, why = '') => new Error(`'${value.length > 60 ? `${value.slice(0, 60)}…` : value}' is not a date${why}; ${HINT}`);

/** One calendar date at year, month or day precision, with an optional "~". */
const SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) => (month === 2 && isLeap(year) ? 29 : DAYS[month - 1]!);

function parseSingle(part: string, whole: string): { min: string; max: string; precision: 'year' | 'month' | 'day' } {
  const m = SINGLE.exec(part);
  if (!m) throw notADate(whole);
  const year = Number(m[1]);
  // PostgreSQL has no year 0 (1 BC comes before 1 AD); nor has the register.
  if (year === 0) throw notADate(whole, ' (there is no year 0)');
  const y = pad(year, 4);
  if (m[2] === undefined) return { min: `${y}-01-01`, max: `${y}-12-31`, precision: 'year' };
  const month = Number(m[2]);
  // Months 13–41 are EDTF seasons and the like: not documented, not taken.
  if (month < 1 || month > 12) throw notADate(whole);
  const last = daysIn(year, month);
  if (m[3] === undefined) return { min: `${y}-${m[2]}-01`, max: `${y}-${m[2]}-${pad(last)}`, precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > 31) throw notADate(whole);
  if (day > last) throw notADate(whole, ` (${y}-${m[2]} has ${last} days)`);
  return { min: part.replace('~', ''), max: part.replace('~', ''), precision: 'day' };
}

function parseUncached(text: string): FuzzyDate {
  const value = text.trim();
  if (value === 'XXXX') return { edtf: value, min: null, max: null, precision: 'unknown' };
  if (value.length > 40) throw notADate(value);
  const parts = value.split('/');
  if (parts.length === 1) {
    const d = parseSingle(value, value);
    return { edtf: value, min: d.min, max: d.max, precision: d.precision };
  }
  if (parts.length !== 2) throw notADate(value);
  const [from, to] = parts as [string, string];
  if (from === '..' && to === '..') throw notADate(value);
  const start = from === '..' ? null : parseSingle(from, value);
  const end = to === '..' ? null : parseSingle(to, value);
  if (start && end && start.min > end.max) throw notADate(value, ' (it ends before it begins)');
  return { edtf: value, min: start?.min ?? null, max: end?.max ?? null, precision: 'interval' };
}

// A register repeats its dates: an import of 100,000 events parses a few
// thousand distinct ones.
const parsed = new Map<string, FuzzyDate | Error>();
const PARSED_MAX = 50_000;

/** A date in one of DATE_FORMS, or an Error whose message says what to write. */
export function parseFuzzyDate(text: string): FuzzyDate {
  let hit = parsed.get(text);
  if (hit === undefined) {
    try {
      hit = Object.freeze(parseUncached(text));
    } catch (error) {
      hit = error as Error;
    }
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(text, hit);
  }
  if (hit instanceof Error) throw hit;
  return hit;
}

/** Zod schema for a date field: a clear message names what to write. */
export const fuzzyDateSchema = z.string().max(40).superRefine((value, ctx) => {
  try {
    parseFuzzyDate(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/** Whether `text` is a calendar day YYYY-MM-DD that PostgreSQL can store (years 0001–9999). */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** Strict calendar day, for "in force on" filters. */
export const isoDaySchema = z.string().refine(isCalendarDay, { error: 'must be a calendar date YYYY-MM-DD (years 0001–9999)' });

/**
 * A day (YYYY-MM-DD) as the number yyyymmdd, which orders as the day does
 * and is a small integer to V8: how the statistics and maps keep days in
 * memory (docs/caches.md). 0 for none.
 */
export const dayNumber = (day: string | null): number => (day ? Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10)) : 0);

// One text per day, shared by every reader of it.
const dayTexts = new Map<number, string>();

/** The day of a dayNumber, as one shared text per day; null for 0. */
export function dayOfNumber(n: number): string | null {
  if (n === 0) return null;
  let text = dayTexts.get(n);
  if (text === undefined) dayTexts.set(n, (text = `${String(Math.floor(n / 10_000)).padStart(4, '0')}-${String(Math.floor(n / 100) % 100).padStart(2, '0')}-${String(n % 100).padStart(2, '0')}`));
  return text;
}
