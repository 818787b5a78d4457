// Every statistic of the statistics page under one rule, from one load. Each
// is computed when first asked for and kept with the register's snapshot: a
// chart computes only its own numbers, and a second request for the same
// version computes nothing.
import type { Context } from '../context.ts';
import { byActorKind, byCounty, byProvince } from './breakdowns.ts';
import { byStatus } from './by-status.ts';
import { changes, changesPerYear } from './changes.ts';
import { endingsByReason } from './endings-by-reason.ts';
import { establishedPerDecade } from './established-per-decade.ts';
import { inForcePerYear } from './in-force-per-year.ts';
import { sourcesEnd } from '../agreements/known-until.ts';
import { loadStatAgreements, type StatAgreement } from './load.ts';
import { quietCounts, type QuietCounts } from './quiet.ts';
import { evaluateStatements } from './report-statements.ts';
import { rulesAtYear, type RuleAtYear } from './rule-comparison.ts';
import { RULES, type RuleId } from './rules.ts';
import { FIRST_YEAR, withoutKeeping } from './units.ts';

/** The series run to the end of `lastYear`; the breakdowns count on `today`. */
export async function statisticsOverview(ctx: Context, ruleId: RuleId, lastYear: number, today = `${lastYear}-12-31`) {
  const agreements = await loadStatAgreements(ctx);
  let end = ends.get(agreements);
  if (!end) ends.set(agreements, (end = sourcesEnd(ctx)));
  return overviewOf(agreements, ruleId, lastYear, today, await end);
}

// Where the sources end, once per register snapshot (the same data version and audience).
const ends = new WeakMap<readonly StatAgreement[], Promise<number | null>>();

// The quiet agreements on a day, once per register snapshot and day: a count in the database (statistics/quiet.ts).
const quiets = new WeakMap<readonly StatAgreement[], Map<string, Promise<QuietCounts>>>();
export async function quietOverview(ctx: Context, today: string): Promise<QuietCounts> {
  const agreements = await loadStatAgreements(ctx);
  let byDay = quiets.get(agreements);
  if (!byDay) quiets.set(agreements, (byDay = new Map()));
  let counted = byDay.get(today);
  if (!counted) {
    byDay.clear(); // one day kept: yesterday's is not asked for again
    byDay.set(today, (counted = quietCounts(ctx, today)));
    counted.catch(() => byDay!.delete(today));
  }
  return counted;
}
export type StatisticsOverview = ReturnType<typeof buildOverview>;

const overviews = new WeakMap<readonly StatAgreement[], Map<string, StatisticsOverview>>();

function overviewOf(agreements: readonly StatAgreement[], ruleId: RuleId, lastYear: number, today: string, sourcesEnd: number | null): StatisticsOverview {
  let byKey = overviews.get(agreements);
  if (!byKey) overviews.set(agreements, (byKey = new Map()));
  const key = `${ruleId}|${lastYear}|${today}`;
  let overview = byKey.get(key);
  if (!overview) {
    overview = buildOverview(agreements, ruleId, lastYear, today, sourcesEnd);
    // The report's rule keeps what it derives with the units, so that after a
    // change only the changed ones are derived again; another rule computes
    // every number now and keeps only them (units.ts: withoutKeeping).
    if (ruleId !== 'report') withoutKeeping(() => computeAll(overview!));
    byKey.set(key, overview);
  }
  return overview;
}

// The report's peak year ("Toppen nåddes 2016"): the rules compared there, once per register snapshot whatever the rule.
const PEAK_YEAR = 2016;
const peaks = new WeakMap<readonly StatAgreement[], RuleAtYear[]>();
function rulesAtPeak(agreements: readonly StatAgreement[]): RuleAtYear[] {
  let found = peaks.get(agreements);
  if (!found) peaks.set(agreements, (found = rulesAtYear(agreements, PEAK_YEAR)));
  return found;
}

/** Reads every number of an overview, so that each is computed and kept. */
function computeAll(overview: StatisticsOverview): void {
  for (const [name, property] of Object.entries(Object.getOwnPropertyDescriptors(overview))) if (property.get) void overview[name as keyof StatisticsOverview];
}

const once = <T>(compute: () => T) => {
  let value: { v: T } | null = null;
  return () => (value ??= { v: compute() }).v;
};

// Getters, in the order the API's JSON has always listed them.
function buildOverview(agreements: readonly StatAgreement[], ruleId: RuleId, lastYear: number, today: string, sourcesEnd: number | null) {
  const rule = RULES[ruleId];
  const list = once(() => changes(agreements, rule, lastYear));
  const kinds = once(() => [...new Set(agreements.map((a) => a.kind))].sort());
  const inForce = once(() => inForcePerYear(agreements, rule, lastYear));
  const perYear = once(() => changesPerYear(list(), FIRST_YEAR, lastYear));
  const reasons = once(() => endingsByReason(list(), 2017, 2021));
  const counties = once(() => byCounty(agreements, rule, today));
  const provinces = once(() => byProvince(agreements, rule, today));
  const actorKinds = once(() => byActorKind(agreements, rule, today));
  const perDecade = once(() => establishedPerDecade(agreements, rule));
  const statuses = once(() => byStatus(agreements, rule));
  const statements = once(() => evaluateStatements(agreements, rule, { inForce: inForce(), changes: list() }));
  // Under another rule, what the report's own rule gives: where the rule changes a printed number.
  const reportRuleStatements = once(() => (ruleId === 'report' ? null : evaluateStatements(agreements, RULES.report)));
  return {
    rule,
    lastYear,
    /** The latest year the readable register's events and sources speak of: the years after it show the statuses its latest sources give. */
    sourcesEnd,
    get kinds() {
      return kinds();
    },
    get inForce() {
      return inForce();
    },
    get changes() {
      return perYear();
    },
    get reasons() {
      return reasons();
    },
    today,
    get byCounty() {
      return counties();
    },
    get byProvince() {
      return provinces();
    },
    get byActorKind() {
      return actorKinds();
    },
    get perDecade() {
      return perDecade();
    },
    /** Agreements and counted cooperations per current status. */
    get byStatus() {
      return statuses();
    },
    get statements() {
      return statements();
    },
    get reportRuleStatements() {
      return reportRuleStatements();
    },
    /** What every rule counts in force at the end of the report's peak year, and which agreements make the difference. */
    get peakUnderEveryRule() {
      return { year: PEAK_YEAR, rules: rulesAtPeak(agreements) };
    },
  };
}
