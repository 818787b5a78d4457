// Reading contact surfaces as the caller may: one with its links and
// sources, a filtered list, and those of one Swedish body or Chinese place.
// Every link is read only where the reader may read the body, the place or
// the source itself (docs/visibility.md).
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.ts';
import { CONTACT_SURFACE_KINDS, type ContactSurfaceKind, type Visibility } from '../../db/schema.ts';
import { canReadAlias } from '../access.ts';
import type { Context } from '../context.ts';
import { isCounty, NO_SUCH_COUNTY } from '../counties.ts';
import { notFound } from '../errors.ts';
import { slugSchema } from '../sources/schemas.ts';
import { parseInput } from '../validate.ts';

export interface ContactSurfaceRow {
  id: number;
  kind: ContactSurfaceKind;
  title: string;
  titleEn: string | null;
  date: string | null;
  endDate: string | null;
  visibility: Visibility;
  organisationId: number;
  actors: Array<{ slug: string; name: string; county: string | null }>;
  places: Array<{ slug: string; name: string; native: string | null }>;
}

export interface ContactSurface extends ContactSurfaceRow {
  description: string | null;
  descriptionEn: string | null;
  version: number;
  organisation: string;
  updatedAt: string;
  sources: Array<{ slug: string; title: string; url: string | null }>;
}

/** The readable links of surface alias `s`, as JSON text. */
const linkColumns = (ctx: Context) => sql`
  coalesce((select json_agg(json_build_object('slug', a.slug, 'name', a.name, 'county', a.county_code) order by a.name)
    from contact_surface_actors l join actors a on a.id = l.actor_id where l.surface_id = s.id and ${canReadAlias(ctx.principal, 'a')}), '[]')::text as actors,
  coalesce((select json_agg(json_build_object('slug', c.slug, 'name', c.name_latin, 'native', c.name_native) order by c.name_latin)
    from contact_surface_places l join counterparts c on c.id = l.counterpart_id where l.surface_id = s.id and ${canReadAlias(ctx.principal, 'c')}), '[]')::text as places`;

const rowColumns = sql`s.id, s.kind, s.title, s.title_en as "titleEn", s.date, s.end_date as "endDate", s.visibility, s.organisation_id as "organisationId"`;

type Raw<T> = Omit<T, 'actors' | 'places' | 'sources'> & { actors: string; places: string; sources?: string };
const parsed = <T extends ContactSurfaceRow>(r: Raw<T>): T => ({ ...r, actors: JSON.parse(r.actors), places: JSON.parse(r.places), ...(r.sources ? { sources: JSON.parse(r.sources) } : {}) }) as T;

/** Surfaces with everything their page shows, by id, at most `limit`. */
async function detailsWhere(ctx: Context, where: SQL, limit: number): Promise<ContactSurface[]> {
  const rows = await queryRows<Raw<ContactSurface>>(
    ctx.db,
    sql`select ${rowColumns}, s.description, s.description_en as "descriptionEn", s.version, o.name as organisation, s.updated_at::text as "updatedAt", ${linkColumns(ctx)},
          coalesce((select json_agg(json_build_object('slug', src.slug, 'title', src.title, 'url', src.url) order by src.title)
            from citations ci join sources src on src.id = ci.source_id
            where ci.subject_type = 'contact_surface' and ci.subject_id = s.id and ${canReadAlias(ctx.principal, 'src')}), '[]')::text as sources
        from contact_surfaces s join organisations o on o.id = s.organisation_id
        where ${where} and ${canReadAlias(ctx.principal, 's')}
        order by s.id limit ${limit}`,
  );
  return rows.map(parsed);
}

export async function getContactSurface({ ctx, id }: { ctx: Context; id: number }): Promise<ContactSurface> {
  const [row] = await detailsWhere(ctx, sql`s.id = ${id}`, 1);
  if (!row) throw notFound('contact surface');
  return row;
}

