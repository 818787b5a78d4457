// Generated bad API writes against every write endpoint: wrong types, unknown
// ids, impossible dates, 100 kB fields, broken UTF-8 and JSON, control
// characters, the wrong content type, a body over the limit, a missing,
// unknown, expired, revoked or read-only key, a browser session instead of a
// key, a person who may not, a stale version. Every answer is a 4xx whose
// body names the field, the header or the record at fault; none is a 5xx;
// and the database is the same afterwards, checked by a fingerprint of every
// table (the keys' last use and the sessions' sliding expiry left out: they
// record who asked, not the register).
import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { agreements, apiTokens, organisations, statusEvents } from '../../src/db/schema.ts';
import { DECISION_EVENT_TYPES } from '../../src/domain/decisions/kinds.ts';
import { RISK_FIELDS } from '../../src/domain/decisions/schemas.ts';
import { createApiToken, revokeApiToken } from '../../src/domain/accounts/api-tokens.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { activitiesOfAgreement } from '../../src/domain/follow-up/list.ts';
import { createActionPlan } from '../../src/domain/action-plans/create.ts';
import { actionPlansOfAgreement } from '../../src/domain/action-plans/list.ts';
import { createContactSurface } from '../../src/domain/contact-surfaces/save.ts';
import { addNetworkMeeting, addNetworkMember, createNetwork } from '../../src/domain/coordination/networks.ts';
import { attachMeetingDocument } from '../../src/domain/documents/attach.ts';
import { DOCUMENT_MAX_BYTES } from '../../src/db/schema.ts';
import { addFollowUpPoint } from '../../src/domain/follow-up/add-point.ts';
import { addArticle, withdrawArticle } from '../../src/domain/knowledge/articles.ts';
import { startSession } from '../../src/domain/accounts/sessions.ts';
import { SESSION_COOKIE } from '../../src/http/session.ts';
import { addPerson, EDITORIAL, keyOf } from '../support/api-keys.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { AGREEMENT_TEXT_FIELDS, BROKEN_UTF8_BYTES, generator } from '../support/generated.ts';
import { BAD_FILES, BAD_REASONS, badUploads, goodFile, multipart, type Part } from '../support/multipart.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const key = { editor: '', readOnly: '', reader: '', coordinator: '', otherEditor: '', expired: '', revoked: '' };
let sessionCookie = '';
let version = 0;
/** An activity of the agreement (on 2024-05-10) with one open point; and an activity and a point of another agreement. */
const followUp = { activity: 0, point: 0, pointVersion: 0, otherActivity: 0, otherPoint: 0, citation: 0, otherCitation: 0, activityVersion: 0 };
/** A shared contact surface of the editors' organisation, at version 1. */
let surfaceId = 0;
/** A decision of the agreement (a status event that establishes, pauses, ends…) whose basis is not yet written. */
let decisionId = 0;
/** A network convened by the editorial organisation (kept by its coordinator), at version 1, with one member; an organisation that is none. */
const network = { id: 0, convener: '', member: 'bad-writes-member', stranger: 'bad-writes-stranger', meeting: 0, document: 0 };
const OWNER = 'editor@bad-writes.example';
/** Guidance articles at version 1: one in force, one withdrawn (for putting back in force). */
const ARTICLE = 'bad-writes-artikel';
const WITHDRAWN = 'bad-writes-indragen';

const AGREEMENT = 'goteborg--shanghai';
/** An action plan of the agreement (2024–2026) with one goal and one cited source, at its version; and a plan, goal and citation of another agreement. */
const plan = { id: 0, version: 0, goal: 0, citation: 0, otherPlan: 0, otherGoal: 0, otherCitation: 0 };
const planPath = () => `/api/agreements/${AGREEMENT}/action-plans/${plan.id}`;

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database, undefined, { oidc: undefined, mailer: undefined });
  const editor = await addPerson(t, 'editor@bad-writes.example', 'editor', EDITORIAL);
  key.editor = await keyOf(t, editor);
  key.readOnly = await keyOf(t, editor, 'read');
  key.reader = await keyOf(t, await addPerson(t, 'reader@bad-writes.example', 'reader', EDITORIAL));
  key.coordinator = await keyOf(t, await addPerson(t, 'coordinator@bad-writes.example', 'coordinator', EDITORIAL));
  key.otherEditor = await keyOf(t, await addPerson(t, 'other@bad-writes.example', 'editor', 'bad-writes-other'));
  const expired = await createApiToken(t.database.db, { userId: editor }, { name: 'expired', scope: 'write', days: 30 });
  await t.database.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(apiTokens.id, expired.id));
  key.expired = expired.token;
  const revoked = await createApiToken(t.database.db, { userId: editor }, { name: 'revoked', scope: 'write', days: 30 });
  await revokeApiToken(t.database.db, { userId: editor }, revoked.id);
  key.revoked = revoked.token;
  sessionCookie = `${SESSION_COOKIE}=${(await startSession(t.database.db, { id: editor, version: 1 })).token}`;
  [{ version }] = (await t.database.db.select({ version: agreements.version }).from(agreements).where(eq(agreements.slug, AGREEMENT))) as [{ version: number }];
  const ctx = systemCtx(t);
  const [agreement] = await t.database.db.select({ id: agreements.id, organisationId: agreements.organisationId }).from(agreements).where(eq(agreements.slug, AGREEMENT));
  const [other] = await t.database.db.select({ id: agreements.id, organisationId: agreements.organisationId }).from(agreements).where(ne(agreements.slug, AGREEMENT)).limit(1);
  followUp.activity = (await createActivity({ ctx, agreementId: agreement!.id, input: { kind: 'meeting', title: 'Möte i Shanghai', date: '2024-05-10', sources: [{ source: 'nkk2022' }] } })).id;
  const point = await addFollowUpPoint({ ctx, agreement: agreement!, activityId: followUp.activity, input: { text: 'Skicka protokollet', owner: OWNER, dueOn: '2024-06-01' } });
  [followUp.point, followUp.pointVersion] = [point.id, point.version];
  followUp.otherActivity = (await createActivity({ ctx, agreementId: other!.id, input: { kind: 'meeting', title: 'Ett annat möte', date: '2024-05-10', sources: [{ source: 'nkk2022' }] } })).id;
  const [activity] = await activitiesOfAgreement(ctx, agreement!, followUp.activity);
  [followUp.citation, followUp.activityVersion] = [activity!.sources[0]!.id, activity!.version];
  followUp.otherCitation = (await activitiesOfAgreement(ctx, other!, followUp.otherActivity))[0]!.sources[0]!.id;
  surfaceId = (await createContactSurface({ ctx, organisationId: agreement!.organisationId, input: { kind: 'academic', title: 'Ett forskningssamarbete', actors: ['kalix'], visibility: 'shared' } })).id;
  [{ id: decisionId }] = (await t.database.db
    .select({ id: statusEvents.id })
    .from(statusEvents)
    .where(and(eq(statusEvents.agreementId, agreement!.id), inArray(statusEvents.type, DECISION_EVENT_TYPES)))
    .limit(1)) as [{ id: number }];
  const article = { titleSv: 'Vägledning', titleEn: 'Guidance', bodySv: 'Text.', bodyEn: 'Text.', reviewOn: '2027-06-30' };
  await addArticle({ ctx, input: { slug: ARTICLE, ...article } });
  await addArticle({ ctx, input: { slug: WITHDRAWN, ...article } });
  await withdrawArticle({ ctx, slug: WITHDRAWN, input: { expectedVersion: 1 } });
  // Convened by the editorial organisation (the agreements' owner), whose coordinator keeps it.
  const made = await createNetwork({ ctx: { ...ctx, principal: { kind: 'system', label: 'test', organisationId: agreement!.organisationId } }, input: { name: 'Nätverket för dåliga skrivningar', kind: 'national', visibility: 'shared' } });
  network.id = made.id;
  [{ slug: network.convener }] = (await t.database.db.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, made.organisationId))) as [{ slug: string }];
  await addPerson(t, 'member@bad-writes.example', 'editor', network.member);
  await addPerson(t, 'stranger@bad-writes.example', 'editor', network.stranger);
  await addNetworkMember({ ctx, networkId: network.id, input: { organisation: network.member } });
  const madePlan = await createActionPlan({ ctx, agreementId: agreement!.id, input: { title: 'Handlingsplan', periodFrom: '2024', periodTo: '2026', goals: [{ theme: 'Kultur', goal: 'Ett utbyte' }], sources: [{ source: 'nkk2022' }] } });
  const [listed] = await actionPlansOfAgreement(ctx, agreement!, madePlan.id);
  Object.assign(plan, { id: madePlan.id, version: listed!.version, goal: listed!.goals[0]!.id, citation: listed!.sources[0]!.id });
  const others = await createActionPlan({ ctx, agreementId: other!.id, input: { title: 'En annan plan', periodFrom: '2024', periodTo: '2026', goals: [{ theme: 'Turism', goal: 'Fler besökare' }], sources: [{ source: 'nkk2022' }] } });
  const [otherListed] = await actionPlansOfAgreement(ctx, other!, others.id);
  Object.assign(plan, { otherPlan: others.id, otherGoal: otherListed!.goals[0]!.id, otherCitation: otherListed!.sources[0]!.id });
  // A meeting with a document (the editors of the convening organisation, members, add and remove them).
  const convening = { ...ctx, principal: { kind: 'system' as const, label: 'test', organisationId: agreement!.organisationId } };
  network.meeting = (await addNetworkMeeting({ ctx: convening, networkId: network.id, input: { heldOn: '2027-04' } })).id;
  network.document = (await attachMeetingDocument({ ctx: convening, networkId: network.id, meetingId: network.meeting, input: { file: { name: 'protokoll.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n') } } })).id;
  followUp.otherPoint = (await addFollowUpPoint({ ctx, agreement: other!, activityId: followUp.otherActivity, input: { text: 'Annat avtals punkt', owner: OWNER, dueOn: '2024-06-01' } })).id;
}, 120_000);
afterAll(async () => t?.close());

