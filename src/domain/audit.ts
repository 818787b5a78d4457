import { auditLog } from '../db/schema.ts';
import { principalLabel, type Context } from './context.ts';
import { bumpDataVersion } from './data-version.ts';

/** Writes the audit entry and bumps the data version; call inside the transaction of the change. */
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
  await bumpDataVersion(ctx);
}
