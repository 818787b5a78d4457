// The report's Diagram 4: cooperations in force at the end of each year, by kind.
import { countingUnits, endOfYear, FIRST_YEAR, isInForce, type StatAgreement, unitStatusOn } from './load.ts';
import type { CountingRule } from './rules.ts';

export interface InForceYear {
  year: number;
  byKind: Record<string, number>;
  total: number;
}

export function inForcePerYear(agreements: readonly StatAgreement[], rule: CountingRule, lastYear: number, firstYear = FIRST_YEAR): InForceYear[] {
  const units = countingUnits(agreements, rule);
  const kinds = [...new Set(units.map((u) => u.kind))].sort();
  const years: InForceYear[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const byKind = Object.fromEntries(kinds.map((k) => [k, 0]));
    for (const unit of units) if (isInForce(unitStatusOn(unit, endOfYear(year), rule))) byKind[unit.kind]!++;
    years.push({ year, byKind, total: Object.values(byKind).reduce((a, b) => a + b, 0) });
  }
  return years;
}
