// One agreement with everything its page shows: parties, places with their
// hierarchy, the timeline of events with reasons and sources, quotations,
// disagreements between sources, activities, action plans, related agreements.
//
// Read in one statement that builds each agreement as JSON (json-rows.ts):
// the page was twelve statements, and under 20 clients on two cores their
// round trips, plans and drizzle's building and mapping of each cost more
// than the reads themselves. Every part is filtered by who may read it, in
// the statement, by the same rule as everywhere (access.ts).
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.ts';
import { rowFromJson, rowJson } from '../../db/json-rows.ts';
import {
  actionPlanGoals,
  actionPlans,
  activities,
  agreementKinds,
  agreements,
  counterparts,
  discrepancies,
  eventReasons,
  quotations,
  statusEvents,
  PARTY_ROLES,
  type ActorKind,
  type PartyRole,
  type Status,
  type SubjectType,
} from '../../db/schema.ts';
import { canReadAlias, withheldActivityColumns } from '../access.ts';
import { actionPlansOf } from '../action-plans/list.ts';
import { activitiesOf, activityLinksJson, type ActivityAgreementLink, type ActivityPlace } from '../activities/links.ts';
import type { Context, Principal } from '../context.ts';
import { notFound } from '../errors.ts';
import { sortEvents } from '../status/derive-status.ts';
import { knownUntilSql } from './known-until.ts';

export interface Citation {
  sourceSlug: string;
  title: string;
  /** The title in English, where one has been written (the reference data's). */
  titleEn: string | null;
  /** The language the source is written in. */
  language: string;
  kind: string;
  url: string | null;
  published: string | null;
  archiveReference: string | null;
  passage: string | null;
  /** Ortsband's English of the passage, where the source is not English. */
  passageEn: string | null;
  seedFile: string | null;
}

/** Rows of table alias `alias` that the principal may read. */
const readable = canReadAlias;

/** The citations of one subject as a JSON array, oldest first; sources the principal may not read stay out. */
function citationsJson(principal: Principal, subjectType: SubjectType, subjectId: SQL): SQL {
  return sql`coalesce((select json_agg(json_build_object('sourceSlug', src.slug, 'title', src.title, 'titleEn', src.title_en, 'language', src.language, 'kind', src.kind, 'url', src.url,
        'published', src.published, 'archiveReference', src.archive_reference, 'passage', cit.passage, 'passageEn', cit.passage_en, 'seedFile', src.seed_file) order by cit.id)
      from citations cit join sources src on src.id = cit.source_id
      where cit.subject_type = ${sql.raw(`'${subjectType}'`)} and cit.subject_id = ${subjectId} and ${readable(principal, 'src')}), '[]')`;
}

/** The sources cited for one actor or counterpart. */
export async function citationsOf(ctx: Context, subjectType: SubjectType, id: number): Promise<Citation[]> {
  const [row] = await queryRows<{ cited: string }>(ctx.db, sql`select ${citationsJson(ctx.principal, subjectType, sql`${id}`)}::text as cited`);
  return JSON.parse(row!.cited) as Citation[];
}

/** A JSON array of the subquery's `json` column, in its order; `[]` when it has no rows. */
const jsonArray = (select: SQL) => sql`coalesce((${select}), '[]')`;

/** The order of the parties: the holder first, then who signed, co-financed or took part (PARTY_ROLES). */
const PARTY_ROLE_ORDER = sql.raw(`array[${PARTY_ROLES.map((r) => `'${r}'`).join(',')}]::text[]`);

/** What the page shows of a related agreement. */
const relatedJson = (alias: string) =>
  sql.raw(`json_build_object('slug', ${alias}.slug, 'officialTitle', ${alias}.official_title, 'officialTitleLanguage', ${alias}.official_title_language, 'kind', ${alias}.kind, 'currentStatus', ${alias}.current_status,
    'parentId', ${alias}.parent_id, 'establishedYear', ${alias}.established_year)`);

