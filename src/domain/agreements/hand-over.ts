// Which organisation keeps an agreement: its editors record its events,
// activities and follow-up, and its people read its contact persons and
// internal records. The shipped agreements are kept by the register's
// editorial organisation until the body that is a party to them joins;
// an administrator of the keeping organisation then hands each over. The
// receiving organisation's editors may write it from the next request; the
// documents attached to the agreement itself and its contact persons go with
// it (they are its keeper's). What the old keeper recorded under its own name
// (activities, action plans) stays its own, as it was recorded. Records that
// are read by whoever keeps the agreement but are the old keeper's work in
// progress refuse the hand-over until they are done: open follow-up points
// (their owners would lose them) and decision bases (the basis froze what
// its organisation could read). The agreement's kept labels, search text,
// status and county entries are read again as the new keeper reads them.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.ts';
import { agreements, contactPersons, documents, organisations } from '../../db/schema.ts';
import { requireAdmin, requireRead } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, DomainError, invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { refreshLabelCaches, refreshStatusCaches } from './refresh-caches.ts';
import { commentSchema } from './schemas.ts';

export const handOverSchema = z.strictObject({
  /** The slug of the organisation that is to keep it. */
  organisation: z.string({ error: 'choose the organisation that is to keep the agreement' }).trim().min(1, 'choose the organisation that is to keep the agreement').max(200),
  /** The version the writer saw; another one is a conflict. */
  expectedVersion: z.number({ error: 'must be the version the form was opened at' }).int().positive(),
  comment: commentSchema,
});
export type HandOverInput = z.input<typeof handOverSchema>;

/** The organisations an agreement may be handed to, those that are one of its parties (role `party`) first; for who may hand it over (requireHandOver). */
export async function keeperChoices(ctx: Context, agreementId: number): Promise<Array<{ slug: string; name: string; party: boolean; keeps: boolean }>> {
  return queryRows(
    ctx.db,
    sql`select o.slug, o.name,
          exists (select 1 from agreement_parties ap where ap.agreement_id = ${agreementId} and ap.actor_id = o.actor_id and ap.role = 'party') as party,
          o.id = (select g.organisation_id from agreements g where g.id = ${agreementId}) as keeps
        from organisations o order by 3 desc, o.name, o.id`,
  );
}

const NOT_KEEPER = 'Only the administrators of the organisation that keeps the agreement hand it over';

/** Whether the reader may hand the agreement over: an administrator of the organisation that keeps it, or the system (tests, scripts). */
export const mayHandOver = (ctx: Context, agreement: { organisationId: number }) =>
  ctx.principal.kind === 'system' || (ctx.principal.kind === 'user' && ctx.principal.role === 'admin' && ctx.principal.organisationId === agreement.organisationId);

/** FORBIDDEN unless the reader may hand the agreement over. */
export function requireHandOver(ctx: Context, agreement: { organisationId: number }): void {
  if (!mayHandOver(ctx, agreement)) throw new DomainError('FORBIDDEN', NOT_KEEPER);
}

/**
 * Hands the agreement over to another organisation to keep. Only an
 * administrator of the organisation that keeps it now (or the system) may:
 * another body's administrator may not take it.
 */
export async function handOverAgreement({ ctx, slug, input }: { ctx: Context; slug: string; input: HandOverInput }) {
  requireAdmin(ctx);
  const { organisation, expectedVersion, comment } = parseInput(handOverSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [row] = await ctx.db.select().from(agreements).where(eq(agreements.slug, slug)).for('update');
    const agreement = requireRead(ctx, row, 'agreement');
    requireHandOver(ctx, agreement);
    if (expectedVersion !== agreement.version) throw conflict(`the agreement was changed by someone else (version ${agreement.version}, you saw ${expectedVersion})`, { version: agreement.version });
    const [to] = await ctx.db.select({ id: organisations.id, slug: organisations.slug, name: organisations.name }).from(organisations).where(eq(organisations.slug, organisation));
    if (!to) throw invalid([{ field: 'organisation', message: `no organisation '${organisation}'` }]);
    if (to.id === agreement.organisationId) throw invalid([{ field: 'organisation', message: 'keeps the agreement already; choose another organisation' }]);
    const [from] = await ctx.db.select({ slug: organisations.slug, name: organisations.name }).from(organisations).where(eq(organisations.id, agreement.organisationId));
    const [pending] = await queryRows<{ points: number; bases: number }>(
      ctx.db,
      sql`select (select count(*)::int from follow_up_points p where p.agreement_id = ${agreement.id} and p.state = 'open') as points,
            (select count(*)::int from decision_bases b where b.agreement_id = ${agreement.id}) as bases`,
    );
    if (pending!.points || pending!.bases) {
      throw invalid([
        {
          field: 'organisation',
          message: `the agreement has ${pending!.points} open follow-up points and ${pending!.bases} saved decision bases of its present keeper: close the points and keep the bases elsewhere first`,
        },
      ]);
    }
    const [updated] = await ctx.db
      .update(agreements)
      .set({ organisationId: to.id, version: sql`${agreements.version} + 1`, updatedAt: new Date() })
      .where(eq(agreements.id, agreement.id))
      .returning();
    const moved = await ctx.db
      .update(documents)
      .set({ organisationId: to.id })
      .where(and(eq(documents.agreementId, agreement.id), eq(documents.organisationId, agreement.organisationId)))
      .returning({ id: documents.id });
    await ctx.db.update(contactPersons).set({ organisationId: to.id }).where(eq(contactPersons.agreementId, agreement.id));
    // An internal agreement's labels, search text and status are read as its keeper reads them; its county entries carry the keeper.
    await refreshLabelCaches(ctx, agreement.id);
    await refreshStatusCaches(ctx, agreement.id);
    await audit(ctx, {
      action: 'agreement.hand_over',
      entityType: 'agreement',
      entityId: agreement.id,
      before: { organisation: from!.slug, version: agreement.version },
      after: { organisation: to.slug, version: updated!.version, documents: moved.map((d) => d.id) },
      reason: comment ?? undefined,
      organisationId: to.id,
    });
    return { agreement: updated!, from: from!, to };
  });
}

