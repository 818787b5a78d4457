// The register's data version: bumped in the transaction of every change
// (audit.ts writes it beside the audit entry), read by caches to know that
// nothing has changed since they computed an answer.
import { eq, max, min, sql } from 'drizzle-orm';
import { auditLog, dataVersion } from '../db/schema.ts';
import type { Context } from './context.ts';

export async function currentDataVersion(ctx: Context): Promise<number> {
  const [row] = await ctx.db.select({ version: dataVersion.version }).from(dataVersion).where(eq(dataVersion.id, 1));
  return row?.version ?? 0;
}

export async function bumpDataVersion(ctx: Context): Promise<void> {
  await ctx.db.update(dataVersion).set({ version: sql`${dataVersion.version} + 1` }).where(eq(dataVersion.id, 1));
}

/**
 * When the register was first filled and last changed: the oldest and newest
 * audit entries (null while it is empty). Counts every change, as the data
 * version does, including those to records the public cannot see.
 */
export async function registerChangeTimes(ctx: Context): Promise<{ first: Date | null; last: Date | null }> {
  const [row] = await ctx.db.select({ first: min(auditLog.at), last: max(auditLog.at) }).from(auditLog);
  return { first: row?.first ?? null, last: row?.last ?? null };
}
