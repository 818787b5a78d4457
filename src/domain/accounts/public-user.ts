import type { users } from '../../db/schema.ts';

/** A user as verbs return and the audit log keeps it: never the password hash. */
export function publicUser(row: typeof users.$inferSelect) {
  const { passwordHash, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}
export type PublicUser = ReturnType<typeof publicUser>;
