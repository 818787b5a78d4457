// The sources of an action plan, cited and removed one at a time after the
// plan is made (a new plan may bring its sources along, create.ts): by an
// editor of the plan's organisation or an administrator, on the agreement
// the plan is made for, at the plan's version (the citation moves it, as a
// goal does). A source the caller may not read is no source to them.
import { and, eq, sql } from 'drizzle-orm';
import { actionPlans, citations, sources } from '../../db/schema.ts';
import { canRead, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { lockedPlan } from './change.ts';
import { citePlanSourceSchema, removePlanPartSchema, type CitePlanSourceInput, type RemovePlanPartInput } from './schemas.ts';

type Agreement = { id: number; organisationId: number };

const bump = (ctx: Context, planId: number) => ctx.db.update(actionPlans).set({ version: sql`${actionPlans.version} + 1`, updatedAt: new Date() }).where(eq(actionPlans.id, planId));

/** What the history reads an entry with: the plan's visibility (agreement-history.ts, readableEntry). */
const planOf = (plan: { id: number; visibility: string; organisationId: number }) => ({ id: plan.id, visibility: plan.visibility, organisationId: plan.organisationId });

export async function citePlanSource({ ctx, agreement, planId, input }: { ctx: Context; agreement: Agreement; planId: number; input: CitePlanSourceInput }) {
  requireWrite(ctx, agreement.organisationId);
  const { source: slug, passage, passageEn, reason, expectedVersion } = parseInput(citePlanSourceSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const plan = await lockedPlan(ctx, agreement, planId, expectedVersion);
    const [source] = await ctx.db.select().from(sources).where(eq(sources.slug, slug));
    if (!source || !canRead(ctx.principal, source)) throw invalid([{ field: 'source', message: `no source '${slug}'` }]);
    const [row] = await ctx.db
      .insert(citations)
      .values({ sourceId: source.id, subjectType: 'action_plan', subjectId: planId, passage: passage ?? null, passageEn: passage ? (passageEn ?? null) : null })
      .returning();
    await bump(ctx, planId);
    await audit(ctx, { action: 'action_plan.cite', entityType: 'action_plan', entityId: planId, after: { plan: planOf(plan), citation: row, source: source.slug }, reason: reason ?? undefined, organisationId: plan.organisationId });
    return row!;
  });
}

export async function removePlanCitation({ ctx, agreement, planId, citationId, input }: { ctx: Context; agreement: Agreement; planId: number; citationId: number; input: RemovePlanPartInput }) {
  requireWrite(ctx, agreement.organisationId);
  const { reason, expectedVersion } = parseInput(removePlanPartSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const plan = await lockedPlan(ctx, agreement, planId, expectedVersion);
    const [found] = await ctx.db
      .select({ citation: citations, source: sources })
      .from(citations)
      .innerJoin(sources, eq(sources.id, citations.sourceId))
      .where(and(eq(citations.id, citationId), eq(citations.subjectType, 'action_plan'), eq(citations.subjectId, planId)));
    if (!found || !canRead(ctx.principal, found.source)) throw notFound('citation');
    await ctx.db.delete(citations).where(eq(citations.id, citationId));
    await bump(ctx, planId);
    await audit(ctx, {
      action: 'action_plan.uncite',
      entityType: 'action_plan',
      entityId: planId,
      before: { citation: found.citation, source: found.source.slug },
      after: { plan: planOf(plan) },
      reason: reason ?? undefined,
      organisationId: plan.organisationId,
    });
  });
}
