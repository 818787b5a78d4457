// What the sources page of an agreement shows its editor: the citations on
// the agreement and on each of its events, the events a source can be cited
// on, and the sources that can be cited, each as far as the principal may
// read them (access.ts).
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { citations, sources, statusEvents } from '../../db/schema.ts';
import { canReadRow } from '../access.ts';
import type { Context } from '../context.ts';

export async function listSourcesForAgreement({ ctx, agreementId }: { ctx: Context; agreementId: number }) {
  const events = await ctx.db
    .select({ id: statusEvents.id, type: statusEvents.type, date: statusEvents.date })
    .from(statusEvents)
    .where(and(eq(statusEvents.agreementId, agreementId), canReadRow(ctx.principal, statusEvents.visibility, statusEvents.organisationId)))
    .orderBy(asc(statusEvents.dateMin), asc(statusEvents.id));
  const eventIds = events.map((e) => e.id);
  const subjects = eventIds.length
    ? or(and(eq(citations.subjectType, 'agreement'), eq(citations.subjectId, agreementId)), and(eq(citations.subjectType, 'event'), inArray(citations.subjectId, eventIds)))
    : and(eq(citations.subjectType, 'agreement'), eq(citations.subjectId, agreementId));
  const cited = await ctx.db
    .select({
      id: citations.id,
      subjectType: citations.subjectType,
      subjectId: citations.subjectId,
      passage: citations.passage,
      sourceId: sources.id,
      slug: sources.slug,
      title: sources.title,
      kind: sources.kind,
      confidential: sources.confidential,
      visibility: sources.visibility,
      organisationId: sources.organisationId,
    })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .where(and(subjects, canReadRow(ctx.principal, sources.visibility, sources.organisationId)))
    .orderBy(asc(citations.id));
  const citable = await ctx.db
    .select({ id: sources.id, slug: sources.slug, title: sources.title, kind: sources.kind, confidential: sources.confidential, visibility: sources.visibility, organisationId: sources.organisationId })
    .from(sources)
    .where(canReadRow(ctx.principal, sources.visibility, sources.organisationId))
    .orderBy(sql`lower(${sources.title})`, asc(sources.id));
  return { events, cited, citable };
}
