// Cooperations by county, Chinese province and kind of Swedish body: how
// many were ever established there and how many are in force on a day.
import { countingUnits, isInForce, type CountingUnit, type StatAgreement, unitStatusOn } from './load.ts';
import type { CountingRule } from './rules.ts';

export interface BreakdownRow {
  key: string;
  established: number;
  inForce: number;
  ended: number;
}

function breakdown(agreements: readonly StatAgreement[], rule: CountingRule, day: string, keysOf: (u: CountingUnit) => string[]): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  for (const unit of countingUnits(agreements, rule)) {
    const status = unitStatusOn(unit, day, rule);
    if (status === null || status === 'planned') continue;
    for (const key of new Set(keysOf(unit))) {
      const row = rows.get(key) ?? { key, established: 0, inForce: 0, ended: 0 };
      row.established++;
      if (isInForce(status)) row.inForce++;
      if (status === 'ended') row.ended++;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.established - a.established || a.key.localeCompare(b.key));
}

export const byCounty = (a: readonly StatAgreement[], rule: CountingRule, day: string) => breakdown(a, rule, day, (u) => u.members.flatMap((m) => m.counties));
export const byProvince = (a: readonly StatAgreement[], rule: CountingRule, day: string) => breakdown(a, rule, day, (u) => u.members.flatMap((m) => m.provinces));
export const byActorKind = (a: readonly StatAgreement[], rule: CountingRule, day: string) => breakdown(a, rule, day, (u) => u.members.flatMap((m) => m.actorKinds));
