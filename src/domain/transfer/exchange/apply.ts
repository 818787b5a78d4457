// Writes an import plan in one transaction: all of it or, on any error,
// none of it (a process killed half-way leaves nothing either: the database
// rolls back what was never committed). Sources, actors and counterparts go
// through the verbs; agreements and their events are written in batches
// (an import of 100,000 rows through one verb call per row would take many
// minutes), with the caches and audit entries the verbs would write.
import { eq, sql } from 'drizzle-orm';
import {
  actors,
  agreementCounterparts,
  agreementKinds,
  agreementParties,
  agreements,
  citations,
  counterparts,
  organisations,
  sources,
  type SubjectType,
} from '../../../db/schema.ts';
import { requireWrite } from '../../access.ts';
import { createActor } from '../../actors/create.ts';
import { refreshLabelCaches, refreshStatusCaches } from '../../agreements/refresh-caches.ts';
import { principalLabel, inTransaction, type Context } from '../../context.ts';
import { createCounterpart } from '../../counterparts/create.ts';
import { bumpDataVersion } from '../../data-version.ts';
import { parseFuzzyDate } from '../../dates.ts';
import { conflict, invalid } from '../../errors.ts';
import { importFailure, REGISTER_CHANGED } from './failures.ts';
import { insertRows, nextIds } from '../../../db/bulk.ts';
import { afterBulkLoad } from '../../../db/after-bulk-load.ts';
import { queryRows } from '../../../db/client.ts';
import { createSource } from '../../sources/create.ts';
import { actorSearchText, counterpartSearchText } from '../../text/normalize.ts';
import { AGREEMENT_KINDS, EDITORIAL_ORGANISATION } from '../shipped-data.ts';
import type { ImportPlan, PlannedAgreement } from './plan.ts';
import { writeActionPlans, writeActivities } from './apply-activities.ts';
import { writeContactSurfaces } from './apply-contact-surfaces.ts';
import { writeArticles } from './apply-articles.ts';
import type { Ref } from './register-keys.ts';

export type Progress = (done: number, total: number) => void;
export type AuditEntry = { action: string; entityType: string; entityId: number; after: unknown };

const BATCH = 2_000;

