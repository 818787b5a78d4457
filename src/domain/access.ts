// Who may read and change what: the one place. Every verb calls these first.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Visibility } from '../db/schema.ts';
import type { Context, Principal } from './context.ts';
import { DomainError, notFound } from './errors.ts';

/**
 * The SQL condition for rows a principal may read: public ones, shared ones
 * for signed-in public bodies, and internal ones of their own organisation.
 */
export function canReadRow(principal: Principal, visibility: AnyPgColumn | SQL, organisationId: AnyPgColumn | SQL): SQL {
  if (principal.kind === 'anonymous') return sql`${visibility} = 'public'`;
  if (principal.kind === 'system') return sql`true`;
  return sql`(${visibility} in ('public','shared') or ${organisationId} = ${principal.organisationId})`;
}

export function canRead(principal: Principal, record: { visibility: Visibility; organisationId: number }): boolean {
  if (principal.kind === 'system') return true;
  if (record.visibility === 'public') return true;
  if (principal.kind === 'anonymous') return false;
  return record.visibility === 'shared' || record.organisationId === principal.organisationId;
}

/** Raises NOT_FOUND for records the principal may not read: not allowed looks like absent. */
export function requireRead<T extends { visibility: Visibility; organisationId: number }>(
  ctx: Context,
  record: T | undefined,
  what: string,
): T {
  if (!record || !canRead(ctx.principal, record)) throw notFound(what);
  return record;
}

/** An editor changes only what belongs to their organisation. */
export function requireWrite(ctx: Context, organisationId: number): { organisationId: number } {
  const p = ctx.principal;
  if (p.kind === 'system') return { organisationId };
  if (p.kind === 'user' && (p.role === 'admin' || (p.role === 'editor' && p.organisationId === organisationId))) {
    return { organisationId };
  }
  throw new DomainError('FORBIDDEN', 'You may not change records of this organisation');
}

/** Organisations, users and reference data are an admin's (or the command line's). */
export function requireAdmin(ctx: Context): void {
  const p = ctx.principal;
  if (p.kind === 'system' || (p.kind === 'user' && p.role === 'admin')) return;
  throw new DomainError('FORBIDDEN', 'Only an administrator may do this');
}
