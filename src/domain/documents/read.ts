import { eq, inArray, or } from 'drizzle-orm';
import { agreements, documents, sources } from '../../db/schema.ts';
import { canReadDocument } from '../access.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';
import { documentMetadata } from './attach.ts';

/** The record a document belongs to: what decides who may read it. */
async function recordOf(ctx: Context, document: { sourceId: number | null; agreementId: number | null }) {
  const table = document.sourceId !== null ? sources : agreements;
  const [record] = await ctx.db
    .select({ visibility: table.visibility, organisationId: table.organisationId })
    .from(table)
    .where(eq(table.id, (document.sourceId ?? document.agreementId)!));
  return record;
}

/** One document with its bytes, for its download; NOT_FOUND for anyone who may not read it (access.ts). */
export async function readDocument({ ctx, id }: { ctx: Context; id: number }) {
  const [document] = await ctx.db.select().from(documents).where(eq(documents.id, id));
  if (!document) throw notFound('document');
  const record = await recordOf(ctx, document);
  if (!record || !canReadDocument(ctx.principal, document, record)) throw notFound('document');
  return { ...document, recordVisibility: record.visibility };
}

/**
 * The documents of an agreement and of the given sources that the principal
 * may read, without their bytes.
 */
export async function listDocuments({ ctx, agreementId, sourceIds }: { ctx: Context; agreementId: number; sourceIds: number[] }) {
  const rows = await ctx.db
    .select(documentMetadata)
    .from(documents)
    .where(sourceIds.length ? or(eq(documents.agreementId, agreementId), inArray(documents.sourceId, sourceIds)) : eq(documents.agreementId, agreementId))
    .orderBy(documents.id);
  const readable = [];
  for (const row of rows) {
    const record = await recordOf(ctx, row);
    if (record && canReadDocument(ctx.principal, row, record)) readable.push(row);
  }
  return readable;
}
