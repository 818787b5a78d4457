// The register's data version: bumped in the transaction of every change
// (audit.ts writes it beside the audit entry), read by caches to know that
// nothing has changed since they computed an answer.
import { eq, sql } from 'drizzle-orm';
import { dataVersion } from '../db/schema.ts';
import type { Context } from './context.ts';

export async function currentDataVersion(ctx: Context): Promise<number> {
  const [row] = await ctx.db.select({ version: dataVersion.version }).from(dataVersion).where(eq(dataVersion.id, 1));
  return row?.version ?? 0;
}

export async function bumpDataVersion(ctx: Context): Promise<void> {
  await ctx.db.update(dataVersion).set({ version: sql`${dataVersion.version} + 1` }).where(eq(dataVersion.id, 1));
}
