import { asc, eq } from 'drizzle-orm';
import { contactPersons } from '../../db/schema.ts';
import { requireContactsRead } from '../access.ts';
import type { Context } from '../context.ts';

/** The contact persons of an agreement the caller may read (findAgreementBySlug); NOT_FOUND for anyone outside its organisation but administrators. */
export async function listContacts({ ctx, agreement }: { ctx: Context; agreement: { id: number; organisationId: number } }) {
  requireContactsRead(ctx, agreement);
  return ctx.db.select().from(contactPersons).where(eq(contactPersons.agreementId, agreement.id)).orderBy(asc(contactPersons.name), asc(contactPersons.id));
}
