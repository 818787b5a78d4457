// Contact surfaces counted per Swedish county and per Chinese province, by
// kind: the map's layers and the statistics. Counted in the database, one
// group-by each over the surfaces' cached counties and provinces
// (refresh-areas.ts), never by reading the surfaces or joining their links:
// at the benchmark's scale there are 200,000 of them. A surface counts once
// in each county of a body it links and each province of a place it links,
// where everyone who may read the surface may read the body or place (and
// the province). Both are kept per data version and reader (kept-answers.ts):
// the map and the statistics ask for them on every request.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { CONTACT_SURFACE_KINDS, type ContactSurfaceKind } from '../../db/schema.ts';
import { canReadAlias } from '../access.ts';
import type { Context } from '../context.ts';
import { keptPerVersion, readsAs } from '../kept-answers.ts';

export type KindCounts = Record<ContactSurfaceKind, number>;
export interface CountyCounts { county: string; counts: KindCounts; total: number }
export interface ProvinceCounts { slug: string; name: string; native: string | null; counts: KindCounts; total: number }

const noCounts = (): KindCounts => Object.fromEntries(CONTACT_SURFACE_KINDS.map((k) => [k, 0])) as KindCounts;

/** Rows of (key, kind, n) folded into one entry per key, the most first. */
function fold<K extends string, T>(rows: Array<{ key: K; kind: ContactSurfaceKind; n: number }>, make: (key: K) => T): Array<T & { counts: KindCounts; total: number }> {
  const byKey = new Map<K, T & { counts: KindCounts; total: number }>();
  for (const r of rows) {
    const entry = byKey.get(r.key) ?? { ...make(r.key), counts: noCounts(), total: 0 };
    entry.counts[r.kind] += r.n;
    entry.total += r.n;
    byKey.set(r.key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.total - a.total);
}

const keptCounties = keptPerVersion<CountyCounts[]>(16);
const keptProvinces = keptPerVersion<ProvinceCounts[]>(16);

export const surfacesPerCounty = (ctx: Context): Promise<CountyCounts[]> => keptCounties(ctx, readsAs(ctx.principal), () => countPerCounty(ctx));
export const surfacesPerProvince = (ctx: Context): Promise<ProvinceCounts[]> => keptProvinces(ctx, readsAs(ctx.principal), () => countPerProvince(ctx));

async function countPerCounty(ctx: Context): Promise<CountyCounts[]> {
  const rows = await queryRows<{ key: string; kind: ContactSurfaceKind; n: number }>(
    ctx.db,
    sql`select x.county as key, s.kind, count(*)::int as n
        from contact_surfaces s cross join unnest(s.county_codes) as x(county)
        where ${canReadAlias(ctx.principal, 's')}
        group by x.county, s.kind`,
  );
  return fold(rows, (county) => ({ county }));
}

async function countPerProvince(ctx: Context): Promise<ProvinceCounts[]> {
  const rows = await queryRows<{ key: string; kind: ContactSurfaceKind; n: number; name: string; native: string | null }>(
    ctx.db,
    sql`select p.slug as key, p.name_latin as name, p.name_native as native, x.kind, x.n
        from (select y.province, s.kind, count(*)::int as n
              from contact_surfaces s cross join unnest(s.province_ids) as y(province)
              where ${canReadAlias(ctx.principal, 's')}
              group by y.province, s.kind) x
        join counterparts p on p.id = x.province and ${canReadAlias(ctx.principal, 'p')}`,
  );
  const names = new Map(rows.map((r) => [r.key, { name: r.name, native: r.native }]));
  return fold(rows, (slug) => ({ slug, ...names.get(slug)! }));
}
