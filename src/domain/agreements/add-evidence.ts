// Quotations and recorded disagreements between sources: evidence attached to
// an agreement, each with its own sources.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { agreements, discrepancies, EVENT_TYPES, quotations, statusEvents, VISIBILITIES } from '../../db/schema.ts';
import { requireRead, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { invalid } from '../errors.ts';
import { cite } from '../sources/cite.ts';
import { citationSchema, languageSchema } from '../sources/schemas.ts';
import { parseInput } from '../validate.ts';

export const addQuotationSchema = z.object({
  text: z.string().trim().min(1).max(20000),
  language: languageSchema.default('sv'),
  /** Ortsband's English translation of `text`, shown as such. */
  textEn: z.string().trim().max(20000).nullish(),
  speakerRole: z.string().max(500).nullish(),
  speakerRoleEn: z.string().max(500).nullish(),
  speakerName: z.string().max(300).nullish(),
  /** Ties the quotation to the agreement's latest event of this type. */
  event: z.enum(EVENT_TYPES).nullish(),
  visibility: z.enum(VISIBILITIES).default('public'),
  sources: z.array(citationSchema).min(1, 'a quotation needs its source').max(20),
});

export const addDiscrepancySchema = z.object({
  field: z.string().min(1).max(100),
  recorded: z.string().min(1).max(2000),
  other: z.string().min(1).max(2000),
  /** The two values in English, where they are words ("två år": "two years"). */
  recordedEn: z.string().min(1).max(2000).nullish(),
  otherEn: z.string().min(1).max(2000).nullish(),
  sv: z.string().min(1).max(5000),
  en: z.string().min(1).max(5000),
  visibility: z.enum(VISIBILITIES).default('public'),
  sources: z.array(citationSchema).min(2, 'a disagreement cites both sides').max(20),
});

async function writableAgreement(ctx: Context, agreementId: number) {
  const [agreement] = await ctx.db.select().from(agreements).where(eq(agreements.id, agreementId));
  requireWrite(ctx, requireRead(ctx, agreement, 'agreement').organisationId);
  return agreement!;
}

export async function addQuotation({ ctx, agreementId, input }: { ctx: Context; agreementId: number; input: z.input<typeof addQuotationSchema> }) {
  const { sources, event, ...data } = parseInput(addQuotationSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const agreement = await writableAgreement(ctx, agreementId);
    let eventId: number | null = null;
    if (event) {
      const rows = await ctx.db
        .select({ id: statusEvents.id })
        .from(statusEvents)
        .where(and(eq(statusEvents.agreementId, agreementId), eq(statusEvents.type, event)));
      if (!rows.length) throw invalid([{ field: 'event', message: `the agreement has no '${event}' event` }]);
      eventId = rows.at(-1)!.id;
    }
    const [row] = await ctx.db.insert(quotations).values({ ...data, agreementId, eventId, organisationId: agreement.organisationId }).returning();
    await cite(ctx, 'quotation', row!.id, sources);
    await audit(ctx, { action: 'quotation.create', entityType: 'quotation', entityId: row!.id, after: row, organisationId: agreement.organisationId });
    return row!;
  });
}

export async function addDiscrepancy({ ctx, agreementId, input }: { ctx: Context; agreementId: number; input: z.input<typeof addDiscrepancySchema> }) {
  const { sources, recorded, other, recordedEn, otherEn, sv, en, ...data } = parseInput(addDiscrepancySchema, input);
  return inTransaction(ctx, async (ctx) => {
    const agreement = await writableAgreement(ctx, agreementId);
    const [row] = await ctx.db
      .insert(discrepancies)
      .values({ ...data, agreementId, recordedValue: recorded, otherValue: other, recordedValueEn: recordedEn ?? null, otherValueEn: otherEn ?? null, explanationSv: sv, explanationEn: en, organisationId: agreement.organisationId })
      .returning();
    await cite(ctx, 'discrepancy', row!.id, sources);
    await audit(ctx, { action: 'discrepancy.create', entityType: 'discrepancy', entityId: row!.id, after: row, organisationId: agreement.organisationId });
    return row!;
  });
}
