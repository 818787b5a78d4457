import { and, eq, sql } from 'drizzle-orm';
import { agreements, citations, sources, statusEvents } from '../../db/schema.ts';
import { canRead, requireRead, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { changeCitationSchema, removeCitationSchema, type ChangeCitationInput } from './schemas.ts';

/** An agreement found with findAgreementBySlug: who may change it is known before the input is read. */
type AgreementRef = { id: number; organisationId: number };

/**
 * A citation on the agreement or on one of its events, with the agreement
 * locked (its version moves with each citation change, as with citeSource)
 * once the principal may change the agreement and read the citation's source.
 */
async function lockedCitation(ctx: Context, agreementId: number, citationId: number, expectedVersion: number | undefined) {
  const [agreement] = await ctx.db.select().from(agreements).where(eq(agreements.id, agreementId)).for('update');
  const { organisationId } = requireWrite(ctx, requireRead(ctx, agreement, 'agreement').organisationId);
  const [citation] = await ctx.db.select().from(citations).where(eq(citations.id, citationId));
  const [source] = citation ? await ctx.db.select().from(sources).where(eq(sources.id, citation.sourceId)) : [];
  const ofThisAgreement =
    citation?.subjectType === 'agreement'
      ? citation.subjectId === agreementId
      : citation?.subjectType === 'event' &&
        (await ctx.db.select({ id: statusEvents.id }).from(statusEvents).where(and(eq(statusEvents.id, citation.subjectId), eq(statusEvents.agreementId, agreementId)))).length > 0;
  if (!citation || !source || !ofThisAgreement || !canRead(ctx.principal, source)) throw notFound('citation');
  if (expectedVersion !== undefined && expectedVersion !== agreement!.version) {
    throw conflict(`the agreement was changed by someone else (version ${agreement!.version}, you saw ${expectedVersion})`);
  }
  await ctx.db.update(agreements).set({ version: sql`${agreements.version} + 1`, updatedAt: new Date() }).where(eq(agreements.id, agreementId));
  return { citation, source, organisationId, version: agreement!.version };
}

/** Changes the passage of a citation on an agreement of the editor's organisation (or on one of its events). */
export async function changeCitation({ ctx, agreement, id, input }: { ctx: Context; agreement: AgreementRef; id: number; input: ChangeCitationInput }) {
  requireWrite(ctx, agreement.organisationId);
  const data = parseInput(changeCitationSchema, input);
  const agreementId = agreement.id;
  return inTransaction(ctx, async (ctx) => {
    const { citation, source, organisationId, version } = await lockedCitation(ctx, agreementId, id, data.expectedVersion);
    // A passage not sent stays as it is; one sent empty is cleared.
    const passage = data.passage === undefined ? citation.passage : data.passage;
    // The English of a passage goes with the passage: a changed passage without new English has none.
    const passageEn = data.passageEn !== undefined ? data.passageEn : passage === citation.passage ? citation.passageEn : null;
    if (passageEn && !passage) throw invalid([{ field: 'passageEn', message: 'an English passage needs the passage it translates' }]);
    const [after] = await ctx.db.update(citations).set({ passage, passageEn }).where(eq(citations.id, id)).returning();
    await audit(ctx, {
      action: 'citation.change',
      entityType: 'agreement',
      entityId: agreementId,
      before: { version, citation, source: source.slug },
      after: { citation: after, source: source.slug },
      reason: data.reason ?? undefined,
      organisationId,
    });
    return after!;
  });
}

/** Removes a citation; the audit entry keeps what it was. The source itself stays. */
export async function removeCitation({ ctx, agreement, id, input }: { ctx: Context; agreement: AgreementRef; id: number; input: { reason?: unknown; expectedVersion?: unknown } }) {
  requireWrite(ctx, agreement.organisationId);
  const data = parseInput(removeCitationSchema, input);
  const agreementId = agreement.id;
  return inTransaction(ctx, async (ctx) => {
    const { citation, source, organisationId, version } = await lockedCitation(ctx, agreementId, id, data.expectedVersion);
    await ctx.db.delete(citations).where(eq(citations.id, id));
    await audit(ctx, {
      action: 'citation.remove',
      entityType: 'agreement',
      entityId: agreementId,
      before: { version, citation, source: source.slug },
      reason: data.reason ?? undefined,
      organisationId,
    });
  });
}
