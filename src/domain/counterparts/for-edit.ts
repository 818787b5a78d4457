// What the administrators' pages read about places: every place, whatever its
// visibility or owner (reference data is theirs to keep).
import { eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.ts';
import { counterparts, type CounterpartLevel, type Visibility } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';
import { textMatches } from '../text/search.ts';
import { parseInput } from '../validate.ts';

export const adminPlaceQuerySchema = z.strictObject({ q: z.string().trim().max(200, 'must be at most 200 characters').optional() });

export interface AdminPlaceRow {
  slug: string;
  nameLatin: string;
  nameNative: string | null;
  level: CounterpartLevel;
  depth: number;
  visibility: Visibility;
  /** The chain of places it lies in, root first, as Latin names. */
  path: string;
}

/** Every place (or those a search finds), in hierarchy order: each followed by what lies inside it. */
export async function listPlacesForAdmin({ ctx, input }: { ctx: Context; input: unknown }): Promise<AdminPlaceRow[]> {
  requireAdmin(ctx);
  const { q } = parseInput(adminPlaceQuerySchema, input);
  const where: SQL = textMatches(sql`c.search_text`, q) ?? sql`true`;
  return queryRows<AdminPlaceRow>(
    ctx.db,
    sql`select c.slug, c.name_latin as "nameLatin", c.name_native as "nameNative", c.level, cardinality(c.ancestor_ids)::int as depth, c.visibility,
          coalesce((select string_agg(x.name_latin, ' / ' order by array_position(c.ancestor_ids, x.id)) from counterparts x where x.id = any(c.ancestor_ids)), '') as path
        from counterparts c where ${where}
        order by (select string_agg(x.name_latin, '/' order by array_position(c.ancestor_ids || c.id, x.id)) from counterparts x where x.id = any(c.ancestor_ids || c.id))
        limit 5000`,
  );
}

/** One place as its change form shows it: the record and its parent's slug. */
export async function getPlaceForEdit({ ctx, slug }: { ctx: Context; slug: string }) {
  requireAdmin(ctx);
  const [place] = await ctx.db.select().from(counterparts).where(eq(counterparts.slug, slug));
  if (!place) throw notFound(`counterpart '${slug}'`);
  const [parent] = place.parentId === null ? [] : await ctx.db.select({ slug: counterparts.slug }).from(counterparts).where(eq(counterparts.id, place.parentId));
  return { place, parentSlug: parent?.slug ?? null };
}

/**
 * Places a place can be put inside, for the form's suggestions: those that
 * have places inside them or are at most two levels down (provinces,
 * prefectures and their counties), by their chain.
 */
export async function parentChoices({ ctx }: { ctx: Context }): Promise<Array<{ slug: string; label: string }>> {
  requireAdmin(ctx);
  return queryRows<{ slug: string; label: string }>(
    ctx.db,
    sql`select c.slug, concat_ws(' / ', nullif((select string_agg(x.name_latin, ' / ' order by array_position(c.ancestor_ids, x.id)) from counterparts x where x.id = any(c.ancestor_ids)), ''),
          c.name_latin || coalesce(' ' || c.name_native, '')) as label
        from counterparts c
        where cardinality(c.ancestor_ids) <= 1 or exists (select 1 from counterparts d where d.parent_id = c.id)
        order by label limit 3000`,
  );
}
