// Reasons given for endings and pauses in a period, by who gave them.
import { REASON_CODES, REASON_STATED_BY, type ReasonCode, type ReasonStatedBy } from '../../db/schema.ts';
import { inPeriod, type Change } from './changes.ts';

export interface ReasonRow {
  code: ReasonCode;
  /** Endings and pauses with this reason, counted once each whoever gave it. */
  total: number;
  byStatedBy: Record<ReasonStatedBy, number>;
}

export function endingsByReason(list: readonly Change[], from: number, to: number): { rows: ReasonRow[]; withoutReason: number } {
  const inside = list.filter((c) => inPeriod(c, from, to));
  const rows = REASON_CODES.map((code) => {
    const byStatedBy = Object.fromEntries(REASON_STATED_BY.map((s) => [s, inside.filter((c) => c.reasons.some((r) => r.code === code && r.statedBy === s)).length])) as Record<ReasonStatedBy, number>;
    return { code, total: inside.filter((c) => c.reasons.some((r) => r.code === code)).length, byStatedBy };
  });
  return { rows, withoutReason: inside.filter((c) => c.reasons.length === 0).length };
}
