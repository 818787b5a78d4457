// What the agreement and event forms offer to choose from: agreement kinds,
// Swedish parties found by name or SCB code, counterparts found by 汉字,
// pinyin (with or without tones) or Latin name and shown in their hierarchy,
// and sources to cite. Each reads only what the writer may read.
import { asc, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { agreementKinds, type ActorKind, type CounterpartLevel, type SourceKind } from '../../db/schema.ts';
import { canReadRow } from '../access.ts';
import { listActors } from '../actors/list.ts';
import type { Context } from '../context.ts';
import { listCounterparts } from '../counterparts/list.ts';

/** How many matches a search in a form shows; more asks for a narrower search. */
export const CHOICES_SHOWN = 20;

export const listAgreementKinds = (ctx: Context) => ctx.db.select().from(agreementKinds).orderBy(asc(agreementKinds.code));

export interface ActorChoice {
  slug: string;
  name: string;
  kind: ActorKind;
  municipalityCode: string | null;
}

export interface PlaceChoice {
  slug: string;
  nameLatin: string;
  nameNative: string | null;
  namePinyin: string | null;
  level: CounterpartLevel;
  /** The places it lies in, the province first. */
  chain: Array<{ nameLatin: string; nameNative: string | null }>;
}

export interface SourceChoice {
  slug: string;
  title: string;
  kind: SourceKind;
  published: string | null;
}

/** Swedish bodies by name, other name or SCB code (the list's search). */
export async function findActors(ctx: Context, q: string): Promise<{ found: ActorChoice[]; more: boolean }> {
  const rows = await listActors({ ctx, input: { q } });
  return { found: rows.slice(0, CHOICES_SHOWN).map(({ slug, name, kind, municipalityCode }) => ({ slug, name, kind, municipalityCode })), more: rows.length > CHOICES_SHOWN };
}

export async function actorsBySlug(ctx: Context, slugs: readonly string[]): Promise<ActorChoice[]> {
  if (!slugs.length) return [];
  return queryRows<ActorChoice>(
    ctx.db,
    sql`select slug, name, kind, municipality_code as "municipalityCode" from actors
        where slug = any(${sql.param([...slugs])}::text[]) and ${canReadRow(ctx.principal, sql`visibility`, sql`organisation_id`)}`,
  );
}

async function placesWhere(ctx: Context, condition: ReturnType<typeof sql>): Promise<PlaceChoice[]> {
  return queryRows<PlaceChoice>(
    ctx.db,
    sql`select c.slug, c.name_latin as "nameLatin", c.name_native as "nameNative", c.name_pinyin as "namePinyin", c.level,
          coalesce((select json_agg(json_build_object('nameLatin', p.name_latin, 'nameNative', p.name_native) order by up.n)
            from unnest(c.ancestor_ids) with ordinality as up(id, n) join counterparts p on p.id = up.id
            where ${canReadRow(ctx.principal, sql`p.visibility`, sql`p.organisation_id`)}), '[]') as chain
        from counterparts c where ${condition} and ${canReadRow(ctx.principal, sql`c.visibility`, sql`c.organisation_id`)}`,
  );
}

/** Counterparts by any of their names (the list's search), in hierarchy order, each with the places it lies in. */
export async function findPlaces(ctx: Context, q: string): Promise<{ found: PlaceChoice[]; more: boolean }> {
  const rows = await listCounterparts({ ctx, input: { q } });
  const slugs = rows.slice(0, CHOICES_SHOWN).map((r) => r.slug);
  const bySlug = new Map((await placesBySlug(ctx, slugs)).map((p) => [p.slug, p]));
  return { found: slugs.map((s) => bySlug.get(s)!).filter(Boolean), more: rows.length > CHOICES_SHOWN };
}

export function placesBySlug(ctx: Context, slugs: readonly string[]): Promise<PlaceChoice[]> {
  if (!slugs.length) return Promise.resolve([]);
  return placesWhere(ctx, sql`c.slug = any(${sql.param([...slugs])}::text[])`);
}

/** Sources by a piece of their title, publisher or address (slug). */
export async function findSources(ctx: Context, q: string): Promise<{ found: SourceChoice[]; more: boolean }> {
  const needle = q.trim();
  if (!needle) return { found: [], more: false };
  const like = `%${needle.replace(/[\\%_]/g, '\\$&')}%`;
  const rows = await queryRows<SourceChoice>(
    ctx.db,
    sql`select slug, title, kind, published from sources
        where ${canReadRow(ctx.principal, sql`visibility`, sql`organisation_id`)}
          and (title ilike ${like} or publisher ilike ${like} or slug ilike ${like})
        order by title limit ${CHOICES_SHOWN + 1}`,
  );
  return { found: rows.slice(0, CHOICES_SHOWN), more: rows.length > CHOICES_SHOWN };
}

export async function sourcesBySlug(ctx: Context, slugs: readonly string[]): Promise<SourceChoice[]> {
  if (!slugs.length) return [];
  return queryRows<SourceChoice>(
    ctx.db,
    sql`select slug, title, kind, published from sources
        where slug = any(${sql.param([...slugs])}::text[]) and ${canReadRow(ctx.principal, sql`visibility`, sql`organisation_id`)}`,
  );
}
