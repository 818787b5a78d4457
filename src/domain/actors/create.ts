import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { actors, actorSuccessions } from '../../db/schema.ts';
import { requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { cite } from '../sources/cite.ts';
import { actorSearchText } from '../text/normalize.ts';
import { parseInput } from '../validate.ts';
import { createActorSchema, createSuccessionSchema } from './schemas.ts';

export async function createActor({ ctx, input, organisationId }: { ctx: Context; input: z.input<typeof createActorSchema>; organisationId: number }) {
  requireWrite(ctx, organisationId);
  const { sources, ...data } = parseInput(createActorSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const clash = await ctx.db.select({ id: actors.id }).from(actors).where(eq(actors.slug, data.slug));
    if (clash.length) throw conflict(`an actor '${data.slug}' exists already`);
    const [row] = await ctx.db
      .insert(actors)
      .values({ ...data, organisationId, searchText: actorSearchText(data) })
      .returning();
    await cite(ctx, 'actor', row!.id, sources);
    await audit(ctx, { action: 'actor.create', entityType: 'actor', entityId: row!.id, after: row, organisationId });
    return row!;
  });
}

/** Records that one body took over from another: both keep their history. */
export async function recordSuccession({ ctx, input, organisationId }: { ctx: Context; input: z.input<typeof createSuccessionSchema>; organisationId: number }) {
  requireWrite(ctx, organisationId);
  const data = parseInput(createSuccessionSchema, input);
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
    await audit(ctx, { action: 'actor.succession', entityType: 'succession', entityId: row!.id, after: row, organisationId });
    return row!;
  });
}