/**
 * Each readable agreement of `agreements a` (joined to its kind `k`) with its
 * details, as JSON text; of its activities the latest `activitiesShown` (an
 * SQL expression; null for all), with the count of all it may read.
 */
function detailJson(principal: Principal, activitiesShown: SQL): SQL<string> {
  const cites = (type: SubjectType, id: string) => citationsJson(principal, type, sql.raw(id));
  return sql<string>`(json_build_object(
      'agreement', ${rowJson(agreements, 'a')},
      'kind', ${rowJson(agreementKinds, 'k')},
      'sources', ${cites('agreement', 'a.id')},
      'parties', ${jsonArray(sql`select json_agg(json_build_object('slug', pa.slug, 'name', pa.name, 'kind', pa.kind, 'countyCode', pa.county_code, 'role', ap.role, 'note', ap.note, 'noteEn', ap.note_en)
          order by array_position(${PARTY_ROLE_ORDER}, ap.role), pa.name)
        from agreement_parties ap join actors pa on pa.id = ap.actor_id where ap.agreement_id = a.id and ${readable(principal, 'pa')}`)},
      'places', ${jsonArray(sql`select json_agg(json_build_object('counterpart', ${rowJson(counterparts, 'cp')},
            'chain', ${jsonArray(sql`select json_agg(${rowJson(counterparts, 'anc')} order by up.n)
              from unnest(cp.ancestor_ids) with ordinality as up(id, n) join counterparts anc on anc.id = up.id where ${readable(principal, 'anc')}`)})
          order by cp.id)
        from agreement_counterparts acp join counterparts cp on cp.id = acp.counterpart_id where acp.agreement_id = a.id and ${readable(principal, 'cp')}`)},
      'events', ${jsonArray(sql`select json_agg(json_build_object('row', ${rowJson(statusEvents, 'e')},
            'reasons', ${jsonArray(sql`select json_agg(${rowJson(eventReasons, 'er')} order by er.id) from event_reasons er where er.event_id = e.id`)},
            'sources', ${cites('event', 'e.id')}))
        from status_events e where e.agreement_id = a.id and ${readable(principal, 'e')}`)},
      'quotations', ${jsonArray(sql`select json_agg(json_build_object('row', ${rowJson(quotations, 'q')}, 'sources', ${cites('quotation', 'q.id')}) order by q.id)
        from quotations q where q.agreement_id = a.id and ${readable(principal, 'q')}`)},
      'discrepancies', ${jsonArray(sql`select json_agg(json_build_object('row', ${rowJson(discrepancies, 'd')}, 'sources', ${cites('discrepancy', 'd.id')}) order by d.id)
        from discrepancies d where d.agreement_id = a.id and ${readable(principal, 'd')}`)},
      'activities', ${jsonArray(sql`select json_agg(json_build_object('row', ${rowJson(activities, 'act', withheldActivityColumns(principal))}, 'sources', ${cites('activity', 'act.id')},
            ${activityLinksJson(principal, 'act')},
            'goalReadable', exists (select 1 from action_plan_goals g join action_plans gp on gp.id = g.action_plan_id where g.id = act.action_plan_goal_id and ${readable(principal, 'gp')})) order by act.date_min, act.id)
        from (select x.* from ${activitiesOf(sql`a.id`)} x where ${readable(principal, 'x')} order by x.date_min desc nulls last, x.id desc limit ${activitiesShown}) act`)},
      'activitiesTotal', (select count(*) from ${activitiesOf(sql`a.id`)} x where ${readable(principal, 'x')}),
      'actionPlans', ${jsonArray(sql`select json_agg(json_build_object('row', ${rowJson(actionPlans, 'pl')},
            'goals', ${jsonArray(sql`select json_agg(${rowJson(actionPlanGoals, 'g')} order by g.sort_order, g.id) from action_plan_goals g where g.action_plan_id = pl.id`)},
            'sources', ${cites('action_plan', 'pl.id')}) order by pl.period_from, pl.id)
        from ${actionPlansOf(sql`a.id`)} pl where ${readable(principal, 'pl')}`)},
      'parent', (select ${relatedJson('r')} from agreements r where r.id = a.parent_id and ${readable(principal, 'r')}),
      'samePair', ${jsonArray(sql`select json_agg(json_build_object('slug', r.slug, 'kind', r.kind, 'officialTitle', r.official_title, 'officialTitleLanguage', r.official_title_language, 'currentStatus', r.current_status,
          'establishedYear', r.established_year) order by r.id)
        from agreements r where r.party_label = a.party_label and r.counterpart_label = a.counterpart_label and r.id <> a.id and ${readable(principal, 'r')}`)},
      'children', ${jsonArray(sql`select json_agg(${relatedJson('r')} order by r.id) from agreements r where r.parent_id = a.id and ${readable(principal, 'r')}`)},
      'statusKnownUntil', ${knownUntilSql(principal)}
    ))::text`;
}

