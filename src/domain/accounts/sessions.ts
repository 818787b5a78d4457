// Server-side sessions, as the Lucia project documents them: a random id of
// 256 bits in the cookie, only its SHA-256 in the database, a sliding
// expiry, and an end at sign-out or when the user changes (role, password,
// disabled: their version moves on).
import { hashOf, newSecret } from './secret-token.ts';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organisations, sessions, users, type Role } from '../../db/schema.ts';

export const SESSION_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

const expiryFrom = (now: Date) => new Date(now.getTime() + SESSION_DAYS * DAY_MS);

export interface SignedIn {
  userId: number;
  email: string;
  displayName: string;
  role: Role;
  organisationId: number;
  organisationName: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a session for a user at the version they have now; returns the cookie's value. */
export async function startSession(db: Executor, user: { id: number; version: number }, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = expiryFrom(now);
  await db.insert(sessions).values({ idHash: hashOf(token), userId: user.id, userVersion: user.version, csrfToken: newSecret(), createdAt: now, expiresAt });
  // Expired sessions of this user go as a new one comes: the table does not grow without bound.
  await db.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now)));
  return { token, expiresAt };
}

/**
 * The signed-in user a cookie stands for, or null: an unknown, expired or
 * outdated session (the user's version moved on, or they are disabled).
 * A session used in the second half of its life is extended.
 */
export async function readSession(db: Executor, token: string, now = new Date()): Promise<SignedIn | null> {
  // 256 bits in base64url are 43 characters; anything else is not ours.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const idHash = hashOf(token);
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      organisationId: users.organisationId,
      organisationName: organisations.name,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), eq(sessions.userVersion, users.version), sql`${users.disabledAt} is null`));
  if (!row) return null;
  if (row.expiresAt.getTime() - now.getTime() < (SESSION_DAYS * DAY_MS) / 2) {
    row.expiresAt = expiryFrom(now);
    await db.update(sessions).set({ expiresAt: row.expiresAt }).where(eq(sessions.idHash, idHash));
  }
  return row;
}

/** Ends the session a cookie stands for (sign-out). */
export async function endSession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashOf(token)));
}
