// Personal access tokens: `ortsband_` and 256 random bits, shown to their
// user once; the register keeps the SHA-256. A token acts as its user with
// at most its scope (read, or read and write), until it expires, is revoked,
// or the user's version moves on (role or password changed, disabled).
import { hashOf, newSecret } from './secret-token.ts';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { apiTokens, TOKEN_SCOPES, users, type Role, type TokenScope } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';

const PREFIX = 'ortsband_';
export const TOKEN_DAYS = [30, 90, 365] as const;

export const createTokenSchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'give the key a name, e.g. "Import from our case system"' }).max(100),
  scope: z.enum(TOKEN_SCOPES, { error: `must be one of ${TOKEN_SCOPES.join(', ')}` }),
  days: z.coerce.number().pipe(z.union(TOKEN_DAYS.map((d) => z.literal(d)) as [z.ZodLiteral<30>, z.ZodLiteral<90>, z.ZodLiteral<365>], { error: `must be one of ${TOKEN_DAYS.join(', ')} days` })),
});

/** Makes a token for the signed-in user; the only time its text is known. */
export async function createApiToken(db: Executor, user: { userId: number }, input: unknown): Promise<{ token: string; id: number; expiresAt: Date }> {
  const data = parseInput(createTokenSchema, input);
  const token = PREFIX + newSecret();
  const [owner] = await db.select({ version: users.version }).from(users).where(eq(users.id, user.userId));
  if (!owner) throw notFound('user');
  const expiresAt = new Date(Date.now() + data.days * 24 * 60 * 60 * 1000);
  const [row] = await db.insert(apiTokens).values({ userId: user.userId, userVersion: owner.version, name: data.name, scope: data.scope, tokenHash: hashOf(token), expiresAt }).returning({ id: apiTokens.id });
  return { token, id: row!.id, expiresAt };
}

/** The user's tokens that still work, newest first (never their text). */
export function listApiTokens(db: Executor, user: { userId: number }) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, scope: apiTokens.scope, createdAt: apiTokens.createdAt, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.userId, user.userId), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`), eq(apiTokens.userVersion, users.version)))
    .orderBy(desc(apiTokens.id));
}

/** Revokes one of the user's own tokens; another's looks absent. */
export async function revokeApiToken(db: Executor, user: { userId: number }, id: number): Promise<void> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, user.userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!revoked.length) throw notFound('key');
}

export interface TokenHolder {
  userId: number;
  email: string;
  role: Role;
  organisationId: number;
  scope: TokenScope;
}

/**
 * When a key was last used, to within this much: the account page shows the
 * day. Writing it on every request was a second transaction (and a commit
 * waiting for the disk) per API request.
 */
const LAST_USED_PRECISION_MINUTES = 10;

/** Who a bearer token acts for, or null for one that is unknown, revoked, expired or outdated. */
export async function readApiToken(db: Executor, token: string): Promise<TokenHolder | null> {
  if (!token.startsWith(PREFIX) || token.length !== PREFIX.length + 43) return null;
  const [row] = await db
    .select({ id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, userId: users.id, email: users.email, role: users.role, organisationId: users.organisationId, scope: apiTokens.scope })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashOf(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`), eq(apiTokens.userVersion, users.version), isNull(users.disabledAt)));
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MINUTES * 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.id));
  }
  const { id: _id, lastUsedAt: _used, ...holder } = row;
  return holder;
}
