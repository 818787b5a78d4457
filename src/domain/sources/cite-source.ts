import { and, eq, sql } from 'drizzle-orm';
import { agreements, citations, sources, statusEvents } from '../../db/schema.ts';
import { canRead, requireRead, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { citeSourceSchema, type CiteSourceInput } from './schemas.ts';

/**
 * Cites a source the editor may read on an agreement of their organisation,
 * or on one of its status events, with the passage. The citation is read
 * with both its subject and its source (docs/visibility.md): a confidential
 * source cited on a public agreement stays out of public answers.
 */
export async function citeSource({ ctx, agreementId, input }: { ctx: Context; agreementId: number; input: CiteSourceInput }) {
  return inTransaction(ctx, async (ctx) => {
    // Locked: the version check and the bump are one step.
    const [agreement] = await ctx.db.select().from(agreements).where(eq(agreements.id, agreementId)).for('update');
    const { organisationId } = requireWrite(ctx, requireRead(ctx, agreement, 'agreement').organisationId);
    const data = parseInput(citeSourceSchema, input);
    if (data.expectedVersion !== undefined && data.expectedVersion !== agreement!.version) {
      throw conflict(`the agreement was changed by someone else (version ${agreement!.version}, you saw ${data.expectedVersion})`);
    }
    const [source] = await ctx.db.select().from(sources).where(eq(sources.slug, data.source));
    if (!source || !canRead(ctx.principal, source)) throw invalid([{ field: 'source', message: `no source '${data.source}'` }]);
    let subject: { type: 'agreement' | 'event'; id: number } = { type: 'agreement', id: agreementId };
    if (data.on !== 'agreement') {
      const [event] = await ctx.db.select().from(statusEvents).where(and(eq(statusEvents.id, data.on), eq(statusEvents.agreementId, agreementId)));
      if (!event || !canRead(ctx.principal, event)) throw invalid([{ field: 'on', message: 'no such event of this agreement' }]);
      subject = { type: 'event', id: event.id };
    }
    const [row] = await ctx.db.insert(citations).values({ sourceId: source.id, subjectType: subject.type, subjectId: subject.id, passage: data.passage ?? null, passageEn: data.passage ? (data.passageEn ?? null) : null }).returning();
    await ctx.db.update(agreements).set({ version: sql`${agreements.version} + 1`, updatedAt: new Date() }).where(eq(agreements.id, agreementId));
    await audit(ctx, {
      action: 'citation.create',
      entityType: 'agreement',
      entityId: agreementId,
      before: { version: agreement!.version },
      after: { citation: row, source: source.slug },
      reason: data.reason ?? undefined,
      organisationId,
    });
    return row!;
  });
}
