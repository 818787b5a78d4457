// Which organisation keeps an agreement decides who may write under it and
// whose a new record is. A hand-over changes it (hand-over.ts, the row
// locked FOR UPDATE); a verb that records something under the agreement in
// the keeper's name reads the keeper again in its own transaction with the
// row locked FOR KEY SHARE, so the two are ordered: the writer waits for a
// hand-over in progress and then reads the new keeper (and is refused if
// that is not theirs), or the hand-over waits for the writer and then sees
// what was written (its open follow-up points, its decision bases).
import { eq } from 'drizzle-orm';
import { agreements } from '../../db/schema.ts';
import { requireRead, requireWrite } from '../access.ts';
import type { Context } from '../context.ts';

/** The agreement as its keeper's writer may write under it now, the row locked against a hand-over until the transaction ends. */
export async function lockedForKeeper(ctx: Context, agreementId: number) {
  const [row] = await ctx.db.select().from(agreements).where(eq(agreements.id, agreementId)).for('key share');
  const agreement = requireRead(ctx, row, 'agreement');
  requireWrite(ctx, agreement.organisationId);
  return agreement;
}
