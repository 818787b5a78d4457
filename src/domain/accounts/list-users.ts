import { asc, eq } from 'drizzle-orm';
import { organisations, users } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import type { Context } from '../context.ts';

/** Every user with their organisation, role and whether they are disabled; an organisation's only, when one is named. */
export async function listUsers({ ctx, organisation }: { ctx: Context; organisation?: string }) {
  requireAdmin(ctx);
  const query = ctx.db
    .select({
      email: users.email,
      version: users.version,
      displayName: users.displayName,
      organisation: organisations.slug,
      role: users.role,
      disabledAt: users.disabledAt,
      localPassword: users.passwordHash,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId));
  const rows = await (organisation ? query.where(eq(organisations.slug, organisation)) : query).orderBy(asc(organisations.slug), asc(users.email));
  return rows.map(({ localPassword, ...row }) => ({ ...row, localPassword: localPassword !== null }));
}
