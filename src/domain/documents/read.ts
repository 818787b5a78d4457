import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { agreements, citations, documents, sources, statusEvents } from '../../db/schema.ts';
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

/**
 * What an agreement's page lists: the documents of the agreement (by its
 * slug) and of the sources cited on it or on its events, that the principal
 * may read, each with the title of the source it belongs to. The public sees
 * only a document marked public of a public record (access.ts).
 */
export async function documentsOfAgreement({ ctx, slug }: { ctx: Context; slug: string }) {
  const [agreement] = await ctx.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.slug, slug));
  if (!agreement) return [];
  const events = ctx.db.select({ id: statusEvents.id }).from(statusEvents).where(eq(statusEvents.agreementId, agreement.id));
  const cited = ctx.db
    .selectDistinct({ id: citations.sourceId })
    .from(citations)
    .where(or(and(eq(citations.subjectType, 'agreement'), eq(citations.subjectId, agreement.id)), and(eq(citations.subjectType, 'event'), inArray(citations.subjectId, events))));
  const rows = await ctx.db
    .select({ ...documentMetadata, sourceTitle: sources.title, sourceLanguage: sources.language })
    .from(documents)
    .leftJoin(sources, eq(sources.id, documents.sourceId))
    .where(or(eq(documents.agreementId, agreement.id), inArray(documents.sourceId, cited)))
    .orderBy(sql`${documents.agreementId} is null`, documents.id);
  const readable = [];
  for (const row of rows) {
    const record = await recordOf(ctx, row);
    if (record && canReadDocument(ctx.principal, row, record)) readable.push(row);
  }
  return readable;
}
export type AgreementDocument = Awaited<ReturnType<typeof documentsOfAgreement>>[number];
