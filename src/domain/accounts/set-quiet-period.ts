// How long an organisation's agreement in force may go without a sign of
// life before it is quiet and needs a decision (reminders/due.ts): the
// organisation's own choice, two years unless it chose otherwise. Set by an
// administrator of the organisation; audited with before and after, which
// also moves the data version, so the public statistics of quiet agreements
// count by the new period at once.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { organisations } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';

const MONTHS = 'must be a whole number of months from 1 to 120';
export const quietPeriodSchema = z.strictObject({
  quietAfterMonths: z.number({ error: MONTHS }).int(MONTHS).min(1, MONTHS).max(120, MONTHS),
});
export type QuietPeriodInput = z.input<typeof quietPeriodSchema>;

/** Sets the organisation's quiet period; the caller is an administrator of that organisation (or the command line). */
export async function setQuietPeriod({ ctx, organisationId, input }: { ctx: Context; organisationId: number; input: QuietPeriodInput }) {
  requireAdmin(ctx);
  // An administrator keeps the register's reference data, but an organisation's own choices are its administrators'.
  if (ctx.principal.kind === 'user' && ctx.principal.organisationId !== organisationId) throw new DomainError('FORBIDDEN', "Only the organisation's administrators choose its quiet period");
  const { quietAfterMonths } = parseInput(quietPeriodSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [row] = await ctx.db.select({ months: organisations.quietAfterMonths }).from(organisations).where(eq(organisations.id, organisationId)).for('update');
    if (!row) throw notFound('organisation');
    if (row.months === quietAfterMonths) return { quietAfterMonths, changed: false };
    await ctx.db.update(organisations).set({ quietAfterMonths }).where(eq(organisations.id, organisationId));
    await audit(ctx, {
      action: 'organisation.quiet_period',
      entityType: 'organisation',
      entityId: organisationId,
      before: { quietAfterMonths: row.months },
      after: { quietAfterMonths },
      organisationId,
    });
    return { quietAfterMonths, changed: true };
  });
}
