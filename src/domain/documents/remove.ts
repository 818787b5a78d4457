import { eq } from 'drizzle-orm';
import { documents } from '../../db/schema.ts';
import { requireEditor, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { parseInput } from '../validate.ts';
import { documentMetadata } from './attach.ts';
import { readDocument } from './read.ts';
import { reasonSchema } from './schemas.ts';
import { z } from 'zod';

const removeDocumentSchema = z.object({ reason: reasonSchema });

/** Removes a document; the audit entry keeps what it was (its name, type, size and SHA-256, not its bytes). */
export async function removeDocument({ ctx, id, input }: { ctx: Context; id: number; input: z.input<typeof removeDocumentSchema> }) {
  requireEditor(ctx);
  const data = parseInput(removeDocumentSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const document = await readDocument({ ctx, id });
    requireWrite(ctx, document.organisationId);
    const [before] = await ctx.db.delete(documents).where(eq(documents.id, id)).returning(documentMetadata);
    await audit(ctx, { action: 'document.remove', entityType: 'document', entityId: id, before, reason: data.reason ?? undefined, organisationId: document.organisationId });
    return { agreementId: document.agreementId, sourceId: document.sourceId };
  });
}
