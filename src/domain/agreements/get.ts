// One agreement with everything its page shows: parties, places with their
// hierarchy, the timeline of events with reasons and sources, quotations,
// disagreements between sources, activities, action plans, related agreements.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  actionPlanGoals,
  actionPlans,
  activities,
  actors,
  agreementCounterparts,
  agreementKinds,
  agreementParties,
  agreements,
  citations,
  counterparts,
  discrepancies,
  eventReasons,
  quotations,
  sources,
  statusEvents,
  type SubjectType,
} from '../../db/schema.ts';
import { canRead, canReadRow, requireRead } from '../access.ts';
import type { Context } from '../context.ts';
import { sortEvents } from '../status/derive-status.ts';

export interface Citation {
  sourceSlug: string;
  title: string;
  kind: string;
  url: string | null;
  published: string | null;
  archiveReference: string | null;
  passage: string | null;
  seedFile: string | null;
}

/** Citations of many subjects of one type, keyed by subject id. Confidential sources stay hidden from those who may not read them. */
export async function citationsOf(ctx: Context, subjectType: SubjectType, ids: number[]): Promise<Map<number, Citation[]>> {
  const out = new Map<number, Citation[]>();
  if (!ids.length) return out;
  const rows = await ctx.db
    .select({ subjectId: citations.subjectId, passage: citations.passage, source: sources })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .where(and(eq(citations.subjectType, subjectType), inArray(citations.subjectId, ids)))
    .orderBy(asc(citations.id));
  for (const { subjectId, passage, source } of rows) {
    if (!canRead(ctx.principal, source)) continue;
    const list = out.get(subjectId) ?? [];
    list.push({
      sourceSlug: source.slug,
      title: source.title,
      kind: source.kind,
      url: source.url,
      published: source.published,
      archiveReference: source.archiveReference,
      passage,
      seedFile: source.seedFile,
    });
    out.set(subjectId, list);
  }
  return out;
}

