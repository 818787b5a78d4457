import { contactPersons } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { parseInput } from '../validate.ts';
import { contactSchema, type ContactInput } from './schemas.ts';
import { lockedForKeeper } from '../agreements/keeper-lock.ts';

/** Adds a contact person to an agreement: an editor of the agreement's organisation, or an administrator. */
export async function addContact({ ctx, agreementId, input }: { ctx: Context; agreementId: number; input: ContactInput }) {
  return inTransaction(ctx, async (ctx) => {
    const { organisationId } = await lockedForKeeper(ctx, agreementId);
    const { reason, ...data } = parseInput(contactSchema, input);
    const [row] = await ctx.db.insert(contactPersons).values({ ...data, agreementId, organisationId }).returning();
    // The history page (signed-in people only) shows the contact as it was added.
    await audit(ctx, { action: 'contact.add', entityType: 'contact', entityId: row!.id, after: row, reason: reason ?? undefined, organisationId });
    return row!;
  });
}
