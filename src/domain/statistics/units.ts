// Counting units (what one counted cooperation is under a rule) and what a
// unit's status was when. Everything derived from a unit's events is kept per
// unit object: the register (load.ts) keeps the unit objects of agreements
// that did not change from one data version to the next, so after a change
// only the changed units are derived again.
import type { Status } from '../../db/schema.ts';
import { currentStatus, IN_FORCE, statusPeriods, type StatusPeriod } from '../status/derive-status.ts';
import { dayNumber } from '../dates.ts';
import type { StatAgreement } from './load.ts';
import type { CountingRule } from './rules.ts';

export const isInForce = (status: Status | null) => status !== null && IN_FORCE.has(status);
export const endOfYear = (year: number) => `${year}-12-31`;
export const FIRST_YEAR = 1986;

/** One counted cooperation: a pair and kind under the report's rule, or one agreement. */
export interface CountingUnit {
  key: string;
  kind: string;
  /** In the order of their ids. */
  members: StatAgreement[];
  /** What was derived from the members, by what and under which rule (perUnit). */
  derived?: unknown[];
}

export type UnitKind = CountingRule['unit'];

export const unitKeyOf = (a: StatAgreement, unit: UnitKind) => (unit === 'pair' ? a.pairKey : `agreement:${a.id}`);

// The units of one list of agreements, per kind of unit: built once per list.
const unitsMemo = new WeakMap<readonly StatAgreement[], Partial<Record<UnitKind, CountingUnit[]>>>();

export function countingUnits(agreements: readonly StatAgreement[], rule: CountingRule): CountingUnit[] {
  let byKind = unitsMemo.get(agreements);
  if (!byKind) unitsMemo.set(agreements, (byKind = {}));
  return (byKind[rule.unit] ??= buildUnits(agreements, rule.unit));
}

function buildUnits(agreements: readonly StatAgreement[], unit: UnitKind): CountingUnit[] {
  const units = new Map<string, CountingUnit>();
  for (const a of agreements) {
    const key = unitKeyOf(a, unit);
    const found = units.get(key);
    if (found) found.members.push(a);
    else units.set(key, { key, kind: a.kind, members: [a], derived: undefined });
  }
  for (const u of units.values()) if (u.members.length > 1) u.members.sort((x, y) => x.id - y.id);
  return [...units.values()];
}

/** Hands over units the register kept (load.ts), so that their derivations are reused. */
export function rememberUnits(agreements: readonly StatAgreement[], units: Record<UnitKind, CountingUnit[]>): void {
  unitsMemo.set(agreements, { ...units });
}

// Derivations are kept on the objects themselves, in an array by the number
// of what was derived (its key's slot): a WeakMap beside a hundred thousand
// units makes every garbage collection slower, and a Map per object costs
// five times the array.
// Agreements and units number their slots apart, so that neither holds
// empty slots for what only the other keeps.
const unitSlots = new Map<string, number>();
const agreementSlots = new Map<string, number>();

// While a statistic under a rule other than the report's is computed
// (withoutKeeping), what it derives anew goes here and is dropped after:
// each rule kept would hold about 45 MB more at the benchmark's scale.
let transient: Map<object, unknown[]> | null = null;

function kept<V>(owner: { derived?: unknown[] }, slots: Map<string, number>, key: string, compute: () => V): V {
  let slot = slots.get(key);
  if (slot === undefined) slots.set(key, (slot = slots.size));
  let value = owner.derived?.[slot] as V | undefined;
  if (value !== undefined) return value;
  let derived = transient ? transient.get(owner) : owner.derived;
  value = derived?.[slot] as V | undefined;
  if (value !== undefined) return value;
  value = compute();
  // Grown to the slot exactly: an array grown by assignment keeps room for 16 more.
  if (!derived || slot >= derived.length) {
    const grown = new Array<unknown>(slot + 1);
    for (let i = 0; i < (derived?.length ?? 0); i++) grown[i] = derived![i];
    derived = grown;
    if (transient) transient.set(owner, derived);
    else owner.derived = derived;
  }
  derived[slot] = value;
  return value;
}