export const handOverManySchema = z.strictObject({
  /** The slug of the organisation that is to keep them. */
  organisation: z.string({ error: 'choose the organisation that is to keep the agreements' }).trim().min(1, 'choose the organisation that is to keep the agreements').max(200),
  /** The agreements by slug; with `parties`, those besides. */
  agreements: z.array(z.string().trim().min(1).max(200)).max(10_000, 'lists more than 10,000 agreements').default([]),
  /** Also every agreement another organisation keeps in which the receiving organisation's body is a party. */
  parties: z.boolean().default(false),
  comment: commentSchema,
});
export type HandOverManyInput = z.input<typeof handOverManySchema>;

/**
 * Hands several agreements over at once (the command line's `ortsband org
 * hand-over`): those named and, with `parties`, every agreement kept by
 * another organisation in which the receiving organisation's body is a
 * party, each as handOverAgreement hands one over, at the version read here.
 * All or nothing: one that may not be handed over (open follow-up points, a
 * decision basis, not the caller's to hand over, not there) refuses them all,
 * each named (`agreements.<slug>`). `dryRun`: what would be handed over, and
 * nothing is.
 */
export async function handOverAgreements({ ctx, input, dryRun = false }: { ctx: Context; input: HandOverManyInput; dryRun?: boolean }) {
  requireAdmin(ctx);
  const { organisation, agreements: named, parties, comment } = parseInput(handOverManySchema, input);
  const [to] = await ctx.db.select({ id: organisations.id, slug: organisations.slug, actorId: organisations.actorId }).from(organisations).where(eq(organisations.slug, organisation));
  if (!to) throw invalid([{ field: 'organisation', message: `no organisation '${organisation}'` }]);
  if (parties && to.actorId === null) throw invalid([{ field: 'parties', message: `the organisation '${organisation}' is no Swedish body of the register, so it is a party to no agreement` }]);
  const ofParty = parties
    ? await queryRows<{ slug: string }>(
        ctx.db,
        sql`select g.slug from agreements g
            where g.organisation_id <> ${to.id} and exists (select 1 from agreement_parties ap where ap.agreement_id = g.id and ap.actor_id = ${to.actorId} and ap.role = 'party')
            order by g.slug`,
      )
    : [];
  const slugs = [...new Set([...named, ...ofParty.map((r) => r.slug)])];
  if (!slugs.length) throw invalid([{ field: 'agreements', message: 'name the agreements to hand over, or give parties to hand over those the organisation is a party to' }]);
  class DryRun extends Error {}
  const handed: Array<{ slug: string; from: string }> = [];
  try {
    await inTransaction(ctx, async (ctx) => {
      const problems: Array<{ field: string; message: string }> = [];
      for (const slug of slugs) {
        const [row] = await ctx.db.select({ version: agreements.version }).from(agreements).where(eq(agreements.slug, slug));
        try {
          if (!row) throw invalid([{ field: 'agreement', message: 'no such agreement' }]);
          // Each in its own savepoint: a refused one is named and the rest go on being checked.
          const done = await handOverAgreement({ ctx, slug, input: { organisation: to.slug, expectedVersion: row.version, comment } });
          handed.push({ slug, from: done.from.slug });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          problems.push({ field: `agreements.${slug}`, message: error.problems.map((p) => p.message).join('; ') || error.message });
        }
      }
      if (problems.length) throw invalid(problems);
      if (dryRun) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return { to: to.slug, handed };
}
