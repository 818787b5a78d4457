// A visit, another activity or an invitation saved is queued, in the
// transaction that saves it, for the mail job to look for its overlaps
// (warn-by-mail.ts): the job then finds it even when the process that saved
// it stops before mailing. Only what could start a warning is queued
// (mayWarnOfDelegation): an incoming visit; a meeting, event, exchange or
// outgoing visit that another body may read and that is not known only to
// its year (it may meet their incoming visits and invitations); an
// invitation. Anything else would cost the job a check that cannot find one.
import { sql } from 'drizzle-orm';
import { delegationChecks, type DelegationRecordKind } from '../../db/schema.ts';
import type { Context } from '../context.ts';
import { mayWarnOfDelegation } from './delegations.ts';

export async function queueDelegationCheck(ctx: Context, recordKind: DelegationRecordKind, record: { id: number; kind?: string; visibility?: string; date?: string }): Promise<void> {
  if (recordKind === 'activity' && !mayWarnOfDelegation({ kind: record.kind ?? '', visibility: record.visibility ?? '', date: record.date ?? '' })) return;
  await ctx.db
    .insert(delegationChecks)
    .values({ recordKind, recordId: record.id })
    .onConflictDoUpdate({ target: [delegationChecks.recordKind, delegationChecks.recordId], set: { queuedAt: sql`now()` } });
}
