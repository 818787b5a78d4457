// Writes the contact surfaces of an import plan, inside apply.ts's
// transaction, in batches, with what the verbs (contact-surfaces/save.ts)
// write beside them: the links, the citations, the earliest day of the date,
// the cached counties and provinces, an audit entry. A surface is made only
// as one its maker may read, and changed only by its own organisation's
// editors (an administrator's or the command line's any), as save.ts rules.
import { eq, sql } from 'drizzle-orm';
import { insertRows, nextIds, snakeColumns as snake } from '../../../db/bulk.ts';
import { contactSurfaceActors, contactSurfacePlaces, contactSurfaces } from '../../../db/schema.ts';
import { requireReadableRecord, requireWrite } from '../../access.ts';
import { refreshSurfaceAreas, refreshSurfaceAreasOfActors } from '../../contact-surfaces/refresh-areas.ts';
import { dateMinOf } from '../../contact-surfaces/save.ts';
import type { Context } from '../../context.ts';
import { insertCitations, replaceCitations, type AuditEntry } from './apply.ts';
import type { ImportPlan } from './plan.ts';
import type { ContactSurfaceValues } from './plan-contact-surfaces.ts';
import type { Ref } from './register-keys.ts';

const idOf = (ref: { id: number | null }, what: string) => {
  if (ref.id === null) throw new Error(`internal: ${what} was not written before it was used`);
  return ref.id;
};

const surfaceFields = (v: ContactSurfaceValues) => ({
  kind: v.kind as never, title: v.title, titleEn: v.titleEn, description: v.description, descriptionEn: v.descriptionEn,
  date: v.date, endDate: v.endDate, dateMin: dateMinOf(v.date), visibility: v.visibility as never,
});
const ids = (refs: Ref[]) => refs.map((r) => idOf(r, r.slug));

export async function writeContactSurfaces(ctx: Context, plan: ImportPlan, organisationId: number, auditEntries: AuditEntry[], step: (n?: number) => void) {
  const created = plan.contactSurfaces.filter((s) => s.action === 'create');
  const changed = plan.contactSurfaces.filter((s) => s.action === 'change');
  for (const s of created) requireReadableRecord(ctx, { visibility: s.values.visibility as never, organisationId });
  for (const s of changed) {
    requireWrite(ctx, s.organisationId!);
    requireReadableRecord(ctx, { visibility: s.values.visibility as never, organisationId: s.organisationId! });
  }

  const newIds = await nextIds(ctx.db, 'contact_surfaces', created.length);
  created.forEach((s, i) => (s.ref.id = newIds[i]!));
  await insertRows(ctx.db, 'contact_surfaces', created.map((s) => snake({ id: s.ref.id, ...surfaceFields(s.values), organisationId })));
  for (const s of changed) {
    await ctx.db
      .update(contactSurfaces)
      .set({ ...surfaceFields(s.values), version: sql`${contactSurfaces.version} + 1`, updatedAt: new Date() })
      .where(eq(contactSurfaces.id, idOf(s.ref, 'a contact surface')));
  }
  // The links and citations are written anew, as save.ts writes a changed surface's.
  const changedIds = changed.map((s) => s.ref.id!);
  if (changedIds.length) {
    await ctx.db.delete(contactSurfaceActors).where(sql`${contactSurfaceActors.surfaceId} = any(${sql.param(changedIds)}::int[])`);
    await ctx.db.delete(contactSurfacePlaces).where(sql`${contactSurfacePlaces.surfaceId} = any(${sql.param(changedIds)}::int[])`);
  }
  const written = [...created, ...changed];
  await insertRows(ctx.db, 'contact_surface_actors', written.flatMap((s) => ids(s.values.actors).map((actorId) => ({ surface_id: s.ref.id, actor_id: actorId }))));
  await insertRows(ctx.db, 'contact_surface_places', written.flatMap((s) => ids(s.values.places).map((placeId) => ({ surface_id: s.ref.id, counterpart_id: placeId }))));
  await insertCitations(ctx, 'contact_surface', created.map((s) => s.ref.id!), created.map((s) => s.values.sources));
  await replaceCitations(ctx, 'contact_surface', changedIds, changed.map((s) => s.values.sources));

  // The cached counties and provinces: of the surfaces written, and of those
  // that link a Swedish body whose county the import changed (a place's
  // parent and anyone's visibility an import does not change).
  await refreshSurfaceAreas(ctx, written.map((s) => s.ref.id!));
  await refreshSurfaceAreasOfActors(ctx, plan.actors.filter((a) => a.action === 'change').map((a) => idOf(a.ref, a.ref.slug)));

  for (const s of written) {
    auditEntries.push({
      action: `contact_surface.import.${s.action}`,
      entityType: 'contact_surface',
      entityId: s.ref.id!,
      after: { ...s.values, actors: ids(s.values.actors), places: ids(s.values.places) },
    });
  }
  step(plan.contactSurfaces.length);
}
