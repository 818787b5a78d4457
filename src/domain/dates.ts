// Dates at the precision the source gives them, written in EDTF (ISO 8601-2):
// "2019", "2019-12", "2019-12-10", "2002/2022" (some time between),
// "XXXX" (unknown), "2021~" (about). Stored as text with the earliest and
// latest calendar day it can mean.
import edtf from 'edtf';
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

const UNKNOWN = /^X{4}$/;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// The EDTF grammar is slow (about 0.1 ms a date) and a register repeats its
// dates: an import of 100,000 events parses a few thousand distinct ones.
const parsed = new Map<string, FuzzyDate | Error>();
const PARSED_MAX = 50_000;

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

function parseUncached(text: string): FuzzyDate {
  const value = text.trim();
  if (UNKNOWN.test(value)) return { edtf: value, min: null, max: null, precision: 'unknown' };
  // The library accepts things the register does not want (seasons, sets,
  // year 0); keep to the forms above.
  if (!/^(\.\.\/)?\d{4}(-\d{2}(-\d{2})?)?[~?%]?(\/(\d{4}(-\d{2}(-\d{2})?)?[~?%]?|\.\.))?$/.test(value)) {
    throw new Error(`'${value}' is not a date; write 2019, 2019-05, 2019-05-14, 2002/2022 or XXXX`);
  }
  let parsed: ReturnType<typeof edtf>;
  try {
    parsed = edtf(value);
  } catch {
    throw new Error(`'${value}' is not a date; write 2019, 2019-05, 2019-05-14, 2002/2022 or XXXX`);
  }
  const min = Number.isFinite(parsed.min) ? toDay(parsed.min) : null;
  const max = Number.isFinite(parsed.max) ? toDay(parsed.max) : null;
  const isInterval = value.includes('/');
  const parts = value.replace(/[~?%]/g, '').split('-').length;
  const precision: DatePrecision = isInterval ? 'interval' : parts === 3 ? 'day' : parts === 2 ? 'month' : 'year';
  return { edtf: value, min, max, precision };
}

/** Zod schema for an EDTF field: a clear message names what to write. */
export const fuzzyDateSchema = z.string().max(40).superRefine((value, ctx) => {
  try {
    parseFuzzyDate(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/** Strict calendar day, for "in force on" filters. */
export const isoDaySchema = z.iso.date({ error: 'must be a calendar date YYYY-MM-DD' });