/** The next `limit` surfaces the caller may read after the id `after`, by id: the public export reads them so, a batch at a time. */
export const contactSurfacesAfter = (ctx: Context, after: number, limit: number) => detailsWhere(ctx, sql`s.id > ${after}`, limit);

export const PAGE_SIZE = 50;

export const listContactSurfacesSchema = z.object({
  kind: z.enum(CONTACT_SURFACE_KINDS, `must be one of ${CONTACT_SURFACE_KINDS.join(', ')}`).optional(),
  county: z.string().regex(/^[0-9]{2}$/, 'must be a two-digit county code').refine(isCounty, NO_SUCH_COUNTY).optional(),
  /** A province (or other top-level place) by slug: the surfaces at it or any place inside it. */
  province: slugSchema.optional(),
  page: z.coerce.number('must be a whole number').int('must be a whole number').min(1, 'must be at least 1').max(100_000, 'must be at most 100000').default(1),
});
export type ListContactSurfacesInput = z.input<typeof listContactSurfacesSchema>;

/** Surfaces at or inside the province named by slug (the province itself readable). */
const inProvince = (ctx: Context, slug: string) => sql`exists (select 1 from contact_surface_places l join counterparts c on c.id = l.counterpart_id
    join counterparts p on p.slug = ${slug} and ${canReadAlias(ctx.principal, 'p')}
    where l.surface_id = s.id and ${canReadAlias(ctx.principal, 'c')} and (c.id = p.id or c.ancestor_ids @> array[p.id]))`;
const inCounty = (ctx: Context, county: string) => sql`exists (select 1 from contact_surface_actors l join actors a on a.id = l.actor_id
    where l.surface_id = s.id and a.county_code = ${county} and ${canReadAlias(ctx.principal, 'a')})`;

async function rowsWhere(ctx: Context, where: SQL, limit: number, offset = 0) {
  const rows = await queryRows<Raw<ContactSurfaceRow> & { total: number }>(
    ctx.db,
    sql`select ${rowColumns}, ${linkColumns(ctx)}, count(*) over ()::int as total
        from contact_surfaces s
        where ${canReadAlias(ctx.principal, 's')} and ${where}
        order by s.date_min desc nulls last, s.id desc limit ${limit} offset ${offset}`,
  );
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _t, ...r }) => parsed(r)) };
}

/** The surfaces the caller may read, newest first, 50 a page. */
export async function listContactSurfaces({ ctx, input }: { ctx: Context; input: ListContactSurfacesInput }) {
  const q = parseInput(listContactSurfacesSchema, input);
  const where = sql.join(
    [sql`true`, ...(q.kind ? [sql`s.kind = ${q.kind}`] : []), ...(q.county ? [inCounty(ctx, q.county)] : []), ...(q.province ? [inProvince(ctx, q.province)] : [])],
    sql` and `,
  );
  const { total, rows } = await rowsWhere(ctx, where, PAGE_SIZE, (q.page - 1) * PAGE_SIZE);
  return { query: q, total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** At most this many on an actor's or a place's page; the list, filtered, has the rest. */
export const SECTION_ROWS = 20;

/** The surfaces that link the Swedish body (by id), newest first. */
export const surfacesOfActor = (ctx: Context, actorId: number) =>
  rowsWhere(ctx, sql`exists (select 1 from contact_surface_actors l where l.surface_id = s.id and l.actor_id = ${actorId})`, SECTION_ROWS);

/** The surfaces that link the Chinese place (by id) or a place inside it, newest first. */
export const surfacesOfPlace = (ctx: Context, placeId: number) =>
  rowsWhere(
    ctx,
    sql`exists (select 1 from contact_surface_places l join counterparts c on c.id = l.counterpart_id
      where l.surface_id = s.id and (c.id = ${placeId} or c.ancestor_ids @> array[${placeId}::int]) and ${canReadAlias(ctx.principal, 'c')})`,
    SECTION_ROWS,
  );
