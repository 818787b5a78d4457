import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Executor } from '../../db/client.ts';
import type { CounterpartLevel } from '../../db/schema.ts';
import { canReadRow } from '../access.ts';
import type { Context } from '../context.ts';
import { textMatches } from '../text/search.ts';
import { parseInput } from '../validate.ts';

export const listCounterpartsSchema = z.strictObject({
  q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
});

export interface CounterpartListRow {
  id: number;
  slug: string;
  nameLatin: string;
  nameNative: string | null;
  namePinyin: string | null;
  otherNames: string[];
  level: CounterpartLevel;
  parentId: number | null;
  depth: number;
  /** Agreements with this place or any place inside it. */
  agreements: number;
}

/** Places in hierarchy order (each followed by what lies inside it), or the matches of a search. */
export async function listCounterparts({ ctx, input }: { ctx: Context; input: z.input<typeof listCounterpartsSchema> }): Promise<CounterpartListRow[]> {
  const query = parseInput(listCounterpartsSchema, input);
  const where: SQL[] = [canReadRow(ctx.principal, sql`c.visibility`, sql`c.organisation_id`)];
  const text = textMatches(sql`c.search_text`, query.q);
  if (text) where.push(text);
  return queryRows<CounterpartListRow>(
    ctx.db,
    sql`select c.id, c.slug, c.name_latin as "nameLatin", c.name_native as "nameNative", c.name_pinyin as "namePinyin", c.other_names as "otherNames",
          c.level, c.parent_id as "parentId", cardinality(c.ancestor_ids)::int as depth,
          (select count(*)::int from agreements a where a.place_ids @> array[c.id]
             and ${canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)}) as agreements
        from counterparts c
        where ${sql.join(where, sql` and `)}
        order by (select string_agg(x.name_latin, '/' order by array_position(c.ancestor_ids || c.id, x.id))
                  from counterparts x where x.id = any(c.ancestor_ids || c.id))
        limit 2000`,
  );
}

export interface PlaceOption {
  slug: string;
  nameLatin: string;
  nameNative: string | null;
  depth: number;
}

/**
 * Places for a filter menu or a chart's labels, without counts: the top
 * levels only (provinces and the cities in them), in hierarchy order; with
 * `also`, that place too, wherever it lies (the menu's current choice).
 */
export async function listPlaceOptions({ ctx, maxDepth, limit = 5000, also }: { ctx: Context; maxDepth: 0 | 1; limit?: number; also?: string }): Promise<PlaceOption[]> {
  return queryRows<PlaceOption>(
    ctx.db,
    sql`select c.slug, c.name_latin as "nameLatin", c.name_native as "nameNative", cardinality(c.ancestor_ids)::int as depth
        from counterparts c
        where (cardinality(c.ancestor_ids) <= ${maxDepth}${also ? sql` or c.slug = ${also}` : sql``})
          and ${canReadRow(ctx.principal, sql`c.visibility`, sql`c.organisation_id`)}
        order by coalesce((select p.name_latin from counterparts p where p.id = c.ancestor_ids[1]), c.name_latin), cardinality(c.ancestor_ids), c.name_latin
        limit ${limit}`,
  );
}

/**
 * A menu longer than this lists the provinces alone: at the benchmark's scale
 * the provinces and their cities are 3,085 places, 224 kB of options on every
 * page of the list. A city is then found by its name in the text search.
 */
export const PLACE_MENU_SIZE = 300;

/**
 * The agreement list's place menu: provinces and their cities, or the
 * provinces alone when they are more than `size` (PLACE_MENU_SIZE but in
 * tests); the selected place is in it wherever it lies.
 */
export async function placeMenu(ctx: Context, selected: string | undefined, size = PLACE_MENU_SIZE, version?: number): Promise<PlaceMenu> {
  if (version === undefined) return readPlaceMenu(ctx, selected, size);
  // Kept per database, reader's audience and chosen place until the data version moves:
  // at the benchmark's scale the menu is two reads of 50,000 places, on every page of the list.
  let kept = menus.get(ctx.db);
  if (!kept) menus.set(ctx.db, (kept = new Map()));
  const key = `${audienceOf(ctx)}|${selected ?? ''}|${size}`;
  const known = kept.get(key);
  if (known && known.version >= version) return known.menu;
  const menu = readPlaceMenu(ctx, selected, size);
  kept.delete(key);
  kept.set(key, { version, menu });
  menu.catch(() => kept.delete(key));
  // The oldest menus go first past this many (a menu per chosen place is a few hundred rows).
  if (kept.size > 200) kept.delete(kept.keys().next().value!);
  return menu;
}

type PlaceMenu = { places: PlaceOption[]; provincesOnly: boolean };
const menus = new WeakMap<Executor, Map<string, { version: number; menu: Promise<PlaceMenu> }>>();
/** Who reads: the public, one organisation's people, or the system; each sees its own places. */
const audienceOf = (ctx: Context) => (ctx.principal.kind === 'user' ? `user:${ctx.principal.organisationId}` : ctx.principal.kind);

async function readPlaceMenu(ctx: Context, selected: string | undefined, size: number): Promise<PlaceMenu> {
  const places = await listPlaceOptions({ ctx, maxDepth: 1, limit: size + 1, also: selected });
  if (places.length <= size) return { places, provincesOnly: false };
  return { places: await listPlaceOptions({ ctx, maxDepth: 0, also: selected }), provincesOnly: true };
}

/** How many readable records of each kind the register holds: the start page's figures. */
export async function registerCounts(ctx: Context): Promise<{ agreements: number; actors: number; counterparts: number }> {
  const visible = (alias: string) => canReadRow(ctx.principal, sql.raw(`${alias}.visibility`), sql.raw(`${alias}.organisation_id`));
  const [row] = await queryRows<{ agreements: number; actors: number; counterparts: number }>(
    ctx.db,
    sql`select (select count(*)::int from agreements a where ${visible('a')}) as agreements,
               (select count(*)::int from actors ac where ${visible('ac')}) as actors,
               (select count(*)::int from counterparts c where ${visible('c')}) as counterparts`,
  );
  return row!;
}
