// An agreement's status is derived from its append-only events, never set on
// its own. Pure functions: the same derivation feeds the cached column, the
// point-in-time periods and every statistic.
import type { DatePrecision, EndMode, EventType, Status } from '../../db/schema.ts';

export interface StatusEventLike {
  id: number;
  type: EventType;
  dateMin: string | null;
  dateMax: string | null;
  datePrecision: DatePrecision;
  mode?: EndMode | null;
}

export interface DerivationOptions {
  /** Whether an ending by expiry of a time-limited agreement ends it. The report's rule: no (footnote 20). */
  expiryEnds: boolean;
  /**
   * When an event whose date is uncertain takes effect: on the last day it can
   * mean ("certain", so "ended 2016" is not in force at the end of 2016 and an
   * ending known only as "2002/2022" is not placed before 2022), or on the first.
   */
  effectiveOn: 'certain' | 'possible';
}

export const DEFAULT_DERIVATION: DerivationOptions = { expiryEnds: false, effectiveOn: 'certain' };

export const IN_FORCE: ReadonlySet<Status> = new Set(['active', 'dormant', 'paused', 'partly_ended']);

// Tie-break for events on the same effective day: the other end of their
// dates, then the coarser date first (the more precise statement of the two
// is the later one), then insertion order.
const PRECISION_ORDER: Record<DatePrecision, number> = { interval: 0, year: 1, month: 2, day: 3, unknown: 4 };

function effectiveDay(event: StatusEventLike, options: DerivationOptions): string | null {
  return options.effectiveOn === 'certain' ? event.dateMax : event.dateMin;
}

export function sortEvents<E extends StatusEventLike>(events: readonly E[], options = DEFAULT_DERIVATION): E[] {
  return [...events].sort((a, b) => {
    const da = effectiveDay(a, options);
    const db = effectiveDay(b, options);
    // Undated events happened, but we cannot say when: they come last.
    if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
    // Then by the other end of the dates: what ends sooner came first.
    const oa = (options.effectiveOn === 'certain' ? a.dateMin : a.dateMax) ?? '';
    const ob = (options.effectiveOn === 'certain' ? b.dateMin : b.dateMax) ?? '';
    if (oa !== ob) return oa < ob ? -1 : 1;
    const pa = PRECISION_ORDER[a.datePrecision];
    const pb = PRECISION_ORDER[b.datePrecision];
    return pa !== pb ? pa - pb : a.id - b.id;
  });
}

/** The status after one more event. */
export function applyEvent(state: Status | null, event: StatusEventLike, options = DEFAULT_DERIVATION): Status | null {
  switch (event.type) {
    case 'planned':
      return state ?? 'planned';
    case 'established':
      return 'active';
    case 'renewed':
      return state === 'ended' ? 'ended' : 'active';
    case 'activity_observed':
      return state === null || state === 'planned' || state === 'dormant' ? 'active' : state;
    case 'dormant':
      return state === 'paused' || state === 'ended' ? state : 'dormant';
    case 'paused':
      return state === 'ended' ? state : 'paused';
    case 'resumed':
      return state === 'paused' || state === 'dormant' ? 'active' : state;
    case 'partly_ended':
      return state === 'ended' ? state : 'partly_ended';
    case 'ended':
      if (event.mode === 'expiry' && !options.expiryEnds) return state;
      return 'ended';
  }
}

/** Status once every known event has happened (undated ones included, last). */
export function currentStatus(events: readonly StatusEventLike[], options = DEFAULT_DERIVATION): Status {
  let state: Status | null = null;
  for (const event of sortEvents(events, options)) state = applyEvent(state, event, options);
  return state ?? 'planned';
}

/** Status at the end of a given day; null when the agreement did not exist yet. */
export function statusOn(events: readonly StatusEventLike[], day: string, options = DEFAULT_DERIVATION): Status | null {
  return statusInPeriods(statusPeriods(events, options), day);
}

/** The status a list of periods (in order) gives at the end of a day. */
export function statusInPeriods(periods: readonly StatusPeriod[], day: string): Status | null {
  let status: Status | null = null;
  for (const p of periods) {
    if (p.validFrom > day) break;
    status = p.status;
  }
  return status;
}

export interface StatusPeriod {
  status: Status;
  validFrom: string;
  /** Exclusive; null while it lasts. */
  validTo: string | null;
}

/** The status through time, one period per change, from the dated events. */
export function statusPeriods(events: readonly StatusEventLike[], options = DEFAULT_DERIVATION): StatusPeriod[] {
  // The status at the end of each day that has events; the last event of a day stands.
  const endOfDay = new Map<string, Status>();
  let state: Status | null = null;
  for (const event of sortEvents(events, options)) {
    const effective = effectiveDay(event, options);
    if (effective === null) break;
    state = applyEvent(state, event, options);
    if (state !== null) endOfDay.set(effective, state);
  }
  const periods: StatusPeriod[] = [];
  for (const [day, status] of endOfDay) {
    const last = periods.at(-1);
    if (last?.status === status) continue;
    if (last) last.validTo = day;
    periods.push({ status, validFrom: day, validTo: null });
  }
  return periods;
}
