// People with access keys, for tests of the API's writes: an organisation,
// a user of a role in it, and a key of a scope, made through the account
// verbs (as the command line and the account page make them).
import { eq } from 'drizzle-orm';
import type { Role, TokenScope } from '../../src/db/schema.ts';
import { organisations, users } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { createApiToken } from '../../src/domain/accounts/api-tokens.ts';
import { EDITORIAL_ORGANISATION } from '../../src/domain/transfer/shipped-data.ts';
import { systemCtx, type TestDatabase } from './database.ts';

/** The organisation by slug, made when it is not there; its id. */
export async function organisationId(t: TestDatabase, slug: string): Promise<number> {
  const find = () => t.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
  let [row] = await find();
  if (!row) {
    await addOrganisation({ ctx: systemCtx(t), input: { slug, name: slug } });
    [row] = await find();
  }
  return row!.id;
}

/** A new user of the role in the organisation (made when absent); their id. */
export async function addPerson(t: TestDatabase, email: string, role: Role, organisation: string): Promise<number> {
  await organisationId(t, organisation);
  await addUser({ ctx: systemCtx(t), input: { email, displayName: email.split('@')[0]!, organisation, role } });
  const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

/** A key of the user with the scope: the text a program sends as `Authorization: Bearer <key>`. */
export async function keyOf(t: TestDatabase, userId: number, scope: TokenScope = 'write'): Promise<string> {
  return (await createApiToken(t.database.db, { userId }, { name: `test ${scope}`, scope, days: 30 })).token;
}

/** The shipped data's editorial organisation, which owns every shipped record. */
export const EDITORIAL = EDITORIAL_ORGANISATION.slug;
