// How many agreements have each current status: the count the list gives for
// each status filter (each agreement on its own, its status as the register
// shows it), beside the cooperations the rule counts with that status. From
// the kept register, as every statistic: one pass over what the units already
// keep (units.ts), no query.
import type { Status } from '../../db/schema.ts';
import type { StatAgreement } from './load.ts';
import { RULES, type CountingRule } from './rules.ts';
import { countingUnits, unitCurrentStatus } from './units.ts';

/** In force first (as IN_FORCE), then ended and planned. */
export const STATUS_ORDER: readonly Status[] = ['active', 'dormant', 'paused', 'partly_ended', 'ended', 'planned'];

export interface StatusCount {
  status: Status;
  /** Agreements with this status now, each on its own: what the list filtered by the status counts. */
  agreements: number;
  /** Cooperations with this status now under the rule (a pair's most alive agreement, under the report's rule). */
  counted: number;
}

function tally(units: ReturnType<typeof countingUnits>, rule: CountingRule): Map<Status, number> {
  const counts = new Map<Status, number>();
  for (const unit of units) {
    const status = unitCurrentStatus(unit, rule);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return counts;
}

export function byStatus(agreements: readonly StatAgreement[], rule: CountingRule): StatusCount[] {
  // Each agreement, with the register's own derivation: the per-agreement rule is the report's derivation with one unit per agreement.
  const register = RULES['per-agreement'];
  const each = tally(countingUnits(agreements, register), register);
  const counted = tally(countingUnits(agreements, rule), rule);
  return STATUS_ORDER.map((status) => ({ status, agreements: each.get(status) ?? 0, counted: counted.get(status) ?? 0 }));
}
