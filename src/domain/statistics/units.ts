// Counting units (what one counted cooperation is under a rule) and what a
// unit's status was when. Everything derived from a unit's events is kept per
// unit object: the register (load.ts) keeps the unit objects of agreements
// that did not change from one data version to the next, so after a change
// only the changed units are derived again.
import type { Status } from '../../db/schema.ts';
import { currentStatus, IN_FORCE, statusInPeriods, statusPeriods, type StatusPeriod } from '../status/derive-status.ts';
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
  derived?: Map<string, unknown>;
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
    else units.set(key, { key, kind: a.kind, members: [a] });
  }
  for (const u of units.values()) if (u.members.length > 1) u.members.sort((x, y) => x.id - y.id);
  return [...units.values()];
}

/** Hands over units the register kept (load.ts), so that their derivations are reused. */
export function rememberUnits(agreements: readonly StatAgreement[], units: Record<UnitKind, CountingUnit[]>): void {
  unitsMemo.set(agreements, { ...units });
}

// Derivations are kept on the objects themselves: a WeakMap beside a hundred
// thousand units makes every garbage collection slower, and a field does not.
function kept<V>(owner: { derived?: Map<string, unknown> }, key: string, compute: () => V): V {
  const derived = (owner.derived ??= new Map());
  let value = derived.get(key) as V | undefined;
  if (value === undefined) derived.set(key, (value = compute()));
  return value;
}

/** A value derived from a unit once and kept with it (see the top of this file). */
export const perUnit = <V>(unit: CountingUnit, key: string, compute: () => V): V => kept(unit, key, compute);

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

// An agreement's status periods under a derivation, computed once: a year-end
// status is then a look-up, not a new derivation from the events.
export const periodsOf = (a: StatAgreement, rule: CountingRule, keys: DerivationKeys) => kept(a, keys.periods, () => statusPeriods(a.events, rule.derivation));
const currentOf = (a: StatAgreement, rule: CountingRule, keys: DerivationKeys) => kept(a, keys.current, () => currentStatus(a.events, rule.derivation));

const yearEndsMemo = new Map<string, string[]>();
function yearEnds(firstYear: number, lastYear: number): string[] {
  const key = `${firstYear}-${lastYear}`;
  let days = yearEndsMemo.get(key);
  if (!days) yearEndsMemo.set(key, (days = Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => endOfYear(firstYear + i))));
  return days;
}

// A unit is as alive as its most alive member: Göteborg–Shanghai goes on
// under the 1986 agreement though the 2003 one ended.
const RANK: Record<Status, number> = { planned: 1, ended: 2, paused: 3, partly_ended: 4, dormant: 5, active: 6 };
const rank = (status: Status | null) => (status === null ? 0 : RANK[status]);

/** A unit's status at the end of a day; the last day asked for is kept with the unit. */
export function unitStatusOn(unit: CountingUnit, day: string, rule: CountingRule, keys = derivationKeys(rule)): Status | null {
  const last = kept(unit, keys.on, () => ({ day: '', status: null as Status | null }));
  if (last.day === day) return last.status;
  let best: Status | null = null;
  for (const member of unit.members) {
    const status = statusInPeriods(periodsOf(member, rule, keys), day);
    if (rank(status) > rank(best)) best = status;
  }
  last.day = day;
  last.status = best;
  return best;
}

// Year-end statuses are kept as one byte each (the rank; 0 before the unit existed).
const STATUS_OF_RANK: Array<Status | null> = [null, 'planned', 'ended', 'paused', 'partly_ended', 'dormant', 'active'];
const IN_FORCE_OF_RANK = Uint8Array.from(STATUS_OF_RANK, (status) => (isInForce(status) ? 1 : 0));

/** The key under which yearRanks keeps a unit's year-end statuses: made once per statistic, not per unit. */
export const yearsKey = (rule: CountingRule, firstYear: number, lastYear: number) => `years|${derivationKey(rule)}|${firstYear}|${lastYear}`;

function yearRanks(unit: CountingUnit, rule: CountingRule, firstYear: number, lastYear: number, key = yearsKey(rule, firstYear, lastYear)): Uint8Array {
  return perUnit(unit, key, () => {
    const days = yearEnds(firstYear, lastYear);
    const out = new Uint8Array(days.length);
    const keys = derivationKeys(rule);
    for (const member of unit.members) {
      const periods = periodsOf(member, rule, keys);
      let i = 0;
      let r = 0;
      for (let k = 0; k < days.length; k++) {
        while (i < periods.length && periods[i]!.validFrom <= days[k]!) r = RANK[periods[i++]!.status];
        if (r > out[k]!) out[k] = r;
      }
    }
    return out;
  });
}

/**
 * A unit's status at the end of every year from `firstYear` to `lastYear`, in
 * one walk over each member's periods (the statistics' hot path).
 */
export function unitYearStatuses(unit: CountingUnit, rule: CountingRule, firstYear: number, lastYear: number): Array<Status | null> {
  return Array.from(yearRanks(unit, rule, firstYear, lastYear), (r) => STATUS_OF_RANK[r]!);
}

/** Adds 1 to `counts[i]` for each year `firstYear + i` at whose end the unit was in force. */
export function addInForceYears(counts: Int32Array, unit: CountingUnit, rule: CountingRule, firstYear: number, lastYear: number, key: string): void {
  const ranks = yearRanks(unit, rule, firstYear, lastYear, key);
  for (let i = 0; i < ranks.length; i++) counts[i]! += IN_FORCE_OF_RANK[ranks[i]!]!;
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
  return kept(unit, key, () => {
    if (unit.members.length === 1) {
      const values = pick(unit.members[0]!);
      return values.length < 2 ? values : [...new Set(values)];
    }
    return [...new Set(unit.members.flatMap(pick))];
  });
}
