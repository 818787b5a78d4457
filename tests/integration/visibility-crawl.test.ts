// Nothing that is not public reaches a public answer. Non-public records of
// every kind, each field holding a marker string of its own, are attached to
// public records where the schema lets them be (an internal party on a public
// agreement, an internal event on it, an internal place under a public
// province, a confidential source cited by a public agreement, contact
// persons and documents of a public agreement, all made by an editor whose
// name and e-mail address are markers...). Then every
// public page (followed link by link from /), every API answer for every
// public slug, every export and the DCAT catalogue is read, and none may hold
// a marker. The public answers about the public records must also be the
// same as before the non-public records were added: an internal event does
// not change the status or the statistics the public sees.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { createActionPlan } from '../../src/domain/action-plans/create.ts';
import { linkActivityToGoal } from '../../src/domain/action-plans/link.ts';
import { TABLES } from '../../src/domain/transfer/exchange/format.ts';
import { reviewActionPlan } from '../../src/domain/action-plans/review.ts';
import { recordInvitation } from '../../src/domain/coordination/received-invitations.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { createActor, recordSuccession } from '../../src/domain/actors/create.ts';
import { addDiscrepancy, addQuotation } from '../../src/domain/agreements/add-evidence.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { refreshLabelCaches } from '../../src/domain/agreements/refresh-caches.ts';
import type { Context } from '../../src/domain/context.ts';
import { createCounterpart } from '../../src/domain/counterparts/create.ts';
import { changeContactSurface, createContactSurface } from '../../src/domain/contact-surfaces/save.ts';
import { addFollowUpPoint } from '../../src/domain/follow-up/add-point.ts';
import { setFollowUpState } from '../../src/domain/follow-up/close-point.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { addContact } from '../../src/domain/contacts/add.ts';
import { attachDocument, attachMeetingDocument } from '../../src/domain/documents/attach.ts';
import { citeSource } from '../../src/domain/sources/cite-source.ts';
import { createSource } from '../../src/domain/sources/create.ts';
import { addNetworkMeeting, addNetworkNote, createNetwork } from '../../src/domain/coordination/networks.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { RULE_IDS } from '../../src/domain/statistics/rules.ts';
import { STATISTIC_TABLE_NAMES } from '../../src/domain/statistics/tables.ts';
import { CHART_NAMES } from '../../src/web/charts/statistics-charts.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';
import { askedAs } from '../support/not-found.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { saveDecisionBasis } from '../../src/domain/decisions/basis.ts';
import type { RiskGradings } from '../../src/domain/coordination/overview/risk-gradings.ts';
import { RISK_AREAS, riskFieldsOf } from '../../src/domain/decisions/schemas.ts';
import { addArticle, withdrawArticle } from '../../src/domain/knowledge/articles.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
let ctx: Context;
let org: number;

// Each marker names the kind of non-public thing it is put in.
const markers = new Map<string, string>();
let markerCount = 0;
/** A new marker for a field of `kind`: lower-case letters and digits, so it survives slugs, search text and HTML. */
function marker(kind: string): string {
  const m = `zqx${String(++markerCount).padStart(3, '0')}q`;
  markers.set(m, kind);
  return m;
}

// The public records the non-public ones are attached to.
const PUBLIC = {
  province: 'vis-public-province',
  city: 'vis-public-city',
  actor: 'vis-public-body',
  other: 'vis-public-other-body',
  agreement: 'vis-public-agreement',
  child: 'vis-public-child-agreement',
  orphan: 'vis-public-under-internal',
  source: 'vis-public-source',
  source2: 'vis-public-source-two',
};

/** The public answers about the public records, compared before and after the non-public records are added. */
const SAME_BEFORE_AND_AFTER = [
  `/api/agreements/${PUBLIC.agreement}`,
  `/api/agreements/${PUBLIC.agreement}/activities`,
  `/api/agreements/${PUBLIC.agreement}/action-plans`,
  `/api/agreements/${PUBLIC.child}/action-plans`,
  `/api/agreements/${PUBLIC.child}`,
  `/api/agreements/${PUBLIC.orphan}`,
  `/api/agreements?q=vis-public`,
  `/api/agreements?place=${PUBLIC.province}`,
  `/api/agreements?status=ended`,
  `/api/agreements?on=2021-06-30&status=ended`,
  `/api/actors/${PUBLIC.actor}`,
  `/api/actors/${PUBLIC.other}`,
  `/api/counterparts/${PUBLIC.province}`,
  `/api/counterparts/${PUBLIC.city}`,
  '/api/contact-surfaces',
  `/api/contact-surfaces?province=${PUBLIC.province}`,
  `/api/maps/ties.svg?place=${PUBLIC.province}`,
  `/api/maps/ties.svg`,
  ...RULE_IDS.map((rule) => `/api/statistics?rule=${rule}`),
  ...STATISTIC_TABLE_NAMES.map((name) => `/api/statistics/${name}.csv`),
  `/api/exchange/agreements.csv`,
  `/api/exchange/actors.csv`,
  `/api/exchange/counterparts.csv`,
  `/api/exchange/action_plans.csv`,
  `/api/exchange/activities.csv`,
  // The public surface, changed to link non-public bodies, places and sources too, keeps its row.
  `/api/exchange/contact_surfaces.csv`,
];

/** The months of the visits calendar that hold networks' meetings (the public one's and hidden ones'). */
const calendarMonths: string[] = [];

async function text(path: string): Promise<string> {
  const response = await app.request(path);
  if (response.headers.get('content-type')?.includes('spreadsheetml')) return xlsxText(Buffer.from(await response.arrayBuffer()));
  return response.text();
}

/** Every cell of every sheet of a workbook, as text. */
async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  expect(cells.length).toBeGreaterThan(0);
  return cells.join('\n');
}

/** The answers to the paths, by path. */
async function answers(paths: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of paths) out[path] = await text(path);
  return out;
}

