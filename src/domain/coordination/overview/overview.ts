// The coordinators' overview of a scope (the country, a county, a region):
// incoming delegations in the coming months, quiet agreements, recent
// decisions and their reasons, contact surfaces by kind, and trends per year.
// Who reads what: the public reads the public register; a signed-in person
// (of any role) the public and shared records, never an organisation's
// internal ones (SHARED_READER), so every overview has two answers, each
// kept per data version and day: at the benchmark's scale the quiet
// agreements and the trends read every agreement in scope.
import { PUBLIC_READER, SHARED_READER } from '../../access.ts';
import type { Context, Principal } from '../../context.ts';
import { keptPerVersion } from '../../kept-answers.ts';
import type { CalendarVisit } from '../../calendar/visits.ts';
import { contactSurfacesByKind, type ContactSurfaceCount } from './contact-surfaces.ts';
import { recentDecisions, type RecentDecision } from './decisions.ts';
import { incomingDelegations } from './incoming.ts';
import { quietInScope, type QuietAgreement } from './quiet.ts';
import { riskGradings, type RiskGradings } from './risk-gradings.ts';
import { scopeKey, type OverviewScope } from './scope.ts';
import { trends, type TrendYear } from './trends.ts';

/** Rows shown of each list (the totals count them all). */
export const OVERVIEW_ROWS = 20;

export interface CoordinationOverview {
  scope: OverviewScope;
  /** What it is read from: the public register, or the public and shared records. */
  reads: 'public' | 'shared';
  on: string;
  incoming: { total: number; visits: CalendarVisit[] };
  quiet: { total: number; agreements: QuietAgreement[] };
  decisions: RecentDecision[];
  contactSurfaces: ContactSurfaceCount[];
  trends: TrendYear[];
  /** The reader's own organisation's decision bases in scope by risk area and level; null for the public (risk-gradings.ts). */
  riskGradings: RiskGradings | null;
}

/** The principal an overview reads as: the public, or the shared reader for anyone signed in. */
export const overviewReader = (principal: Principal): Principal => (principal.kind === 'anonymous' ? PUBLIC_READER : SHARED_READER);

const kept = keptPerVersion<Omit<CoordinationOverview, 'riskGradings'>>(64);

export async function coordinationOverview(ctx: Context, scope: OverviewScope, today: string): Promise<CoordinationOverview> {
  const principal = overviewReader(ctx.principal);
  const reads = principal === PUBLIC_READER ? 'public' : 'shared';
  const reader: Context = { db: ctx.db, principal };
  // The gradings are the reader's organisation's alone: read per request, never kept with the answer every signed-in reader shares.
  const [shared, gradings] = await Promise.all([keptOverview(ctx, reader, reads, scope, today), riskGradings(ctx, scope)]);
  return { ...shared, riskGradings: gradings };
}

function keptOverview(ctx: Context, reader: Context, reads: 'public' | 'shared', scope: OverviewScope, today: string): Promise<Omit<CoordinationOverview, 'riskGradings'>> {
  return kept(ctx, `${today}|${reads}|${scopeKey(scope)}`, async () => {
    const [incoming, quiet, decisions, contactSurfaces, perYear] = await Promise.all([
      incomingDelegations(reader, scope, today, OVERVIEW_ROWS),
      quietInScope(reader, scope, today, OVERVIEW_ROWS),
      recentDecisions(reader, scope, today, OVERVIEW_ROWS),
      contactSurfacesByKind(reader, scope),
      trends(reader, scope, today),
    ]);
    return { scope, reads, on: today, incoming, quiet, decisions, contactSurfaces, trends: perYear };
  });
}
