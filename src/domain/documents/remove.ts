import { eq } from 'drizzle-orm';
import { documents } from '../../db/schema.ts';
import { canAddMeetingDocument, canRemoveMeetingDocument, requireEditor, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { readableMeetingNetwork } from '../coordination/networks.ts';
import { DomainError, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { documentMetadata } from './attach.ts';
import { readDocument } from './read.ts';
import { reasonSchema } from './schemas.ts';
import { z } from 'zod';

const removeDocumentSchema = z.object({ reason: reasonSchema });
/** The fields a removal takes. */
export const REMOVE_DOCUMENT_FIELDS = Object.keys(removeDocumentSchema.shape);

/**
 * Removes a document; the audit entry keeps what it was (its name, type,
 * size and SHA-256, not its bytes). A meeting's document is removed by the
 * network's keepers and the members of the organisation that added it
 * (coordinators among them; `meeting` names the meeting, and who may not
 * add to it is refused before being told whether the document exists), any
 * other by the editors of its record's organisation (readers are refused
 * before anything is read).
 */
export async function removeDocument({ ctx, id, meeting, input }: { ctx: Context; id: number; meeting?: { networkId: number; meetingId: number }; input: z.input<typeof removeDocumentSchema> }) {
  if (meeting) {
    const network = await readableMeetingNetwork(ctx, meeting.networkId, meeting.meetingId);
    if (!canAddMeetingDocument(ctx.principal, network)) throw new DomainError('FORBIDDEN', "Only the network's members may do this");
  } else requireEditor(ctx);
  const data = parseInput(removeDocumentSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const document = await readDocument({ ctx, id });
    if (meeting && document.networkMeetingId !== meeting.meetingId) throw notFound('document');
    if (document.network) {
      if (!canRemoveMeetingDocument(ctx.principal, document.network, document)) throw new DomainError('FORBIDDEN', 'You may not remove this document');
    } else requireWrite(ctx, document.organisationId);
    const [before] = await ctx.db.delete(documents).where(eq(documents.id, id)).returning(documentMetadata);
    await audit(ctx, { action: 'document.remove', entityType: 'document', entityId: id, before, reason: data.reason ?? undefined, organisationId: document.organisationId });
    return { agreementId: document.agreementId, sourceId: document.sourceId, networkMeetingId: document.networkMeetingId };
  });
}
