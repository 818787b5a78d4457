// One agreement with everything its page shows: parties, places with their
// hierarchy, the timeline of events with reasons and sources, quotations,
// disagreements between sources, activities, action plans, related agreements.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
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
  return (await citationsOfSubjects(ctx, { [subjectType]: ids })).get(subjectType) ?? new Map();
}

/** Citations of subjects of several types in one statement, keyed by type and subject id. */
export async function citationsOfSubjects(ctx: Context, subjects: Partial<Record<SubjectType, number[]>>): Promise<Map<SubjectType, Map<number, Citation[]>>> {
  const out = new Map<SubjectType, Map<number, Citation[]>>();
  const wanted = (Object.entries(subjects) as Array<[SubjectType, number[]]>).filter(([, ids]) => ids.length);
  if (!wanted.length) return out;
  const rows = await ctx.db
    .select({ subjectType: citations.subjectType, subjectId: citations.subjectId, passage: citations.passage, source: sources })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .where(or(...wanted.map(([type, ids]) => and(eq(citations.subjectType, type), inArray(citations.subjectId, ids)))))
    .orderBy(asc(citations.id));
  for (const { subjectType, subjectId, passage, source } of rows) {
    if (!canRead(ctx.principal, source)) continue;
    const ofType = out.get(subjectType) ?? new Map<number, Citation[]>();
    out.set(subjectType, ofType);
    const list = ofType.get(subjectId) ?? [];
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
    ofType.set(subjectId, list);
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

  const [parties, places, events, quotes, disagreements, acts, plans, neighbours] = await Promise.all([
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
    // Its parent and children, and other agreements between the same holder and place, in one statement.
    ctx.db
      .select({
        id: agreements.id,
        slug: agreements.slug,
        officialTitle: agreements.officialTitle,
        kind: agreements.kind,
        currentStatus: agreements.currentStatus,
        parentId: agreements.parentId,
        establishedYear: agreements.establishedYear,
        partyLabel: agreements.partyLabel,
        counterpartLabel: agreements.counterpartLabel,
      })
      .from(agreements)
      .where(
        and(
          sql`(${agreements.parentId} = ${id} or ${agreements.id} = ${agreement.parentId ?? -1}
            or (${agreements.id} <> ${id} and ${agreements.partyLabel} = ${agreement.partyLabel} and ${agreements.counterpartLabel} = ${agreement.counterpartLabel}))`,
          canReadRow(ctx.principal, agreements.visibility, agreements.organisationId),
        ),
      )
      .orderBy(asc(agreements.id)),
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
  const related = neighbours
    .filter((r) => r.parentId === id || r.id === agreement.parentId)
    .map(({ slug, officialTitle, kind, currentStatus, parentId, establishedYear }) => ({ slug, officialTitle, kind, currentStatus, parentId, establishedYear }));
  const cited = await citationsOfSubjects(ctx, {
    agreement: [id],
    event: eventIds,
    quotation: visibleQuotes.map((q) => q.id),
    discrepancy: visibleDiscrepancies.map((d) => d.id),
    activity: visibleActivities.map((a) => a.id),
    action_plan: plans.map((p) => p.id),
  });
  const citesOf = (type: SubjectType, subjectId: number) => cited.get(type)?.get(subjectId) ?? [];
  // Personal data (a speaker's name) is for signed-in public bodies only.
  const showNames = ctx.principal.kind !== 'anonymous';

  return {
    agreement,
    kind: row!.kind,
    sources: citesOf('agreement', id),
    parties: readable(parties).map(({ visibility: _v, organisationId: _o, ...p }) => p),
    places: places.map(({ counterpart }) => ({
      counterpart,
      chain: counterpart.ancestorIds.map((a) => ancestors.find((x) => x.id === a)!).filter(Boolean),
    })),
    events: visibleEvents.map((e) => ({
      ...e,
      reasons: reasons.filter((r) => r.eventId === e.id),
      sources: citesOf('event', e.id),
    })),
    quotations: visibleQuotes.map((q) => ({ ...q, speakerName: showNames ? q.speakerName : null, sources: citesOf('quotation', q.id) })),
    discrepancies: visibleDiscrepancies.map((d) => ({ ...d, sources: citesOf('discrepancy', d.id) })),
    activities: visibleActivities.map((a) => ({ ...a, sources: citesOf('activity', a.id) })),
    actionPlans: readable(plans).map((p) => ({ ...p, goals: goals.filter((g) => g.actionPlanId === p.id), sources: citesOf('action_plan', p.id) })),
    parent: related.find((r) => r.parentId !== id && agreement.parentId !== null) ?? null,
    // The same holder and the same place under another agreement (a twinning and a partnership).
    samePair: neighbours
      .filter((r) => r.id !== id && r.partyLabel === agreement.partyLabel && r.counterpartLabel === agreement.counterpartLabel)
      .map(({ slug, kind, officialTitle, currentStatus, establishedYear }) => ({ slug, kind, officialTitle, currentStatus, establishedYear })),
    children: related.filter((r) => r.parentId === id),
  };
}
export type AgreementDetail = Awaited<ReturnType<typeof getAgreement>>;