export async function getAgreement({ ctx, slug }: { ctx: Context; slug: string }) {
  const [row] = await ctx.db
    .select({ agreement: agreements, kind: agreementKinds })
    .from(agreements)
    .innerJoin(agreementKinds, eq(agreementKinds.code, agreements.kind))
    .where(eq(agreements.slug, slug));
  const agreement = requireRead(ctx, row?.agreement, 'agreement');
  const id = agreement.id;
  const readable = <T extends { visibility: 'public' | 'shared' | 'internal'; organisationId: number }>(list: T[]) =>
    list.filter((r) => canRead(ctx.principal, r));

  const [parties, places, events, quotes, disagreements, acts, plans, related] = await Promise.all([
    ctx.db
      .select({ slug: actors.slug, name: actors.name, kind: actors.kind, countyCode: actors.countyCode, role: agreementParties.role, note: agreementParties.note, visibility: actors.visibility, organisationId: actors.organisationId })
      .from(agreementParties)
      .innerJoin(actors, eq(actors.id, agreementParties.actorId))
      .where(eq(agreementParties.agreementId, id))
      .orderBy(asc(agreementParties.role), asc(actors.name)),
    ctx.db
      .select({ counterpart: counterparts })
      .from(agreementCounterparts)
      .innerJoin(counterparts, eq(counterparts.id, agreementCounterparts.counterpartId))
      .where(eq(agreementCounterparts.agreementId, id)),
    ctx.db.select().from(statusEvents).where(eq(statusEvents.agreementId, id)),
    ctx.db.select().from(quotations).where(eq(quotations.agreementId, id)).orderBy(asc(quotations.id)),
    ctx.db.select().from(discrepancies).where(eq(discrepancies.agreementId, id)).orderBy(asc(discrepancies.id)),
    ctx.db.select().from(activities).where(eq(activities.agreementId, id)).orderBy(asc(activities.dateMin), asc(activities.id)),
    ctx.db.select().from(actionPlans).where(eq(actionPlans.agreementId, id)).orderBy(asc(actionPlans.id)),
    ctx.db
      .select({ slug: agreements.slug, officialTitle: agreements.officialTitle, kind: agreements.kind, currentStatus: agreements.currentStatus, parentId: agreements.parentId, establishedYear: agreements.establishedYear })
      .from(agreements)
      .where(and(sql`(${agreements.parentId} = ${id} or ${agreements.id} = ${agreement.parentId ?? -1})`, canReadRow(ctx.principal, agreements.visibility, agreements.organisationId))),
  ]);

  const ancestorIds = [...new Set(places.flatMap((p) => p.counterpart.ancestorIds))];
  const ancestors = ancestorIds.length ? await ctx.db.select().from(counterparts).where(inArray(counterparts.id, ancestorIds)) : [];
  const visibleEvents = sortEvents(readable(events));
  const eventIds = visibleEvents.map((e) => e.id);
  const reasons = eventIds.length ? await ctx.db.select().from(eventReasons).where(inArray(eventReasons.eventId, eventIds)).orderBy(asc(eventReasons.id)) : [];
  const goals = plans.length ? await ctx.db.select().from(actionPlanGoals).where(inArray(actionPlanGoals.actionPlanId, plans.map((p) => p.id))).orderBy(asc(actionPlanGoals.id)) : [];
  const visibleQuotes = readable(quotes);
  const visibleDiscrepancies = readable(disagreements);
  const visibleActivities = readable(acts);
  const [agreementCites, eventCites, quoteCites, discrepancyCites, activityCites, planCites] = await Promise.all([
    citationsOf(ctx, 'agreement', [id]),
    citationsOf(ctx, 'event', eventIds),
    citationsOf(ctx, 'quotation', visibleQuotes.map((q) => q.id)),
    citationsOf(ctx, 'discrepancy', visibleDiscrepancies.map((d) => d.id)),
    citationsOf(ctx, 'activity', visibleActivities.map((a) => a.id)),
    citationsOf(ctx, 'action_plan', plans.map((p) => p.id)),
  ]);
  // Personal data (a speaker's name) is for signed-in public bodies only.
  const showNames = ctx.principal.kind !== 'anonymous';

  return {
    agreement,
    kind: row!.kind,
    sources: agreementCites.get(id) ?? [],
    parties: readable(parties).map(({ visibility: _v, organisationId: _o, ...p }) => p),
    places: places.map(({ counterpart }) => ({
      counterpart,
      chain: counterpart.ancestorIds.map((a) => ancestors.find((x) => x.id === a)!).filter(Boolean),
    })),
    events: visibleEvents.map((e) => ({
      ...e,
      reasons: reasons.filter((r) => r.eventId === e.id),
      sources: eventCites.get(e.id) ?? [],
    })),
    quotations: visibleQuotes.map((q) => ({ ...q, speakerName: showNames ? q.speakerName : null, sources: quoteCites.get(q.id) ?? [] })),
    discrepancies: visibleDiscrepancies.map((d) => ({ ...d, sources: discrepancyCites.get(d.id) ?? [] })),
    activities: visibleActivities.map((a) => ({ ...a, sources: activityCites.get(a.id) ?? [] })),
    actionPlans: readable(plans).map((p) => ({ ...p, goals: goals.filter((g) => g.actionPlanId === p.id), sources: planCites.get(p.id) ?? [] })),
    parent: related.find((r) => r.parentId !== id && agreement.parentId !== null) ?? null,
    // The same holder and the same place under another agreement (a twinning and a partnership).
    samePair: readable(
      await ctx.db
        .select({ slug: agreements.slug, kind: agreements.kind, officialTitle: agreements.officialTitle, currentStatus: agreements.currentStatus, establishedYear: agreements.establishedYear, visibility: agreements.visibility, organisationId: agreements.organisationId })
        .from(agreements)
        .where(
          sql`${agreements.id} <> ${id} and ${agreements.partyLabel} = ${agreement.partyLabel} and ${agreements.counterpartLabel} = ${agreement.counterpartLabel}`,
        ),
    ).map(({ visibility: _v, organisationId: _o, ...a }) => a),
    children: related.filter((r) => r.parentId === id),
  };
}
export type AgreementDetail = Awaited<ReturnType<typeof getAgreement>>;
