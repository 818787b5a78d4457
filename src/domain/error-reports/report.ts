// A reader's report of an error in the register: what is wrong, on which
// page, and an address to answer to if they give one. Limited per sender (a
// hash of their address, never the address) and in all, so that nobody can
// fill the table; read by administrators only (listErrorReports).
import { createHash } from 'node:crypto';
import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { errorReports } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import type { Context } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validate.ts';

/** Reports one sender may send in an hour, and all senders together. */
export const REPORTS_PER_SENDER_PER_HOUR = 5;
export const REPORTS_PER_HOUR = 200;

/** An address on this site: a path, never `//host` or `/\\host` (which browsers take for another site). */
export const SITE_PATH = /^\/(?![/\\])[^\s\\]*$/;

export const errorReportSchema = z.strictObject({
  message: z.string('write what is wrong').trim().min(1, 'write what is wrong').max(5000, 'is longer than 5000 characters'),
  /** The page it is about: an address on this site. */
  page: z
    .string()
    .trim()
    .max(500, 'is longer than 500 characters')
    .refine((v) => v === '' || SITE_PATH.test(v), 'must be an address on this site, such as /avtal/goteborg--shanghai')
    .transform((v) => v || null)
    .optional(),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.union([z.literal(''), z.email('must be an e-mail address, e.g. namn@kommun.se')]))
    .transform((v) => v || null)
    .optional(),
});

const senderHash = (address: string) => createHash('sha256').update(`ortsband-error-report:${address}`).digest('hex');

/** Stores a report; TOO_MANY_REQUESTS past the limits, with nothing stored. */
export async function reportError(db: Executor, input: unknown, clientAddress: string) {
  const data = parseInput(errorReportSchema, input);
  const sender = senderHash(clientAddress);
  const hour = sql`now() - interval '1 hour'`;
  const [[mine], [all]] = await Promise.all([
    db.select({ n: count() }).from(errorReports).where(and(eq(errorReports.senderHash, sender), gt(errorReports.at, hour))),
    db.select({ n: count() }).from(errorReports).where(gt(errorReports.at, hour)),
  ]);
  if ((mine?.n ?? 0) >= REPORTS_PER_SENDER_PER_HOUR || (all?.n ?? 0) >= REPORTS_PER_HOUR) {
    throw new DomainError('TOO_MANY_REQUESTS', 'too many reports in the last hour; try again later');
  }
  const [row] = await db.insert(errorReports).values({ message: data.message, page: data.page ?? null, email: data.email ?? null, senderHash: sender }).returning({ id: errorReports.id });
  return row!;
}

/** The newest reports, for an administrator. */
export async function listErrorReports({ ctx, limit = 200 }: { ctx: Context; limit?: number }) {
  requireAdmin(ctx);
  return ctx.db.select({ id: errorReports.id, at: errorReports.at, page: errorReports.page, message: errorReports.message, email: errorReports.email }).from(errorReports).orderBy(desc(errorReports.at), desc(errorReports.id)).limit(limit);
}
