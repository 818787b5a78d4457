import { eq } from 'drizzle-orm';
import { agreementKinds } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { KIND_ENTITY_ID, organisationOf } from './add.ts';
import { renameAgreementKindSchema } from './schemas.ts';

/**
 * Gives a kind new Swedish and English names. Its code stays (agreements,
 * imports and links name it), and so does whether it is time-limited: that
 * changes how the statistics count every agreement of the kind.
 */
export async function renameAgreementKind({ ctx, code, input }: { ctx: Context; code: string; input: unknown }) {
  requireAdmin(ctx);
  const { comment, ...names } = parseInput(renameAgreementKindSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [before] = await ctx.db.select().from(agreementKinds).where(eq(agreementKinds.code, code)).for('update');
    if (!before) throw notFound(`agreement kind '${code}'`);
    const [after] = await ctx.db.update(agreementKinds).set(names).where(eq(agreementKinds.code, code)).returning();
    await audit(ctx, { action: 'agreement_kind.rename', entityType: 'agreement_kind', entityId: KIND_ENTITY_ID, before, after, reason: comment, organisationId: organisationOf(ctx) });
    return after!;
  });
}