/**
 * Computes without keeping what it derives with the agreements and units
 * (what they keep already is read). For the rules other than the report's,
 * asked for rarely: their numbers are kept, per data version, by whoever
 * asks (statistics/overview.ts), and derived anew after a change.
 */
export function withoutKeeping<T>(compute: () => T): T {
  const outer = transient;
  transient = new Map();
  try {
    return compute();
  } finally {
    transient = outer;
  }
}

/** A value derived from a unit once and kept with it (see the top of this file). */
export const perUnit = <V>(unit: CountingUnit, key: string, compute: () => V): V => kept(unit, unitSlots, key, compute);

/** What a rule's derivation of statuses is called in the keys of kept values. */
export const derivationKey = (rule: CountingRule) => `${rule.derivation.expiryEnds}|${rule.derivation.effectiveOn}`;

/** The keys of what is kept per derivation; made once per statistic, not per unit. */
export interface DerivationKeys {
  periods: string;
  current: string;
  on: string;
}
const keysByDerivation = new Map<string, DerivationKeys>();
export function derivationKeys(rule: CountingRule): DerivationKeys {
  const key = derivationKey(rule);
  let keys = keysByDerivation.get(key);
  if (!keys) keysByDerivation.set(key, (keys = { periods: `periods|${key}`, current: `current|${key}`, on: `on|${key}` }));
  return keys;
}

// A unit is as alive as its most alive member: Göteborg–Shanghai goes on
// under the 1986 agreement though the 2003 one ended.
const RANK: Record<Status, number> = { planned: 1, ended: 2, paused: 3, partly_ended: 4, dormant: 5, active: 6 };
const STATUS_OF_RANK: Array<Status | null> = [null, 'planned', 'ended', 'paused', 'partly_ended', 'dormant', 'active'];

/**
 * Status periods as kept: two numbers a period, its status's rank and its
 * first day (dates.ts: dayNumber), in order; each lasts until the next
 * begins. A third of the periods' size as objects.
 */
export type KeptPeriods = readonly number[];

export function keepPeriods(periods: readonly StatusPeriod[]): KeptPeriods {
  const out = new Array<number>(periods.length * 2);
  periods.forEach((p, i) => {
    out[2 * i] = RANK[p.status];
    out[2 * i + 1] = dayNumber(p.validFrom);
  });
  return out;
}

/** The status kept periods give at the end of a day (a dayNumber); null before the first. */
export function statusInKept(periods: KeptPeriods, day: number): Status | null {
  let rank = 0;
  for (let i = 0; i < periods.length && periods[i + 1]! <= day; i += 2) rank = periods[i]!;
  return STATUS_OF_RANK[rank]!;
}

// An agreement's status periods under a derivation, computed once: a year-end
// status is then a look-up, not a new derivation from the events.
export const periodsOf = (a: StatAgreement, rule: CountingRule, keys: DerivationKeys): KeptPeriods => kept(a, agreementSlots, keys.periods, () => keepPeriods(statusPeriods(a.events, rule.derivation)));
const currentOf = (a: StatAgreement, rule: CountingRule, keys: DerivationKeys) => kept(a, agreementSlots, keys.current, () => currentStatus(a.events, rule.derivation));

const yearEndsMemo = new Map<string, number[]>();
function yearEnds(firstYear: number, lastYear: number): number[] {
  const key = `${firstYear}-${lastYear}`;
  let days = yearEndsMemo.get(key);
  if (!days) yearEndsMemo.set(key, (days = Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => dayNumber(endOfYear(firstYear + i)))));
  return days;
}

const rank = (status: Status | null) => (status === null ? 0 : RANK[status]);

