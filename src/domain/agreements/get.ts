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

type AgreementRow = { agreement: typeof agreements.$inferSelect; kind: typeof agreementKinds.$inferSelect };

/** The agreement row and its kind, as getAgreement and agreementDetails read them. */
export const selectAgreementRows = (ctx: Context) =>
  ctx.db.select({ agreement: agreements, kind: agreementKinds }).from(agreements).innerJoin(agreementKinds, eq(agreementKinds.code, agreements.kind));

export async function getAgreement({ ctx, slug }: { ctx: Context; slug: string }) {
  const [row] = await selectAgreementRows(ctx).where(eq(agreements.slug, slug));
  requireRead(ctx, row?.agreement, 'agreement');
  return (await agreementDetails(ctx, [row!]))[0]!;
}

/** Group rows by a key, keeping their order. */
function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

/**
 * Everything the pages show of some agreements the reader may read, in one
 * set of statements however many they are (one page, or a batch of the
 * whole-register export).
 */
export async function agreementDetails(ctx: Context, rows: AgreementRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.agreement.id);
  const parentIds = rows.flatMap((r) => (r.agreement.parentId === null ? [] : [r.agreement.parentId]));
  const readable = <T extends { visibility: 'public' | 'shared' | 'internal'; organisationId: number }>(list: T[]) =>
    list.filter((r) => canRead(ctx.principal, r));

  const [parties, places, events, quotes, disagreements, acts, plans, neighbours] = await Promise.all([
    ctx.db
      .select({ agreementId: agreementParties.agreementId, slug: actors.slug, name: actors.name, kind: actors.kind, countyCode: actors.countyCode, role: agreementParties.role, note: agreementParties.note, visibility: actors.visibility, organisationId: actors.organisationId })
      .from(agreementParties)
      .innerJoin(actors, eq(actors.id, agreementParties.actorId))
      .where(inArray(agreementParties.agreementId, ids))
      .orderBy(asc(agreementParties.role), asc(actors.name)),
    ctx.db
      .select({ agreementId: agreementCounterparts.agreementId, counterpart: counterparts })
      .from(agreementCounterparts)
      .innerJoin(counterparts, eq(counterparts.id, agreementCounterparts.counterpartId))
      .where(inArray(agreementCounterparts.agreementId, ids)),
    ctx.db.select().from(statusEvents).where(inArray(statusEvents.agreementId, ids)),
    ctx.db.select().from(quotations).where(inArray(quotations.agreementId, ids)).orderBy(asc(quotations.id)),
    ctx.db.select().from(discrepancies).where(inArray(discrepancies.agreementId, ids)).orderBy(asc(discrepancies.id)),
    ctx.db.select().from(activities).where(inArray(activities.agreementId, ids)).orderBy(asc(activities.dateMin), asc(activities.id)),
    ctx.db.select().from(actionPlans).where(inArray(actionPlans.agreementId, ids)).orderBy(asc(actionPlans.id)),
    // Parents and children, and other agreements between the same holder and place, in one statement.
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
          or(
            inArray(agreements.parentId, ids),
            parentIds.length ? inArray(agreements.id, parentIds) : undefined,
            sql`(${agreements.partyLabel}, ${agreements.counterpartLabel}) in (${sql.join(
              rows.map((r) => sql`(${r.agreement.partyLabel}, ${r.agreement.counterpartLabel})`),
              sql`, `,
            )})`,
          ),
          canReadRow(ctx.principal, agreements.visibility, agreements.organisationId),
        ),
      )
      .orderBy(asc(agreements.id)),
  ]);

  const ancestorIds = [...new Set(places.flatMap((p) => p.counterpart.ancestorIds))];
  const visibleEvents = sortEvents(readable(events));
  const eventIds = visibleEvents.map((e) => e.id);
  const visibleQuotes = readable(quotes);
  const visibleDiscrepancies = readable(disagreements);
  const visibleActivities = readable(acts);
  const [ancestors, reasons, goals, cited] = await Promise.all([
    ancestorIds.length ? ctx.db.select().from(counterparts).where(inArray(counterparts.id, ancestorIds)) : [],
    eventIds.length ? ctx.db.select().from(eventReasons).where(inArray(eventReasons.eventId, eventIds)).orderBy(asc(eventReasons.id)) : [],
    plans.length ? ctx.db.select().from(actionPlanGoals).where(inArray(actionPlanGoals.actionPlanId, plans.map((p) => p.id))).orderBy(asc(actionPlanGoals.id)) : [],
    citationsOfSubjects(ctx, {
      agreement: ids,
      event: eventIds,
      quotation: visibleQuotes.map((q) => q.id),
      discrepancy: visibleDiscrepancies.map((d) => d.id),
      activity: visibleActivities.map((a) => a.id),
      action_plan: plans.map((p) => p.id),
    }),
  ]);
  const citesOf = (type: SubjectType, subjectId: number) => cited.get(type)?.get(subjectId) ?? [];
  const ancestorById = new Map(ancestors.map((a) => [a.id, a]));
  const partiesOf = groupBy(readable(parties), (p) => p.agreementId);
  const placesOf = groupBy(places, (p) => p.agreementId);
  const eventsOf = groupBy(visibleEvents, (e) => e.agreementId);
  const reasonsOf = groupBy(reasons, (r) => r.eventId);
  const quotesOf = groupBy(visibleQuotes, (q) => q.agreementId);
  const discrepanciesOf = groupBy(visibleDiscrepancies, (d) => d.agreementId ?? -1);
  const activitiesOf = groupBy(visibleActivities, (a) => a.agreementId ?? -1);
  const plansOf = groupBy(readable(plans), (p) => p.agreementId);
  const goalsOf = groupBy(goals, (g) => g.actionPlanId);
  // Personal data (a speaker's name) is for signed-in public bodies only.
  const showNames = ctx.principal.kind !== 'anonymous';

  return rows.map(({ agreement, kind }) => {
    const id = agreement.id;
    const related = neighbours
      .filter((r) => r.parentId === id || r.id === agreement.parentId)
      .map(({ slug, officialTitle, kind, currentStatus, parentId, establishedYear }) => ({ slug, officialTitle, kind, currentStatus, parentId, establishedYear }));
    return {
      agreement,
      kind,
      sources: citesOf('agreement', id),
      parties: (partiesOf.get(id) ?? []).map(({ agreementId: _a, visibility: _v, organisationId: _o, ...p }) => p),
      places: (placesOf.get(id) ?? []).map(({ counterpart }) => ({
        counterpart,
        chain: counterpart.ancestorIds.flatMap((a) => ancestorById.get(a) ?? []),
      })),
      events: (eventsOf.get(id) ?? []).map((e) => ({ ...e, reasons: reasonsOf.get(e.id) ?? [], sources: citesOf('event', e.id) })),
      quotations: (quotesOf.get(id) ?? []).map((q) => ({ ...q, speakerName: showNames ? q.speakerName : null, sources: citesOf('quotation', q.id) })),
      discrepancies: (discrepanciesOf.get(id) ?? []).map((d) => ({ ...d, sources: citesOf('discrepancy', d.id) })),
      activities: (activitiesOf.get(id) ?? []).map((a) => ({ ...a, sources: citesOf('activity', a.id) })),
      actionPlans: (plansOf.get(id) ?? []).map((p) => ({ ...p, goals: goalsOf.get(p.id) ?? [], sources: citesOf('action_plan', p.id) })),
      parent: related.find((r) => r.parentId !== id && agreement.parentId !== null) ?? null,
      // The same holder and the same place under another agreement (a twinning and a partnership).
      samePair: neighbours
        .filter((r) => r.id !== id && r.partyLabel === agreement.partyLabel && r.counterpartLabel === agreement.counterpartLabel)
        .map(({ slug, kind, officialTitle, currentStatus, establishedYear }) => ({ slug, kind, officialTitle, currentStatus, establishedYear })),
      children: related.filter((r) => r.parentId === id),
    };
  });
}
export type AgreementDetail = Awaited<ReturnType<typeof getAgreement>>;
