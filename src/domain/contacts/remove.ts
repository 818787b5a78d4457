import { eq } from 'drizzle-orm';
import { contactPersons } from '../../db/schema.ts';
import { requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { parseInput } from '../validate.ts';
import { lockedContact } from './change.ts';
import { removeContactSchema } from './schemas.ts';

/** Removes a contact person; the audit entry keeps who it was (read on the signed-in history page only). */
export async function removeContact({ ctx, agreement, id, input }: { ctx: Context; agreement: { id: number; organisationId: number }; id: number; input: { reason?: unknown; expectedVersion?: unknown } }) {
  requireWrite(ctx, agreement.organisationId);
  const { reason, expectedVersion } = parseInput(removeContactSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const before = await lockedContact(ctx, agreement, id, expectedVersion);
    await ctx.db.delete(contactPersons).where(eq(contactPersons.id, id));
    await audit(ctx, { action: 'contact.remove', entityType: 'contact', entityId: id, before, reason: reason ?? undefined, organisationId: before.organisationId });
  });
}
