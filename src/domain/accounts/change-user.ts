import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { hashPassword } from './passwords.ts';
import { publicUser } from './public-user.ts';
import { changeUserSchema } from './schemas.ts';

/**
 * Changes a user's role, disables or enables them, or sets a new password.
 * Each change bumps the user's version (sessions and tokens made before a
 * role or password change are to end with it).
 */
export async function changeUser({ ctx, input }: { ctx: Context; input: unknown }) {
  requireAdmin(ctx);
  const data = parseInput(changeUserSchema, input);
  if (data.role === undefined && data.disabled === undefined && data.password === undefined) {
    throw invalid([{ field: '(input)', message: 'nothing to change: give a role, disabled or a password' }]);
  }
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return inTransaction(ctx, async (ctx) => {
    const [before] = await ctx.db.select().from(users).where(eq(users.email, data.email)).for('update');
    if (!before) throw notFound(`user '${data.email}'`);
    if (data.version !== undefined && data.version !== before.version) {
      throw conflict(`${data.email} was changed by someone else meanwhile (now ${before.role}${before.disabledAt ? ', disabled' : ''}); look again and decide`);
    }
    const [after] = await ctx.db
      .update(users)
      .set({
        ...(data.role !== undefined ? { role: data.role } : {}),
        ...(data.disabled !== undefined ? { disabledAt: data.disabled ? (before.disabledAt ?? new Date()) : null } : {}),
        ...(passwordHash !== undefined ? { passwordHash } : {}),
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, before.id))
      .returning();
    const action = data.password !== undefined ? 'user.password' : data.disabled !== undefined ? (data.disabled ? 'user.disable' : 'user.enable') : 'user.role';
    await audit(ctx, { action, entityType: 'user', entityId: before.id, before: publicUser(before), after: publicUser(after!), organisationId: before.organisationId });
    return publicUser(after!);
  });
}
