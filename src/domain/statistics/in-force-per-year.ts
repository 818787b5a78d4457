// The report's Diagram 4: cooperations in force at the end of each year, by kind.
import { countingUnits, FIRST_YEAR, isInForce, type StatAgreement, unitYearStatuses } from './load.ts';
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
  for (let year = firstYear; year <= lastYear; year++) years.push({ year, byKind: Object.fromEntries(kinds.map((k) => [k, 0])), total: 0 });
  for (const unit of units) {
    unitYearStatuses(unit, rule, firstYear, lastYear).forEach((status, i) => {
      if (!isInForce(status)) return;
      years[i]!.byKind[unit.kind]!++;
      years[i]!.total++;
    });
  }
  return years;
}
