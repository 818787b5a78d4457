import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { activities, ACTIVITY_KINDS, agreements, VISIBILITIES } from '../../db/schema.ts';
import { requireRead, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { fuzzyDateSchema, parseFuzzyDate } from '../dates.ts';
import { cite } from '../sources/cite.ts';
import { citationSchema } from '../sources/schemas.ts';
import { parseInput } from '../validate.ts';

export const createActivitySchema = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string().trim().min(1).max(1000),
  titleEn: z.string().trim().max(1000).nullish(),
  date: fuzzyDateSchema,
  participants: z.string().max(5000).nullish(),
  participantsEn: z.string().max(5000).nullish(),
  purpose: z.string().max(5000).nullish(),
  purposeEn: z.string().max(5000).nullish(),
  outcome: z.string().max(5000).nullish(),
  outcomeEn: z.string().max(5000).nullish(),
  note: z.string().max(5000).nullish(),
  noteEn: z.string().max(5000).nullish(),
  costSek: z.number().int().min(0).nullish(),
  visibility: z.enum(VISIBILITIES).default('public'),
  sources: z.array(citationSchema).max(20).default([]),
});

/** A visit, meeting, project or event under an agreement. */
export async function createActivity({ ctx, agreementId, input }: { ctx: Context; agreementId: number; input: z.input<typeof createActivitySchema> }) {
  const { sources, note, noteEn, ...data } = parseInput(createActivitySchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [agreement] = await ctx.db.select().from(agreements).where(eq(agreements.id, agreementId));
    const { organisationId } = requireWrite(ctx, requireRead(ctx, agreement, 'agreement').organisationId);
    const outcome = [data.outcome, note].filter(Boolean).join(' ') || null;
    // The English only when each Swedish part has its English: half of it would pass for the whole.
    const outcomeEn = (!data.outcome || data.outcomeEn) && (!note || noteEn) ? [data.outcomeEn, noteEn].filter(Boolean).join(' ') || null : null;
    const [row] = await ctx.db
      .insert(activities)
      .values({ ...data, outcome, outcomeEn, agreementId, dateMin: parseFuzzyDate(data.date).min, organisationId })
      .returning();
    await cite(ctx, 'activity', row!.id, sources);
    await audit(ctx, { action: 'activity.create', entityType: 'activity', entityId: row!.id, after: row, organisationId });
    return row!;
  });
}