let before: Record<string, string>;
/** The non-public contact surfaces, each asked for at its own address. */
const hiddenSurfaceIds: number[] = [];
/** A decision basis's page, a version of it and its annex. */
const basisPaths: string[] = [];
/** Every document made, with whether the public may download it. */
const documentIds: Array<{ id: number; public: boolean }> = [];
/** A public network's meeting with a document: the document's address, the meeting's page, the network's API answer and the document's API address. */
const meetingDocumentPaths: string[] = [];

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  ctx = systemCtx(t);
  const [row] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
  org = row!.id;
  const o = { ctx, organisationId: org };

  // The public records.
  await createSource({ ...o, input: { slug: PUBLIC.source, kind: 'report', title: 'Offentlig källa' } });
  await createSource({ ...o, input: { slug: PUBLIC.source2, kind: 'report', title: 'Offentlig källa två' } });
  await createCounterpart({ ...o, input: { slug: PUBLIC.province, nameLatin: 'Visprovince', level: 'province', lat: 30, lon: 110 } });
  await createCounterpart({ ...o, input: { slug: PUBLIC.city, nameLatin: 'Viscity', level: 'prefecture_city', parent: PUBLIC.province, lat: 30.5, lon: 110.5 } });
  await createActor({ ...o, input: { slug: PUBLIC.actor, name: 'Visbodys kommun', kind: 'kommun', municipalityCode: '0999', countyCode: '09', seatLat: 57.6, seatLon: 18.3 } });
  await createActor({ ...o, input: { slug: PUBLIC.other, name: 'Visothers kommun', kind: 'kommun', countyCode: '09', seatLat: 57.5, seatLon: 18.4 } });
  const publicAgreement = await createAgreement({
    ...o,
    input: { slug: PUBLIC.agreement, kind: 'vanort', officialTitle: 'Vis-public avtal', parties: [PUBLIC.actor], counterparts: [PUBLIC.city], sources: [{ source: PUBLIC.source }] },
  });
  await recordStatusEvent({ ctx, agreementId: publicAgreement.id, input: { type: 'established', date: '2015-03-01', sources: [{ source: PUBLIC.source }] } });
  const publicChild = await createAgreement({
    ...o,
    input: { slug: PUBLIC.child, kind: 'vanort', officialTitle: 'Vis-public barn', parties: [PUBLIC.other], counterparts: [PUBLIC.city], parent: PUBLIC.agreement },
  });
  await recordStatusEvent({ ctx, agreementId: publicChild.id, input: { type: 'established', date: '2016', sources: [{ source: PUBLIC.source }] } });

  // Non-public sources: internal, shared, and confidential (which the verb never makes public).
  const internalSource = marker('internal source');
  await createSource({ ...o, input: { slug: internalSource, kind: 'email', title: `Intern ${marker('internal source')}`, author: marker('internal source'), url: `https://example.org/${marker('internal source')}`, note: marker('internal source'), visibility: 'internal' } });
  const sharedSource = marker('shared source');
  await createSource({ ...o, input: { slug: sharedSource, kind: 'email', title: `Delad ${marker('shared source')}`, visibility: 'shared' } });
  const confidential = marker('confidential source');
  await createSource({ ...o, input: { slug: confidential, kind: 'interview', title: `Konfidentiell ${marker('confidential source')}`, publisher: marker('confidential source'), confidential: true, visibility: 'public' } });
  const confidentialShared = marker('confidential source');
  await createSource({ ...o, input: { slug: confidentialShared, kind: 'interview', title: `Konfidentiell ${marker('confidential source')}`, confidential: true, visibility: 'shared' } });
  const hiddenCitations = (kind: string) => [
    { source: internalSource, passage: marker(kind) },
    { source: sharedSource, passage: marker(kind) },
    { source: confidential, passage: marker(kind) },
    { source: confidentialShared, passage: marker(kind) },
  ];

  // Public records that cite them, and a public agreement under an internal one: in the answers compared, but without their markers.
  const id = publicAgreement.id;
  // A public event that cites non-public sources.
  await recordStatusEvent({ ctx, agreementId: id, input: { type: 'activity_observed', date: '2018', sources: [{ source: PUBLIC.source }, ...hiddenCitations('citation of a non-public source')] } });
  await addQuotation({ ctx, agreementId: id, input: { text: 'Ett offentligt citat.', speakerRole: 'ett kommunalråd', speakerName: marker('speaker name'), sources: [{ source: PUBLIC.source }, ...hiddenCitations('citation of a non-public source')] } });
  // A public activity: the names of who took part are personal data, never public; its head counts are.
  // It took place at public places and serves a public further agreement (in the exchange files); non-public ones are linked below.
  const publicActivity = await createActivity({
    ctx,
    agreementId: id,
    input: {
      kind: 'visit_outgoing', title: 'Offentligt besök', date: '2019-06', participants: marker('participant names'), participantsEn: marker('participant names'), participantsOfficials: 3, sources: [{ source: PUBLIC.source }, ...hiddenCitations('citation of a non-public source')],
      alsoServes: [PUBLIC.child], swedishPlaces: [PUBLIC.other], chinesePlaces: [PUBLIC.city],
    },
  });
  // A public incoming visit and a public invitation: the delegation's name and its leading persons are personal data, never public.
  await createActivity({ ctx, agreementId: id, input: { kind: 'visit_incoming', title: 'Offentligt inkommande besök', date: '2019-09-02', delegationName: marker('delegation names'), delegationPersons: [marker('delegation names'), `李 ${marker('delegation names')}`] } });
  await recordInvitation({ ctx: { ...ctx, principal: { kind: 'system', label: 'crawl', organisationId: org } }, input: { receivedOn: '2019-08-01', sender: 'Offentlig avsändare', subject: 'Offentlig inbjudan', delegationName: marker('delegation names'), delegationPersons: [marker('delegation names')], visibility: 'public' } });
  // A public plan, whose goal an internal activity will serve.
  // A public plan that cites non-public sources (the API lists a plan's sources, as far as the reader may read each).
  const publicPlan = await createActionPlan({
    ctx,
    agreementId: id,
    input: { title: 'Offentlig handlingsplan', periodFrom: '2019', periodTo: '2021', goals: [{ theme: 'Utbildning', goal: 'Offentligt mål' }], sources: [{ source: PUBLIC.source }, ...hiddenCitations('citation of a non-public source')] },
  });
  const [publicGoal] = await queryRows<{ id: number }>(t.database.db, sql`select id from action_plan_goals where action_plan_id = ${publicPlan.id}`);
  // A public activity, which will serve the goal of an internal plan.
  const publicMeeting = await createActivity({ ctx, agreementId: id, input: { kind: 'meeting', title: 'Offentligt möte', date: '2020-02', costTravelSek: 1_000, funding: ['own_budget'] } });
  const internalParent = marker('internal agreement');
  await createAgreement({ ...o, input: { slug: internalParent, kind: 'vanort', officialTitle: marker('internal agreement'), parties: [PUBLIC.other], counterparts: [PUBLIC.city], visibility: 'internal' } });
  const orphan = await createAgreement({ ...o, input: { slug: PUBLIC.orphan, kind: 'vanort', parties: [PUBLIC.other], counterparts: [PUBLIC.province], parent: internalParent } });
  await recordStatusEvent({ ctx, agreementId: orphan.id, input: { type: 'established', date: '2017' } });
  // A public contact surface at the public body and province; linked below to non-public ones too.
  const openSurface = await createContactSurface({ ...o, input: { kind: 'investment', title: 'Offentlig kontaktyta', date: '2021', actors: [PUBLIC.actor], places: [PUBLIC.province], sources: [PUBLIC.source], visibility: 'public' } });

  before = await answers(SAME_BEFORE_AND_AFTER);

  // Non-public places: an internal and a shared city under the public province, an internal province.
  const internalCity = marker('internal place');
  await createCounterpart({
    ...o,
    input: { slug: internalCity, nameLatin: `Intern ${marker('internal place')}`, nameNative: marker('internal place'), namePinyin: marker('internal place'), otherNames: [marker('internal place')], level: 'prefecture_city', parent: PUBLIC.province, lat: 31, lon: 111, note: marker('internal place'), visibility: 'internal', sources: [{ source: PUBLIC.source, passage: marker('citation of an internal place') }] },
  });
  const sharedCity = marker('shared place');
  await createCounterpart({ ...o, input: { slug: sharedCity, nameLatin: `Delad ${marker('shared place')}`, level: 'prefecture_city', parent: PUBLIC.province, lat: 31.5, lon: 111.5, visibility: 'shared' } });
  const internalProvince = marker('internal place');
  await createCounterpart({ ...o, input: { slug: internalProvince, nameLatin: `Internprovins ${marker('internal place')}`, level: 'province', lat: 35, lon: 115, visibility: 'internal' } });
  const cityInInternalProvince = marker('internal place');
  await createCounterpart({ ...o, input: { slug: cityInInternalProvince, nameLatin: `Intern stad ${marker('internal place')}`, level: 'prefecture_city', parent: internalProvince, visibility: 'internal' } });

  // Non-public actors: internal and shared, a succession from a public one.
  const internalActor = marker('internal actor');
  await createActor({
    ...o,
    input: { slug: internalActor, name: `Intern ${marker('internal actor')}`, otherNames: [marker('internal actor')], kind: 'municipal_company', countyCode: '01', seatLat: 59.3, seatLon: 18.1, note: marker('internal actor'), visibility: 'internal', sources: [{ source: PUBLIC.source, passage: marker('citation of an internal actor') }] },
  });
  const sharedActor = marker('shared actor');
  await createActor({ ...o, input: { slug: sharedActor, name: `Delad ${marker('shared actor')}`, kind: 'university', countyCode: '12', seatLat: 55.7, seatLon: 13.2, visibility: 'shared' } });
  await recordSuccession({ ...o, input: { predecessor: PUBLIC.actor, successor: internalActor, kind: 'took_over', date: '2030', note: marker('succession to an internal actor') } });

  // The public activity took place at non-public bodies and places too, and serves an internal agreement: its exchange row stays as it was.
  await t.database.db.execute(sql`insert into activity_places (activity_id, actor_id, counterpart_id)
    select ${publicActivity.id}::int, a.id, null::int from actors a where a.slug in (${internalActor}, ${sharedActor})
    union all select ${publicActivity.id}::int, null::int, c.id from counterparts c where c.slug in (${internalCity}, ${sharedCity}, ${cityInInternalProvince})`);
  await t.database.db.execute(sql`insert into activity_agreements (activity_id, agreement_id) select ${publicActivity.id}::int, id from agreements where slug = ${internalParent}`);

  // Attached to the public agreement: non-public parties (one holding it), places, sources, events and evidence.
  await t.database.db.execute(sql`insert into agreement_parties (agreement_id, actor_id, role, note, note_en)
    select ${id}, a.id, r.role, r.note, r.note_en from actors a join (values (${internalActor}, 'party', ${marker('party note')}, ${marker('party note')}),
      (${sharedActor}, 'participant', ${marker('party note')}, null)) as r(slug, role, note, note_en) on r.slug = a.slug`);
  await t.database.db.execute(sql`insert into agreement_counterparts (agreement_id, counterpart_id)
    select ${id}, c.id from counterparts c where c.slug in (${internalCity}, ${sharedCity}, ${cityInInternalProvince})`);
  await t.database.db.execute(sql`insert into citations (source_id, subject_type, subject_id, passage)
    select s.id, 'agreement', ${id}, ${marker('citation of a non-public source')} from sources s where s.slug in (${internalSource}, ${sharedSource}, ${confidential}, ${confidentialShared})`);
  // No verb adds a party or a place to an agreement yet: the rows are written
  // here, and the caches refreshed as createAgreement does.
  await ctx.db.transaction((tx) => refreshLabelCaches({ ...ctx, db: tx }, id));

  // An internal ending: the public must still see the agreement active.
  await recordStatusEvent({
    ctx,
    agreementId: id,
    input: {
      type: 'ended',
      date: '2020-05-04',
      side: 'swedish',
      mode: 'decision',
      decidingBody: marker('internal event'),
      reference: marker('internal event'),
      caseNumber: marker('internal event'),
      note: marker('internal event'),
      noteEn: marker('internal event'),
      reasons: [{ code: 'other', text: marker('reason of an internal event'), textEn: marker('reason of an internal event') }],
      visibility: 'internal',
      sources: [{ source: PUBLIC.source, passage: marker('citation of an internal event') }, ...hiddenCitations('citation of an internal event')],
    },
  });
  await recordStatusEvent({ ctx, agreementId: id, input: { type: 'paused', date: '2019', note: marker('shared event'), visibility: 'shared' } });

  await addQuotation({ ctx, agreementId: id, input: { text: `Intern ${marker('internal quotation')}`, textEn: marker('internal quotation'), speakerRole: marker('internal quotation'), speakerName: marker('internal quotation'), visibility: 'internal', sources: [{ source: PUBLIC.source, passage: marker('citation of an internal quotation') }] } });
  await addDiscrepancy({
    ctx,
    agreementId: id,
    input: { field: 'established', recorded: marker('internal discrepancy'), other: marker('internal discrepancy'), sv: marker('internal discrepancy'), en: marker('internal discrepancy'), visibility: 'internal', sources: [{ source: PUBLIC.source }, { source: PUBLIC.source2, passage: marker('citation of an internal discrepancy') }] },
  });
  await createActivity({
    ctx,
    agreementId: id,
    input: { kind: 'meeting', title: marker('internal activity'), titleEn: marker('internal activity'), date: '2019-05', participants: marker('internal activity'), purpose: marker('internal activity'), outcome: marker('internal activity'), visibility: 'internal', sources: [{ source: PUBLIC.source, passage: marker('citation of an internal activity') }] },
  });
  const internalPlan = await createActionPlan({
    ctx,
    agreementId: id,
    input: {
      title: marker('internal action plan'),
      periodFrom: '2019',
      periodTo: '2021',
      note: marker('internal action plan'),
      responsibleUnit: marker('internal action plan'),
      budgetSek: 7_654_321,
      goals: [{ theme: marker('goal of an internal action plan'), goal: marker('goal of an internal action plan'), followUp: marker('goal of an internal action plan'), indicator: marker('goal of an internal action plan'), plannedActivities: marker('goal of an internal action plan') }],
      visibility: 'internal',
      sources: [{ source: PUBLIC.source, passage: marker('citation of an internal action plan') }],
    },
  });
  const [internalGoal] = await queryRows<{ id: number }>(t.database.db, sql`select id from action_plan_goals where action_plan_id = ${internalPlan.id}`);
  await reviewActionPlan({
    ctx,
    agreement: { id, organisationId: org },
    planId: internalPlan.id,
    input: { reviewedOn: '2021-12-01', reviewNote: marker('review of an internal action plan'), goals: { [internalGoal!.id]: { outcome: marker('goal of an internal action plan'), assessment: 'met', assessmentNote: marker('goal of an internal action plan') } } },
  });
  // An internal plan made for the public child agreement that serves the public agreement too.
  await createActionPlan({ ctx, agreementId: publicChild.id, input: { title: marker('internal plan serving a further agreement'), periodFrom: '2020', periodTo: '2022', alsoServes: [PUBLIC.agreement], goals: [{ theme: 'Kultur', goal: marker('goal of an internal plan serving a further agreement') }], visibility: 'internal' } });
  // A public plan whose goal an internal activity serves: the goal is public, the activity is not.
  await createActivity({ ctx, agreementId: id, input: { kind: 'exchange', title: marker('internal activity serving a public goal'), date: '2020', costSek: 987_654, actionPlanGoalId: publicGoal!.id, visibility: 'internal' } });
  // The public activity serves the internal plan's goal: the exchange files name no goal for it.
  await linkActivityToGoal({ ctx, agreement: { id, organisationId: org }, activityId: publicMeeting.id, input: { actionPlanGoalId: internalGoal!.id } });
  // The public plan serves an internal agreement too, and an internal agreement has a public plan and a public activity:
  // none of them is in the exchange files (their rows would name an agreement the files lack).
  await ctx.db.execute(sql`insert into action_plan_agreements (action_plan_id, agreement_id) select ${publicPlan.id}, id from agreements where slug = ${internalParent}`);
  const [hiddenAgreement] = await queryRows<{ id: number }>(t.database.db, sql`select id from agreements where slug = ${internalParent}`);
  await createActionPlan({ ctx, agreementId: hiddenAgreement!.id, input: { title: marker('public plan of an internal agreement'), periodFrom: '2019', periodTo: '2020', goals: [{ theme: 'Kultur', goal: marker('public plan of an internal agreement') }] } });
  await createActivity({ ctx, agreementId: hiddenAgreement!.id, input: { kind: 'meeting', title: marker('public activity of an internal agreement'), date: '2019', outcome: marker('public activity of an internal agreement') } });

  // Non-public agreements with the public bodies and places, as children of the public agreement.
  for (const visibility of ['internal', 'shared'] as const) {
    const kind = `${visibility} agreement`;
    const slug = marker(kind);
    const hidden = await createAgreement({
      ...o,
      input: {
        slug,
        kind: 'vanort',
        officialTitle: marker(kind),
        summary: marker(kind),
        summaryEn: marker(kind),
        term: marker(kind),
        funding: marker(kind),
        responsibleUnit: marker(kind),
        themes: [marker(kind)],
        parties: [PUBLIC.actor, { actor: PUBLIC.other, role: 'co_financier', note: marker(kind) }],
        counterparts: [PUBLIC.city, PUBLIC.province],
        parent: PUBLIC.agreement,
        visibility,
        sources: [{ source: PUBLIC.source, passage: marker(kind) }],
      },
    });
    await recordStatusEvent({ ctx, agreementId: hidden.id, input: { type: 'established', date: '2012', note: marker(kind), sources: [{ source: PUBLIC.source, passage: marker(kind) }] } });
    await recordStatusEvent({ ctx, agreementId: hidden.id, input: { type: 'ended', date: '2014', mode: 'decision', side: 'counterpart', reasons: [{ code: 'other', text: marker(kind) }] } });
  }

  // What an editor does in the browser, as an editor whose name and e-mail
  // address are markers: the audit log names them (actor_label), documents
  // say who added them. Contact persons, documents (their names and bytes)
  // and confidential sources, on the public agreement and the public source.
  const editorEmail = `${marker("editor's e-mail address")}@example.org`;
  await addUser({ ctx, input: { email: editorEmail, displayName: `Redaktör ${marker("editor's name")}`, organisation: 'ortsband', role: 'editor' } });
  const editor: Context = { db: t.database.db, principal: { kind: 'user', subject: editorEmail, organisationId: org, role: 'editor' } };
  const interview = marker('confidential source');
  await createSource({ ctx: editor, organisationId: org, input: { slug: interview, kind: 'interview', title: `Intervju ${marker('confidential source')}`, author: marker('confidential source'), confidential: true, visibility: 'public', reason: marker('comment on a change') } });
  await citeSource({ ctx: editor, agreementId: id, input: { source: interview, on: 'agreement', passage: marker('citation of a non-public source'), reason: marker('comment on a change') } });
  const [established] = await queryRows<{ id: number }>(t.database.db, sql`select id::int as id from status_events where agreement_id = ${id} and type = 'established'`);
  const eventId = established!.id;
  await citeSource({ ctx: editor, agreementId: id, input: { source: internalSource, on: String(eventId), passage: marker('citation of a non-public source') } });
  const pdf = (kind: string) => new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Title (${marker(kind)}) /Author (${marker(kind)}) >> endobj\n%%EOF\n`);
  const attach = async (attachTo: string, kind: string, isPublic = false) => {
    const row = await attachDocument({ ctx: editor, agreementId: id, input: { attachTo, file: { name: `${marker(kind)}.pdf`, declaredType: 'application/pdf', bytes: pdf(kind) }, public: isPublic, reason: marker('comment on a change') } });
    documentIds.push({ id: row.id, public: isPublic });
  };
  await attach('agreement', 'document of a public agreement, not marked public');
  await attach(PUBLIC.source, 'document of a public source, not marked public');
  await attach(interview, 'document of a confidential source');
  await attach(internalSource, 'document of an internal source');
  // One the editor marked public: the public may download it, and it names no marker but who added it (not in the download).
  const open = await attachDocument({ ctx: editor, agreementId: id, input: { attachTo: 'agreement', file: { name: 'avtalet.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n') }, public: true } });
  documentIds.push({ id: open.id, public: true });
  // A phone number holds digits only: its marker is registered as it is written.
  const phone = '+46 (0) 99-87 65 43';
  markers.set('99-87 65 43', 'contact person');
  await addContact({ ctx: editor, agreementId: id, input: { name: `Kontakt ${marker('contact person')}`, role: marker('contact person'), email: `${marker('contact person')}@example.org`, phone, reason: marker('comment on a change') } });
  await addContact({ ctx: editor, agreementId: publicChild.id, input: { name: marker('contact person') } });
  // Follow-up points of a public activity: the organisation's own work, one of them closed with a comment.
  const agreementOfPoints = { id, organisationId: org };
  await addFollowUpPoint({ ctx: editor, agreement: agreementOfPoints, activityId: publicActivity.id, input: { text: marker('follow-up point'), owner: editorEmail, dueOn: '2019-08-01', reason: marker('comment on a change') } });
  const closed = await addFollowUpPoint({ ctx: editor, agreement: agreementOfPoints, activityId: publicActivity.id, input: { text: marker('follow-up point'), owner: editorEmail, dueOn: '2019-09-01' } });
  await setFollowUpState({ ctx: editor, agreement: agreementOfPoints, id: closed.id, input: { state: 'done', comment: marker('follow-up point') } });

  // Guidance articles (public, all of them) kept by the editor: the owner's name and address are for signed-in readers;
  // one in force (on the pages, the API and the export) and one withdrawn (its page stays, the export leaves it out).
  const guidance = { titleSv: 'Offentlig vägledning', titleEn: 'Public guidance', bodySv: 'Text.', bodyEn: 'Text.', owner: editorEmail, reviewOn: '2027-06-30', topics: ['delegation_warning' as const] };
  await addArticle({ ctx, input: { slug: 'crawl-vagledning', ...guidance } });
  await addArticle({ ctx, input: { slug: 'crawl-indragen', ...guidance } });
  await withdrawArticle({ ctx, slug: 'crawl-indragen', input: { expectedVersion: 1 } });

  // Contact surfaces: internal and shared ones at the public body and places, citing the public source;
  // a public one linked to an internal body, an internal place and non-public sources, changed with a comment.
  for (const visibility of ['internal', 'shared'] as const) {
    const kind = `${visibility} contact surface`;
    const row = await createContactSurface({
      ctx: editor,
      input: { kind: 'influence', title: marker(kind), titleEn: marker(kind), description: marker(kind), descriptionEn: marker(kind), date: '2020', actors: [PUBLIC.actor], places: [PUBLIC.city, PUBLIC.province], sources: [PUBLIC.source], visibility },
    });
    hiddenSurfaceIds.push(row.id);
  }
  await changeContactSurface({
    ctx: editor,
    id: openSurface.id,
    input: {
      kind: 'investment',
      title: 'Offentlig kontaktyta',
      date: '2021',
      actors: [PUBLIC.actor, internalActor],
      places: [PUBLIC.province, internalCity, cityInInternalProvince],
      sources: [PUBLIC.source, internalSource, sharedSource, interview],
      visibility: 'public',
      reason: marker('comment on a change'),
      expectedVersion: 1,
    },
  });
  // The basis of the public agreement's public decision: its organisation's own, in two versions.
  const basisMarkers = () => ({
    purpose: marker('decision basis'),
    expectedBenefit: marker('decision basis'),
    costsSoFarSek: 8_765_431,
    costsNote: marker('decision basis'),
    counterpartDescription: marker('decision basis'),
    democracyHumanRights: marker('decision basis'),
    securityAdviceSought: true,
    securityAdviceFrom: marker('decision basis'),
    personalData: marker('decision basis'),
    exportControl: marker('decision basis'),
    comment: marker('decision basis'),
    // The risk grading: every area high, so that every justification is there to leak.
    ...Object.fromEntries(
      RISK_AREAS.flatMap((area) => {
        const { level, justification } = riskFieldsOf(area);
        return [
          [level, 'high'],
          [justification, marker('decision basis')],
        ];
      }),
    ),
  });
  markers.set('8765431', 'decision basis');
  await saveDecisionBasis({ ctx: editor, slug: PUBLIC.agreement, eventId, input: { ...basisMarkers(), expectedVersion: 0 }, today: '2026-12-07' });
  await saveDecisionBasis({ ctx: editor, slug: PUBLIC.agreement, eventId, input: { ...basisMarkers(), expectedVersion: 1 }, today: '2026-12-07' });
  basisPaths.push(`/avtal/${PUBLIC.agreement}/beslut/${eventId}`, `/avtal/${PUBLIC.agreement}/beslut/${eventId}?version=1`, `/avtal/${PUBLIC.agreement}/beslut/${eventId}/bilaga.pdf`);
  // What the coordinators' overviews read: an incoming visit next month and a decision this year with its reasons, shared and internal.
  const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const lately = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  for (const visibility of ['shared', 'internal'] as const) {
    await createActivity({ ctx, agreementId: id, input: { kind: 'visit_incoming', title: marker(`${visibility} incoming visit`), date: soon, visibility } });
    await recordStatusEvent({ ctx, agreementId: publicChild.id, input: { type: 'paused', date: lately, decidingBody: marker(`${visibility} decision`), reasons: [{ code: 'other', text: marker(`reason of a ${visibility} decision`) }], visibility } });
  }
  // Networks of bodies: a public one (its name, members and agendas public) whose minutes and notes are its members' only,
  // a note by the editor (whose address is a marker); and a shared and an internal network.
  const convener: Context = { db: t.database.db, principal: { kind: 'system', label: 'test', organisationId: org } };
  const network = await createNetwork({ ctx: convener, input: { name: 'Vis-public nätverk', kind: 'county', county: '09', visibility: 'public' } });
  const meetingOfPublicNetwork = await addNetworkMeeting({ ctx: convener, networkId: network.id, input: { heldOn: '2027-04-15', place: 'Visby', agenda: 'Dagordning', minutes: marker('minutes of a network meeting') } });
  await addNetworkMeeting({ ctx: convener, networkId: network.id, input: { heldOn: '2020', minutes: marker('minutes of a network meeting') } });
  await addNetworkNote({ ctx: editor, networkId: network.id, input: { body: marker('note inside a network') } });
  // A meeting's document (its name and bytes markers), added by the editor (a member: of the convening organisation).
  const meetingDocument = await attachMeetingDocument({ ctx: editor, networkId: network.id, meetingId: meetingOfPublicNetwork.id, input: { file: { name: `${marker('network meeting document')}.pdf`, bytes: pdf('network meeting document') } } });
  documentIds.push({ id: meetingDocument.id, public: false });
  meetingDocumentPaths.push(`/dokument/${meetingDocument.id}`, `/natverk/${network.id}/moten/${meetingOfPublicNetwork.id}`, `/natverk/${network.id}/moten/${meetingOfPublicNetwork.id}?lang=en`, `/api/networks/${network.id}`, `/api/networks/${network.id}/meetings/${meetingOfPublicNetwork.id}/documents/${meetingDocument.id}`);
  for (const visibility of ['shared', 'internal'] as const) {
    const hidden = await createNetwork({ ctx: convener, input: { name: marker(`${visibility} network`), description: marker(`${visibility} network`), kind: 'national', visibility } });
    await addNetworkMeeting({ ctx: convener, networkId: hidden.id, input: { heldOn: '2027-10', place: marker(`${visibility} network`), agenda: marker(`${visibility} network`), minutes: marker(`${visibility} network`) } });
    // A meeting next month, on its day: in the calendar's months, its list and its feed for those who may read the network.
    await addNetworkMeeting({ ctx: convener, networkId: hidden.id, input: { heldOn: soon, place: marker(`${visibility} network meeting in the calendar`) } });
  }
  // The public network's meeting next month: the public calendar shows it (so that the crawl's calendar answers hold meetings at all).
  await addNetworkMeeting({ ctx: convener, networkId: network.id, input: { heldOn: soon, place: 'Vis-publik-mötesplats' } });
  calendarMonths.push(soon.slice(0, 7), '2027-10');
}, 120_000);
afterAll(async () => t?.close());

/** The markers in a text, as `kind: marker` strings. */
function leaksIn(body: string): string[] {
  const lower = body.toLowerCase();
  return [...markers].filter(([m]) => lower.includes(m)).map(([m, kind]) => `${kind}: ${m}`);
}

/** Same-site links and resources of a page (href and src), without fragments. */
function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/\b(?:href|src)="([^"]+)"/g)) {
    const url = match[1]!.replaceAll('&amp;', '&').split('#')[0]!;
    if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/assets/')) out.push(url);
  }
  return out;
}

describe('non-public data in public answers', () => {
  const leaks = new Map<string, Set<string>>();
  const note = (path: string, body: string) => {
    for (const leak of leaksIn(body)) {
      const list = leaks.get(leak) ?? new Set();
      list.add(path);
      leaks.set(leak, list);
    }
  };
  const report = () => {
    const byKind = new Map<string, number>();
    for (const [leak, paths] of leaks) byKind.set(leak.split(':')[0]!, (byKind.get(leak.split(':')[0]!) ?? 0) + paths.size);
    return Object.fromEntries([...byKind].sort());
  };

  it('every page reached by following links from /, in both languages, holds no marker', { timeout: 600_000 }, async () => {
    const seeds = ['/', '/avtal', '/parter', '/motparter', '/statistik', '/karta', '/oppna-data', '/kontaktytor', '/karta?lager=influence', `/kontaktytor?province=${PUBLIC.province}`, '/kontaktytor?county=09', `/avtal/${PUBLIC.agreement}`, `/avtal/${PUBLIC.child}`, `/parter/${PUBLIC.actor}`, `/parter/${PUBLIC.other}`, `/motparter/${PUBLIC.province}`, `/motparter/${PUBLIC.city}`, `/karta?place=${PUBLIC.province}`, `/avtal?place=${PUBLIC.province}`, `/avtal?q=vis`];
    const queue = [...seeds, ...seeds.map((s) => `${s}${s.includes('?') ? '&' : '?'}lang=en`)];
    const seen = new Set<string>(queue);
    // Query variants (sorting, filters, pages) per path: enough to reach every kind of answer without crawling every combination.
    const variants = new Map<string, number>();
    let pages = 0;
    while (queue.length) {
      const path = queue.shift()!;
      const response = await app.request(path);
      pages++;
      const type = response.headers.get('content-type') ?? '';
      if (type.startsWith('image/png')) continue;
      const body = type.includes('spreadsheetml') ? await xlsxText(Buffer.from(await response.arrayBuffer())) : await response.text();
      note(path, body);
      if (!type.includes('text/html')) continue;
      for (const link of linksOf(body)) {
        if (seen.has(link)) continue;
        const base = link.split('?')[0]!;
        if (link.includes('?')) {
          const n = variants.get(base) ?? 0;
          if (n >= 6) continue;
          variants.set(base, n + 1);
        }
        seen.add(link);
        queue.push(link);
      }
    }
    console.log(`crawled ${pages} pages and files`);
    expect(pages).toBeGreaterThan(200);
  });

  it('every API answer for every public record, every export and the catalogue hold no marker', { timeout: 600_000 }, async () => {
    const slugsOf = async (path: string, key: string) => {
      const out: string[] = [];
      for (let page = 1; ; page++) {
        const list = JSON.parse(await text(`${path}${path.includes('?') ? '&' : '?'}pageSize=100&page=${page}`)) as { rows: Array<Record<string, string>>; pages: number };
        out.push(...list.rows.map((r) => r[key]!));
        if (page >= list.pages) return out;
      }
    };
    const agreements = await slugsOf('/api/agreements', 'slug');
    expect(agreements).toContain(PUBLIC.agreement);
    const actors = (JSON.parse(await text('/api/actors')) as Array<{ slug: string }>).map((a) => a.slug);
    const places = (JSON.parse(await text('/api/counterparts')) as Array<{ slug: string }>).map((c) => c.slug);
    const surfaces = (JSON.parse(await text('/api/contact-surfaces')) as { rows: Array<{ id: number }> }).rows.map((r) => r.id);
    expect(surfaces.length).toBeGreaterThan(0);
    // Every network's id, those the public may not read too (their addresses answer 404 and name nothing).
    const networks = (await queryRows<{ id: number }>(t.database.db, sql`select id from networks order by id`)).map((n) => n.id);
    expect(networks.length).toBe(3);
    const articles = await queryRows<{ slug: string }>(t.database.db, sql`select slug from knowledge_articles order by slug`);
    expect(articles.map((a) => a.slug)).toContain('crawl-indragen');
    const paths = [
      '/api/openapi.json',
      '/api/agreements',
      '/api/agreements.csv',
      '/api/actors',
      '/api/counterparts',
      ...agreements.map((s) => `/api/agreements/${s}`),
      ...agreements.map((s) => `/api/agreements/${s}/activities`),
      ...agreements.map((s) => `/api/agreements/${s}/action-plans`),
      // One's own follow-up: the public is refused (401), and the refusal names no point.
      '/api/follow-up',
      ...actors.map((s) => `/api/actors/${s}`),
      ...places.map((s) => `/api/counterparts/${s}`),
      ...RULE_IDS.map((rule) => `/api/statistics?rule=${rule}`),
      ...RULE_IDS.flatMap((rule) => STATISTIC_TABLE_NAMES.map((name) => `/api/statistics/${name}.csv?rule=${rule}`)),
      ...CHART_NAMES.flatMap((name) => [`/api/statistics/${name}.svg`, `/api/statistics/${name}.svg?lang=en&rule=per-agreement`]),
      '/api/maps/ties.svg',
      '/api/maps/ties.svg?on=2019-12-31',
      `/api/maps/ties.svg?place=${PUBLIC.province}`,
      `/api/maps/ties.svg?place=${PUBLIC.province}&on=2016-12-31`,
      `/api/maps/ties.svg?q=vis`,
      `/karta?county=09`,
      '/api/export.json',
      ...TABLES.flatMap((table) => [`/api/exchange/${table}.csv`, `/api/exchange/${table}.csv?sep=semicolon`]),
      '/api/exchange/register.json',
      '/api/exchange/register.xlsx',
      '/api/dcat.jsonld',
      '/api/contact-surfaces',
      '/api/contact-surfaces?kind=influence',
      `/api/contact-surfaces?province=${PUBLIC.province}`,
      '/api/contact-surfaces?county=09',
      ...surfaces.map((id) => `/api/contact-surfaces/${id}`),
      ...hiddenSurfaceIds.flatMap((id) => [`/api/contact-surfaces/${id}`, `/kontaktytor/${id}`, `/kontaktytor/${id}/andra`]),
      '/api/knowledge/articles',
      ...articles.map((a) => `/api/knowledge/articles/${a.slug}`),
      '/api/networks',
      '/api/coordination',
      '/api/coordination/counties/09',
      '/samordning/lan/09',
      ...networks.flatMap((id) => [`/api/networks/${id}`, `/natverk/${id}`]),
      // The visits calendar with the networks' meetings: its months, its list and its feed, in both languages.
      ...calendarMonths.flatMap((month) => [`/besokskalender?month=${month}`, `/besokskalender?month=${month}&lang=en`, `/besokskalender?month=${month}&county=09`]),
      '/besokskalender?visa=lista',
      '/besokskalender?visa=lista&lang=en',
      '/besokskalender.ics',
      '/besokskalender.ics?lang=en',
      // The editors' pages answer the public with the way to sign in.
      `/avtal/${PUBLIC.agreement}/kallor`,
      `/avtal/${PUBLIC.agreement}/kontakter`,
      ...basisPaths,
    ];
    for (const path of paths) note(path, await text(path));
    // The public network's meeting is there: the calendar answers above held meetings, and none of a hidden network's.
    expect(await text(`/besokskalender?month=${calendarMonths[0]}`)).toContain('Vis-publik-mötesplats');
    expect(await text('/besokskalender.ics')).toContain('Vis-publik-mötesplats');
    // Every document at its own address: only the one marked public is there for the public.
    const served: Record<number, number> = {};
    for (const { id } of documentIds) {
      const response = await app.request(`/dokument/${id}`);
      served[id] = response.status;
      // The headers too: the download's name is in content-disposition.
      note(`/dokument/${id}`, `${[...response.headers].join('\n')}\n${await response.text()}`);
    }
    expect(served).toEqual(Object.fromEntries(documentIds.map((d) => [d.id, d.public ? 200 : 404])));
  });

  it('no search, filter or place finds a public record by a non-public name', async () => {
    for (const [m] of markers) {
      for (const path of [`/api/agreements?q=${m}`, `/api/actors?q=${m}`, `/api/counterparts?q=${m}`]) {
        const body = JSON.parse(await text(path)) as { total?: number } | unknown[];
        const found = Array.isArray(body) ? body.length : body.total;
        if (found) note(`${path} (found ${found})`, m);
      }
      // A non-public place is no filter: the list is refused or empty.
      const byPlace = await app.request(`/api/agreements?place=${m}`);
      if (byPlace.status === 200 && (JSON.parse(await byPlace.text()) as { total: number }).total > 0) note(`/api/agreements?place=${m}`, m);
    }
  });

  it('the public answers about the public records are as they were before the non-public records were added', async () => {
    const after = await answers(SAME_BEFORE_AND_AFTER);
    // An agreement's version and time of change move with any change to it,
    // an internal event's too: they tell that it changed, not what (docs/visibility.md).
    const withoutVersion = (body: string) => body.replace(/"version":\d+/g, '"version":0').replace(/"updatedAt":"[^"]*"/g, '"updatedAt":""');
    const changed = SAME_BEFORE_AND_AFTER.filter((path) => withoutVersion(after[path]!) !== withoutVersion(before[path]!));
    const agreement = JSON.parse(after[`/api/agreements/${PUBLIC.agreement}`]!) as { agreement: { currentStatus: string } };
    // Where each changed answer first differs, so that a failure says what changed, not only where.
    const firstDifference = (a: string, b: string) => {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      return `before …${a.slice(Math.max(0, i - 80), i + 120)}…\n  after …${b.slice(Math.max(0, i - 80), i + 120)}…`;
    };
    if (changed.length) console.log(`${changed.length} public answers changed:\n${changed.map((path) => `${path}\n  ${firstDifference(withoutVersion(before[path]!), withoutVersion(after[path]!))}`).join('\n')}`);
    expect({ status: agreement.agreement.currentStatus, changed }).toEqual({ status: 'active', changed: [] });
  });

  it('a decision basis reaches no one outside its organisation, signed in or not', async () => {
    await addOrganisation({ ctx, input: { slug: 'crawl-other', name: 'En annan kommun' } });
    const { visitors } = await signedInVisitors(t, app, {
      otherEditor: { role: 'editor', organisation: 'crawl-other' },
      otherAdmin: { role: 'admin', organisation: 'crawl-other' },
      otherCoordinator: { role: 'coordinator', organisation: 'crawl-other' },
      ownReader: { role: 'reader', organisation: 'ortsband' },
    });
    // The organisation's own reader reads it: the markers are there to be found (the free texts, the comment, the sum and every risk justification).
    expect(leaksIn(await (await visitors.ownReader.request(basisPaths[0]!)).text()).filter((leak) => leak.startsWith('decision basis')).length).toBeGreaterThanOrEqual(10 + RISK_AREAS.length);
    const pages = [...basisPaths, `/avtal/${PUBLIC.agreement}`, `/avtal/${PUBLIC.agreement}/historik`, `/api/agreements/${PUBLIC.agreement}`, '/oversikt'];
    for (const who of ['otherEditor', 'otherAdmin', 'otherCoordinator'] as const) {
      for (const path of pages) {
        const response = await visitors[who].request(path);
        // Signed in, they read shared records (whose markers are of other kinds): the basis's are what is looked for.
        const found = leaksIn(await response.text()).filter((leak) => leak.startsWith('decision basis'));
        if (found.length) note(`${path} as ${who}`, found.map((leak) => leak.split(': ')[1]).join(' '));
        if (basisPaths.includes(path)) expect(response.status, `${path} as ${who}`).toBe(404);
      }
    }
    // The coordinators' overviews count the gradings of the reader's own organisation's bases only (every area graded high here), none for the public.
    const gradings = async (who: Visitor, path: string) => ((await (await who.request(path)).json()) as { riskGradings: RiskGradings | null }).riskGradings;
    for (const area of (await gradings(visitors.ownReader, '/api/coordination'))!.areas) expect(area.levels.high, area.area).toBeGreaterThan(0);
    for (const who of ['otherEditor', 'otherAdmin', 'otherCoordinator'] as const) {
      for (const path of ['/api/coordination', '/api/coordination/counties/09']) {
        const theirs = (await gradings(visitors[who], path))!;
        expect(theirs.bases, `${path} as ${who}`).toBe(0);
        expect(theirs.areas.every((area) => Object.values(area.levels).every((n) => n === 0)), `${path} as ${who}`).toBe(true);
      }
    }
    expect(await gradings(visitors.anonymous, '/api/coordination')).toBeNull();
  });

  it("a network meeting's document reaches the network's members only, signed in or not", async () => {
    await addOrganisation({ ctx, input: { slug: 'crawl-outside-network', name: 'Utanför nätverket' } });
    const { visitors } = await signedInVisitors(t, app, {
      outsideEditor: { role: 'editor', organisation: 'crawl-outside-network' },
      outsideAdmin: { role: 'admin', organisation: 'crawl-outside-network' },
      outsideCoordinator: { role: 'coordinator', organisation: 'crawl-outside-network' },
      memberReader: { role: 'reader', organisation: 'ortsband' },
    });
    // A member (the convening organisation's reader) downloads it and sees it named on the meeting's page.
    const own = await visitors.memberReader.request(meetingDocumentPaths[0]!);
    expect(own.status).toBe(200);
    expect(leaksIn(await own.text()).filter((leak) => leak.startsWith('network meeting document')).length).toBeGreaterThan(0);
    expect(leaksIn(await (await visitors.memberReader.request(meetingDocumentPaths[1]!)).text()).filter((leak) => leak.startsWith('network meeting document')).length).toBe(1);
    const byApi = await visitors.memberReader.request(meetingDocumentPaths[4]!);
    expect(byApi.status).toBe(200);
    expect(leaksIn(await byApi.text()).filter((leak) => leak.startsWith('network meeting document')).length).toBeGreaterThan(0);
    for (const who of ['outsideEditor', 'outsideAdmin', 'outsideCoordinator', 'anonymous'] as const) {
      for (const path of meetingDocumentPaths) {
        const response = who === 'anonymous' ? await app.request(path) : await visitors[who].request(path);
        const found = leaksIn(`${[...response.headers].join('\n')}\n${await response.text()}`).filter((leak) => leak.startsWith('network meeting document'));
        if (found.length) note(`${path} as ${who}`, found.map((leak) => leak.split(': ')[1]).join(' '));
        // Not allowed looks like absent: the same answer as for a document that is not there.
        if (path.startsWith('/dokument/')) {
          expect(response.status, `${path} as ${who}`).toBe(404);
          const absent = who === 'anonymous' ? await app.request('/dokument/999999') : await visitors[who].request('/dokument/999999');
          const asked = await (who === 'anonymous' ? await app.request(path) : await visitors[who].request(path)).text();
          expect(absent.status).toBe(404);
          // The page names its own address (the language link, the printed footer): the rest is the same.
          expect(askedAs(asked, path, '/dokument/999999')).toBe(await absent.text());
        }
        // Through the API: the public is asked for a key; anyone else signed in finds it as absent as one that is not there.
        if (path.includes('/documents/')) {
          const elsewhere = path.replace(/\/documents\/[0-9]+$/, '/documents/999999');
          const absent = who === 'anonymous' ? await app.request(elsewhere) : await visitors[who].request(elsewhere);
          expect(response.status, `${path} as ${who}`).toBe(who === 'anonymous' ? 401 : 404);
          expect(absent.status).toBe(response.status);
          const again = await (who === 'anonymous' ? await app.request(path) : await visitors[who].request(path)).text();
          expect(again).toBe(await absent.text());
        }
      }
    }
  });

  it('found no marker anywhere', () => {
    console.log('leaks by kind (answers holding a marker of that kind):', JSON.stringify(report(), null, 1));
    console.log([...leaks].map(([leak, paths]) => `${leak} in ${[...paths].slice(0, 4).join(', ')}${paths.size > 4 ? ` and ${paths.size - 4} more` : ''}`).join('\n'));
    expect(report()).toEqual({});
  });
});