/**
 * The statement for one agreement by slug, or for a batch after an id, as a
 * prepared statement: its text is the same for every request of one audience,
 * so PostgreSQL plans it once per connection (planning it took 2.5–7 ms, more
 * than running it). Kept per database handle and audience.
 */
const statements = new WeakMap<Executor, Map<string, ReturnType<typeof prepareDetails>>>();
function prepareDetails(ctx: Context, by: 'slug' | 'after', name: string) {
  const p = ctx.principal;
  // One agreement's page shows the latest of its activities (a placeholder: all when null); a batch of the export holds them all.
  const query = ctx.db
    .select({ detail: detailJson(p, by === 'slug' ? sql`${sql.placeholder('activitiesShown')}::int` : sql`null`) })
    .from(sql`agreements a join agreement_kinds k on k.code = a.kind`)
    .$dynamic();
  return (
    by === 'slug'
      ? query.where(sql`${readable(p, 'a')} and a.slug = ${sql.placeholder('slug')}`)
      : query.where(sql`${readable(p, 'a')} and a.id > ${sql.placeholder('after')}`).orderBy(sql`a.id`).limit(sql.placeholder('limit'))
  ).prepare(name);
}
function detailsQuery(ctx: Context, by: 'slug' | 'after') {
  const p = ctx.principal;
  const name = `agreement_details_by_${by}_${p.kind === 'user' ? `of_organisation_${p.organisationId}` : p.kind}`;
  let prepared = statements.get(ctx.db);
  if (!prepared) statements.set(ctx.db, (prepared = new Map()));
  let query = prepared.get(name);
  if (!query) prepared.set(name, (query = prepareDetails(ctx, by, name)));
  return query;
}

type Related = { slug: string; officialTitle: string | null; officialTitleLanguage: string | null; kind: string; currentStatus: Status; parentId: number | null; establishedYear: number | null };
type WithSources<T> = { row: T; sources: Citation[] };
interface DetailJson {
  agreement: Record<string, unknown>;
  kind: Record<string, unknown>;
  sources: Citation[];
  parties: Array<{ slug: string; name: string; kind: ActorKind; countyCode: string | null; role: PartyRole; note: string | null; noteEn: string | null }>;
  places: Array<{ counterpart: Record<string, unknown>; chain: Array<Record<string, unknown>> }>;
  events: Array<WithSources<Record<string, unknown>> & { reasons: Array<Record<string, unknown>> }>;
  quotations: Array<WithSources<Record<string, unknown>>>;
  discrepancies: Array<WithSources<Record<string, unknown>>>;
  /** `goalReadable`: whether the reader may read the plan of the goal it serves (else the goal's id is not shown). */
  activities: Array<WithSources<Record<string, unknown>> & { agreements: ActivityAgreementLink[]; places: ActivityPlace[]; goalReadable: boolean }>;
  activitiesTotal: number;
  actionPlans: Array<WithSources<Record<string, unknown>> & { goals: Array<Record<string, unknown>> }>;
  parent: Related | null;
  samePair: Array<Omit<Related, 'parentId'>>;
  children: Related[];
  statusKnownUntil: number | null;
}

