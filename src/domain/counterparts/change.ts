import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { counterparts } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { refreshLabelCaches } from '../agreements/refresh-caches.ts';
import { refreshSurfaceAreasOfPlace } from '../contact-surfaces/refresh-areas.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { counterpartSearchText } from '../text/normalize.ts';
import { parseInput } from '../validate.ts';
import { lockHierarchy, placeUnder } from './hierarchy.ts';
import { changeCounterpartSchema } from './schemas.ts';

/**
 * Changes a place: its names, level, coordinates, note, visibility, and where
 * it lies. A move takes everything inside the place along: their
 * `ancestor_ids` are rewritten under the new parent. The agreements that name
 * the place or any place inside it cache the names of those places and of
 * every place they lie in (labels, search text, `place_ids`: "inside
 * Zhejiang"), so they are recomputed in the same transaction.
 */
export async function changeCounterpart({ ctx, slug, input }: { ctx: Context; slug: string; input: unknown }) {
  requireAdmin(ctx);
  const { version, comment, parent, ...data } = parseInput(changeCounterpartSchema, input);
  return inTransaction(ctx, async (ctx) => {
    await lockHierarchy(ctx);
    const [before] = await ctx.db.select().from(counterparts).where(eq(counterparts.slug, slug)).for('update');
    if (!before) throw notFound(`counterpart '${slug}'`);
    if (version !== undefined && version !== before.version) {
      throw conflict(`${before.nameLatin} was changed by someone else after you opened the form (version ${version}, now ${before.version})`);
    }
    const countryCode = data.countryCode ?? before.countryCode;
    if (countryCode !== before.countryCode) {
      const [inside] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from counterparts where ancestor_ids @> array[${before.id}::int]`);
      if (inside!.n) throw invalid([{ field: 'countryCode', message: `${inside!.n} places lie inside ${before.nameLatin}: move them first` }]);
    }
    const { parentId, ancestorIds } = await placeUnder(ctx, parent, before, countryCode);
    const values = {
      countryCode,
      nameLatin: data.nameLatin,
      nameNative: data.nameNative || null,
      namePinyin: data.namePinyin || null,
      otherNames: data.otherNames,
      level: data.level,
      parentId,
      ancestorIds,
      lat: data.lat ?? null,
      lon: data.lon ?? null,
      note: data.note ?? null,
      noteEn: data.noteEn ?? null,
      visibility: data.visibility,
    };
    const [after] = await ctx.db
      .update(counterparts)
      .set({ ...values, searchText: counterpartSearchText(values), version: sql`${counterparts.version} + 1`, updatedAt: new Date() })
      .where(eq(counterparts.id, before.id))
      .returning();
    if (parentId !== before.parentId) {
      // Each place inside keeps the part of its chain below this place: [new ancestors, this place, …the rest].
      await ctx.db.execute(sql`update counterparts
        set ancestor_ids = ${sql.param(ancestorIds)}::int[] || ${before.id}::int || ancestor_ids[array_position(ancestor_ids, ${before.id}::int) + 1 :]
        where ancestor_ids @> array[${before.id}::int]`);
    }
    const agreementIds = await queryRows<{ id: number }>(
      ctx.db,
      sql`select distinct ac.agreement_id as id from agreement_counterparts ac join counterparts c on c.id = ac.counterpart_id
          where c.id = ${before.id} or c.ancestor_ids @> array[${before.id}::int]`,
    );
    await refreshLabelCaches(ctx, agreementIds.map((a) => a.id));
    await refreshSurfaceAreasOfPlace(ctx, before.id);
    await audit(ctx, { action: 'counterpart.change', entityType: 'counterpart', entityId: before.id, before, after, reason: comment, organisationId: before.organisationId });
    return after!;
  });
}
