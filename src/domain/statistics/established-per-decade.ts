// Cooperations established per decade, by kind: when each counted unit first began.
import { establishedYear, type StatAgreement } from './load.ts';
import type { CountingRule } from './rules.ts';
import { countingUnits, perUnit } from './units.ts';

export interface DecadeRow {
  decade: number;
  byKind: Record<string, number>;
  total: number;
}

export function establishedPerDecade(agreements: readonly StatAgreement[], rule: CountingRule): DecadeRow[] {
  const rows = new Map<number, DecadeRow>();
  const kinds = [...new Set(agreements.map((a) => a.kind))].sort();
  for (const unit of countingUnits(agreements, rule)) {
    const decade = perUnit(unit, 'decade', () => {
      const starts = unit.members.map(establishedYear).filter((year) => year > 0);
      return starts.length ? Math.floor(Math.min(...starts) / 10) * 10 : null;
    });
    if (decade === null) continue;
    let row = rows.get(decade);
    if (!row) rows.set(decade, (row = { decade, byKind: Object.fromEntries(kinds.map((k) => [k, 0])), total: 0 }));
    row.byKind[unit.kind] = (row.byKind[unit.kind] ?? 0) + 1;
    row.total++;
  }
  return [...rows.values()].sort((a, b) => a.decade - b.decade);
}
