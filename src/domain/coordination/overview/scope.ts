// Where a coordinators' overview looks: the whole country, a county (by its
// länskod), or a region (a party of kind `region`, which serves its county:
// Region Skåne's overview is Skåne län's, under the region's name). A county
// narrows to the agreements with a Swedish party in it (`party_counties`).
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { canReadAlias } from '../../access.ts';
import type { Context } from '../../context.ts';
import { COUNTIES, isCounty } from '../../counties.ts';
import { notFound } from '../../errors.ts';

export type OverviewScope = { kind: 'country' } | { kind: 'county'; county: string; name: string } | { kind: 'region'; county: string; name: string; slug: string };

export const COUNTRY: OverviewScope = { kind: 'country' };

/** A county by its länskod; NOT_FOUND for any other text. */
export function countyScope(code: string): OverviewScope {
  if (!isCounty(code)) throw notFound('county');
  return { kind: 'county', county: code, name: COUNTIES[code]! };
}

/** A region by its party's slug, as the reader may read it; NOT_FOUND for anything else (a kommun too). */
export async function regionScope(ctx: Context, slug: string): Promise<OverviewScope> {
  const [row] = await queryRows<{ name: string; county: string | null }>(
    ctx.db,
    sql`select a.name, a.county_code as county from actors a where a.slug = ${slug} and a.kind = 'region' and ${canReadAlias(ctx.principal, 'a')}`,
  );
  if (!row?.county) throw notFound('region');
  return { kind: 'region', county: row.county, name: row.name, slug };
}

/** The SQL condition on agreement alias `g` for the scope. */
export const inScope = (scope: OverviewScope, g = 'g'): SQL =>
  scope.kind === 'country' ? sql`true` : sql`${sql.raw(`${g}.party_counties`)} @> array[${scope.county}]::text[]`;

/** The scope as a cache key and an address part. */
export const scopeKey = (scope: OverviewScope) => (scope.kind === 'country' ? 'country' : `${scope.kind}:${scope.kind === 'region' ? scope.slug : scope.county}`);

/**
 * The regions of the scope's county that the reader may read, by name (each
 * has an overview of its county); none for the country, whose page links
 * the counties: a register may know thousands of parties of kind region.
 */
export const listRegions = (ctx: Context, scope: OverviewScope) =>
  scope.kind === 'country'
    ? Promise.resolve([])
    : queryRows<{ slug: string; name: string }>(
        ctx.db,
        sql`select a.slug, a.name from actors a where a.kind = 'region' and a.county_code = ${scope.county} and ${canReadAlias(ctx.principal, 'a')} order by a.name`,
      );
