import { and, eq, ne, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { actors } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { refreshLabelCaches } from '../agreements/refresh-caches.ts';
import { refreshSurfaceAreasOfActor } from '../contact-surfaces/refresh-areas.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { actorSearchText } from '../text/normalize.ts';
import { parseInput } from '../validate.ts';
import { changeActorSchema } from './schemas.ts';

/** Refuses a kommunkod another actor has (the column is unique), naming the field. */
export async function municipalityCodeTaken(ctx: Context, code: string | null | undefined, ownId: number | null): Promise<void> {
  if (!code) return;
  const [other] = await ctx.db
    .select({ name: actors.name })
    .from(actors)
    .where(ownId === null ? eq(actors.municipalityCode, code) : and(eq(actors.municipalityCode, code), ne(actors.id, ownId)));
  if (other) throw invalid([{ field: 'municipalityCode', message: `kommunkod ${code} is ${other.name}'s already` }]);
}

/**
 * Corrects an actor's record (its names, codes, dates, seat, note,
 * visibility). A body that was renamed or merged is a new actor linked by a
 * succession (recordSuccession), so that the old name keeps its history;
 * this verb is for the record as it should always have read.
 *
 * The agreements the actor is a party to cache its name, kind, county and
 * visibility (their labels, filters and search text): they are recomputed in
 * the same transaction, so that the lists and the map show the change with it.
 */
export async function changeActor({ ctx, slug, input }: { ctx: Context; slug: string; input: unknown }) {
  requireAdmin(ctx);
  const { version, comment, ...data } = parseInput(changeActorSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [before] = await ctx.db.select().from(actors).where(eq(actors.slug, slug)).for('update');
    if (!before) throw notFound(`actor '${slug}'`);
    if (version !== undefined && version !== before.version) {
      throw conflict(`${before.name} was changed by someone else after you opened the form (version ${version}, now ${before.version})`);
    }
    await municipalityCodeTaken(ctx, data.municipalityCode, before.id);
    const values = {
      name: data.name,
      otherNames: data.otherNames,
      kind: data.kind,
      municipalityCode: data.municipalityCode ?? null,
      countyCode: data.countyCode ?? null,
      existedFrom: data.existedFrom ?? null,
      existedTo: data.existedTo ?? null,
      seatLat: data.seatLat ?? null,
      seatLon: data.seatLon ?? null,
      note: data.note ?? null,
      noteEn: data.noteEn ?? null,
      visibility: data.visibility,
    };
    const [after] = await ctx.db
      .update(actors)
      .set({ ...values, searchText: actorSearchText(values), version: sql`${actors.version} + 1`, updatedAt: new Date() })
      .where(eq(actors.id, before.id))
      .returning();
    const agreementIds = await queryRows<{ id: number }>(ctx.db, sql`select distinct agreement_id as id from agreement_parties where actor_id = ${before.id}`);
    await refreshLabelCaches(ctx, agreementIds.map((a) => a.id));
    await refreshSurfaceAreasOfActor(ctx, before.id);
    await audit(ctx, { action: 'actor.change', entityType: 'actor', entityId: before.id, before, after, reason: comment, organisationId: before.organisationId });
    return after!;
  });
}
