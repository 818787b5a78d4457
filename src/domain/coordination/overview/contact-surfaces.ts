// Contact surfaces by kind in the scope: THE PLACE FOR THE CONTACT SURFACES
// OF ISSUE 21. Another part of the issue builds their table (investments,
// procurement, trade, university and school cooperation, Confucius
// classrooms, information influence) at the same time as this overview;
// until it is merged this returns what exists: nothing. Replace the body with
// a count by kind read from that table, as the reader may read each row and
// narrowed to the scope (the Swedish parties' county), and the page and the
// API show it as they are (an empty list says "none recorded yet").
import type { Context } from '../../context.ts';
import type { OverviewScope } from './scope.ts';

export interface ContactSurfaceCount {
  kind: string;
  count: number;
}

export async function contactSurfacesByKind(_ctx: Context, _scope: OverviewScope): Promise<ContactSurfaceCount[]> {
  return [];
}
