import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { organisations, users } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { hashPassword } from './passwords.ts';
import { addUserSchema } from './schemas.ts';
import { publicUser } from './public-user.ts';

/** Gives a person (by e-mail address) an organisation and a role; with a password they can sign in locally. */
export async function addUser({ ctx, input }: { ctx: Context; input: z.input<typeof addUserSchema> }) {
  requireAdmin(ctx);
  const data = parseInput(addUserSchema, input);
  // Hashed before the transaction: argon2id takes tens of milliseconds on purpose.
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return inTransaction(ctx, async (ctx) => {
    const [organisation] = await ctx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, data.organisation));
    if (!organisation) throw invalid([{ field: 'organisation', message: `no organisation '${data.organisation}' (ortsband org list shows them)` }]);
    const [clash] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, data.email));
    if (clash) throw conflict(`a user '${data.email}' exists already`);
    const [row] = await ctx.db
      .insert(users)
      .values({ email: data.email, displayName: data.displayName, organisationId: organisation.id, role: data.role, passwordHash })
      .returning();
    const user = publicUser(row!);
    await audit(ctx, { action: 'user.add', entityType: 'user', entityId: row!.id, after: user, organisationId: organisation.id });
    return user;
  });
}
