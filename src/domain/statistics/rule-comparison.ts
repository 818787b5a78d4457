// The report's peak ("49 cooperations in force in 2016") under every counting
// rule: what each rule counts at the end of that year, and which agreements
// make the difference from the report's rule. The statistics page shows it
// so that a reader sees how each rule reaches or misses the printed number,
// from the register's data rather than from a text written once.
import { IN_FORCE, statusPeriods } from '../status/derive-status.ts';
import { dayNumber } from '../dates.ts';
import { A_RANGE, ENDED_BY_EXPIRY, eventFacts, type StatAgreement } from './load.ts';
import { RULE_IDS, RULES, type CountingRule, type RuleId } from './rules.ts';
import { countingUnits, derivationKey, derivationKeys, endOfYear, keepPeriods, periodsOf, statusInKept, type KeptPeriods } from './units.ts';

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

const inForceIn = (periods: KeptPeriods, day: number) => {
  const status = statusInKept(periods, day);
  return status !== null && IN_FORCE.has(status);
};

/**
 * Whether the agreement's statuses can differ between the report's
 * derivation and the rule's: only through an event whose date is a range
 * (when it takes effect) or an ending by expiry (whether it ends). Others are
 * derived once, under the report's rule, and those periods are kept
 * (units.ts); the few that can differ are derived here and not kept.
 */
function canDiffer(a: StatAgreement, rule: CountingRule): boolean {
  const { expiryEnds, effectiveOn } = RULES.report.derivation;
  const facts = eventFacts(a);
  return (rule.derivation.effectiveOn !== effectiveOn && (facts & A_RANGE) !== 0) || (rule.derivation.expiryEnds !== expiryEnds && (facts & ENDED_BY_EXPIRY) !== 0);
}

export function rulesAtYear(agreements: readonly StatAgreement[], year: number): RuleAtYear[] {
  const day = dayNumber(endOfYear(year));
  const report = RULES.report;
  const reportKeys = derivationKeys(report);
  const reportInForce = new Map(agreements.map((a) => [a.id, inForceIn(periodsOf(a, report, reportKeys), day)]));
  return RULE_IDS.map((id) => {
    const rule = RULES[id];
    const sameDerivation = derivationKey(rule) === derivationKey(report);
    const own = new Map<number, boolean>();
    if (!sameDerivation) for (const a of agreements) if (canDiffer(a, rule)) own.set(a.id, inForceIn(keepPeriods(statusPeriods(a.events, rule.derivation)), day));
    const inForce = (a: StatAgreement) => own.get(a.id) ?? reportInForce.get(a.id)!;
    const byKind: Record<string, number> = {};
    // A unit is in force when one of its members is (units.ts: a unit is as alive as its most alive member).
    for (const unit of countingUnits(agreements, rule)) {
      if (unit.members.some(inForce)) byKind[unit.kind] = (byKind[unit.kind] ?? 0) + 1;
    }
    const differs = sameDerivation
      ? []
      : agreements.filter((a) => own.has(a.id) && own.get(a.id) !== reportInForce.get(a.id)).map((a) => ({ slug: a.slug, kind: a.kind, inForce: !reportInForce.get(a.id) }));
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
