// Cooperations established per decade, by kind: when each counted unit first began.
import { countingUnits, type StatAgreement } from './load.ts';
import type { CountingRule } from './rules.ts';

export interface DecadeRow {
  decade: number;
  byKind: Record<string, number>;
  total: number;
}

export function establishedPerDecade(agreements: readonly StatAgreement[], rule: CountingRule): DecadeRow[] {
  const rows = new Map<number, DecadeRow>();
  const kinds = [...new Set(agreements.map((a) => a.kind))].sort();
  for (const unit of countingUnits(agreements, rule)) {
    const starts = unit.members.flatMap((m) => m.events.filter((e) => e.type === 'established' && e.dateMin).map((e) => Number(e.dateMin!.slice(0, 4))));
    if (!starts.length) continue;
    const decade = Math.floor(Math.min(...starts) / 10) * 10;
    const row = rows.get(decade) ?? { decade, byKind: Object.fromEntries(kinds.map((k) => [k, 0])), total: 0 };
    row.byKind[unit.kind] = (row.byKind[unit.kind] ?? 0) + 1;
    row.total++;
    rows.set(decade, row);
  }
  return [...rows.values()].sort((a, b) => a.decade - b.decade);
}