const HUGE = ['x'.repeat(100_000), 'ö'.repeat(100_000), '汉'.repeat(50_000) + 'y'.repeat(50_000), '🙂'.repeat(25_000)];
const NOT_TEXT = [123, true, {}, ['x'], 1.5];
const BAD_DATES = ['2019-13-45', '2019-02-30', '2019-00-10', '0000', '10000', '2019/13', 'yesterday', '2019-1-1', '2019-12-32', '2021~~', '13/12/2019', '2019-W01', 'XXXX-XX', ''];
const BAD_SLUGS = ['UPPER', 'a b', '', '-a', 'a-', 'a---b', 'x'.repeat(121), 'å', 7];
const CONTROL_TEXTS = ['a\u0000b', 'a\u0001', '\u001f', 'a\u007f', '\ud800', 'x\udfff'];

/** A body's field and the values that are wrong for it; `field` is what the answer must name (a prefix of the problem's dotted path). */
interface BadField {
  field: string;
  values: unknown[];
}

interface Endpoint {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** A body that the endpoint would take, of required fields only (each is also left out): every case breaks it in one or more places. */
  base: () => Record<string, unknown>;
  bad: BadField[];
  /** Whose key writes here: an editor's of the record's organisation unless told (the knowledge base's guidance, a network's keeper: a coordinator's). */
  writer?: 'coordinator';
}

const text = (field: string, extra: unknown[] = []): BadField => ({ field, values: [...NOT_TEXT, ...HUGE, ...extra] });
/** A plan's version that is no version (a stale one is a conflict, below; true and [1] are read as 1, the plan's version). */
const VERSION_FIELD = (): BadField => ({ field: 'expectedVersion', values: ['abc', 1.5, -1, 0, null, {}, 'x'] });
const date = (field: string): BadField => ({ field, values: [...BAD_DATES, 2019, { year: 2019 }] });

/** The fields of an agreement, as created and as changed, and what is wrong for each. */
const AGREEMENT_FIELDS_BAD: BadField[] = [
  { field: 'kind', values: ['no-such-kind', '', 5, null, 'x'.repeat(100_000)] },
  ...AGREEMENT_TEXT_FIELDS.map((field) => text(field)),
  date('signedOn'),
  date('endsOn'),
  { field: 'themes', values: ['theme', 5, [1], [''], Array.from({ length: 51 }, () => 't'), [HUGE[0]]] },
  { field: 'parent', values: ['no-such-agreement', 'UPPER', 5, ['x']] },
  { field: 'parties', values: [[], 'kalix', 5, [5], ['no-such-actor'], [{ actor: 'kalix', role: 'nope' }], [{ role: 'party' }], [{ actor: 'kalix', role: 'origin' }], [{ actor: 'kalix', noteEn: 'only English' }], Array.from({ length: 51 }, () => 'kalix')] },
  { field: 'counterparts', values: [[], 'zhejiang', 5, [5], ['no-such-place'], ['UPPER']] },
  { field: 'visibility', values: ['secret', 5, 'PUBLIC'] },
  { field: 'sources', values: ['nkk2022', [{ source: 'no-such-source' }], [{}], [{ source: 'nkk2022', passage: HUGE[0] }], [5]] },
];

/** A delegation's name and its leading persons (a list of names): not text, too long, too many, empty, control characters. */
const DELEGATION_BAD: BadField[] = [
  text('delegationName', ['x'.repeat(501), ...CONTROL_TEXTS.slice(0, 2)]),
  {
    field: 'delegationPersons',
    values: ['Li Ming', 5, null, true, {}, [5], [null], [['Li Ming']], [''], ['   '], ['x'.repeat(301)], ['Wang Wei', '李'.repeat(301)], Array.from({ length: 21 }, (_, i) => `Person ${i}`), ['a\u0000b'], [HUGE[3]]],
  },
];

let counter = 0;
const freshSlug = (prefix: string) => `${prefix}-bad-${++counter}`;

/** Citing a source for a record at `citations` (its version), and removing one of its citations. */
function citationWrites(citations: () => string, citation: () => number): Endpoint[] {
  return [
    {
      method: 'POST',
      get path() {
        return citations();
      },
      base: () => ({ source: 'nkk2022' }),
      bad: [
        { field: 'source', values: ['no-such-source', ...BAD_SLUGS, null] },
        { field: 'passage', values: [...NOT_TEXT, ...HUGE] },
        { field: 'passageEn', values: [...NOT_TEXT, ...HUGE] },
        { field: 'reason', values: [...NOT_TEXT, 'x'.repeat(2_001)] },
        VERSION_FIELD(),
      ],
    },
    {
      method: 'DELETE',
      get path() {
        return `${citations()}/${citation()}`;
      },
      base: () => ({}),
      bad: [VERSION_FIELD(), { field: 'reason', values: [...NOT_TEXT, 'x'.repeat(2_001)] }],
    },
  ];
}

