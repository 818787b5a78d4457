import { eq, sql } from 'drizzle-orm';
import { sources } from '../../db/schema.ts';
import { requireRead, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { changeSourceSchema, type ChangeSourceInput } from './schemas.ts';

/**
 * Changes a source of the editor's organisation: every field as the form
 * holds it, at the version it was opened at (a stale one is a conflict).
 * A confidential source is never public, as when it was made (create.ts).
 */
export async function changeSource({ ctx, slug, input }: { ctx: Context; slug: string; input: ChangeSourceInput }) {
  return inTransaction(ctx, async (ctx) => {
    const [before] = await ctx.db.select().from(sources).where(eq(sources.slug, slug)).for('update');
    const { organisationId } = requireWrite(ctx, requireRead(ctx, before, 'source').organisationId);
    const { reason, expectedVersion, ...data } = parseInput(changeSourceSchema, input);
    if (expectedVersion !== undefined && expectedVersion !== before!.version) {
      throw conflict(`the source was changed by someone else (version ${before!.version}, you saw ${expectedVersion})`);
    }
    const visibility = data.confidential && data.visibility === 'public' ? 'internal' : data.visibility;
    const note = data.note ?? null;
    // The English note is kept when not sent (the browser's form has no field for it), unless the Swedish one is gone.
    const noteEn = data.noteEn !== undefined ? data.noteEn : note === null ? null : before!.noteEn;
    const values = { ...data, author: data.author ?? null, publisher: data.publisher ?? null, published: data.published ?? null, url: data.url ?? null, archiveReference: data.archiveReference ?? null, note, noteEn, visibility };
    const [after] = await ctx.db
      .update(sources)
      .set({ ...values, version: sql`${sources.version} + 1`, updatedAt: new Date() })
      .where(eq(sources.id, before!.id))
      .returning();
    await audit(ctx, { action: 'source.change', entityType: 'source', entityId: before!.id, before, after, reason: reason ?? undefined, organisationId });
    return after!;
  });
}
