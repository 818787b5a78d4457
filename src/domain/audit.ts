import { auditLog } from '../db/schema.ts';
import { principalLabel, type Context } from './context.ts';

/**
 * Writes the audit entry of a change; call inside the transaction of the
 * change. The entry gets its data version as the transaction commits (the
 * deferred trigger of migration 0022 bumps the version once per
 * transaction), so the versions entries carry are in commit order (the
 * statistics re-read what changed after the version they read) while the
 * version row is locked only during the commit itself.
 */
export async function audit(
  ctx: Context,
  entry: { action: string; entityType: string; entityId: number; before?: unknown; after?: unknown; reason?: string; organisationId: number },
): Promise<void> {
  await ctx.db.insert(auditLog).values({
    actorLabel: principalLabel(ctx.principal),
    organisationId: entry.organisationId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  });
}
