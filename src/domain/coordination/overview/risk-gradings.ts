// How the decision bases in scope graded each of the six risk areas
// (decisions/schemas.ts: RISK_AREAS; migration 0047): per area, how many
// bases gave each level, the latest version of each basis only (an earlier
// version is what the basis stood on before it was changed, not a grading
// of its own).
//
// Who reads it: a decision basis is read only by the owning organisation's
// signed-in people (canReadDecisionBasis), and docs/visibility.md makes no
// exception for counts, so a count over other organisations' bases would
// tell a reader what those bases say (with few bases in a county, a count
// of one names the grading). The overview therefore counts, for a signed-in
// person, their own organisation's bases in scope (those on its agreements
// with a Swedish party in the county), and nothing for the public or the
// system's reads of the overview. It is read per request, beside the kept
// answer (overview.ts), which is the same for every signed-in reader.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { decisionBases, RISK_LEVELS, type RiskLevel } from '../../../db/schema.ts';
import type { Context } from '../../context.ts';
import { RISK_AREAS, riskFieldsOf, type RiskArea } from '../../decisions/schemas.ts';
import { inScope, type OverviewScope } from './scope.ts';

export interface RiskGradings {
  /** The bases counted: the latest version of each of the organisation's bases in scope. */
  bases: number;
  /** Per area, in RISK_AREAS' order, how many graded it at each level (every level, zero included). */
  areas: Array<{ area: RiskArea; levels: Record<RiskLevel, number> }>;
}

/** Each area's name and its level column, as SQL values. */
const areaColumns = sql.join(
  RISK_AREAS.map((area) => sql`(${area}, latest.${sql.identifier(decisionBases[riskFieldsOf(area).level].name)})`),
  sql`, `,
);

/** The reader's organisation's bases in scope, counted by area and level; null for a reader who may read no basis. */
export async function riskGradings(ctx: Context, scope: OverviewScope): Promise<RiskGradings | null> {
  const p = ctx.principal;
  if (p.kind !== 'user') return null;
  const rows = await queryRows<{ area: RiskArea; level: RiskLevel; count: number }>(
    ctx.db,
    sql`with latest as (
          select distinct on (b.event_id) b.*
          from decision_bases b join agreements g on g.id = b.agreement_id
          -- canReadDecisionBasis: the agreement's organisation is the reader's
          where g.organisation_id = ${p.organisationId} and ${inScope(scope, 'g')}
          order by b.event_id, b.version desc
        )
        select v.area, v.level, count(*)::int as count
        from latest cross join lateral (values ${areaColumns}) v(area, level)
        group by v.area, v.level`,
  );
  const areas = RISK_AREAS.map((area) => ({
    area,
    levels: Object.fromEntries(RISK_LEVELS.map((level) => [level, rows.find((r) => r.area === area && r.level === level)?.count ?? 0])) as Record<RiskLevel, number>,
  }));
  // Every basis has a level in every area (not_assessed when left out): any one area's levels add up to the bases.
  return { bases: Object.values(areas[0]!.levels).reduce((sum, n) => sum + n, 0), areas };
}
