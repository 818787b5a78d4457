// Every statistic of the statistics page under one rule, from one load.
import type { Context } from '../context.ts';
import { byActorKind, byCounty, byProvince } from './breakdowns.ts';
import { changes, changesPerYear } from './changes.ts';
import { endingsByReason } from './endings-by-reason.ts';
import { establishedPerDecade } from './established-per-decade.ts';
import { inForcePerYear } from './in-force-per-year.ts';
import { FIRST_YEAR, loadStatAgreements } from './load.ts';
import { evaluateStatements } from './report-statements.ts';
import { RULES, type RuleId } from './rules.ts';

/** The series run to the end of `lastYear`; the breakdowns count on `today`. */
export async function statisticsOverview(ctx: Context, ruleId: RuleId, lastYear: number, today = `${lastYear}-12-31`) {
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
    today,
    byCounty: byCounty(agreements, rule, today),
    byProvince: byProvince(agreements, rule, today),
    byActorKind: byActorKind(agreements, rule, today),
    perDecade: establishedPerDecade(agreements, rule),
    statements: evaluateStatements(agreements, rule, { inForce, changes: list }),
    // Under another rule, what the report's own rule gives: where the rule changes a printed number.
    reportRuleStatements: ruleId === 'report' ? null : evaluateStatements(agreements, RULES.report),
  };
}
export type StatisticsOverview = Awaited<ReturnType<typeof statisticsOverview>>;
