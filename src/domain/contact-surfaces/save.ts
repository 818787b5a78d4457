// Adding, changing and removing a contact surface: the editors of its
// organisation (an administrator anyone's), at the version the form was
// opened at (a stale one is a conflict). Its links name Swedish bodies and
// Chinese places the maker may read, and sources the maker may read; a
// name that finds nothing is a problem of its field, and nothing is stored.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { actors, citations, contactSurfaceActors, contactSurfacePlaces, contactSurfaces, counterparts, sources } from '../../db/schema.ts';
import { canRead, requireEditor, requireReadableRecord, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { parseFuzzyDate } from '../dates.ts';
import { conflict, invalid, notFound, type FieldProblem } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { refreshSurfaceAreas } from './refresh-areas.ts';
import {
  changeContactSurfaceSchema,
  createContactSurfaceSchema,
  removeContactSurfaceSchema,
  type ChangeContactSurfaceInput,
  type CreateContactSurfaceInput,
  type RemoveContactSurfaceInput,
} from './schemas.ts';

type Links = { actors: string[]; places: string[]; sources: string[] };

/** The ids the links name, each readable by the caller; every name that finds nothing is a problem of its field. */
async function resolveLinks(ctx: Context, links: Links) {
  const lower = (list: string[]) => list.map((v) => v.toLowerCase());
  const [bodies, places, cited] = await Promise.all([
    links.actors.length ? ctx.db.select().from(actors).where(or(inArray(actors.slug, links.actors), inArray(sql`lower(${actors.name})`, lower(links.actors)))) : [],
    links.places.length
      ? ctx.db.select().from(counterparts).where(or(inArray(counterparts.slug, links.places), inArray(sql`lower(${counterparts.nameLatin})`, lower(links.places)), inArray(counterparts.nameNative, links.places)))
      : [],
    links.sources.length ? ctx.db.select().from(sources).where(inArray(sources.slug, links.sources)) : [],
  ]);
  const problems: FieldProblem[] = [];
  const pick = <T extends { id: number; visibility: 'public' | 'shared' | 'internal'; organisationId: number }>(field: string, list: string[], rows: T[], matches: (row: T, v: string) => boolean, what: string) =>
    [
      ...new Set(
        list.flatMap((v, i) => {
          const hit = rows.filter((r) => matches(r, v) && canRead(ctx.principal, r)).sort((a, b) => a.id - b.id)[0];
          if (!hit) problems.push({ field: `${field}.${i}`, message: `no ${what} '${v}' in the register` });
          return hit ? [hit.id] : [];
        }),
      ),
    ];
  const actorIds = pick('actors', links.actors, bodies, (r, v) => r.slug === v || r.name.toLowerCase() === v.toLowerCase(), 'Swedish body');
  const placeIds = pick('places', links.places, places, (r, v) => r.slug === v || r.nameLatin.toLowerCase() === v.toLowerCase() || r.nameNative === v, 'Chinese place');
  const sourceIds = pick('sources', links.sources, cited, (r, v) => r.slug === v, 'source');
  if (problems.length) throw invalid(problems);
  return { actorIds, placeIds, sourceIds };
}

async function writeLinks(ctx: Context, surfaceId: number, ids: { actorIds: number[]; placeIds: number[]; sourceIds: number[] }) {
  if (ids.actorIds.length) await ctx.db.insert(contactSurfaceActors).values(ids.actorIds.map((actorId) => ({ surfaceId, actorId })));
  if (ids.placeIds.length) await ctx.db.insert(contactSurfacePlaces).values(ids.placeIds.map((counterpartId) => ({ surfaceId, counterpartId })));
  if (ids.sourceIds.length) await ctx.db.insert(citations).values(ids.sourceIds.map((sourceId) => ({ sourceId, subjectType: 'contact_surface' as const, subjectId: surfaceId })));
  await refreshSurfaceAreas(ctx, [surfaceId]);
}

/** The earliest day a surface's date may mean: the list's order (also for the exchange import, apply-contact-surfaces.ts). */
export const dateMinOf = (date: string | null | undefined) => (date ? parseFuzzyDate(date).min : null);

/**
 * Adds a contact surface to an organisation: the caller's unless named
 * (an administrator's or the system's, as an import does); its editors and
 * administrators only.
 */
export async function createContactSurface({ ctx, input, organisationId: named }: { ctx: Context; input: CreateContactSurfaceInput; organisationId?: number }) {
  requireEditor(ctx);
  const p = ctx.principal;
  const organisationId = named ?? (p.kind === 'anonymous' ? 0 : p.organisationId);
  requireWrite(ctx, organisationId);
  const { actors: a, places, sources: s, ...data } = parseInput(createContactSurfaceSchema, input);
  requireReadableRecord(ctx, { visibility: data.visibility, organisationId });
  return inTransaction(ctx, async (ctx) => {
    const ids = await resolveLinks(ctx, { actors: a, places, sources: s });
    const [row] = await ctx.db
      .insert(contactSurfaces)
      .values({ ...data, date: data.date ?? null, endDate: data.endDate ?? null, dateMin: dateMinOf(data.date), organisationId })
      .returning();
    await writeLinks(ctx, row!.id, ids);
    await audit(ctx, { action: 'contact_surface.create', entityType: 'contact_surface', entityId: row!.id, after: { ...row, ...ids }, organisationId });
    return row!;
  });
}

/** The surface, locked, once the caller may read and change it, at the version they saw. */
async function lockedSurface(ctx: Context, id: number, expectedVersion: number) {
  const [row] = await ctx.db.select().from(contactSurfaces).where(eq(contactSurfaces.id, id)).for('update');
  if (!row || !canRead(ctx.principal, row)) throw notFound('contact surface');
  requireWrite(ctx, row.organisationId);
  if (expectedVersion !== row.version) {
    throw conflict(`the contact surface was changed by someone else (version ${row.version}, you saw ${expectedVersion})`, row);
  }
  return row;
}

/** Replaces what the form holds: its fields, links and citations. */
export async function changeContactSurface({ ctx, id, input }: { ctx: Context; id: number; input: ChangeContactSurfaceInput }) {
  requireEditor(ctx);
  const { actors: a, places, sources: s, reason, expectedVersion, ...data } = parseInput(changeContactSurfaceSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const before = await lockedSurface(ctx, id, expectedVersion);
    requireReadableRecord(ctx, { visibility: data.visibility, organisationId: before.organisationId });
    const ids = await resolveLinks(ctx, { actors: a, places, sources: s });
    const [after] = await ctx.db
      .update(contactSurfaces)
      .set({ ...data, date: data.date ?? null, endDate: data.endDate ?? null, dateMin: dateMinOf(data.date), version: sql`${contactSurfaces.version} + 1`, updatedAt: new Date() })
      .where(eq(contactSurfaces.id, id))
      .returning();
    await removeLinks(ctx, id);
    await writeLinks(ctx, id, ids);
    await audit(ctx, { action: 'contact_surface.change', entityType: 'contact_surface', entityId: id, before, after: { ...after, ...ids }, reason: reason ?? undefined, organisationId: before.organisationId });
    return after!;
  });
}

async function removeLinks(ctx: Context, id: number) {
  await ctx.db.delete(contactSurfaceActors).where(eq(contactSurfaceActors.surfaceId, id));
  await ctx.db.delete(contactSurfacePlaces).where(eq(contactSurfacePlaces.surfaceId, id));
  await ctx.db.delete(citations).where(and(eq(citations.subjectType, 'contact_surface'), eq(citations.subjectId, id)));
}

/** Removes it with its links and citations; the audit entry keeps what it was. */
export async function removeContactSurface({ ctx, id, input }: { ctx: Context; id: number; input: RemoveContactSurfaceInput }) {
  requireEditor(ctx);
  const { reason, expectedVersion } = parseInput(removeContactSurfaceSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const before = await lockedSurface(ctx, id, expectedVersion);
    await removeLinks(ctx, id);
    await ctx.db.delete(contactSurfaces).where(eq(contactSurfaces.id, id));
    await audit(ctx, { action: 'contact_surface.remove', entityType: 'contact_surface', entityId: id, before, reason: reason ?? undefined, organisationId: before.organisationId });
  });
}