const ENDPOINTS: Endpoint[] = [
  {
    method: 'POST',
    path: '/api/agreements',
    base: () => ({ slug: freshSlug('agreement'), kind: 'vanort', parties: ['kalix'], counterparts: ['zhejiang'] }),
    bad: [{ field: 'slug', values: BAD_SLUGS }, ...AGREEMENT_FIELDS_BAD],
  },
  {
    method: 'PATCH',
    path: `/api/agreements/${AGREEMENT}`,
    // At the version stored: every case is refused for its bad field, not as stale.
    base: () => ({ expectedVersion: version }),
    bad: [...AGREEMENT_FIELDS_BAD, { field: 'expectedVersion', values: ['abc', 1.5, -1, 0, '1', [1], 2 ** 53, null] }, { field: 'comment', values: [...NOT_TEXT, 'x'.repeat(2_001)] }],
  },
  {
    method: 'POST',
    path: `/api/agreements/${AGREEMENT}/events`,
    base: () => ({ type: 'dormant', date: '2024' }),
    bad: [
      { field: 'type', values: ['nope', 5, null, 'ENDED'] },
      date('date'),
      { field: 'side', values: ['left', 5, 'swedish'] }, // a dormant agreement has no side
      { field: 'mode', values: ['nope', 5, 'decision'] }, // nor a mode
      text('decidingBody'),
      text('reference'),
      text('caseNumber'),
      text('note'),
      text('noteEn'),
      { field: 'reasons', values: ['lack_of_activity', [{ code: 'nope' }], [{ code: 'other' }], [{ code: 'lack_of_activity', statedBy: 'nobody' }], [{ code: 'lack_of_activity', text: HUGE[0] }], Array.from({ length: 21 }, () => ({ code: 'lack_of_activity' }))] },
      { field: 'visibility', values: ['secret', 5] },
      { field: 'sources', values: [[{ source: 'no-such-source' }], [{ source: 'UPPER' }], 'nkk2022'] },
      { field: 'expectedVersion', values: ['abc', 1.5, -1, 0, '1', [1], 2 ** 53] },
    ],
  },
  {
    method: 'POST',
    path: `/api/agreements/${AGREEMENT}/citations`,
    base: () => ({ source: 'nkk2022', on: 'agreement' }),
    bad: [
      { field: 'source', values: ['no-such-source', ...BAD_SLUGS, null] },
      { field: 'on', values: ['event', 'agreements', -1, 0, 1.5, 999_999_999, null, {}, 'x'] },
      { field: 'passage', values: [...NOT_TEXT, ...HUGE] },
      { field: 'reason', values: [...NOT_TEXT, ...HUGE] },
      { field: 'expectedVersion', values: ['abc', -1, 0, 1.5, {}] },
    ],
  },
  {
    method: 'POST',
    path: '/api/sources',
    base: () => ({ slug: freshSlug('source'), kind: 'web_page', title: 'En sida' }),
    bad: [
      { field: 'slug', values: BAD_SLUGS },
      { field: 'kind', values: ['nope', 5, null, 'Report'] },
      { field: 'title', values: ['', 5, null, ...HUGE] },
      { field: 'language', values: ['swe', 'SV', 5, 's'] },
      text('author'),
      text('publisher'),
      text('archiveReference'),
      text('note'),
      date('published'),
      date('retrievedOn'),
      { field: 'url', values: ['not a url', 5, `https://example.org/${'x'.repeat(100_000)}`, 'www.example.org'] },
      { field: 'confidential', values: ['yes', 1, 'true'] },
      { field: 'visibility', values: ['secret', 5] },
      { field: 'noteEn', values: ['only English', ...NOT_TEXT] },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/sources/nkk2022',
    // The fields sent change, the others stay: an empty body changes nothing.
    base: () => ({}),
    bad: [
      { field: 'kind', values: ['nope', 5, null, 'Report'] },
      { field: 'title', values: ['', 5, null, ...HUGE] },
      { field: 'language', values: ['swe', 'SV', 5, 's', null] },
      text('author'),
      text('publisher'),
      text('archiveReference'),
      text('note'),
      date('published'),
      { field: 'url', values: ['not a url', 5, `https://example.org/${'x'.repeat(100_000)}`, 'www.example.org'] },
      { field: 'confidential', values: ['yes', 1, 'true', null] },
      { field: 'visibility', values: ['secret', 5, null] },
      { field: 'slug', values: ['other', 'nkk2022'] },
      { field: 'expectedVersion', values: ['abc', -1, 0, 1.5, {}] },
    ],
  },
  // Activities and follow-up points: the paths name records made in beforeAll, so they are read when the cases are made.
  {
    method: 'POST',
    path: `/api/agreements/${AGREEMENT}/activities`,
    base: () => ({ kind: 'meeting', title: 'Möte', date: '2024-05' }),
    bad: [
      { field: 'kind', values: ['nope', 5, null, 'MEETING', ''] },
      { field: 'title', values: ['', '   ', 5, null, ...HUGE] },
      ...['titleEn', 'participants', 'participantsEn', 'purpose', 'purposeEn', 'outcome', 'outcomeEn', 'note', 'noteEn'].map((field) => text(field)),
      ...DELEGATION_BAD,
      date('date'),
      { field: 'costSek', values: [-1, -1000, 1.5, 'abc', '100', '', true, [], {}, [100], 2_000_000_001, 1e300, '1e3', '-5'] },
      { field: 'visibility', values: ['secret', 5, 'PUBLIC', ''] },
      { field: 'sources', values: ['nkk2022', [{ source: 'no-such-source' }], [{}], [{ source: 'nkk2022', passage: HUGE[0] }], [5], Array.from({ length: 21 }, () => ({ source: 'nkk2022' }))] },
    ],
  },
  {
    method: 'PUT',
    get path() {
      return `/api/agreements/${AGREEMENT}/activities/${followUp.activity}`;
    },
    base: () => ({ kind: 'meeting', title: 'Möte', date: '2024-05-10' }),
    bad: [
      { field: 'kind', values: ['nope', 5, null, 'MEETING', ''] },
      { field: 'title', values: ['', '   ', 5, null, ...HUGE] },
      ...['participants', 'purpose', 'outcome'].map((field) => text(field)),
      ...DELEGATION_BAD,
      // Not a date, or after the due day of its follow-up point (2024-06-30).
      { field: 'date', values: ['2024-13-01', '2024-02-30', 'tomorrow', '', 5, null, '2024-07', '2025'] },
      { field: 'costTravelSek', values: [-1, 1.5, 'abc', '100', true, 2_000_000_001] },
      { field: 'chinesePlaces', values: ['zhejiang', ['no-such-place'], ['kalix'], [5], Array.from({ length: 51 }, () => 'zhejiang')] },
      { field: 'alsoServes', values: [[AGREEMENT], ['no-such-agreement'], 'x'] },
      { field: 'visibility', values: ['secret', 5, 'PUBLIC', ''] },
      { field: 'reason', values: [...NOT_TEXT, ...HUGE] },
      { field: 'expectedVersion', values: ['abc', -1, 0, 1.5, {}] },
    ],
  },
  {
    method: 'DELETE',
    get path() {
      return `/api/agreements/${AGREEMENT}/activities/${followUp.activity}`;
    },
    base: () => ({}),
    bad: [
      { field: 'reason', values: [...NOT_TEXT, ...HUGE] },
      { field: 'expectedVersion', values: ['abc', -1, 0, 1.5, {}] },
    ],
  },
  {
    method: 'POST',
    get path() {
      return `/api/agreements/${AGREEMENT}/activities/${followUp.activity}/follow-up-points`;
    },
    base: () => ({ text: 'Skicka protokollet', owner: OWNER, dueOn: '2024-06-30' }),
    bad: [
      { field: 'text', values: ['', '   ', 5, null, true, {}, ['x'], ...HUGE] },
      // Nobody, another organisation's editor, people of the organisation who may not close a point, and no e-mail address.
      { field: 'owner', values: ['nobody@bad-writes.example', 'other@bad-writes.example', 'reader@bad-writes.example', 'coordinator@bad-writes.example', 'not-an-address', '', 5, null, [OWNER], `${'x'.repeat(250)}@example.org`] },
      // Before the activity (2024-05-10), no calendar day, or not a day at all.
      { field: 'dueOn', values: ['2024-05-09', '2024-05-01', '1999-12-31', '2024-13-01', '2024-02-30', '2024', '2024-06', 'tomorrow', '', 20240601, null, '0000-01-01', '10000-01-01', '2024-06-01T00:00:00Z'] },
      { field: 'reason', values: [...NOT_TEXT, ...HUGE] },
    ],
  },
  {
    method: 'PATCH',
    get path() {
      return `/api/agreements/${AGREEMENT}/follow-up-points/${followUp.point}`;
    },
    base: () => ({ state: 'done' }),
    bad: [
      { field: 'state', values: ['closed', 'DONE', '', 5, null, true] },
      { field: 'comment', values: [...NOT_TEXT, 'x'.repeat(2_001), ...HUGE] },
      { field: 'expectedVersion', values: ['abc', -1, 0, 1.5, {}, null] },
    ],
  },
  // Action plans: the plan, goal and citation the paths name are made in beforeAll; every case is refused, so the plan stays at its
  // version. A body without expectedVersion writes over what it has not seen, as an activity's does: the bases leave it out.
  { method: 'POST', path: `/api/agreements/${AGREEMENT}/action-plans`, base: () => ({ title: 'Plan', periodFrom: '2024', periodTo: '2026' }), bad: [] as BadField[] },
  {
    method: 'PUT',
    get path() {
      return planPath();
    },
    base: () => ({ title: 'Plan', periodFrom: '2024', periodTo: '2026' }),
    bad: [VERSION_FIELD(), { field: 'reason', values: [...NOT_TEXT, 'x'.repeat(2_001)] }],
  },
  {
    method: 'DELETE',
    get path() {
      return planPath();
    },
    base: () => ({}),
    bad: [VERSION_FIELD(), { field: 'reason', values: [...NOT_TEXT, 'x'.repeat(2_001)] }],
  },
  {
    method: 'POST',
    get path() {
      return `${planPath()}/goals`;
    },
    base: () => ({ theme: 'Kultur', goal: 'Ett mål' }),
    bad: [] as BadField[],
  },
  {
    method: 'PUT',
    get path() {
      return `${planPath()}/goals/${plan.goal}`;
    },
    base: () => ({ theme: 'Kultur', goal: 'Ett mål' }),
    bad: [VERSION_FIELD()],
  },
  {
    method: 'DELETE',
    get path() {
      return `${planPath()}/goals/${plan.goal}`;
    },
    base: () => ({}),
    bad: [VERSION_FIELD(), { field: 'reason', values: [...NOT_TEXT, 'x'.repeat(2_001)] }],
  },
  {
    method: 'PUT',
    get path() {
      return `${planPath()}/review`;
    },
    base: () => ({ reviewedOn: '2027-01-31' }),
    bad: [
      // No day, or a day before the period begins (2024).
      { field: 'reviewedOn', values: [...BAD_DATES, '2023-12-31', '2027', '2027-01', 20270131, null, '2027-01-31T00:00:00Z'] },
      text('reviewNote'),
      {
        field: 'goals',
        get values() {
          // A goal of another plan, no goal at all, an assessment the register does not know, an outcome too long, a field a review does not take.
          return ['met', 5, [], { [plan.otherGoal]: { assessment: 'met' } }, { 999999999: { assessment: 'met' } }, { abc: { assessment: 'met' } }, { [plan.goal]: { assessment: 'excellent' } }, { [plan.goal]: {} }, { [plan.goal]: { assessment: 'met', outcome: HUGE[0] } }, { [plan.goal]: { assessment: 'met', grade: 5 } }, { [plan.goal]: 'met' }];
        },
      },
      VERSION_FIELD(),
    ],
  },
  // A plan's and an activity's sources: cited and removed alike.
  ...citationWrites(() => `${planPath()}/citations`, () => plan.citation),
  ...citationWrites(() => `/api/agreements/${AGREEMENT}/activities/${followUp.activity}/citations`, () => followUp.citation),
  {
    method: 'PUT',
    get path() {
      return `/api/agreements/${AGREEMENT}/activities/${followUp.activity}/goal`;
    },
    base: () => ({ actionPlanGoalId: plan.goal }),
    bad: [
      {
        field: 'actionPlanGoalId',
        get values() {
          // A goal of another agreement's plan, none at all, and no goal's id.
          return [plan.otherGoal, 999_999_999, 0, -1, 1.5, String(plan.goal), true, {}, [plan.goal], 2 ** 53];
        },
      },
    ],
  },
  // Contact surfaces: added to the key holder's organisation; the one changed and removed is made in beforeAll (at version 1).
  { method: 'POST', path: '/api/contact-surfaces', base: () => ({ kind: 'trade', title: 'Ett handelsbolag' }), bad: [] as BadField[] },
  {
    method: 'PUT',
    get path() {
      return `/api/contact-surfaces/${surfaceId}`;
    },
    base: () => ({ kind: 'trade', title: 'Ett handelsbolag', expectedVersion: 1 }),
    bad: [] as BadField[],
  },
  {
    method: 'DELETE',
    get path() {
      return `/api/contact-surfaces/${surfaceId}`;
    },
    base: () => ({ expectedVersion: 1 }),
    bad: [] as BadField[],
  },
  // A decision's basis: a new version, at the version read (none yet: 0).
  {
    method: 'PUT',
    get path() {
      return `/api/agreements/${AGREEMENT}/decisions/${decisionId}/basis`;
    },
    base: () => ({ purpose: 'Syftet med avtalet', securityAdviceSought: false, expectedVersion: 0 }),
    bad: [
      text('purpose', ['', '   ', null]),
      ...(['expectedBenefit', 'costsNote', 'counterpartDescription', 'democracyHumanRights', 'personalData', 'exportControl', 'comment'] as const).map((field) => text(field)),
      ...(['costsSoFarSek', 'costsPlannedSek'] as const).map((field) => ({ field, values: ['12 000', '120000', -5, 1.5, 2_000_000_001, true, {}, [1], ''] })),
      { field: 'securityAdviceSought', values: ['ja', 'true', 'nej', 1, 0, null, {}, [true]] },
      // Not sought (the base): naming someone is wrong, and so is anything that is not text.
      { field: 'securityAdviceFrom', values: ['Säkerhetspolisen', ...NOT_TEXT, HUGE[0]] },
      { field: 'expectedVersion', values: ['abc', '0', 1.5, -1, [0], null, true, 2 ** 53] },
      // The risk grading: a level is one of four codes, a justification short text (a high level without one: decision-basis.test.ts).
      ...RISK_FIELDS.map((field) => (field.endsWith('Level') ? { field, values: ['hög', 'HIGH', 'Moderate', '', null, 1, true, ['low'], { level: 'low' }] } : text(field, ['x'.repeat(2_001)]))),
    ],
  },
  // A network's writes, by its keeper (the convening organisation's coordinator); the network stays at version 1.
  {
    method: 'PATCH',
    writer: 'coordinator',
    get path() {
      return `/api/networks/${network.id}`;
    },
    base: () => ({ expectedVersion: 1 }),
    bad: [
      text('name', ['', '   ', null, 'x'.repeat(301)]),
      text('description'),
      { field: 'kind', values: ['city', 'COUNTY', '', 5, null] },
      { field: 'county', values: ['99', 'Skåne', '1', 5, ['12']] },
      { field: 'visibility', values: ['secret', 5, 'PUBLIC', null] },
      { field: 'expectedVersion', values: ['abc', '0', 1.5, -1, [1], null, true, 2 ** 53] },
    ],
  },
  {
    method: 'POST',
    writer: 'coordinator',
    get path() {
      return `/api/networks/${network.id}/end`;
    },
    base: () => ({ endedOn: '2026-01-31', expectedVersion: 1 }),
    bad: [
      { field: 'endedOn', values: [...BAD_DATES, '2019', '2019-05', '2999-01-01', 2019, null, { year: 2019 }] },
      { field: 'expectedVersion', values: ['abc', '0', 1.5, -1, [1], null, true, 2 ** 53] },
    ],
  },
  {
    method: 'POST',
    writer: 'coordinator',
    get path() {
      return `/api/networks/${network.id}/members`;
    },
    base: () => ({ organisation: network.stranger }),
    bad: [{ field: 'organisation', values: ['', 'no-such-organisation', network.member, 'x'.repeat(121), 5, null, ['x'], ...HUGE] }],
  },
  {
    method: 'DELETE',
    writer: 'coordinator',
    get path() {
      return `/api/networks/${network.id}/members`;
    },
    base: () => ({ organisation: network.member }),
    bad: [{ field: 'organisation', values: ['', 'no-such-organisation', network.stranger, 'x'.repeat(121), 5, null, {}] }],
  },
  {
    method: 'POST',
    writer: 'coordinator',
    get path() {
      return `/api/networks/${network.id}/meetings`;
    },
    base: () => ({ heldOn: '2027' }),
    bad: [{ field: 'heldOn', values: [...BAD_DATES, 'XXXX', 'i vår', 2027, null] }, text('place', ['x'.repeat(301)]), text('agenda'), { field: 'minutes', values: [...NOT_TEXT, ...HUGE.slice(0, 3), '🙂'.repeat(30_001)] }],
  },
];

/** What is wrong for each field of a guidance article; its texts may be 50,000 characters (Zod counts an emoji as one). */
const LONG_TEXTS = ['x'.repeat(50_001), 'ö'.repeat(100_000), '汉'.repeat(50_000) + 'y', '🙂'.repeat(50_001)];
const ARTICLE_BAD: BadField[] = [
  ...(['titleSv', 'titleEn'] as const).map((field) => text(field, ['', '   ', null, 'x'.repeat(301)])),
  ...(['bodySv', 'bodyEn'] as const).map((field) => ({ field, values: [...NOT_TEXT, ...LONG_TEXTS, '', '   ', null] })),
  { field: 'sourceNote', values: [...NOT_TEXT, 'x'.repeat(2_001), ...HUGE] },
  // Nobody with an account, no address at all, not text.
  { field: 'owner', values: ['nobody@bad-writes.example', 'not-an-address', 5, true, [OWNER], `${'x'.repeat(320)}@example.org`] },
  { field: 'reviewOn', values: [...BAD_DATES, '2019', '2019-06', 20190101, null, '2027-06-30T00:00:00Z'] },
  { field: 'topics', values: ['decision_basis', 5, null, ['nope'], [5], [''], ['DECISION_BASIS'], ['decision_basis', 'delegation_warning', 'new_agreement', 'decision_basis'], { 0: 'decision_basis' }] },
];
const ARTICLE_BASE = { titleSv: 'Vägledning', titleEn: 'Guidance', bodySv: 'Text.', bodyEn: 'Text.', reviewOn: '2027-06-30' };
ENDPOINTS.push(
  // The knowledge base's guidance: written by coordinators and administrators.
  { method: 'POST', path: '/api/knowledge/articles', writer: 'coordinator', base: () => ({ slug: freshSlug('artikel'), ...ARTICLE_BASE }), bad: [{ field: 'slug', values: [...BAD_SLUGS, 'ny', 'lardomar', ARTICLE, WITHDRAWN, null] }, ...ARTICLE_BAD] },
  { method: 'PUT', path: `/api/knowledge/articles/${ARTICLE}`, writer: 'coordinator', base: () => ({ ...ARTICLE_BASE, expectedVersion: 1 }), bad: [...ARTICLE_BAD, { field: 'slug', values: ['other', ARTICLE] }, { field: 'expectedVersion', values: ['abc', 1.5, -1, 0, '1', [1], 2 ** 53, null, true] }] },
  { method: 'POST', path: `/api/knowledge/articles/${ARTICLE}/withdraw`, writer: 'coordinator', base: () => ({ expectedVersion: 1 }), bad: [{ field: 'expectedVersion', values: ['abc', 1.5, -1, 0, '1', [1], 2 ** 53, null, true] }, { field: 'reason', values: ['why'] }] },
  { method: 'POST', path: `/api/knowledge/articles/${WITHDRAWN}/reinstate`, writer: 'coordinator', base: () => ({ expectedVersion: 1 }), bad: [{ field: 'expectedVersion', values: ['abc', 1.5, -1, 0, '1', [1], 2 ** 53, null, true] }, { field: 'titleSv', values: ['Ny titel'] }] },
);
/** What is wrong for each field of an action plan, as made and as changed, and of a goal. */
const PLAN_BAD: BadField[] = [
  text('title', ['', '   ', null]),
  ...(['titleEn', 'note', 'noteEn', 'responsibleUnit'] as const).map((field) => text(field)),
  date('periodFrom'),
  // Not a period's end, or one before it begins (2024).
  { field: 'periodTo', values: [...BAD_DATES, '2023', '2023-12-31', 2026, null] },
  { field: 'budgetSek', values: [-1, -250_000, 1.5, 'abc', '100', '', true, [], {}, [100], 2_000_000_001, 1e300] },
  { field: 'visibility', values: ['secret', 5, 'PUBLIC', ''] },
  { field: 'alsoServes', values: [[AGREEMENT], ['no-such-agreement'], 'x', [5], ['UPPER'], Array.from({ length: 51 }, () => 'kalix--lanzhou--kp')] },
];
const GOAL_BAD: BadField[] = [
  text('theme', ['', '   ', null]),
  text('goal', ['', '   ', null]),
  ...(['themeEn', 'goalEn', 'indicator', 'plannedActivities', 'followUp'] as const).map((field) => text(field)),
];
for (const e of ENDPOINTS) {
  if (e.path === `/api/agreements/${AGREEMENT}/action-plans`) {
    e.bad.push(...PLAN_BAD, {
      field: 'goals',
      values: ['Kultur', 5, [5], [{}], [{ theme: '', goal: 'Mål' }], [{ theme: 7, goal: 'Mål' }], [{ theme: 'Kultur' }], [{ theme: 'Kultur', goal: HUGE[0] }], Array.from({ length: 101 }, () => ({ theme: 'Kultur', goal: 'Mål' }))],
    }, { field: 'sources', values: ['nkk2022', [{ source: 'no-such-source' }], [{}], [{ source: 'nkk2022', passage: HUGE[0] }], [5], Array.from({ length: 21 }, () => ({ source: 'nkk2022' }))] });
  } else if (e.method === 'PUT' && /\/action-plans\/[^/]+$/.test(e.path)) e.bad.push(...PLAN_BAD);
  else if (/\/goals(\/[^/]+)?$/.test(e.path) && e.method !== 'DELETE') e.bad.push(...GOAL_BAD);
}

/** The key that may write at the endpoint: every case but those of who asks is sent with it. */
const writerKey = (e: Endpoint) => (e.writer === 'coordinator' ? key.coordinator : key.editor);

/** What is wrong for each field of a contact surface: '' is no date (as the form sends it), so it is left out of the bad dates. */
const SURFACE_BAD: BadField[] = [
  { field: 'kind', values: ['no-such-kind', '', 5, null, 'x'.repeat(100_000), 'TRADE'] },
  text('title', ['', '   ', null]),
  text('titleEn'),
  text('description'),
  text('descriptionEn', ['only English']),
  { field: 'date', values: [...BAD_DATES.filter((d) => d !== ''), 2019, { year: 2019 }] },
  { field: 'endDate', values: [...BAD_DATES.filter((d) => d !== ''), 2019, { year: 2019 }] },
  { field: 'actors', values: ['kalix', 5, [5], ['no-such-actor'], [''], ['zhejiang'], Array.from({ length: 21 }, () => 'kalix'), [HUGE[0]], { 0: 'kalix' }] },
  { field: 'places', values: ['zhejiang', 5, [5], ['no-such-place'], [''], ['kalix'], Array.from({ length: 21 }, () => 'zhejiang'), [HUGE[1]]] },
  { field: 'sources', values: ['nkk2022', 5, [5], ['no-such-source'], ['UPPER'], [''], [{ source: 'nkk2022' }], Array.from({ length: 21 }, () => 'nkk2022')] },
  { field: 'visibility', values: ['secret', 5, 'PUBLIC', null] },
];
const VERSION_BAD: BadField = { field: 'expectedVersion', values: ['abc', 1.5, -1, 0, [1], 2 ** 53, null, true] };
const REASON_BAD: BadField = { field: 'reason', values: [...NOT_TEXT, 'x'.repeat(2_001)] };
for (const e of ENDPOINTS.filter((x) => x.path.startsWith('/api/contact-surfaces'))) {
  e.bad.push(...(e.method === 'DELETE' ? [VERSION_BAD, REASON_BAD] : e.method === 'PUT' ? [...SURFACE_BAD, VERSION_BAD, REASON_BAD] : SURFACE_BAD));
}

/** A request and what its answer must be and name. */
interface Case {
  what: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer>;
  /** Statuses it may be answered with (all 4xx). */
  status: number[];
  /** Fields, headers or words one of which the answer's problems (or, for 404/409, its message) must name. */
  names: string[];
}

const json = (value: unknown) => JSON.stringify(value);
const withKeyOf = (k: string, extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', authorization: `Bearer ${k}`, ...extra });
const withKey = withKeyOf;

/** One bad field at a time, every value; then the requests that are wrong before any field is read. */
function systematicCases(): Case[] {
  const out: Case[] = [];
  for (const e of ENDPOINTS) {
    const at = `${e.method} ${e.path}`;
    const withKey = (k: string, extra: Record<string, string> = {}) => withKeyOf(k === key.editor ? writerKey(e) : k, extra);
    for (const { field, values } of e.bad) {
      for (const value of values) out.push({ what: `${at} ${field}=${json(value)?.slice(0, 40)}`, method: e.method, path: e.path, headers: withKey(writerKey(e)), body: json({ ...e.base(), [field]: value }), status: [400], names: [field] });
      // A required field left out is named too (an optional one left out is no fault).
      const without = e.base();
      if (field in without) {
        delete without[field];
        out.push({ what: `${at} without ${field}`, method: e.method, path: e.path, headers: withKey(writerKey(e)), body: json(without), status: [400], names: [field] });
      }
    }
    for (const [field] of Object.entries(e.base())) {
      for (const bad of CONTROL_TEXTS) out.push({ what: `${at} ${field} with ${json(bad)}`, method: e.method, path: e.path, headers: withKey(writerKey(e)), body: json({ ...e.base(), [field]: bad }), status: [400], names: [field] });
    }
    const body = json(e.base());
    const keyCases: Array<[string, Record<string, string>, number, string]> = [
      ['no key', { 'content-type': 'application/json' }, 401, 'authorization'],
      ['an unknown key', withKey(`ortsband_${'A'.repeat(43)}`), 401, 'authorization'],
      ['a key of the wrong shape', withKey('not-a-key'), 401, 'authorization'],
      ['Basic credentials', { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' }, 401, 'authorization'],
      ['an expired key', withKey(key.expired), 401, 'authorization'],
      ['a revoked key', withKey(key.revoked), 401, 'authorization'],
      ['a read-only key', withKey(key.readOnly), 403, 'authorization'],
      ["a reader's key", withKey(key.reader), 403, 'authorization'],
      // A guidance article's and a network's writer is a coordinator; the organisation's editor is none.
      e.writer === 'coordinator' ? ["an editor's key", withKeyOf(key.editor), 403, 'authorization'] : ["a coordinator's key", withKey(key.coordinator), 403, 'authorization'],
      ['a session cookie and no key', { 'content-type': 'application/json', cookie: sessionCookie }, 401, 'authorization'],
    ];
    if (e.writer === 'coordinator') keyCases.push(["another organisation's editor", withKeyOf(key.otherEditor), 403, 'authorization']);
    if (e.path.includes('/agreements/') || e.path.startsWith('/api/contact-surfaces/')) keyCases.push(["another organisation's editor", withKey(key.otherEditor), 403, 'authorization']);
    for (const [what, headers, status, names] of keyCases) out.push({ what: `${at} with ${what}`, method: e.method, path: e.path, headers, body, status: [status], names: [names] });
    const types = ['', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/xml', 'json'];
    for (const type of types) {
      const headers: Record<string, string> = { authorization: `Bearer ${writerKey(e)}` };
      if (type) headers['content-type'] = type;
      out.push({ what: `${at} as ${type || 'no type'}`, method: e.method, path: e.path, headers, body, status: [415], names: ['content-type'] });
    }
    out.push({ what: `${at} over 1 MB`, method: e.method, path: e.path, headers: withKey(writerKey(e)), body: json({ ...e.base(), note: 'x'.repeat(1_100_000) }), status: [413], names: ['(body)', 'content-length'] });
    for (const broken of ['{', '{"a":}', '', 'null', '[]', '5', '"text"', '{"type": "dormant",}', "{'a': 1}", 'NaN', '{"a": 1} x', '\u0000', '['.repeat(100_000)]) {
      out.push({ what: `${at} with the body ${json(broken.slice(0, 20))}`, method: e.method, path: e.path, headers: withKey(writerKey(e)), body: broken, status: [400], names: ['(body)'] });
    }
    for (const bytes of BROKEN_UTF8_BYTES) {
      const [head, tail] = json({ ...e.base(), note: '@' }).split('@') as [string, string];
      const body = Buffer.concat([Buffer.from(head), bytes, Buffer.from(tail)]);
      out.push({ what: `${at} with the bytes ${Buffer.from(bytes).toString('hex')}`, method: e.method, path: e.path, headers: withKey(writerKey(e)), body: new Uint8Array(body), status: [400], names: ['(body)'] });
    }
    out.push({ what: `${at} with a field it does not take`, method: e.method, path: e.path, headers: withKey(writerKey(e)), body: json({ ...e.base(), officalTitle: 'typo' }), status: [400], names: ['officalTitle'] });
    out.push({ what: `${at} with a field named by 10 kB`, method: e.method, path: e.path, headers: withKey(writerKey(e)), body: json({ ...e.base(), ['n'.repeat(10_000)]: 1 }), status: [400], names: ['(body)'] });
    const deep = JSON.stringify({ ...e.base(), note: JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown });
    out.push({ what: `${at} nested deep`, method: e.method, path: e.path, headers: withKey(writerKey(e)), body: deep, status: [400], names: ['note'] });
    out.push({ what: `${at} with a query`, method: e.method, path: `${e.path}?dryRun=1`, headers: withKey(writerKey(e)), body, status: [400], names: ['dryRun'] });
  }
  // The record the path names: absent, of a shape no record has, changed since.
  for (const slug of ['no-such-agreement', 'UPPER', 'a%00b', 'x'.repeat(200)]) {
    out.push({ what: `events of ${slug.slice(0, 20)}`, method: 'POST', path: `/api/agreements/${slug}/events`, headers: withKey(key.editor), body: json({ type: 'dormant', date: '2024' }), status: [404], names: ['agreement'] });
    out.push({ what: `citations of ${slug.slice(0, 20)}`, method: 'POST', path: `/api/agreements/${slug}/citations`, headers: withKey(key.editor), body: json({ source: 'nkk2022', on: 'agreement' }), status: [404], names: ['agreement'] });
    out.push({ what: `a change of ${slug.slice(0, 20)}`, method: 'PATCH', path: `/api/agreements/${slug}`, headers: withKey(key.editor), body: json({ officialTitle: 'x', expectedVersion: 1 }), status: [404], names: ['agreement'] });
  }
  for (const stale of [version + 1, version + 7, 1_000_000]) {
    out.push({ what: `an event at version ${stale}`, method: 'POST', path: `/api/agreements/${AGREEMENT}/events`, headers: withKey(key.editor), body: json({ type: 'dormant', date: '2024', expectedVersion: stale }), status: [409], names: ['version'] });
    out.push({ what: `a change at version ${stale}`, method: 'PATCH', path: `/api/agreements/${AGREEMENT}`, headers: withKey(key.editor), body: json({ officialTitle: 'Ändrad', expectedVersion: stale }), status: [409], names: ['version'] });
    out.push({ what: `a citation at version ${stale}`, method: 'POST', path: `/api/agreements/${AGREEMENT}/citations`, headers: withKey(key.editor), body: json({ source: 'nkk2022', on: 'agreement', expectedVersion: stale }), status: [409], names: ['version'] });
  }
  // Activities and follow-up points: an agreement, activity or point that is not there (or is another agreement's), a stale point.
  const point = { text: 'Skicka protokollet', owner: OWNER, dueOn: '2024-06-30' };
  for (const slug of ['no-such-agreement', 'UPPER', 'a%00b', 'x'.repeat(200)]) {
    out.push({ what: `activities of ${slug.slice(0, 20)}`, method: 'POST', path: `/api/agreements/${slug}/activities`, headers: withKey(key.editor), body: json({ kind: 'meeting', title: 'Möte', date: '2024' }), status: [404], names: ['agreement'] });
    out.push({ what: `a point of ${slug.slice(0, 20)}`, method: 'POST', path: `/api/agreements/${slug}/activities/${followUp.activity}/follow-up-points`, headers: withKey(key.editor), body: json(point), status: [404], names: ['agreement'] });
    out.push({ what: `a point's state of ${slug.slice(0, 20)}`, method: 'PATCH', path: `/api/agreements/${slug}/follow-up-points/${followUp.point}`, headers: withKey(key.editor), body: json({ state: 'done' }), status: [404], names: ['agreement'] });
  }
  for (const id of ['999999999', '0', 'abc', '-1', '1e3', '01', 'x'.repeat(200), String(followUp.otherActivity)]) {
    out.push({ what: `a point at the activity ${id.slice(0, 20)}`, method: 'POST', path: `/api/agreements/${AGREEMENT}/activities/${id}/follow-up-points`, headers: withKey(key.editor), body: json(point), status: [404], names: ['activity'] });
    out.push({ what: `a citation of the activity ${id.slice(0, 20)}`, method: 'POST', path: `/api/agreements/${AGREEMENT}/activities/${id}/citations`, headers: withKey(key.editor), body: json({ source: 'nkk2022' }), status: [404], names: ['activity'] });
    const citation = id === String(followUp.otherActivity) ? followUp.otherCitation : id;
    out.push({ what: `removing the activity's citation ${id.slice(0, 20)}`, method: 'DELETE', path: `/api/agreements/${AGREEMENT}/activities/${followUp.activity}/citations/${citation}`, headers: withKey(key.editor), body: json({}), status: [404], names: ['citation'] });
  }
  for (const stale of [followUp.activityVersion + 1, followUp.activityVersion + 7, 1_000_000]) {
    const at = `/api/agreements/${AGREEMENT}/activities/${followUp.activity}/citations`;
    out.push({ what: `an activity's source cited at version ${stale}`, method: 'POST', path: at, headers: withKey(key.editor), body: json({ source: 'nkk2022', expectedVersion: stale }), status: [409], names: ['version'] });
    out.push({ what: `an activity's citation removed at version ${stale}`, method: 'DELETE', path: `${at}/${followUp.citation}`, headers: withKey(key.editor), body: json({ expectedVersion: stale }), status: [409], names: ['version'] });
  }
  for (const id of ['999999999', '0', 'abc', '-1', '1e3', '01', 'x'.repeat(200), String(followUp.otherPoint)]) {
    out.push({ what: `the point ${id.slice(0, 20)}`, method: 'PATCH', path: `/api/agreements/${AGREEMENT}/follow-up-points/${id}`, headers: withKey(key.editor), body: json({ state: 'done' }), status: [404], names: ['point'] });
  }
  for (const stale of [followUp.pointVersion + 1, followUp.pointVersion + 7, 1_000_000]) {
    out.push({ what: `a point's state at version ${stale}`, method: 'PATCH', path: `/api/agreements/${AGREEMENT}/follow-up-points/${followUp.point}`, headers: withKey(key.editor), body: json({ state: 'done', comment: 'Klart', expectedVersion: stale }), status: [409], names: ['version'] });
  }
  // Action plans: an agreement, plan, goal or citation that is not there (or is another agreement's or plan's), a stale plan.
  const planBody = { title: 'Plan', periodFrom: '2024', periodTo: '2026' };
  for (const slug of ['no-such-agreement', 'UPPER', 'a%00b', 'x'.repeat(200)]) {
    out.push({ what: `a plan of ${slug.slice(0, 20)}`, method: 'POST', path: `/api/agreements/${slug}/action-plans`, headers: withKey(key.editor), body: json(planBody), status: [404], names: ['agreement'] });
    out.push({ what: `a review of ${slug.slice(0, 20)}`, method: 'PUT', path: `/api/agreements/${slug}/action-plans/${plan.id}/review`, headers: withKey(key.editor), body: json({ reviewedOn: '2027-01-31' }), status: [404], names: ['agreement'] });
    out.push({ what: `a goal's activity of ${slug.slice(0, 20)}`, method: 'PUT', path: `/api/agreements/${slug}/activities/${followUp.activity}/goal`, headers: withKey(key.editor), body: json({ actionPlanGoalId: plan.goal }), status: [404], names: ['agreement'] });
  }
  for (const id of ['999999999', '0', 'abc', '-1', '1e3', '01', 'x'.repeat(200), String(plan.otherPlan)]) {
    const at = `/api/agreements/${AGREEMENT}/action-plans/${id}`;
    out.push({ what: `a change of the plan ${id.slice(0, 20)}`, method: 'PUT', path: at, headers: withKey(key.editor), body: json({ ...planBody, expectedVersion: 1 }), status: [404], names: ['action plan'] });
    out.push({ what: `removing the plan ${id.slice(0, 20)}`, method: 'DELETE', path: at, headers: withKey(key.editor), body: json({}), status: [404], names: ['action plan'] });
    out.push({ what: `a goal of the plan ${id.slice(0, 20)}`, method: 'POST', path: `${at}/goals`, headers: withKey(key.editor), body: json({ theme: 'Kultur', goal: 'Mål' }), status: [404], names: ['action plan'] });
    out.push({ what: `a review of the plan ${id.slice(0, 20)}`, method: 'PUT', path: `${at}/review`, headers: withKey(key.editor), body: json({ reviewedOn: '2027-01-31' }), status: [404], names: ['action plan'] });
    out.push({ what: `a citation of the plan ${id.slice(0, 20)}`, method: 'POST', path: `${at}/citations`, headers: withKey(key.editor), body: json({ source: 'nkk2022' }), status: [404], names: ['action plan'] });
    out.push({ what: `the goal ${id.slice(0, 20)}`, method: 'PUT', path: `${planPath()}/goals/${id === String(plan.otherPlan) ? plan.otherGoal : id}`, headers: withKey(key.editor), body: json({ theme: 'Kultur', goal: 'Mål' }), status: [404], names: ['goal'] });
    out.push({ what: `removing the goal ${id.slice(0, 20)}`, method: 'DELETE', path: `${planPath()}/goals/${id === String(plan.otherPlan) ? plan.otherGoal : id}`, headers: withKey(key.editor), body: json({}), status: [404], names: ['goal'] });
    out.push({ what: `removing the citation ${id.slice(0, 20)}`, method: 'DELETE', path: `${planPath()}/citations/${id === String(plan.otherPlan) ? plan.otherCitation : id}`, headers: withKey(key.editor), body: json({}), status: [404], names: ['citation'] });
    out.push({ what: `the goal of the activity ${id.slice(0, 20)}`, method: 'PUT', path: `/api/agreements/${AGREEMENT}/activities/${id === String(plan.otherPlan) ? followUp.otherActivity : id}/goal`, headers: withKey(key.editor), body: json({ actionPlanGoalId: plan.goal }), status: [404], names: ['activity'] });
  }
  for (const stale of [plan.version + 1, plan.version + 7, 1_000_000]) {
    const at = planPath();
    const cases: Array<[string, Case['method'], string, Record<string, unknown>]> = [
      ['a plan changed', 'PUT', at, planBody],
      ['a plan removed', 'DELETE', at, {}],
      ['a goal changed', 'PUT', `${at}/goals/${plan.goal}`, { theme: 'Kultur', goal: 'Mål' }],
      ['a goal removed', 'DELETE', `${at}/goals/${plan.goal}`, {}],
      ['a review', 'PUT', `${at}/review`, { reviewedOn: '2027-01-31' }],
      ['a source cited', 'POST', `${at}/citations`, { source: 'nkk2022' }],
      ['a citation removed', 'DELETE', `${at}/citations/${plan.citation}`, {}],
    ];
    for (const [what, method, path, body] of cases) out.push({ what: `${what} at version ${stale}`, method, path, headers: withKey(key.editor), body: json({ ...body, expectedVersion: stale }), status: [409], names: ['version'] });
  }
  // A contact surface that is not there, or changed since the version sent.
  for (const id of ['999999999', '0', 'abc', '-1', '1e3', '01', 'x'.repeat(200)]) {
    out.push({ what: `a change of the contact surface ${id.slice(0, 20)}`, method: 'PUT', path: `/api/contact-surfaces/${id}`, headers: withKey(key.editor), body: json({ kind: 'trade', title: 'Ändrad', expectedVersion: 1 }), status: [404], names: ['contact surface'] });
    out.push({ what: `removing the contact surface ${id.slice(0, 20)}`, method: 'DELETE', path: `/api/contact-surfaces/${id}`, headers: withKey(key.editor), body: json({ expectedVersion: 1 }), status: [404], names: ['contact surface'] });
  }
  for (const stale of [2, 8, 1_000_000]) {
    out.push({ what: `a contact surface changed at version ${stale}`, method: 'PUT', path: `/api/contact-surfaces/${surfaceId}`, headers: withKey(key.editor), body: json({ kind: 'trade', title: 'Ändrad', expectedVersion: stale }), status: [409], names: ['version'] });
    out.push({ what: `a contact surface removed at version ${stale}`, method: 'DELETE', path: `/api/contact-surfaces/${surfaceId}`, headers: withKey(key.editor), body: json({ expectedVersion: stale }), status: [409], names: ['version'] });
  }
  // A decision's basis: an agreement or decision that is not there (an event that is no decision is none), or saved since the version sent.
  const basis = { purpose: 'Syftet', securityAdviceSought: false, expectedVersion: 0 };
  for (const slug of ['no-such-agreement', 'UPPER', 'a%00b', 'x'.repeat(200)]) {
    out.push({ what: `the basis of a decision of ${slug.slice(0, 20)}`, method: 'PUT', path: `/api/agreements/${slug}/decisions/${decisionId}/basis`, headers: withKey(key.editor), body: json(basis), status: [404], names: ['agreement'] });
  }
  for (const id of ['999999999', '0', 'abc', '-1', '1e3', '01', 'x'.repeat(200)]) {
    out.push({ what: `the basis of the decision ${id.slice(0, 20)}`, method: 'PUT', path: `/api/agreements/${AGREEMENT}/decisions/${id}/basis`, headers: withKey(key.editor), body: json(basis), status: [404], names: ['decision'] });
  }
  for (const stale of [1, 2, 1_000_000]) {
    out.push({ what: `a basis at version ${stale}`, method: 'PUT', path: `/api/agreements/${AGREEMENT}/decisions/${decisionId}/basis`, headers: withKey(key.editor), body: json({ ...basis, expectedVersion: stale }), status: [409], names: ['version'] });
  }
  // A guidance article that is not there, changed since the version sent, or in a state the verb refuses.
  const article = { ...ARTICLE_BASE, expectedVersion: 1 };
  for (const slug of ['no-such-article', 'UPPER', 'a%00b', 'x'.repeat(200)]) {
    out.push({ what: `a change of the article ${slug.slice(0, 20)}`, method: 'PUT', path: `/api/knowledge/articles/${slug}`, headers: withKey(key.coordinator), body: json(article), status: [404], names: ['article'] });
    for (const verb of ['withdraw', 'reinstate']) out.push({ what: `${verb} the article ${slug.slice(0, 20)}`, method: 'POST', path: `/api/knowledge/articles/${slug}/${verb}`, headers: withKey(key.coordinator), body: json({ expectedVersion: 1 }), status: [404], names: ['article'] });
  }
  for (const stale of [2, 8, 1_000_000]) {
    out.push({ what: `an article changed at version ${stale}`, method: 'PUT', path: `/api/knowledge/articles/${ARTICLE}`, headers: withKey(key.coordinator), body: json({ ...article, expectedVersion: stale }), status: [409], names: ['version'] });
    out.push({ what: `an article withdrawn at version ${stale}`, method: 'POST', path: `/api/knowledge/articles/${ARTICLE}/withdraw`, headers: withKey(key.coordinator), body: json({ expectedVersion: stale }), status: [409], names: ['version'] });
    out.push({ what: `an article reinstated at version ${stale}`, method: 'POST', path: `/api/knowledge/articles/${WITHDRAWN}/reinstate`, headers: withKey(key.coordinator), body: json({ expectedVersion: stale }), status: [409], names: ['version'] });
  }
  out.push({ what: 'an article in force reinstated', method: 'POST', path: `/api/knowledge/articles/${ARTICLE}/reinstate`, headers: withKey(key.coordinator), body: json({ expectedVersion: 1 }), status: [409], names: ['in force'] });
  out.push({ what: 'a withdrawn article withdrawn', method: 'POST', path: `/api/knowledge/articles/${WITHDRAWN}/withdraw`, headers: withKey(key.coordinator), body: json({ expectedVersion: 1 }), status: [409], names: ['withdrawn'] });
  out.push({ what: 'a withdrawn article changed', method: 'PUT', path: `/api/knowledge/articles/${WITHDRAWN}`, headers: withKey(key.coordinator), body: json(article), status: [409], names: ['withdrawn'] });
  // A network that is not there (or is no id), or changed since the version sent.
  for (const id of ['999999999', '0', 'abc', '-1', '1e3', '01', 'x'.repeat(200)]) {
    out.push({ what: `a change of the network ${id.slice(0, 20)}`, method: 'PATCH', path: `/api/networks/${id}`, headers: withKeyOf(key.coordinator), body: json({ name: 'Ändrat', expectedVersion: 1 }), status: [404], names: ['network'] });
    out.push({ what: `ending the network ${id.slice(0, 20)}`, method: 'POST', path: `/api/networks/${id}/end`, headers: withKeyOf(key.coordinator), body: json({ endedOn: '2026-01-31', expectedVersion: 1 }), status: [404], names: ['network'] });
    out.push({ what: `a member of the network ${id.slice(0, 20)}`, method: 'POST', path: `/api/networks/${id}/members`, headers: withKeyOf(key.coordinator), body: json({ organisation: network.stranger }), status: [404], names: ['network'] });
    out.push({ what: `a meeting of the network ${id.slice(0, 20)}`, method: 'POST', path: `/api/networks/${id}/meetings`, headers: withKeyOf(key.coordinator), body: json({ heldOn: '2027' }), status: [404], names: ['network'] });
  }
  for (const stale of [2, 8, 1_000_000]) {
    out.push({ what: `a network changed at version ${stale}`, method: 'PATCH', path: `/api/networks/${network.id}`, headers: withKeyOf(key.coordinator), body: json({ name: 'Ändrat', expectedVersion: stale }), status: [409], names: ['version'] });
    out.push({ what: `a network ended at version ${stale}`, method: 'POST', path: `/api/networks/${network.id}/end`, headers: withKeyOf(key.coordinator), body: json({ endedOn: '2026-01-31', expectedVersion: stale }), status: [409], names: ['version'] });
  }
  out.push({ what: 'an agreement that exists', method: 'POST', path: '/api/agreements', headers: withKey(key.editor), body: json({ slug: AGREEMENT, kind: 'vanort', parties: ['kalix'], counterparts: ['zhejiang'] }), status: [409], names: ['exists'] });
  out.push({ what: 'a source that exists', method: 'POST', path: '/api/sources', headers: withKey(key.editor), body: json({ slug: 'nkk2022', kind: 'report', title: 'Again' }), status: [400, 409], names: ['slug', 'exists'] });
  return out;
}

/** Several bad fields at once, and bad fields sent with a bad key: seeded, the same every run. */
function combinedCases(count: number): Case[] {
  const { random, pick } = generator(20261205);
  const out: Case[] = [];
  const refusedKeys: Array<[string, number]> = [
    [`ortsband_${'B'.repeat(43)}`, 401],
    [key.expired, 401],
    [key.revoked, 401],
    [key.readOnly, 403],
    [key.reader, 403],
  ];
  for (let i = 0; i < count; i++) {
    const e = pick(ENDPOINTS);
    const body = e.base();
    const fields = new Set<string>();
    const n = 1 + Math.floor(random() * 3);
    for (let k = 0; k < n; k++) {
      const bad = pick(e.bad);
      fields.add(bad.field);
      body[bad.field] = pick(bad.values);
    }
    if (random() < 0.2) {
      const [k, status] = pick(refusedKeys);
      out.push({ what: `${e.path} with a refused key and ${[...fields].join(', ')}`, method: e.method, path: e.path, headers: withKey(k), body: json(body), status: [status], names: ['authorization'] });
    } else {
      out.push({ what: `${e.path} with ${[...fields].join(', ')} wrong`, method: e.method, path: e.path, headers: withKey(writerKey(e)), body: json(body), status: [400], names: [...fields] });
    }
  }
  return out;
}

type ErrorBody = { error?: { code?: string; message?: string; problems?: Array<{ field: string; message: string }>; current?: { version?: number } } };

/** Why the answer is not what the case needs; null when it is. */
function fault(c: Case, status: number, body: ErrorBody | null): string | null {
  if (status >= 500) return `${status}`;
  if (!c.status.includes(status)) return `${status}, not ${c.status.join(' or ')}`;
  const error = body?.error;
  if (!error?.code || !error.message) return 'no error code and message';
  const fields = (error.problems ?? []).map((p) => p.field);
  const named = (name: string) =>
    fields.some((f) => f === name || f.startsWith(`${name}.`)) || (status === 404 || status === 409 ? error.message!.includes(name) : false);
  if (!c.names.some(named)) return `names none of ${c.names.join(', ')}: ${JSON.stringify(error).slice(0, 300)}`;
  if (status === 409 && c.names.includes('version') && typeof error.current?.version !== 'number') return 'no current version';
  return null;
}

/**
 * Bad uploads of a meeting's document (multipart/form-data): every bad file
 * and comment alone and with the other fields' values, fields the upload
 * does not take, bodies that are no multipart or broken, a file over the
 * limit, keys and people who may not, a network or meeting that is not
 * there; and bad removals. Then seeded combinations of them.
 */
function documentCases(combined: number): Case[] {
  const path = () => `/api/networks/${network.id}/meetings/${network.meeting}/documents`;
  const keyed = (k: string, type?: string): Record<string, string> => ({ authorization: `Bearer ${k}`, ...(type ? { 'content-type': type } : {}) });
  const post = (what: string, parts: Part[], status: number[], names: string[], k = key.editor, at = path()): Case => {
    const { type, body } = multipart(parts);
    return { what: `POST documents ${what}`, method: 'POST', path: at, headers: keyed(k, type), body, status, names };
  };
  const out: Case[] = [];
  const reasons = ['', 'Justerat protokoll', 'ö'.repeat(100)];
  for (const { what, part } of BAD_FILES) {
    for (const reason of reasons) out.push(post(`${what}, reason ${reason.length}`, [...(part ? [part] : []), ...(reason ? [{ name: 'reason', data: reason }] : [])], [400], ['file']));
  }
  for (const { what, data, filename } of BAD_REASONS) {
    out.push(post(what, [goodFile(), { name: 'reason', data, filename, type: filename ? 'text/plain' : undefined }], [400], ['reason']));
    out.push(post(`${what}, the reason first`, [{ name: 'reason', data, filename, type: filename ? 'text/plain' : undefined }, goodFile()], [400], ['reason']));
  }
  for (const name of ['public', 'attachTo', 'expectedVersion', 'csrf', 'File', 'x'.repeat(150)]) {
    out.push(post(`with the field ${name.slice(0, 20)}`, [goodFile(), { name, data: 'true' }], [400], [name.length > 100 ? '(body)' : name]));
  }
  out.push(post('with a field whose name is not UTF-8', [goodFile(), { name: 'a\ufffdb', data: '1' }], [400], ['(body)']));
  // Not multipart at all, or broken.
  const { body: good } = multipart([goodFile()]);
  for (const type of ['', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream', 'multipart/mixed; boundary=x', 'json']) {
    out.push({ what: `POST documents as ${type || 'no type'}`, method: 'POST', path: path(), headers: keyed(key.editor, type || undefined), body: good, status: [415], names: ['content-type'] });
  }
  const broken: Array<[string, string, string | Uint8Array<ArrayBuffer>]> = [
    ['no boundary', 'multipart/form-data', good],
    ['another boundary', 'multipart/form-data; boundary=not-this-one', good],
    ['no parts', 'multipart/form-data; boundary=x', 'garbage'],
    ['an empty body', 'multipart/form-data; boundary=x', ''],
    ['cut short', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7'],
    ['a part without headers', 'multipart/form-data; boundary=x', '--x\r\n\r\nbody\r\n--x--\r\n'],
    ['JSON', 'multipart/form-data; boundary=x', JSON.stringify({ file: 'x' })],
  ];
  for (const [what, type, body] of broken) out.push({ what: `POST documents ${what}`, method: 'POST', path: path(), headers: keyed(key.editor, type), body, status: [400], names: ['(body)', 'file'] });
  // Over the limit: refused naming the file (by its declared length, and by its bytes).
  const large = multipart([{ ...goodFile(), data: new Uint8Array(DOCUMENT_MAX_BYTES + 70 * 1024).fill(0x25) }]);
  out.push({ what: 'POST documents over the limit', method: 'POST', path: path(), headers: keyed(key.editor, large.type), body: large.body, status: [413], names: ['file'] });
  // Who asks, and where.
  const file = [goodFile()];
  for (const [what, k, status] of [
    ['no key', '', 401],
    ['an unknown key', `ortsband_${'A'.repeat(43)}`, 401],
    ['an expired key', key.expired, 401],
    ['a revoked key', key.revoked, 401],
    ['a read-only key', key.readOnly, 403],
    ["a reader's key", key.reader, 403],
    ["another organisation's editor", key.otherEditor, 403],
  ] as const) {
    const { type, body } = multipart(file);
    out.push({ what: `POST documents with ${what}`, method: 'POST', path: path(), headers: k ? keyed(k, type) : { 'content-type': type }, body, status: [status], names: ['authorization'] });
  }
  const { type, body } = multipart(file);
  out.push({ what: 'POST documents with a session cookie', method: 'POST', path: path(), headers: { 'content-type': type, cookie: sessionCookie }, body, status: [401], names: ['authorization'] });
  for (const id of ['999999999', '0', 'abc', '-1', '1e3', '01', 'x'.repeat(200)]) {
    out.push(post(`of the network ${id.slice(0, 20)}`, file, [404], ['network'], key.editor, `/api/networks/${id}/meetings/${network.meeting}/documents`));
    out.push(post(`of the meeting ${id.slice(0, 20)}`, file, [404], ['meeting'], key.editor, `/api/networks/${network.id}/meetings/${id}/documents`));
  }
  out.push(post('with a query', file, [400], ['dryRun'], key.editor, `${path()}?dryRun=1`));
  // Removals: a bad comment or field, no JSON, who may not, a document that is not there (or another meeting's).
  const remove = (what: string, headers: Record<string, string>, body: string | undefined, status: number[], names: string[], at = `${path()}/${network.document}`): Case => ({ what: `DELETE a document ${what}`, method: 'DELETE', path: at, headers, body: body ?? '', status, names });
  for (const value of [5, true, {}, ['x'], 'x'.repeat(2_001), 'a\u0000b', '\ud800']) out.push(remove(`with reason ${json(value).slice(0, 20)}`, keyed(key.editor, 'application/json'), json({ reason: value }), [400], ['reason']));
  out.push(remove('with a field it does not take', keyed(key.editor, 'application/json'), json({ expectedVersion: 1 }), [400], ['expectedVersion']));
  out.push(remove('with broken JSON', keyed(key.editor, 'application/json'), '{"reason":', [400], ['(body)']));
  out.push(remove('as text', keyed(key.editor, 'text/plain'), 'Fel fil', [415], ['content-type']));
  out.push(remove('as multipart', keyed(key.editor, type), undefined, [415], ['content-type']));
  out.push(remove('with no key', {}, undefined, [401], ['authorization']));
  out.push(remove('with a read-only key', keyed(key.readOnly), undefined, [403], ['authorization']));
  out.push(remove("with another organisation's editor", keyed(key.otherEditor), undefined, [403], ['authorization']));
  for (const id of ['999999999', '0', 'abc', '-1', '01', 'x'.repeat(200)]) out.push(remove(`${id.slice(0, 20)}`, keyed(key.editor), undefined, [404], ['document'], `${path()}/${id}`));
  // Seeded combinations: a bad file with a bad comment, or with fields it does not take, in any order.
  const next = badUploads(20261208, ['public', 'attachTo', 'note']);
  for (let i = 0; i < combined; i++) {
    const { parts, names } = next();
    out.push(post(`combined #${i} (${names.join(', ')})`, parts, [400], names));
  }
  return out;
}

describe('bad API writes', () => {
  it('at least 1,000 generated bad writes: each a 4xx naming the field or header, none a 5xx, the database unchanged', async () => {
    const cases = [...systematicCases(), ...combinedCases(700)];
    expect(cases.length).toBeGreaterThanOrEqual(1_000);
    const byStatus = await sendAll(cases);
    // Each kind of refusal was met.
    for (const status of [400, 401, 403, 404, 409, 413, 415]) expect(byStatus.get(status), `answers with ${status}`).toBeGreaterThan(0);
  }, 120_000);

  it("at least 500 generated bad uploads and removals of a meeting's document (multipart): each a 4xx naming the field or header, none a 5xx, nothing stored", async () => {
    const cases = documentCases(400);
    expect(cases.length).toBeGreaterThanOrEqual(500);
    const byStatus = await sendAll(cases);
    for (const status of [400, 401, 403, 404, 413, 415]) expect(byStatus.get(status), `answers with ${status}`).toBeGreaterThan(0);
  }, 120_000);
});

/** Sends every case, then checks each answer (and that it is no-store) and that the database is as it was; the answers counted by status. */
async function sendAll(cases: Case[]): Promise<Map<number, number>> {
  const ignore = { api_tokens: ['last_used_at'], sessions: ['expires_at'] };
  const before = await fingerprint(systemCtx(t), { ignore });
  const faults: string[] = [];
  const byStatus = new Map<number, number>();
  for (const c of cases) {
    // No body at all where the case has none (a string body would be sent as text/plain).
    const response = await app.fetch(new Request(`http://localhost${c.path}`, { method: c.method, headers: c.headers, body: c.body === '' ? undefined : c.body }));
    byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
    const text = await response.text();
    let body: ErrorBody | null = null;
    try {
      body = JSON.parse(text) as ErrorBody;
    } catch {
      body = null;
    }
    const wrong = fault(c, response.status, body);
    if (wrong) faults.push(`${c.what}: ${wrong}`);
    if (response.headers.get('cache-control') !== 'no-store') faults.push(`${c.what}: not no-store`);
  }
  expect(faults.slice(0, 30)).toEqual([]);
  expect(await fingerprint(systemCtx(t), { ignore })).toEqual(before);
  return byStatus;
}
