// The sources of an activity, cited and removed one at a time after it is
// recorded (a new activity may bring its sources along, create.ts): by an
// editor of the activity's organisation or an administrator, on the
// agreement it is recorded under, at the activity's version (the citation
// moves it, as a change does). A source the caller may not read is no
// source to them. The audit entry carries the activity's visibility, as the
// history reads an activity's entries (agreement-history.ts, readableEntry).
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { activities, citations, sources } from '../../db/schema.ts';
import { citePlanSourceSchema, type CitePlanSourceInput } from '../action-plans/schemas.ts';
import { canRead, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { lockedActivity, removeActivitySchema } from './change.ts';

/** The same fields as a plan's citation: the source by slug, its passage in Swedish and English, the version the form was opened at. */
export const citeActivitySourceSchema = citePlanSourceSchema;
export type CiteActivitySourceInput = CitePlanSourceInput;

type Agreement = { id: number; organisationId: number };

const bump = (ctx: Context, id: number) => ctx.db.update(activities).set({ version: sql`${activities.version} + 1`, updatedAt: new Date() }).where(eq(activities.id, id)).returning();

/** What the history reads an entry with: the activity's visibility, at the version the entry made. */
const activityOf = (a: { id: number; visibility: string; organisationId: number; version: number }) => ({ id: a.id, visibility: a.visibility, organisationId: a.organisationId, version: a.version });

export async function citeActivitySource({ ctx, agreement, activityId, input }: { ctx: Context; agreement: Agreement; activityId: number; input: CiteActivitySourceInput }) {
  requireWrite(ctx, agreement.organisationId);
  const { source: slug, passage, passageEn, reason, expectedVersion } = parseInput(citeActivitySourceSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const activity = await lockedActivity(ctx, agreement, activityId, expectedVersion);
    const [source] = await ctx.db.select().from(sources).where(eq(sources.slug, slug));
    if (!source || !canRead(ctx.principal, source)) throw invalid([{ field: 'source', message: `no source '${slug}'` }]);
    const [row] = await ctx.db
      .insert(citations)
      .values({ sourceId: source.id, subjectType: 'activity', subjectId: activityId, passage: passage ?? null, passageEn: passage ? (passageEn ?? null) : null })
      .returning();
    const [after] = await bump(ctx, activityId);
    await audit(ctx, {
      action: 'activity.cite',
      entityType: 'activity',
      entityId: activityId,
      after: { ...activityOf(after!), citation: row, source: source.slug },
      reason: reason ?? undefined,
      organisationId: activity.organisationId,
    });
    return row!;
  });
}

export async function removeActivityCitation({
  ctx,
  agreement,
  activityId,
  citationId,
  input,
}: {
  ctx: Context;
  agreement: Agreement;
  activityId: number;
  citationId: number;
  input: z.input<typeof removeActivitySchema>;
}) {
  requireWrite(ctx, agreement.organisationId);
  const { reason, expectedVersion } = parseInput(removeActivitySchema, input);
  return inTransaction(ctx, async (ctx) => {
    const activity = await lockedActivity(ctx, agreement, activityId, expectedVersion);
    const [found] = await ctx.db
      .select({ citation: citations, source: sources })
      .from(citations)
      .innerJoin(sources, eq(sources.id, citations.sourceId))
      .where(and(eq(citations.id, citationId), eq(citations.subjectType, 'activity'), eq(citations.subjectId, activityId)));
    if (!found || !canRead(ctx.principal, found.source)) throw notFound('citation');
    await ctx.db.delete(citations).where(eq(citations.id, citationId));
    const [after] = await bump(ctx, activityId);
    await audit(ctx, {
      action: 'activity.uncite',
      entityType: 'activity',
      entityId: activityId,
      before: { ...activityOf(activity), citation: found.citation, source: found.source.slug },
      after: activityOf(after!),
      reason: reason ?? undefined,
      organisationId: activity.organisationId,
    });
  });
}
