// Incoming delegations in the coming months: the visits of kind
// `visit_incoming` the reader may read, from today to six months ahead, as
// the shared calendar reads them (calendar/visits.ts), narrowed to the scope.
import type { Context } from '../../context.ts';
import { monthBounds, shiftMonths, visitsBetween, type CalendarVisit } from '../../calendar/visits.ts';
import type { OverviewScope } from './scope.ts';

export const INCOMING_MONTHS = 6;

export async function incomingDelegations(ctx: Context, scope: OverviewScope, today: string, shown: number): Promise<{ total: number; visits: CalendarVisit[] }> {
  const to = monthBounds(shiftMonths(today.slice(0, 7), INCOMING_MONTHS - 1)).to;
  const { visits, total } = await visitsBetween(ctx, { direction: 'incoming', ...(scope.kind === 'country' ? {} : { county: scope.county }) }, today, to);
  return { total, visits: visits.slice(0, shown) };
}
