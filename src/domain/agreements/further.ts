// The further agreements a record serves beside its own: an action plan's,
// an activity's. Each must be one the caller may read and change; a slug
// that is not, or the record's own agreement, is a problem at its place in
// the list (`alsoServes.<i>`).
import { inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { agreements } from '../../db/schema.ts';
import { canRead, canReadAlias, canWrite, canWriteAlias } from '../access.ts';
import type { Context } from '../context.ts';
import { invalid } from '../errors.ts';

/** The agreements `slugs` name, distinct; VALIDATION naming each slug that is not one the caller may change, or is `agreementId` itself. */
export async function furtherAgreements(ctx: Context, agreementId: number, slugs: readonly string[], ownMessage: string): Promise<Array<{ id: number; slug: string }>> {
  if (!slugs.length) return [];
  const found = await ctx.db
    .select({ id: agreements.id, slug: agreements.slug, visibility: agreements.visibility, organisationId: agreements.organisationId })
    .from(agreements)
    .where(inArray(agreements.slug, [...slugs]));
  const problems = slugs.flatMap((slug, i) => {
    const one = found.find((a) => a.slug === slug);
    if (one && one.id !== agreementId && canRead(ctx.principal, one) && canWrite(ctx.principal, one.organisationId)) return [];
    return [{ field: `alsoServes.${i}`, message: one?.id === agreementId ? ownMessage : `no agreement '${slug}' that you may change` }];
  });
  if (problems.length) throw invalid(problems);
  return [...new Map(found.map((a) => [a.id, { id: a.id, slug: a.slug }])).values()];
}

/** Other agreements a new plan or activity may also serve: those that share a Swedish party with this one and that the caller may change. */
export async function furtherAgreementChoices(ctx: Context, agreement: { id: number }): Promise<Array<{ slug: string; partyLabel: string; counterpartLabel: string }>> {
  return queryRows(
    ctx.db,
    sql`select distinct ag.slug, ag.party_label as "partyLabel", ag.counterpart_label as "counterpartLabel"
        from agreement_parties mine join agreement_parties theirs on theirs.actor_id = mine.actor_id join agreements ag on ag.id = theirs.agreement_id
        where mine.agreement_id = ${agreement.id} and ag.id <> ${agreement.id} and ${canWriteAlias(ctx.principal, 'ag')} and ${canReadAlias(ctx.principal, 'ag')}
        order by ag.slug limit 50`,
  );
}
