// The report's peak ("49 cooperations in force in 2016") under every counting
// rule: what each rule counts at the end of that year, and which agreements
// make the difference from the report's rule. The statistics page shows it
// so that a reader sees how each rule reaches or misses the printed number,
// from the register's data rather than from a text written once.
import { IN_FORCE, statusInPeriods, statusPeriods } from '../status/derive-status.ts';
import type { StatAgreement } from './load.ts';
import { RULE_IDS, RULES, type CountingRule, type RuleId } from './rules.ts';
import { countingUnits, derivationKey, endOfYear } from './units.ts';

export interface RuleAtYear {
  rule: RuleId;
  /** Counted cooperations in force at the end of the year, by kind and in all. */
  byKind: Record<string, number>;
  total: number;
  /**
   * Agreements in force at the year's end under the report's derivation of
   * statuses and not under this rule's, or the other way round (slug and
   * whether this rule counts it in force): the first LISTED of them.
   */
  statusDiffers: Array<{ slug: string; kind: string; inForce: boolean }>;
  statusDiffersCount: number;
  /** Under a rule that counts each agreement: pairs with more than one agreement in force, by their agreements' slugs. */
  pairsCountedTwice: string[][];
  pairsCountedTwiceCount: number;
}

const LISTED = 10;

// Derived here and not kept with the agreements (units.ts keeps what the
// charts derive): two more derivations of every agreement would stay in
// memory for one table.
const inForceAt = (a: StatAgreement, rule: CountingRule, day: string) => {
  const status = statusInPeriods(statusPeriods(a.events, rule.derivation), day);
  return status !== null && IN_FORCE.has(status);
};

export function rulesAtYear(agreements: readonly StatAgreement[], year: number): RuleAtYear[] {
  const day = endOfYear(year);
  const report = RULES.report;
  const reportInForce = new Map(agreements.map((a) => [a.id, inForceAt(a, report, day)]));
  return RULE_IDS.map((id) => {
    const rule = RULES[id];
    const sameDerivation = derivationKey(rule) === derivationKey(report);
    const inForceOf = sameDerivation ? reportInForce : new Map(agreements.map((a) => [a.id, inForceAt(a, rule, day)]));
    const inForce = (a: StatAgreement) => inForceOf.get(a.id)!;
    const byKind: Record<string, number> = {};
    // A unit is in force when one of its members is (units.ts: a unit is as alive as its most alive member).
    for (const unit of countingUnits(agreements, rule)) {
      if (unit.members.some(inForce)) byKind[unit.kind] = (byKind[unit.kind] ?? 0) + 1;
    }
    const differs = sameDerivation
      ? []
      : agreements.filter((a) => inForce(a) !== reportInForce.get(a.id)).map((a) => ({ slug: a.slug, kind: a.kind, inForce: !reportInForce.get(a.id) }));
    const twice =
      rule.unit === 'agreement'
        ? countingUnits(agreements, report)
            .map((pair) => pair.members.filter(inForce).map((a) => a.slug))
            .filter((slugs) => slugs.length > 1)
        : [];
    return {
      rule: id,
      byKind,
      total: Object.values(byKind).reduce((sum, n) => sum + n, 0),
      statusDiffers: differs.slice(0, LISTED),
      statusDiffersCount: differs.length,
      pairsCountedTwice: twice.slice(0, LISTED),
      pairsCountedTwiceCount: twice.length,
    };
  });
}
