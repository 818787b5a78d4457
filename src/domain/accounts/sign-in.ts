// Signing in with a local password, with a limit on failed attempts per
// account and per client address, counted in the database so that every
// server process shares the count.
import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { signInFailures, users } from '../../db/schema.ts';
import type { Executor } from '../../db/client.ts';
import { DomainError, invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { emailSchema, PASSWORD_MAX } from './schemas.ts';
import { startSession } from './sessions.ts';

export const FAILURE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, { error: 'write your password' }).max(PASSWORD_MAX),
});

// Verified against when the address is unknown, so that an unknown address
// takes as long to refuse as a wrong password (no list of accounts by timing).
let decoy: Promise<string> | undefined;

const WRONG = 'the e-mail address or the password is wrong';

/** Checks the password and starts a session; every failure looks the same from outside. */
export async function signInWithPassword(db: Executor, input: { email?: unknown; password?: unknown }, clientAddress: string) {
  const data = parseInput(signInSchema, input);
  const keys = { account: `account:${data.email}`, address: `address:${clientAddress}` };
  const since = sql`now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})`;
  const failures = async (key: string) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(signInFailures).where(and(eq(signInFailures.key, key), gt(signInFailures.at, since))))[0]!.n;
  if ((await failures(keys.account)) >= MAX_FAILURES_PER_ACCOUNT || (await failures(keys.address)) >= MAX_FAILURES_PER_ADDRESS) {
    throw new DomainError('TOO_MANY_REQUESTS', `too many failed attempts; wait ${FAILURE_WINDOW_MINUTES} minutes and try again`);
  }
  const [user] = await db.select().from(users).where(eq(users.email, data.email));
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, data.password) : await verifyPassword(await (decoy ??= hashPassword('decoy password')), data.password).then(() => false);
  if (!user || !ok) {
    await db.insert(signInFailures).values([{ key: keys.account }, { key: keys.address }]);
    throw invalid([{ field: 'password', message: WRONG }]);
  }
  if (user.disabledAt) throw new DomainError('FORBIDDEN', 'this account is disabled; ask an administrator of your organisation');
  await db.delete(signInFailures).where(eq(signInFailures.key, keys.account));
  return startSession(db, user);
}
