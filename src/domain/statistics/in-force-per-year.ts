// The report's Diagram 4: cooperations in force at the end of each year, by kind.
import type { StatAgreement } from './load.ts';
import type { CountingRule } from './rules.ts';
import { addInForceYears, countingUnits, FIRST_YEAR, yearsKey } from './units.ts';

export interface InForceYear {
  year: number;
  byKind: Record<string, number>;
  total: number;
}

export function inForcePerYear(agreements: readonly StatAgreement[], rule: CountingRule, lastYear: number, firstYear = FIRST_YEAR): InForceYear[] {
  const n = Math.max(0, lastYear - firstYear + 1);
  const counts = new Map<string, Int32Array>();
  const key = yearsKey(rule, lastYear);
  for (const unit of countingUnits(agreements, rule)) {
    let row = counts.get(unit.kind);
    if (!row) counts.set(unit.kind, (row = new Int32Array(n)));
    addInForceYears(row, unit, rule, firstYear, lastYear, key);
  }
  const kinds = [...counts.keys()].sort();
  return Array.from({ length: n }, (_, i) => {
    const byKind = Object.fromEntries(kinds.map((k) => [k, counts.get(k)![i]!]));
    return { year: firstYear + i, byKind, total: kinds.reduce((sum, k) => sum + counts.get(k)![i]!, 0) };
  });
}
