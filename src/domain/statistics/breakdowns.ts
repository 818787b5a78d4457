// Cooperations by county, Chinese province and kind of Swedish body: how
// many were ever established there and how many are in force on a day.
import type { StatAgreement } from './load.ts';
import type { CountingRule } from './rules.ts';
import { countingUnits, derivationKeys, isInForce, memberValues, unitStatusOn } from './units.ts';

export interface BreakdownRow {
  key: string;
  established: number;
  inForce: number;
  ended: number;
}

function breakdown(agreements: readonly StatAgreement[], rule: CountingRule, day: string, by: string, pick: (a: StatAgreement) => readonly string[]): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  const keys = derivationKeys(rule);
  for (const unit of countingUnits(agreements, rule)) {
    const status = unitStatusOn(unit, day, rule, keys);
    if (status === null || status === 'planned') continue;
    const inForce = isInForce(status) ? 1 : 0;
    const ended = status === 'ended' ? 1 : 0;
    for (const key of memberValues(unit, by, pick)) {
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { key, established: 0, inForce: 0, ended: 0 }));
      row.established++;
      row.inForce += inForce;
      row.ended += ended;
    }
  }
  return [...rows.values()].sort((a, b) => b.established - a.established || a.key.localeCompare(b.key));
}

export const byCounty = (a: readonly StatAgreement[], rule: CountingRule, day: string) => breakdown(a, rule, day, 'counties', (m) => m.counties);
export const byProvince = (a: readonly StatAgreement[], rule: CountingRule, day: string) => breakdown(a, rule, day, 'provinces', (m) => m.provinces);
export const byActorKind = (a: readonly StatAgreement[], rule: CountingRule, day: string) => breakdown(a, rule, day, 'actorKinds', (m) => m.actorKinds);
