import { eq } from 'drizzle-orm';
import { agreementKinds } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { addAgreementKindSchema } from './schemas.ts';

// Agreement kinds are keyed by their code, not a number: their audit entries
// carry entity id 0 and the code in before and after.
export const KIND_ENTITY_ID = 0;

/** Adds a kind of agreement beside the report's two (vänort, kommunalt partnerskap). */
export async function addAgreementKind({ ctx, input }: { ctx: Context; input: unknown }) {
  requireAdmin(ctx);
  const { comment, ...data } = parseInput(addAgreementKindSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [clash] = await ctx.db.select().from(agreementKinds).where(eq(agreementKinds.code, data.code));
    if (clash) throw invalid([{ field: 'code', message: `the code '${data.code}' is taken (${clash.nameEn})` }]);
    const [row] = await ctx.db.insert(agreementKinds).values(data).returning();
    await audit(ctx, { action: 'agreement_kind.add', entityType: 'agreement_kind', entityId: KIND_ENTITY_ID, after: row, reason: comment, organisationId: organisationOf(ctx) });
    return row!;
  });
}

/** The organisation an administrator's reference-data change is logged under: their own. */
export const organisationOf = (ctx: Context) => (ctx.principal.kind === 'anonymous' ? 0 : ctx.principal.organisationId);
