// Every statistic of the statistics page under one rule, from one load.
import type { Context } from '../context.ts';
import { byActorKind, byCounty, byProvince } from './breakdowns.ts';
import { changes, changesPerYear } from './changes.ts';
import { endingsByReason } from './endings-by-reason.ts';
import { establishedPerDecade } from './established-per-decade.ts';
import { inForcePerYear } from './in-force-per-year.ts';
import { FIRST_YEAR, endOfYear, loadStatAgreements } from './load.ts';
import { evaluateStatements } from './report-statements.ts';
import { RULES, type RuleId } from './rules.ts';

export async function statisticsOverview(ctx: Context, ruleId: RuleId, lastYear: number) {
  const rule = RULES[ruleId];
  const agreements = await loadStatAgreements(ctx);
  const list = changes(agreements, rule, lastYear);
  const inForce = inForcePerYear(agreements, rule, lastYear);
  return {
    rule,
    lastYear,
    kinds: [...new Set(agreements.map((a) => a.kind))].sort(),
    inForce,
    changes: changesPerYear(list, FIRST_YEAR, lastYear),
    reasons: endingsByReason(list, 2017, 2021),
    byCounty: byCounty(agreements, rule, endOfYear(lastYear)),
    byProvince: byProvince(agreements, rule, endOfYear(lastYear)),
    byActorKind: byActorKind(agreements, rule, endOfYear(lastYear)),
    perDecade: establishedPerDecade(agreements, rule),
    statements: evaluateStatements(agreements, rule, { inForce, changes: list }),
    // Under another rule, what the report's own rule gives: where the rule changes a printed number.
    reportRuleStatements: ruleId === 'report' ? null : evaluateStatements(agreements, RULES.report),
  };
}
export type StatisticsOverview = Awaited<ReturnType<typeof statisticsOverview>>;
