// Contact surfaces by kind in the scope (contact-surfaces/): those the reader
// may read, in the country, or with a Swedish body in the scope's county (by
// the surface's cached counties, as the map and the statistics count them).
// One group-by over the surfaces; an empty list says "none recorded yet".
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import type { ContactSurfaceKind } from '../../../db/schema.ts';
import { canReadAlias } from '../../access.ts';
import type { Context } from '../../context.ts';
import type { OverviewScope } from './scope.ts';

export interface ContactSurfaceCount {
  kind: ContactSurfaceKind;
  count: number;
}

export async function contactSurfacesByKind(ctx: Context, scope: OverviewScope): Promise<ContactSurfaceCount[]> {
  const inCounty = scope.kind === 'country' ? sql`true` : sql`s.county_codes @> array[${scope.county}]::text[]`;
  return queryRows<ContactSurfaceCount>(
    ctx.db,
    sql`select s.kind, count(*)::int as count from contact_surfaces s
        where ${canReadAlias(ctx.principal, 's')} and ${inCounty}
        group by s.kind order by count desc, s.kind`,
  );
}
