import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { documents, networkMeetings, sources, type DocumentType } from '../../db/schema.ts';
import { canAddMeetingDocument, canRead, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, principalLabel, type Context } from '../context.ts';
import { readableMeetingNetwork, requireOngoing } from '../coordination/networks.ts';
import { DomainError, invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { fileTypeProblem } from './file-type.ts';
import { attachDocumentSchema, type AttachDocumentInput } from './schemas.ts';
import { lockedForKeeper } from '../agreements/keeper-lock.ts';

/** What is said about a document everywhere but in its own download: never its bytes. */
export const documentMetadata = {
  id: documents.id,
  sourceId: documents.sourceId,
  agreementId: documents.agreementId,
  networkMeetingId: documents.networkMeetingId,
  fileName: documents.fileName,
  mediaType: documents.mediaType,
  sizeBytes: documents.sizeBytes,
  sha256: documents.sha256,
  public: documents.public,
  organisationId: documents.organisationId,
  addedBy: documents.addedBy,
  createdAt: documents.createdAt,
};

/**
 * Keeps a document (its bytes, name, type, size and SHA-256) with the
 * agreement or one of the sources an editor of the agreement's organisation
 * may change. The type is read from the bytes and must agree with the name
 * and the declared type (file-type.ts).
 */
export async function attachDocument({ ctx, agreementId, input }: { ctx: Context; agreementId: number; input: AttachDocumentInput }) {
  return inTransaction(ctx, async (ctx) => {
    const agreement = await lockedForKeeper(ctx, agreementId);
    const data = parseInput(attachDocumentSchema, input);
    const checked = fileTypeProblem(data.file);
    if ('problem' in checked) throw invalid([{ field: 'file', message: checked.problem }]);

    let record: { sourceId: number | null; agreementId: number | null; visibility: string; organisationId: number };
    if (data.attachTo === 'agreement') {
      record = { sourceId: null, agreementId: agreement!.id, visibility: agreement!.visibility, organisationId: agreement!.organisationId };
    } else {
      const [source] = await ctx.db.select().from(sources).where(eq(sources.slug, data.attachTo));
      if (!source || !canRead(ctx.principal, source)) throw invalid([{ field: 'attachTo', message: `no source '${data.attachTo}'` }]);
      requireWrite(ctx, source.organisationId);
      record = { sourceId: source.id, agreementId: null, visibility: source.visibility, organisationId: source.organisationId };
    }
    if (data.public && record.visibility !== 'public') {
      throw invalid([{ field: 'public', message: 'can be public only when the record it belongs to is public' }]);
    }
    return storeDocument(ctx, { ...record, networkMeetingId: null }, { file: data.file, type: checked.type, public: data.public, reason: data.reason });
  });
}

/** Writes the document and its audit entry, in the caller's transaction. */
async function storeDocument(
  ctx: Context,
  owner: { sourceId: number | null; agreementId: number | null; networkMeetingId: number | null; organisationId: number },
  data: { file: { name: string; bytes: Uint8Array }; type: DocumentType; public: boolean; reason?: string | null },
) {
  const bytes = Buffer.from(data.file.bytes);
  const [row] = await ctx.db
    .insert(documents)
    .values({
      sourceId: owner.sourceId,
      agreementId: owner.agreementId,
      networkMeetingId: owner.networkMeetingId,
      fileName: data.file.name,
      mediaType: data.type,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      content: bytes,
      public: data.public,
      organisationId: owner.organisationId,
      addedBy: principalLabel(ctx.principal),
    })
    .returning(documentMetadata);
  await audit(ctx, { action: 'document.attach', entityType: 'document', entityId: row!.id, after: row, reason: data.reason ?? undefined, organisationId: owner.organisationId });
  return row!;
}

export const attachMeetingDocumentSchema = attachDocumentSchema.omit({ attachTo: true, public: true });
export type AttachMeetingDocumentInput = z.input<typeof attachMeetingDocumentSchema>;

/**
 * Keeps a document (an agenda or minutes as a file) with a network's
 * meeting: added by the network's members who write notes, read by its
 * members only (access.ts), never public. It belongs to the adder's
 * organisation, whose members may remove it, as may the network's keepers.
 * An ended network's meetings take none; a meeting holds one file of a
 * name (a second is refused, saying whether it is the same content).
 */
export async function attachMeetingDocument({ ctx, networkId, meetingId, input }: { ctx: Context; networkId: number; meetingId: number; input: AttachMeetingDocumentInput }) {
  return inTransaction(ctx, async (ctx) => {
    const network = await readableMeetingNetwork(ctx, networkId, meetingId);
    if (!canAddMeetingDocument(ctx.principal, network)) throw new DomainError('FORBIDDEN', "Only the network's members may do this");
    requireOngoing(network);
    const data = parseInput(attachMeetingDocumentSchema, input);
    const checked = fileTypeProblem(data.file);
    if ('problem' in checked) throw invalid([{ field: 'file', message: checked.problem }]);
    // The meeting locked: two adders of the same file at once are one added, one told.
    await ctx.db.select({ id: networkMeetings.id }).from(networkMeetings).where(eq(networkMeetings.id, meetingId)).for('update');
    const [same] = await ctx.db
      .select({ sha256: documents.sha256 })
      .from(documents)
      .where(and(eq(documents.networkMeetingId, meetingId), eq(documents.fileName, data.file.name)))
      .limit(1);
    if (same) {
      const again = same.sha256 === createHash('sha256').update(data.file.bytes).digest('hex');
      const message = again ? `is added to this meeting already, as '${data.file.name}'` : `a file named '${data.file.name}' is added to this meeting already: remove it first, or give this file another name`;
      throw invalid([{ field: 'file', message }]);
    }
    const organisationId = ctx.principal.kind === 'user' ? ctx.principal.organisationId : network.organisationId;
    return storeDocument(ctx, { sourceId: null, agreementId: null, networkMeetingId: meetingId, organisationId }, { file: data.file, type: checked.type, public: false, reason: data.reason });
  });
}

