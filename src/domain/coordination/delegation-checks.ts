// A visit or invitation saved is queued, in the transaction that saves it,
// for the mail job to look for its overlaps (warn-by-mail.ts): the job then
// finds it even when the process that saved it stops before mailing. Only
// what could start a warning is queued: an incoming visit, an invitation.
import { sql } from 'drizzle-orm';
import { delegationChecks, type DelegationRecordKind } from '../../db/schema.ts';
import type { Context } from '../context.ts';

export async function queueDelegationCheck(ctx: Context, recordKind: DelegationRecordKind, record: { id: number; kind?: string }): Promise<void> {
  if (recordKind === 'activity' && record.kind !== 'visit_incoming') return;
  await ctx.db
    .insert(delegationChecks)
    .values({ recordKind, recordId: record.id })
    .onConflictDoUpdate({ target: [delegationChecks.recordKind, delegationChecks.recordId], set: { queuedAt: sql`now()` } });
}