/**
 * The agreement's row without its kept latest sign of life (migration 0048):
 * the system's reading of every activity, internal ones too, kept for the
 * quiet agreements' reminders, not for any reader.
 */
function withoutLifeSigns<T extends { lifeSignDay: unknown; lifeSignWritten: unknown; lifeSignPendingFrom: unknown; lifeSignsAsOf: unknown }>(row: T) {
  const { lifeSignDay: _day, lifeSignWritten: _written, lifeSignPendingFrom: _pending, lifeSignsAsOf: _asOf, ...rest } = row;
  return rest;
}

/** The JSON the statement built, as the tables' row types. */
function detailFrom(principal: Principal, json: DetailJson) {
  // Personal data (a speaker's name) is for signed-in public bodies only.
  const showNames = principal.kind !== 'anonymous';
  return {
    agreement: withoutLifeSigns(rowFromJson(agreements, json.agreement)),
    kind: rowFromJson(agreementKinds, json.kind),
    sources: json.sources,
    parties: json.parties,
    places: json.places.map((p) => ({ counterpart: rowFromJson(counterparts, p.counterpart), chain: p.chain.map((c) => rowFromJson(counterparts, c)) })),
    events: sortEvents(
      json.events.map((e) => ({ ...rowFromJson(statusEvents, e.row), reasons: e.reasons.map((r) => rowFromJson(eventReasons, r)), sources: e.sources })),
    ),
    quotations: json.quotations.map((q) => {
      const row = rowFromJson(quotations, q.row);
      return { ...row, speakerName: showNames ? row.speakerName : null, sources: q.sources };
    }),
    discrepancies: json.discrepancies.map((d) => ({ ...rowFromJson(discrepancies, d.row), sources: d.sources })),
    activities: json.activities.map((a) => {
      const row = rowFromJson(activities, a.row);
      return { ...row, actionPlanGoalId: a.goalReadable ? row.actionPlanGoalId : null, sources: a.sources, agreements: a.agreements, places: a.places };
    }),
    /** How many activities the reader may read, of which `activities` holds the latest as many as were asked for. */
    activitiesTotal: json.activitiesTotal,
    actionPlans: json.actionPlans.map((p) => ({ ...rowFromJson(actionPlans, p.row), goals: p.goals.map((g) => rowFromJson(actionPlanGoals, g)), sources: p.sources })),
    parent: json.parent,
    samePair: json.samePair,
    children: json.children,
    /** The latest year its events and sources speak of: its status is known as of then (known-until.ts). */
    statusKnownUntil: json.statusKnownUntil,
  };
}

async function readDetails(ctx: Context, by: 'slug' | 'after', values: Record<string, unknown>) {
  const rows = await detailsQuery(ctx, by).execute(values);
  return rows.map((r) => detailFrom(ctx.principal, JSON.parse(r.detail) as DetailJson));
}

/** One agreement as the reader may read it; `activitiesShown`: only its latest activities, so many (`activitiesTotal` counts them all). */
export async function getAgreement({ ctx, slug, activitiesShown }: { ctx: Context; slug: string; activitiesShown?: number }) {
  const [detail] = await readDetails(ctx, 'slug', { slug, activitiesShown: activitiesShown ?? null });
  // Not allowed looks like absent (access.ts): the statement reads only what the reader may.
  if (!detail) throw notFound('agreement');
  return detail;
}
export type AgreementDetail = Awaited<ReturnType<typeof getAgreement>>;

/**
 * The next `limit` agreements the reader may read after id `after`, in id
 * order, each as its page shows it: the whole-register export reads the
 * register in such batches, one statement each.
 */
export function agreementDetailsAfter(ctx: Context, after: number, limit: number): Promise<AgreementDetail[]> {
  return readDetails(ctx, 'after', { after, limit });
}
