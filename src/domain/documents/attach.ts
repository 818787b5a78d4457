import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { agreements, documents, sources } from '../../db/schema.ts';
import { canRead, requireRead, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, principalLabel, type Context } from '../context.ts';
import { invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { fileTypeProblem } from './file-type.ts';
import { attachDocumentSchema, type AttachDocumentInput } from './schemas.ts';

/** What is said about a document everywhere but in its own download: never its bytes. */
export const documentMetadata = {
  id: documents.id,
  sourceId: documents.sourceId,
  agreementId: documents.agreementId,
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
    const [agreement] = await ctx.db.select().from(agreements).where(eq(agreements.id, agreementId));
    requireWrite(ctx, requireRead(ctx, agreement, 'agreement').organisationId);
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
    const bytes = Buffer.from(data.file.bytes);
    const [row] = await ctx.db
      .insert(documents)
      .values({
        sourceId: record.sourceId,
        agreementId: record.agreementId,
        fileName: data.file.name,
        mediaType: checked.type,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        content: bytes,
        public: data.public,
        organisationId: record.organisationId,
        addedBy: principalLabel(ctx.principal),
      })
      .returning(documentMetadata);
    await audit(ctx, { action: 'document.attach', entityType: 'document', entityId: row!.id, after: row, reason: data.reason ?? undefined, organisationId: record.organisationId });
    return row!;
  });
}

