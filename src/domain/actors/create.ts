import { eq, inArray } from 'drizzle-orm';
import { actors, actorSuccessions } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { cite } from '../sources/cite.ts';
import { actorSearchText } from '../text/normalize.ts';
import { parseInput } from '../validate.ts';
import { municipalityCodeTaken } from './change.ts';
import { createActorSchema, createSuccessionSchema } from './schemas.ts';

/** Adds a Swedish body to the register: reference data, an administrator's (or the loader's and the import's, as the system). */
export async function createActor({ ctx, input, organisationId }: { ctx: Context; input: unknown; organisationId: number }) {
  requireAdmin(ctx);
  const { sources, comment, ...data } = parseInput(createActorSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const clash = await ctx.db.select({ id: actors.id }).from(actors).where(eq(actors.slug, data.slug));
    if (clash.length) throw conflict(`an actor '${data.slug}' exists already`);
    await municipalityCodeTaken(ctx, data.municipalityCode, null);
    const [row] = await ctx.db
      .insert(actors)
      .values({ ...data, organisationId, searchText: actorSearchText(data) })
      .returning();
    await cite(ctx, 'actor', row!.id, sources);
    await audit(ctx, { action: 'actor.create', entityType: 'actor', entityId: row!.id, after: row, reason: comment, organisationId });
    return row!;
  });
}

/**
 * Records that one body took over from another (renamed, merged into, taken
 * over): both keep their records and history; the pages link one to the other.
 */
export async function recordSuccession({ ctx, input, organisationId }: { ctx: Context; input: unknown; organisationId: number }) {
  requireAdmin(ctx);
  const { comment, ...data } = parseInput(createSuccessionSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const found = await ctx.db.select({ id: actors.id, slug: actors.slug }).from(actors).where(inArray(actors.slug, [data.predecessor, data.successor]));
    const id = (slug: string, field: string) => {
      const hit = found.find((a) => a.slug === slug);
      if (!hit) throw invalid([{ field, message: `no actor '${slug}'` }]);
      return hit.id;
    };
    const [row] = await ctx.db
      .insert(actorSuccessions)
      .values({ predecessorId: id(data.predecessor, 'predecessor'), successorId: id(data.successor, 'successor'), kind: data.kind, date: data.date ?? null, note: data.note ?? null, noteEn: data.noteEn ?? null })
      .returning();
    await cite(ctx, 'succession', row!.id, data.sources);
    await audit(ctx, { action: 'actor.succession', entityType: 'succession', entityId: row!.id, after: row, reason: comment, organisationId });
    return row!;
  });
}
