import { eq, inArray, or, sql } from 'drizzle-orm';
import { agreements, documents, sources, type Visibility } from '../../db/schema.ts';
import { canReadAlias, canReadDocument, canRemoveMeetingDocument, isNetworkMember } from '../access.ts';
import { networkOfMeeting, type NetworkRow } from '../coordination/networks.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';
import { personName } from '../accounts/person-name.ts';
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
  if (document.networkMeetingId !== null) {
    // A meeting's document: its network's members only, whatever the network's visibility.
    const network = await networkOfMeeting(ctx, document.networkMeetingId);
    if (!network || !isNetworkMember(ctx.principal, network)) throw notFound('document');
    return { ...document, recordVisibility: 'internal' as Visibility, network };
  }
  const record = await recordOf(ctx, document);
  if (!record || !canReadDocument(ctx.principal, document, record)) throw notFound('document');
  return { ...document, recordVisibility: record.visibility, network: null };
}

/** A meeting's documents, without their bytes: for the network's members, none for anyone else (access.ts). */
export async function documentsOfMeeting({ ctx, network, meetingId }: { ctx: Context; network: NetworkRow; meetingId: number }) {
  if (!isNetworkMember(ctx.principal, network)) return [];
  const rows = await ctx.db.select({ ...documentMetadata, addedByName: personName(documents.addedBy) }).from(documents).where(eq(documents.networkMeetingId, meetingId)).orderBy(documents.id);
  return rows.map((row) => ({ ...row, mayRemove: canRemoveMeetingDocument(ctx.principal, network, row) }));
}
export type MeetingDocument = Awaited<ReturnType<typeof documentsOfMeeting>>[number];

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
 * A source's documents that the principal may read, without their bytes: for
 * the source's own page and GET /api/sources/{slug}, where a document of a
 * source cited only on an activity or a plan is found too.
 */
export async function documentsOfSource({ ctx, source }: { ctx: Context; source: { id: number; visibility: Visibility; organisationId: number } }) {
  const rows = await ctx.db.select(documentMetadata).from(documents).where(eq(documents.sourceId, source.id)).orderBy(documents.id);
  return rows.filter((row) => canReadDocument(ctx.principal, row, source));
}
export type SourceDocument = Awaited<ReturnType<typeof documentsOfSource>>[number];

/**
 * What an agreement's page lists: the documents of the agreement (by its
 * slug) and of the sources cited on it, on its events or on the activities
 * recorded under it, that the principal may read, each with the title of the source it belongs to. The public sees
 * only a document marked public of a public record (access.ts).
 */
export async function documentsOfAgreement({ ctx, slug }: { ctx: Context; slug: string }) {
  // The documents in one statement, each part by an index (an agreement page
  // is read often); a source cited only on an event or activity the reader
  // may not read is not the agreement's for them. Each document's record is then checked.
  const agreement = sql`(select id from agreements where slug = ${slug})`;
  const rows = await ctx.db
    .select({ ...documentMetadata, sourceTitle: sources.title, sourceLanguage: sources.language })
    .from(documents)
    .leftJoin(sources, eq(sources.id, documents.sourceId))
    .where(
      sql`${documents.agreementId} = ${agreement} or ${documents.sourceId} in (
        select c.source_id from citations c where c.subject_type = 'agreement' and c.subject_id = ${agreement}
        union all
        select c.source_id from citations c join status_events e on e.id = c.subject_id
        where c.subject_type = 'event' and e.agreement_id = ${agreement} and ${canReadAlias(ctx.principal, 'e')}
        union all
        select c.source_id from citations c join activities a on a.id = c.subject_id
        where c.subject_type = 'activity' and a.agreement_id = ${agreement} and ${canReadAlias(ctx.principal, 'a')})`,
    )
    .orderBy(sql`${documents.agreementId} is null`, documents.id);
  const readable = [];
  for (const row of rows) {
    const record = await recordOf(ctx, row);
    if (record && canReadDocument(ctx.principal, row, record)) readable.push(row);
  }
  return readable;
}
export type AgreementDocument = Awaited<ReturnType<typeof documentsOfAgreement>>[number];
