import { eq, sql } from 'drizzle-orm';
import { agreements, eventReasons, statusEvents } from '../../db/schema.ts';
import { requireRead, requireWrite } from '../access.ts';
import { refreshStatusCaches } from '../agreements/refresh-caches.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { parseFuzzyDate } from '../dates.ts';
import { conflict } from '../errors.ts';
import { cite } from '../sources/cite.ts';
import { parseInput } from '../validate.ts';
import { recordEventSchema, type RecordEventInput } from './schemas.ts';

/**
 * Appends a status event to an agreement. Events are never changed or
 * removed; the agreement's status is recomputed from them in the same
 * transaction. This is the only way an agreement starts, pauses or ends.
 */
export async function recordStatusEvent({ ctx, agreementId, input }: { ctx: Context; agreementId: number; input: RecordEventInput }) {
  const { reasons, sources, expectedVersion, comment, ...data } = parseInput(recordEventSchema, input);
  const date = parseFuzzyDate(data.date);
  return inTransaction(ctx, async (ctx) => {
    // Lock the agreement row: two writers append one after the other.
    const [agreement] = await ctx.db.select().from(agreements).where(eq(agreements.id, agreementId)).for('update');
    requireWrite(ctx, requireRead(ctx, agreement, 'agreement').organisationId);
    if (expectedVersion && expectedVersion !== agreement!.version) {
      throw conflict(`the agreement was changed by someone else (version ${agreement!.version}, you saw ${expectedVersion})`, { version: agreement!.version, status: agreement!.currentStatus });
    }
    // The cached status is the derivation of the events (kept so in this transaction), and the row is locked.
    if (data.type === 'ended' && data.mode !== 'expiry' && agreement!.currentStatus === 'ended') {
      throw conflict('the agreement has already ended');
    }
    const [event] = await ctx.db
      .insert(statusEvents)
      .values({
        ...data,
        agreementId,
        date: date.edtf,
        dateMin: date.min,
        dateMax: date.max,
        datePrecision: date.precision,
        organisationId: agreement!.organisationId,
      })
      .returning();
    if (reasons.length) await ctx.db.insert(eventReasons).values(reasons.map((r) => ({ ...r, eventId: event!.id })));
    await cite(ctx, 'event', event!.id, sources);
    await refreshStatusCaches(ctx, agreementId);
    await ctx.db.update(agreements).set({ version: sql`${agreements.version} + 1`, updatedAt: new Date() }).where(eq(agreements.id, agreementId));
    await audit(ctx, {
      action: `status.${data.type}`,
      entityType: 'agreement',
      entityId: agreementId,
      before: { status: agreement!.currentStatus, version: agreement!.version },
      after: { event, reasons, sources },
      reason: comment ?? undefined,
      organisationId: agreement!.organisationId,
    });
    return event!;
  });
}