/** A unit's status at the end of a day; the last day asked for is kept with the unit. */
export function unitStatusOn(unit: CountingUnit, day: string, rule: CountingRule, keys = derivationKeys(rule)): Status | null {
  const last = kept(unit, unitSlots, keys.on, () => ({ day: '', status: null as Status | null }));
  if (last.day === day) return last.status;
  let best: Status | null = null;
  const dayN = dayNumber(day);
  for (const member of unit.members) {
    const status = statusInKept(periodsOf(member, rule, keys), dayN);
    if (rank(status) > rank(best)) best = status;
  }
  last.day = day;
  last.status = best;
  return best;
}

// Year-end statuses are kept as one character each (the rank; 0 before the
// unit existed): a text of 40 characters is a quarter of a Uint8Array's size.
const IN_FORCE_OF_RANK = Uint8Array.from(STATUS_OF_RANK, (status) => (isInForce(status) ? 1 : 0));

// Kept from the end of the year before the first agreement (what the changes
// compare the first year with) to the last year asked for: one text per unit
// serves every statistic that asks for year-end statuses.
const RANKS_FROM = FIRST_YEAR - 1;

/** The key under which yearRanks keeps a unit's year-end statuses: made once per statistic, not per unit. */
export const yearsKey = (rule: CountingRule, lastYear: number) => `years|${derivationKey(rule)}|${lastYear}`;

function yearRanks(unit: CountingUnit, rule: CountingRule, lastYear: number, key = yearsKey(rule, lastYear)): string {
  return perUnit(unit, key, () => {
    const days = yearEnds(RANKS_FROM, lastYear);
    const out = new Array<number>(days.length).fill(0);
    const keys = derivationKeys(rule);
    for (const member of unit.members) {
      const periods = periodsOf(member, rule, keys);
      let i = 0;
      let r = 0;
      for (let k = 0; k < days.length; k++) {
        while (i < periods.length && periods[i + 1]! <= days[k]!) {
          r = periods[i]!;
          i += 2;
        }
        if (r > out[k]!) out[k] = r;
      }
    }
    return String.fromCharCode(...out);
  });
}

function checkFirstYear(firstYear: number): void {
  if (firstYear < RANKS_FROM) throw new RangeError(`year-end statuses are kept from ${RANKS_FROM}, not ${firstYear}`);
}

/**
 * A unit's status at the end of every year from `firstYear` to `lastYear`, in
 * one walk over each member's periods (the statistics' hot path).
 */
export function unitYearStatuses(unit: CountingUnit, rule: CountingRule, firstYear: number, lastYear: number): Array<Status | null> {
  checkFirstYear(firstYear);
  const ranks = yearRanks(unit, rule, lastYear);
  return Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => STATUS_OF_RANK[ranks.charCodeAt(firstYear - RANKS_FROM + i)]!);
}

/** Adds 1 to `counts[i]` for each year `firstYear + i` at whose end the unit was in force; `key` is yearsKey(rule, lastYear). */
export function addInForceYears(counts: Int32Array, unit: CountingUnit, rule: CountingRule, firstYear: number, lastYear: number, key: string): void {
  checkFirstYear(firstYear);
  const ranks = yearRanks(unit, rule, lastYear, key);
  for (let i = 0, at = firstYear - RANKS_FROM; i < counts.length; i++, at++) counts[i]! += IN_FORCE_OF_RANK[ranks.charCodeAt(at)]!;
}

export function unitCurrentStatus(unit: CountingUnit, rule: CountingRule): Status {
  let best: Status | null = null;
  const keys = derivationKeys(rule);
  for (const member of unit.members) {
    const status = currentOf(member, rule, keys);
    if (rank(status) > rank(best)) best = status;
  }
  return best ?? 'planned';
}

/** What `pick` gives for a unit's members, each value once; kept with the unit under `key`. */
export function memberValues(unit: CountingUnit, key: string, pick: (a: StatAgreement) => readonly string[]): readonly string[] {
  return kept(unit, unitSlots, key, () => {
    if (unit.members.length === 1) {
      const values = pick(unit.members[0]!);
      return values.length < 2 ? values : [...new Set(values)];
    }
    return [...new Set(unit.members.flatMap(pick))];
  });
}
