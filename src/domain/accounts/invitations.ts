// Invitations: an administrator gives an e-mail address an organisation and
// a role through a one-time link that expires. The person accepts it with
// their name and a password, or by signing in through the identity provider
// (oidc.ts), and only then does the user exist.
import { hashOf, newSecret } from './secret-token.ts';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { invitations, organisations, users } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, principalLabel, type Context } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { hashPassword } from './passwords.ts';
import { publicUser } from './public-user.ts';
import { emailSchema, passwordSchema, roleSchema } from './schemas.ts';
import { slugSchema } from '../sources/schemas.ts';

export const INVITATION_DAYS = 7;

export const inviteSchema = z.strictObject({
  email: emailSchema,
  organisation: slugSchema,
  role: roleSchema,
});

/** Makes the invitation and returns its token (for the link): the only time it is known. An earlier open one for the address ends. */
export async function inviteUser({ ctx, input }: { ctx: Context; input: unknown }) {
  requireAdmin(ctx);
  const data = parseInput(inviteSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [organisation] = await ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.slug, data.organisation));
    if (!organisation) throw invalid([{ field: 'organisation', message: `no organisation '${data.organisation}'` }]);
    const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, data.email));
    if (existing) throw conflict(`${data.email} has an account already`);
    await ctx.db.update(invitations).set({ expiresAt: sql`now()` }).where(and(eq(invitations.email, data.email), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)));
    const token = newSecret();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
    const [row] = await ctx.db
      .insert(invitations)
      .values({ email: data.email, organisationId: organisation.id, role: data.role, tokenHash: hashOf(token), invitedBy: principalLabel(ctx.principal), expiresAt })
      .returning();
    await audit(ctx, { action: 'user.invite', entityType: 'invitation', entityId: row!.id, after: { email: row!.email, role: row!.role, organisationId: row!.organisationId, expiresAt }, organisationId: organisation.id });
    return { token, email: data.email, role: data.role, organisationName: organisation.name, expiresAt };
  });
}

/** Open invitations, newest first, for the administrators' page. */
export async function listOpenInvitations({ ctx }: { ctx: Context }) {
  requireAdmin(ctx);
  return ctx.db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, organisation: organisations.name, expiresAt: invitations.expiresAt, invitedBy: invitations.invitedBy })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
    .orderBy(desc(invitations.id));
}

/** The open invitation a link's token stands for, or null (unknown, used or expired). */
export async function findInvitation(db: Executor, token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, organisationId: invitations.organisationId, organisationName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.tokenHash, hashOf(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)));
  return row ?? null;
}

/** The open invitation of an address, newest (an identity provider's sign-in accepts it). */
export async function openInvitationOf(db: Executor, email: string) {
  const [row] = await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, organisationId: invitations.organisationId })
    .from(invitations)
    .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
    .orderBy(desc(invitations.id))
    .limit(1);
  return row ?? null;
}

export const acceptSchema = z.strictObject({
  displayName: z.string().trim().min(1, { error: 'write your name' }).max(200),
  password: passwordSchema.optional(),
});

/**
 * Makes the user an invitation names, once: the invitation is used in the
 * same transaction (a second acceptance finds it gone). `subject`: the
 * identity provider's, when accepted by signing in there.
 */
export async function acceptInvitation(db: Executor, invitationId: number, input: unknown, subject?: string) {
  const data = parseInput(acceptSchema, input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
      .returning();
    if (!invitation) throw notFound('invitation');
    const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
    if (clash) throw conflict(`${invitation.email} has an account already`);
    const [row] = await tx
      .insert(users)
      .values({ email: invitation.email, displayName: data.displayName, organisationId: invitation.organisationId, role: invitation.role, passwordHash, subject: subject ?? null })
      .returning();
    const ctx: Context = { db: tx, principal: { kind: 'user', subject: invitation.email, organisationId: invitation.organisationId, role: invitation.role } };
    await audit(ctx, { action: 'user.add', entityType: 'user', entityId: row!.id, after: publicUser(row!), reason: `invitation ${invitation.id} from ${invitation.invitedBy}`, organisationId: invitation.organisationId });
    return row!;
  });
}