function chunks<T>(list: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The organisation imported records belong to: the editorial one unless named. */
export async function importOrganisation(ctx: Context, slug = EDITORIAL_ORGANISATION.slug): Promise<number> {
  const [found] = await ctx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
  if (found) return found.id;
  if (slug !== EDITORIAL_ORGANISATION.slug) throw invalid([{ field: 'organisation', message: `no organisation '${slug}'` }]);
  const [created] = await ctx.db.insert(organisations).values(EDITORIAL_ORGANISATION).returning({ id: organisations.id });
  return created!.id;
}

const idOf = (ref: Ref) => {
  if (ref.id === null) throw new Error(`internal: '${ref.slug}' was not written before it was used`);
  return ref.id;
};

/** Agreements and contact surfaces written from which an import is a bulk load (after-bulk-load.ts). */
const BULK_LOAD_RECORDS = 1_000;

/** Ends a dry run's transaction, carrying what apply would have done. */
class DryRunDone extends Error {
  constructor(readonly summary: { written: number }) {
    super('dry run: rolled back');
  }
}

/**
 * Writes a plan in one transaction, or with `dryRun` does all of it and rolls
 * it back: a dry run meets every check apply meets (the database's too), so
 * its verdict is apply's. Refuses a plan made against another version of the
 * register (REGISTER_CHANGED), and turns any database error into a short
 * domain error (failures.ts).
 */
export async function applyImport(ctx: Context, plan: ImportPlan, options: { organisation?: string; onProgress?: Progress; dryRun?: boolean } = {}) {
  if (plan.problems.length) throw invalid(plan.problems.map((p) => ({ field: `${p.file} row ${p.row ?? '-'} ${p.column ?? ''}`.trim(), message: p.message })));
  // Refs of records to create get their ids during apply; a rollback takes them back.
  const unwritten: Array<{ id: number | null }> = [...plan.sources, ...plan.actors, ...plan.counterparts, ...plan.agreements, ...plan.actionPlans, ...plan.activities, ...plan.contactSurfaces, ...plan.articles]
    .map((p) => p.ref)
    .concat(plan.actionPlans.flatMap((p) => p.goals.map((g) => g.ref)))
    .filter((ref) => ref.id === null);
  try {
    const summary = await applyInTransaction(ctx, plan, options);
    // A large import is a bulk load: statistics and search indexes brought up to date at once.
    const written = plan.agreements.filter((a) => a.action !== 'unchanged' || a.newEvents.length).length + plan.contactSurfaces.filter((s) => s.action !== 'unchanged').length;
    if (written >= BULK_LOAD_RECORDS) await afterBulkLoad(ctx.db);
    return summary;
  } catch (error) {
    for (const ref of unwritten) ref.id = null;
    if (error instanceof DryRunDone) return error.summary;
    throw importFailure(error);
  }
}

async function applyInTransaction(ctx: Context, plan: ImportPlan, options: { organisation?: string; onProgress?: Progress; dryRun?: boolean }) {
  const progress = options.onProgress ?? (() => {});
  const agreementWork = plan.agreements.filter((a) => a.action !== 'unchanged' || a.newEvents.length);
  const total = plan.sources.length + plan.actors.length + plan.counterparts.length + agreementWork.length * 2 + plan.actionPlans.length + plan.activities.length + plan.contactSurfaces.length + plan.articles.length;
  let done = 0;
  const step = (n = 1) => progress((done += n), total);

  return inTransaction(ctx, async (ctx) => {
    // The version row stays locked until the end: a second import waits here, then finds the version moved on.
    const [locked] = await queryRows<{ version: number }>(ctx.db, sql`select version from data_version where id = 1 for update`);
    if (Number(locked?.version ?? 0) !== Number(plan.dataVersion)) throw conflict(REGISTER_CHANGED);
    const organisationId = await importOrganisation(ctx, options.organisation);
    requireWrite(ctx, organisationId);
    await ctx.db.insert(agreementKinds).values(AGREEMENT_KINDS).onConflictDoNothing();
    const auditEntries: AuditEntry[] = [];

    for (const s of plan.sources) {
      if (s.action === 'create') s.ref.id = (await createSource({ ctx, input: { slug: s.ref.slug, ...s.values, kind: s.values.kind as never }, organisationId })).id;
      else if (s.action === 'change') {
        await ctx.db.update(sources).set({ ...s.values, kind: s.values.kind as never, version: sql`${sources.version} + 1`, updatedAt: new Date() }).where(eq(sources.id, idOf(s.ref)));
        auditEntries.push({ action: 'source.import', entityType: 'source', entityId: idOf(s.ref), after: s.values });
      }
      step();
    }

    for (const a of plan.actors) {
      const { sources: cited, ...values } = a.values;
      if (a.action === 'create') {
        a.ref.id = (await createActor({ ctx, input: { slug: a.ref.slug, ...values, kind: values.kind as never, sources: cited }, organisationId })).id;
      } else if (a.action === 'change') {
        await ctx.db
          .update(actors)
          .set({ ...values, kind: values.kind as never, searchText: actorSearchText(values), version: sql`${actors.version} + 1`, updatedAt: new Date() })
          .where(eq(actors.id, idOf(a.ref)));
        await replaceCitations(ctx, 'actor', [idOf(a.ref)], [cited]);
        auditEntries.push({ action: 'actor.import', entityType: 'actor', entityId: idOf(a.ref), after: a.values });
      }
      step();
    }

    for (const c of plan.counterparts) {
      const { sources: cited, parent, ...values } = c.values;
      if (c.action === 'create') {
        c.ref.id = (await createCounterpart({ ctx, input: { slug: c.ref.slug, ...values, level: values.level as never, parent: parent?.slug, sources: cited }, organisationId })).id;
      } else if (c.action === 'change') {
        // The parent does not move: a place that moved is another place (matched by name inside its parent).
        await ctx.db
          .update(counterparts)
          .set({ ...values, level: values.level as never, searchText: counterpartSearchText(values), version: sql`${counterparts.version} + 1`, updatedAt: new Date() })
          .where(eq(counterparts.id, idOf(c.ref)));
        await replaceCitations(ctx, 'counterpart', [idOf(c.ref)], [cited]);
        auditEntries.push({ action: 'counterpart.import', entityType: 'counterpart', entityId: idOf(c.ref), after: c.values });
      }
      step();
    }

    await writeAgreements(ctx, agreementWork, organisationId, auditEntries, step);
    await relabelAgreementsOf(ctx, plan, auditEntries);
    await writeActionPlans(ctx, plan, organisationId, auditEntries, step);
    await writeActivities(ctx, plan, organisationId, auditEntries, step);
    await writeContactSurfaces(ctx, plan, organisationId, auditEntries, step);
    await writeArticles(ctx, plan, auditEntries, step);

    if (auditEntries.length) {
      // One new data version for the import's own entries, written on each (the records it creates
      // through the verbs are audited by audit(), stamped at commit with the next version): caches
      // that keep the register between versions re-read exactly the agreements audited after theirs.
      const dataVersion = await bumpDataVersion(ctx);
      const actorLabel = principalLabel(ctx.principal);
      await insertRows(
        ctx.db,
        'audit_log',
        auditEntries.map((e) => ({
          actor_label: actorLabel, organisation_id: organisationId, action: e.action, entity_type: e.entityType, entity_id: e.entityId, after: e.after, reason: 'import', data_version: dataVersion,
        })),
      );
    }
    const summary = { written: auditEntries.length };
    // Rolled back here, inside the transaction, so that nothing of it is ever committed.
    if (options.dryRun) throw new DryRunDone(summary);
    return summary;
  });
}

/**
 * Agreements whose Swedish body or place the import changed: their labels and
 * search text are refreshed, and each gets an audit entry (the statistics kept
 * between data versions re-read the agreements audited since).
 */
async function relabelAgreementsOf(ctx: Context, plan: ImportPlan, auditEntries: AuditEntry[]) {
  const actorIds = plan.actors.filter((a) => a.action === 'change').map((a) => idOf(a.ref));
  const placeIds = plan.counterparts.filter((c) => c.action === 'change').map((c) => idOf(c.ref));
  if (!actorIds.length && !placeIds.length) return;
  const rows = await queryRows<{ id: number }>(
    ctx.db,
    sql`select agreement_id as id from agreement_parties where actor_id = any(${sql.param(actorIds)}::int[])
        union select id from agreements where place_ids && ${sql.param(placeIds)}::int[]`,
  );
  const audited = new Set(auditEntries.filter((e) => e.entityType === 'agreement').map((e) => e.entityId));
  const ids = rows.map((r) => r.id).filter((id) => !audited.has(id));
  await refreshLabelCaches(ctx, ids);
  for (const id of ids) auditEntries.push({ action: 'agreement.import.relabel', entityType: 'agreement', entityId: id, after: { actors: actorIds, counterparts: placeIds } });
}

/**
 * Writes the citations of these subjects anew. The exchange format carries a
 * passage, not Ortsband's English of it: a subject that cites the same source
 * with the same passage again keeps that English.
 */
export async function replaceCitations(ctx: Context, subjectType: SubjectType, ids: number[], lists: Array<Array<{ source: string; passage: string | null }>>) {
  if (!ids.length) return;
  await insertCitations(ctx, subjectType, ids, lists, await deleteCitations(ctx, subjectType, ids));
}

/** Deletes the citations of these subjects; gives back the English of their passages, by subject, source and passage. */
async function deleteCitations(ctx: Context, subjectType: SubjectType, ids: number[]): Promise<Map<string, string | null>> {
  const removed = await ctx.db
    .delete(citations)
    .where(sql`${citations.subjectType} = ${subjectType} and ${citations.subjectId} = any(${sql.param(ids)}::int[])`)
    .returning({ subjectId: citations.subjectId, sourceId: citations.sourceId, passage: citations.passage, passageEn: citations.passageEn });
  return new Map(removed.filter((c) => c.passageEn && c.passage).map((c) => [`${c.subjectId}\u0000${c.sourceId}\u0000${c.passage}`, c.passageEn]));
}

export async function insertCitations(
  ctx: Context,
  subjectType: SubjectType,
  ids: number[],
  lists: Array<Array<{ source: string; passage: string | null }>>,
  english = new Map<string, string | null>(),
) {
  const slugs = [...new Set(lists.flat().map((c) => c.source))];
  if (!slugs.length) return;
  const found = await ctx.db.select({ id: sources.id, slug: sources.slug }).from(sources).where(sql`${sources.slug} = any(${sql.param(slugs)}::text[])`);
  const idBySlug = new Map(found.map((s) => [s.slug, s.id]));
  await insertRows(
    ctx.db,
    'citations',
    ids.flatMap((subjectId, i) =>
      lists[i]!.map((c) => {
        const sourceId = idBySlug.get(c.source)!;
        const passageEn = c.passage ? (english.get(`${subjectId}\u0000${sourceId}\u0000${c.passage}`) ?? null) : null;
        return { source_id: sourceId, subject_type: subjectType, subject_id: subjectId, passage: c.passage, passage_en: passageEn };
      }),
    ),
  );
}

async function writeAgreements(
  ctx: Context,
  work: PlannedAgreement[],
  organisationId: number,
  auditEntries: AuditEntry[],
  step: (n?: number) => void,
) {
  const fields = (a: PlannedAgreement) => {
    const v = a.values;
    return {
      kind: v.kind, officialTitle: v.officialTitle, officialTitleLanguage: v.officialTitleLanguage, officialTitleEn: v.officialTitleEn, signedOn: v.signedOn, term: v.term,
      renewalRule: v.renewalRule, termMonths: v.termMonths, renewalMonths: v.renewalMonths, noticeMonths: v.noticeMonths, noticeDays: v.noticeDays, endsOn: v.endsOn, themes: v.themes, themesEn: v.themesEn, funding: v.funding, fundingEn: v.fundingEn, responsibleUnit: v.responsibleUnit, summary: v.summary, summaryEn: v.summaryEn,
    };
  };
  const created = work.filter((a) => a.action === 'create');
  const newIds = await nextIds(ctx.db, 'agreements', created.length);
  created.forEach((a, i) => (a.ref.id = newIds[i]!));
  await insertRows(
    ctx.db,
    'agreements',
    created.map((a) => {
      const f = fields(a);
      return {
        id: a.ref.id, slug: a.ref.slug, kind: f.kind, official_title: f.officialTitle, official_title_language: f.officialTitleLanguage, official_title_en: f.officialTitleEn,
        signed_on: f.signedOn, term: f.term, renewal_rule: f.renewalRule, term_months: f.termMonths, renewal_months: f.renewalMonths, notice_months: f.noticeMonths, notice_days: f.noticeDays, ends_on: f.endsOn, themes: f.themes, themes_en: f.themesEn, funding: f.funding, funding_en: f.fundingEn, responsible_unit: f.responsibleUnit, summary: f.summary, summary_en: f.summaryEn, organisation_id: organisationId,
      };
    }),
  );
  const changed = work.filter((a) => a.action === 'change');
  for (const a of changed) {
    await ctx.db.update(agreements).set({ ...fields(a), version: sql`${agreements.version} + 1`, updatedAt: new Date() }).where(eq(agreements.id, idOf(a.ref)));
  }
  const rewritten = [...created, ...changed];
  const rewrittenIds = rewritten.map((a) => idOf(a.ref));
  // The exchange files do not carry the editorial notes on a party's part: a
  // party that stays in a changed agreement keeps its notes.
  // (Every row names both columns: insertRows takes its columns from the first row.)
  const NO_NOTE = { note: null, note_en: null };
  const partyNotes = new Map<string, { note: string | null; note_en: string | null }>();
  const partyKey = (agreementId: number, actorId: number, role: string) => `${agreementId} ${actorId} ${role}`;
  let passagesEn = new Map<string, string | null>();
  if (changed.length) {
    const ids = sql.param(changed.map((a) => idOf(a.ref)));
    const noted = await queryRows<{ agreement_id: number; actor_id: number; role: string; note: string | null; note_en: string | null }>(
      ctx.db,
      sql`select agreement_id, actor_id, role, note, note_en from agreement_parties where agreement_id = any(${ids}::int[]) and (note is not null or note_en is not null)`,
    );
    for (const p of noted) partyNotes.set(partyKey(p.agreement_id, p.actor_id, p.role), { note: p.note, note_en: p.note_en });
    await ctx.db.delete(agreementParties).where(sql`${agreementParties.agreementId} = any(${ids}::int[])`);
    await ctx.db.delete(agreementCounterparts).where(sql`${agreementCounterparts.agreementId} = any(${ids}::int[])`);
    passagesEn = await deleteCitations(ctx, 'agreement', changed.map((a) => idOf(a.ref)));
  }
  await insertRows(
    ctx.db,
    'agreement_parties',
    rewritten.flatMap((a) =>
      a.values.parties.map((p) => ({ agreement_id: idOf(a.ref), actor_id: idOf(p.actor), role: p.role, ...(partyNotes.get(partyKey(idOf(a.ref), idOf(p.actor), p.role)) ?? NO_NOTE) })),
    ),
  );
  await insertRows(ctx.db, 'agreement_counterparts', rewritten.flatMap((a) => a.values.places.map((p) => ({ agreement_id: idOf(a.ref), counterpart_id: idOf(p) }))));
  await insertCitations(ctx, 'agreement', rewrittenIds, rewritten.map((a) => a.values.sources), passagesEn);
  // Parents last: a parent may be created by the same import.
  const parents = rewritten.map((a) => ({ id: idOf(a.ref), parent: a.values.parent }));
  for (const batch of chunks(parents, 5_000)) {
    await ctx.db.execute(sql`update agreements a set parent_id = p.id
      from json_to_recordset(${JSON.stringify(batch)}::json) as x(id int, parent text) left join agreements p on p.slug = x.parent
      where a.id = x.id and a.parent_id is distinct from p.id`);
  }

  // Events in file order: the order is the tie-break between events on the same day.
  // Ids from the sequence, in file order: ids are the tie-break between events on the same day.
  const events = work.flatMap((a) => a.newEvents.map((e) => ({ agreement: a, event: e })));
  const eventIds = await nextIds(ctx.db, 'status_events', events.length);
  await insertRows(
    ctx.db,
    'status_events',
    events.map(({ agreement, event }, i) => {
      const date = parseFuzzyDate(event.date);
      return {
        id: eventIds[i], agreement_id: idOf(agreement.ref), type: event.type, date: date.edtf, date_min: date.min, date_max: date.max, date_precision: date.precision,
        side: event.side, mode: event.mode, deciding_body: event.decidingBody, reference: event.reference, case_number: event.caseNumber, note: event.note, note_en: event.noteEn, organisation_id: organisationId,
      };
    }),
  );
  await insertRows(ctx.db, 'event_reasons', events.flatMap(({ event }, i) => event.reasons.map((r) => ({ event_id: eventIds[i], code: r.code, stated_by: r.statedBy, text: r.text, text_en: r.textEn }))));
  await insertCitations(ctx, 'event', eventIds, events.map(({ event }) => event.sources));
  await refreshLabelCaches(ctx, work.filter((a) => a.action !== 'unchanged').map((a) => idOf(a.ref)));
  step(work.length);
  await refreshStatusCaches(ctx, work.filter((a) => a.action === 'create' || a.newEvents.length).map((a) => idOf(a.ref)));
  const eventsOnly = work.filter((a) => a.newEvents.length && a.action !== 'create').map((a) => idOf(a.ref));
  if (eventsOnly.length) await ctx.db.execute(sql`update agreements set version = version + 1, updated_at = now() where id = any(${sql.param(eventsOnly)}::int[])`);
  for (const a of work) {
    auditEntries.push({
      action: `agreement.import.${a.action === 'unchanged' ? 'events' : a.action}`,
      entityType: 'agreement',
      entityId: idOf(a.ref),
      after: { slug: a.ref.slug, ...(a.action === 'unchanged' ? {} : { values: { ...a.values, parties: a.values.parties.map((p) => ({ role: p.role, actor: p.actor.slug })), places: a.values.places.map((p) => p.slug) } }), newEvents: a.newEvents },
    });
  }
  step(work.length);
}
