import { and, eq, sql } from 'drizzle-orm';
import { contactPersons } from '../../db/schema.ts';
import { requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { changeContactSchema, type ContactInput } from './schemas.ts';

/** The contact of this agreement, locked, once the caller may change the agreement's records. */
export async function lockedContact(ctx: Context, agreement: { id: number; organisationId: number }, id: number, expectedVersion: number | undefined) {
  requireWrite(ctx, agreement.organisationId);
  const [row] = await ctx.db.select().from(contactPersons).where(and(eq(contactPersons.id, id), eq(contactPersons.agreementId, agreement.id))).for('update');
  if (!row) throw notFound('contact person');
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw conflict(`the contact person was changed by someone else (version ${row.version}, you saw ${expectedVersion})`);
  }
  return row;
}

/**
 * Changes a contact person of an agreement (found with findAgreementBySlug);
 * a stale `expectedVersion` is a conflict.
 */
export async function changeContact({ ctx, agreement, id, input }: { ctx: Context; agreement: { id: number; organisationId: number }; id: number; input: ContactInput & { expectedVersion?: unknown } }) {
  requireWrite(ctx, agreement.organisationId);
  const { reason, expectedVersion, ...data } = parseInput(changeContactSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const before = await lockedContact(ctx, agreement, id, expectedVersion);
    const [after] = await ctx.db
      .update(contactPersons)
      .set({ ...data, version: sql`${contactPersons.version} + 1`, updatedAt: new Date() })
      .where(eq(contactPersons.id, id))
      .returning();
    await audit(ctx, { action: 'contact.change', entityType: 'contact', entityId: id, before, after, reason: reason ?? undefined, organisationId: before.organisationId });
    return after!;
  });
}
