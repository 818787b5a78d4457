// What a row of a list of agreements links to besides the agreement: its
// holders' pages and its places' pages. Read for the rows of one page (by
// slug, through the unique index), from the same rows the row's labels were
// made of (readableByEveryReaderOf, as refresh-caches.ts), so the links name
// what the labels name.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { canReadAlias, readableByEveryReaderOf } from '../access.ts';
import type { Context } from '../context.ts';

export interface RowLinks {
  /** The holders (role "party"), by name. */
  parties: Array<{ slug: string; name: string }>;
  /** The agreement's own places, by Latin name. */
  places: Array<{ slug: string; nameLatin: string; nameNative: string | null }>;
  /** The language of the agreement's official title, and its English rendering, for the row's title column. */
  officialTitleLanguage: string | null;
  officialTitleEn: string | null;
}

/**
 * The links of these agreements' rows, by agreement slug; agreements the
 * reader may not read are not in it. Keyed in slug order: without an order
 * the keys followed the rows' places on disk, which an update moves on
 * PostgreSQL, and an unchanged answer read differently.
 */
export async function rowLinksOf(ctx: Context, slugs: readonly string[]): Promise<Record<string, RowLinks>> {
  if (!slugs.length) return {};
  const rows = await queryRows<{ slug: string; links: string }>(
    ctx.db,
    sql`select g.slug, json_build_object(
          'parties', coalesce((select json_agg(json_build_object('slug', ac.slug, 'name', ac.name) order by ac.name)
            from agreement_parties ap join actors ac on ac.id = ap.actor_id
            where ap.agreement_id = g.id and ap.role = 'party' and ${readableByEveryReaderOf('g', 'ac')}), '[]'),
          'places', coalesce((select json_agg(json_build_object('slug', c.slug, 'nameLatin', c.name_latin, 'nameNative', c.name_native) order by c.name_latin)
            from agreement_counterparts x join counterparts c on c.id = x.counterpart_id
            where x.agreement_id = g.id and ${readableByEveryReaderOf('g', 'c')}), '[]'),
          'officialTitleLanguage', g.official_title_language, 'officialTitleEn', g.official_title_en)::text as links
        from agreements g where g.slug = any(${sql.param([...slugs])}::text[]) and ${canReadAlias(ctx.principal, 'g')}
        order by g.slug`,
  );
  return Object.fromEntries(rows.map((r) => [r.slug, JSON.parse(r.links) as RowLinks]));
}
