import { auditLog } from '../db/schema.ts';
import { principalLabel, type Context } from './context.ts';
import { bumpDataVersion } from './data-version.ts';

/**
 * Bumps the data version and writes the audit entry with it; call inside the
 * transaction of the change. The bump comes first: it locks the version row
 * until the transaction ends, so the versions the entries carry are in commit
 * order (the statistics re-read what changed after the version they read).
 */
export async function audit(
  ctx: Context,
  entry: { action: string; entityType: string; entityId: number; before?: unknown; after?: unknown; reason?: string; organisationId: number },
): Promise<void> {
  const dataVersion = await bumpDataVersion(ctx);
  await ctx.db.insert(auditLog).values({
    actorLabel: principalLabel(ctx.principal),
    organisationId: entry.organisationId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
    dataVersion,
  });
}
