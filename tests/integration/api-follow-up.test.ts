// Activities and follow-up points through the API: recorded and followed up
// with a write key by the agreement's organisation's editors, read back
// newest first; the points read only by that organisation's people (never by
// the public or another organisation); a stale version is 409 with the point
// as stored; who may not write is refused before the body is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { addPerson, EDITORIAL, keyOf } from '../support/api-keys.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.ts';
import { createActionPlan } from '../../src/domain/action-plans/create.ts';
import { startSession } from '../../src/domain/accounts/sessions.ts';
import { SESSION_COOKIE } from '../../src/http/session.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const keys = { editor: '', readKey: '', reader: '', otherEditor: '', otherReader: '', otherAdmin: '' };
const EDITOR = 'editor@follow-up-api.example';
/** The editor's browser session: the plans page is read with it. */
let editorCookie = '';

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database, undefined, { oidc: undefined, mailer: undefined });
  const editor = await addPerson(t, EDITOR, 'editor', EDITORIAL);
  keys.editor = await keyOf(t, editor, 'write');
  keys.readKey = await keyOf(t, editor, 'read');
  editorCookie = `${SESSION_COOKIE}=${(await startSession(t.database.db, { id: editor, version: 1 })).token}`;
  keys.reader = await keyOf(t, await addPerson(t, 'reader@follow-up-api.example', 'reader', EDITORIAL), 'write');
  keys.otherEditor = await keyOf(t, await addPerson(t, 'other@follow-up-api.example', 'editor', 'follow-up-api-other'), 'write');
  keys.otherReader = await keyOf(t, await addPerson(t, 'other-reader@follow-up-api.example', 'reader', 'follow-up-api-other'), 'read');
  keys.otherAdmin = await keyOf(t, await addPerson(t, 'other-admin@follow-up-api.example', 'admin', 'follow-up-api-other'), 'write');
}, 120_000);
afterAll(async () => t?.close());

type ErrorBody = { error?: { code: string; message: string; problems: Array<{ field: string; message: string }>; current?: Point } };
type Point = { id: number; activityId: number; text: string; ownerEmail: string; dueOn: string; state: string; stateComment: string | null; version: number };
type Activity = { id: number; title: string; date: string; costSek: number | null; participants: string | null; visibility: string; points: Point[]; sources: Array<{ id: number; sourceSlug: string }> };
type OpenPoint = Point & { agreementSlug: string; overdue: boolean };

async function send<T>(method: string, path: string, body?: unknown, key: string | null = keys.editor) {
  const response = await app.request(path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { response, body: (await response.json()) as T & ErrorBody };
}
const read = <T = Activity[]>(path: string, key: string | null = null) => send<T>('GET', path, undefined, key);

/** Each write refused with 403 naming the key to another organisation's editor, a reader and a read key, and with 401 to no key. */
async function expectRefused(writes: Array<[string, string, unknown]>) {
  for (const [method, path, body] of writes) {
    for (const key of [keys.otherEditor, keys.reader, keys.readKey]) {
      const refused = await send(method, path, body, key);
      expect(refused.response.status, `${method} ${path}`).toBe(403);
      expect(refused.body.error?.problems.map((p) => p.field)).toEqual(['authorization']);
    }
    const anonymous = await send(method, path, body, null);
    expect(anonymous.response.status, `${method} ${path}`).toBe(401);
    expect(anonymous.response.headers.get('www-authenticate')).toMatch(/^Bearer realm="ortsband"/);
  }
}

/** A new agreement of the editorial organisation, made through the API. */
async function newAgreement(): Promise<string> {
  const slug = uniqueSlug('follow-up-api');
  const { response } = await send('POST', '/api/agreements', { slug, kind: 'vanort', parties: ['kalix'], counterparts: ['zhejiang'] });
  expect(response.status).toBe(201);
  return slug;
}

/** An activity of the agreement, made through the API; its id. */
async function newActivity(slug: string, input: Record<string, unknown> = {}): Promise<number> {
  const { response, body } = await send<Activity>('POST', `/api/agreements/${slug}/activities`, { kind: 'visit_outgoing', title: 'Besök i Hangzhou', date: '2024-05-10', ...input });
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.id;
}

describe('activities through the API', () => {
  it('an editor records an activity (201, Location, no-store) and reads it back, newest first', async () => {
    const slug = await newAgreement();
    const older = await newActivity(slug, { title: 'Första mötet', kind: 'meeting', date: '2023-11' });
    const created = await send<Activity>('POST', `/api/agreements/${slug}/activities`, {
      kind: 'visit_outgoing',
      title: 'Delegationsresa',
      titleEn: 'Delegation visit',
      date: '2024-05-10',
      participants: 'Kommunstyrelsens ordförande',
      purpose: 'Förnya avtalet',
      outcome: 'Avsiktsförklaring',
      costSek: 48_500,
      visibility: 'public',
      sources: [{ source: 'nkk2022', passage: 's. 12' }],
    });
    expect(created.response.status, JSON.stringify(created.body)).toBe(201);
    expect(created.response.headers.get('location')).toBe(`/api/agreements/${slug}/activities`);
    expect(created.response.headers.get('cache-control')).toBe('no-store');
    expect(created.body).toMatchObject({ title: 'Delegationsresa', titleEn: 'Delegation visit', date: '2024-05-10', participants: 'Kommunstyrelsens ordförande', costSek: 48_500, visibility: 'public', points: [] });

    for (const key of [null, keys.editor, keys.otherEditor]) {
      const { response, body } = await read(`/api/agreements/${slug}/activities`, key);
      expect(response.status).toBe(200);
      expect(body.map((a) => a.id)).toEqual([created.body.id, older]);
      // Who took part, by name, is for signed-in readers only.
      expect(body[0]!.participants).toBe(key ? 'Kommunstyrelsens ordförande' : null);
      // Its sources, as the activity list cites them (OpenAPI ActivityCitation).
      expect(body[0]!.sources.map((s) => s.sourceSlug)).toEqual(['nkk2022']);
    }
    // The agreement's record holds it too, with the source cited.
    const record = (await (await app.request(`/api/agreements/${slug}`)).json()) as { activities: Array<{ title: string; sources: Array<{ sourceSlug: string }> }> };
    expect(record.activities.find((a) => a.title === 'Delegationsresa')?.sources.map((s) => s.sourceSlug)).toEqual(['nkk2022']);
  });

  it('lists an internal activity for its organisation only; the public and other organisations read the public ones', async () => {
    const slug = await newAgreement();
    const open = await newActivity(slug, { title: 'Öppet möte' });
    const internal = await newActivity(slug, { title: 'Internt möte', visibility: 'internal', date: '2024-06' });
    expect((await read(`/api/agreements/${slug}/activities`, keys.editor)).body.map((a) => a.id)).toEqual([internal, open]);
    expect((await read(`/api/agreements/${slug}/activities`, keys.reader)).body.map((a) => a.id)).toEqual([internal, open]);
    for (const key of [null, keys.otherEditor, keys.otherReader]) {
      const { body } = await read(`/api/agreements/${slug}/activities`, key);
      expect(body.map((a) => a.id)).toEqual([open]);
      expect(JSON.stringify(body)).not.toContain('Internt möte');
    }
  });

  it("lets an administrator of another organisation record an activity they may read, and refuses an internal one they could not (400 naming visibility, nothing stored)", async () => {
    const slug = await newAgreement();
    const count = async () => (await read(`/api/agreements/${slug}/activities`, keys.editor)).body.length;
    const refused = await send('POST', `/api/agreements/${slug}/activities`, { kind: 'meeting', title: 'Internt möte', date: '2024-06', visibility: 'internal' }, keys.otherAdmin);
    expect(refused.response.status).toBe(400);
    expect(refused.body.error?.problems.map((p) => p.field)).toEqual(['visibility']);
    expect(await count()).toBe(0);
    const shared = await send<Activity>('POST', `/api/agreements/${slug}/activities`, { kind: 'meeting', title: 'Delat möte', date: '2024-06', visibility: 'shared' }, keys.otherAdmin);
    expect(shared.response.status).toBe(201);
    expect(shared.body).toMatchObject({ title: 'Delat möte', visibility: 'shared' });
    expect(await count()).toBe(1);
  });

  it('changes an activity as a whole at the version read, answers a stale version with 409 and the activity as stored, and removes it', async () => {
    const slug = await newAgreement();
    const id = await newActivity(slug, { title: 'Ett möte att ändra', costSek: 1000 });
    const address = `/api/agreements/${slug}/activities/${id}`;
    const changed = await send<Activity & { version: number }>('PUT', address, { kind: 'meeting', title: 'Ett ändrat möte', date: '2024-05', costSek: 1200, chinesePlaces: ['zhejiang'], expectedVersion: 1 });
    expect(changed.response.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ id, title: 'Ett ändrat möte', date: '2024-05', costSek: 1200, version: 2, places: [expect.objectContaining({ slug: 'zhejiang' })] });

    const stale = await send('PUT', address, { kind: 'meeting', title: 'Från en gammal läsning', date: '2024-05', expectedVersion: 1 });
    expect(stale.response.status).toBe(409);
    expect(stale.body.error?.current).toMatchObject({ id, title: 'Ett ändrat möte', version: 2 });
    // Another organisation's editor may not; nothing changed.
    expect((await send('PUT', address, { kind: 'meeting', title: 'Fel organisation', date: '2024-05', expectedVersion: 2 }, keys.otherEditor)).response.status).toBe(403);
    expect((await send('DELETE', address, { expectedVersion: 2 }, keys.otherEditor)).response.status).toBe(403);
    expect((await read(`/api/agreements/${slug}/activities`)).body.map((a) => a.title)).toEqual(['Ett ändrat möte']);

    expect((await send('DELETE', address, { expectedVersion: 1 })).response.status).toBe(409);
    const removed = await send<{ removed: number }>('DELETE', address, { expectedVersion: 2, reason: 'Dubblett' });
    expect(removed.response.status).toBe(200);
    expect(removed.body).toEqual({ removed: id });
    expect((await read(`/api/agreements/${slug}/activities`)).body).toEqual([]);
    expect((await send('DELETE', address, { expectedVersion: 2 })).response.status).toBe(404);
  });

  it("cites a source for an activity and removes it at the version read; a stale version is 409 with the activity as stored; nothing changes for a source the writer may not read, another organisation's key or a citation of another activity", async () => {
    const slug = await newAgreement();
    const id = await newActivity(slug, { title: 'Ett möte med källor' });
    const other = await newActivity(slug, { title: 'Ett annat möte', sources: [{ source: 'nkk2022' }] });
    const address = `/api/agreements/${slug}/activities/${id}/citations`;
    const cited = await send<Activity & { version: number }>('POST', address, { source: 'nkk2022', passage: 'Avsnitt 4', passageEn: 'Section 4', expectedVersion: 1 });
    expect(cited.response.status, JSON.stringify(cited.body)).toBe(201);
    expect(cited.response.headers.get('location')).toBe(`/api/agreements/${slug}/activities`);
    expect(cited.body).toMatchObject({ id, version: 2, sources: [expect.objectContaining({ sourceSlug: 'nkk2022', passage: 'Avsnitt 4', passageEn: 'Section 4' })] });
    const citation = cited.body.sources[0]!.id;
    const listed = async () => JSON.stringify((await read(`/api/agreements/${slug}/activities`, keys.editor)).body);
    const before = await listed();

    const stale = await send('POST', address, { source: 'nkk2022', expectedVersion: 1 });
    expect(stale.response.status).toBe(409);
    expect(stale.body.error?.current).toMatchObject({ id, version: 2, sources: [expect.objectContaining({ id: citation })] });
    // A source another organisation keeps internal is no source to this writer.
    const secret = uniqueSlug('annans-interna-kalla');
    expect((await send('POST', '/api/sources', { slug: secret, kind: 'email', title: 'Internt mejl', visibility: 'internal' }, keys.otherEditor)).response.status).toBe(201);
    for (const source of [secret, 'no-such-source']) {
      const unknown = await send('POST', address, { source, expectedVersion: 2 });
      expect(unknown.response.status).toBe(400);
      expect(unknown.body.error?.problems).toEqual([{ field: 'source', message: `no source '${source}'` }]);
    }
    const otherCitation = (await read(`/api/agreements/${slug}/activities`, keys.editor)).body.find((a) => a.id === other)!.sources[0]!.id;
    for (const path of [`${address}/${otherCitation}`, `${address}/999999999`, `${address}/abc`]) {
      const absent = await send('DELETE', path, { expectedVersion: 2 });
      expect(absent.response.status, path).toBe(404);
      expect(absent.body.error?.message).toBe('citation not found');
    }
    await expectRefused([
      ['POST', address, { source: 'nkk2022', expectedVersion: 2 }],
      ['DELETE', `${address}/${citation}`, { expectedVersion: 2 }],
    ]);
    expect(await listed()).toBe(before);

    expect((await send('DELETE', `${address}/${citation}`, { expectedVersion: 1 })).response.status).toBe(409);
    const removed = await send<Activity & { version: number }>('DELETE', `${address}/${citation}`, { expectedVersion: 2, reason: 'Fel källa' });
    expect(removed.response.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toMatchObject({ id, version: 3, sources: [] });
    const [audited] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where entity_type = 'activity' and entity_id = ${id} and action in ('activity.cite', 'activity.uncite')`);
    expect(audited!.n).toBe(2);
  });

  it('answers 404 for an agreement that does not exist or that the reader may not read', async () => {
    expect((await read('/api/agreements/no-such-agreement/activities')).response.status).toBe(404);
    const slug = uniqueSlug('internal-agreement');
    expect((await send('POST', '/api/agreements', { slug, kind: 'vanort', parties: ['kalix'], counterparts: ['zhejiang'], visibility: 'internal' })).response.status).toBe(201);
    expect((await read(`/api/agreements/${slug}/activities`, keys.editor)).response.status).toBe(200);
    for (const key of [null, keys.otherEditor]) expect((await read(`/api/agreements/${slug}/activities`, key)).response.status).toBe(404);
  });
});

describe('follow-up points through the API', () => {
  it("raises a point that the organisation's people read and nobody else does", async () => {
    const slug = await newAgreement();
    const activity = await newActivity(slug);
    const text = `Skicka protokollet ${uniqueSlug('point')}`;
    const raised = await send<Point>('POST', `/api/agreements/${slug}/activities/${activity}/follow-up-points`, { text, owner: EDITOR.toUpperCase(), dueOn: '2024-06-30', reason: 'från mötet' });
    expect(raised.response.status, JSON.stringify(raised.body)).toBe(201);
    expect(raised.response.headers.get('location')).toBe(`/api/agreements/${slug}/activities`);
    expect(raised.body).toMatchObject({ activityId: activity, text, ownerEmail: EDITOR, dueOn: '2024-06-30', state: 'open', stateComment: null, version: 1 });

    // The organisation's people, with a write key or a read key.
    for (const key of [keys.editor, keys.readKey, keys.reader]) {
      const { body } = await read(`/api/agreements/${slug}/activities`, key);
      expect(body[0]!.points.map((p) => p.text)).toEqual([text]);
    }
    // The public and another organisation read the activity, never the point.
    for (const key of [null, keys.otherEditor, keys.otherReader]) {
      const { response, body } = await read(`/api/agreements/${slug}/activities`, key);
      expect(response.status).toBe(200);
      expect(body.map((a) => a.id)).toEqual([activity]);
      expect(body[0]!.points).toEqual([]);
      expect(JSON.stringify(body)).not.toContain(text);
    }
    for (const path of [`/api/agreements/${slug}`, '/api/export.json']) expect(await (await app.request(path)).text()).not.toContain(text);
  });

  it("lists one's own and the organisation's open points; 401 without a key, nothing of another organisation's", async () => {
    const slug = await newAgreement();
    const activity = await newActivity(slug);
    const text = `Boka återbesök ${uniqueSlug('own')}`;
    const raised = await send<Point>('POST', `/api/agreements/${slug}/activities/${activity}/follow-up-points`, { text, owner: EDITOR, dueOn: '2024-07-01' });
    expect(raised.response.status).toBe(201);

    const mine = await read<{ mine: OpenPoint[]; organisation: OpenPoint[]; organisationOpen: number; organisationOverdue: number }>('/api/follow-up', keys.readKey);
    expect(mine.response.status).toBe(200);
    expect(mine.response.headers.get('cache-control')).toBe('no-store');
    expect(mine.body.mine.find((p) => p.id === raised.body.id)).toMatchObject({ text, agreementSlug: slug, overdue: true });
    expect(mine.body.organisation.map((p) => p.id)).toContain(raised.body.id);

    const reader = await read<{ mine: OpenPoint[]; organisation: OpenPoint[] }>('/api/follow-up', keys.reader);
    expect(reader.body.mine).toEqual([]);
    expect(reader.body.organisation.map((p) => p.id)).toContain(raised.body.id);

    const other = await read<{ mine: OpenPoint[]; organisation: OpenPoint[] }>('/api/follow-up', keys.otherEditor);
    expect(other.response.status).toBe(200);
    expect(JSON.stringify(other.body)).not.toContain(text);

    const anonymous = await read('/api/follow-up');
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.response.headers.get('www-authenticate')).toMatch(/^Bearer realm="ortsband"/);
    expect(anonymous.body.error?.problems.map((p) => p.field)).toEqual(['authorization']);
    expect(JSON.stringify(anonymous.body)).not.toContain(text);
  });

  it('closes a point at the version read; a stale version is 409 with the point as stored now, and changes nothing', async () => {
    const slug = await newAgreement();
    const activity = await newActivity(slug);
    const raised = await send<Point>('POST', `/api/agreements/${slug}/activities/${activity}/follow-up-points`, { text: 'Skriv rapporten', owner: EDITOR, dueOn: '2024-08-01' });
    const path = `/api/agreements/${slug}/follow-up-points/${raised.body.id}`;

    const done = await send<Point>('PATCH', path, { state: 'done', comment: 'Skickad till nämnden', expectedVersion: 1 });
    expect(done.response.status, JSON.stringify(done.body)).toBe(200);
    expect(done.response.headers.get('cache-control')).toBe('no-store');
    expect(done.body).toMatchObject({ id: raised.body.id, state: 'done', stateComment: 'Skickad till nämnden', version: 2 });

    const stale = await send<Point>('PATCH', path, { state: 'dropped', comment: 'Inte längre aktuellt', expectedVersion: 1 });
    expect(stale.response.status).toBe(409);
    expect(stale.body.error?.code).toBe('CONFLICT');
    expect(stale.body.error?.current).toMatchObject({ id: raised.body.id, state: 'done', stateComment: 'Skickad till nämnden', version: 2, ownerEmail: EDITOR });

    const { body } = await read(`/api/agreements/${slug}/activities`, keys.editor);
    expect(body[0]!.points).toMatchObject([{ state: 'done', stateComment: 'Skickad till nämnden', version: 2 }]);
    // A closed point is no longer open work.
    const open = await read<{ mine: OpenPoint[] }>('/api/follow-up', keys.editor);
    expect(open.body.mine.map((p) => p.id)).not.toContain(raised.body.id);

    const reopened = await send<Point>('PATCH', path, { state: 'open', expectedVersion: 2 });
    expect(reopened.body).toMatchObject({ state: 'open', stateComment: null, version: 3 });
  });
});

describe('who may write, and bad input', () => {
  it("refuses another organisation's editor, a reader and a read key with 403, and no key with 401, before reading the body; nothing is stored", async () => {
    const slug = await newAgreement();
    const activity = await newActivity(slug);
    const raised = await send<Point>('POST', `/api/agreements/${slug}/activities/${activity}/follow-up-points`, { text: 'Ring tillbaka', owner: EDITOR, dueOn: '2024-09-01' });
    const before = JSON.stringify((await read(`/api/agreements/${slug}/activities`, keys.editor)).body);
    const writes: Array<[string, string, unknown]> = [
      ['POST', `/api/agreements/${slug}/activities`, { kind: 'meeting', title: 'Möte', date: '2024-10' }],
      // A body that is wrong too: who may not write is told so, whatever they sent.
      ['POST', `/api/agreements/${slug}/activities`, { kind: 'nope', costSek: -1 }],
      ['POST', `/api/agreements/${slug}/activities/${activity}/follow-up-points`, { text: 'Mer', owner: EDITOR, dueOn: '2024-10-01' }],
      ['PATCH', `/api/agreements/${slug}/follow-up-points/${raised.body.id}`, { state: 'dropped', expectedVersion: 1 }],
      ['PATCH', `/api/agreements/${slug}/follow-up-points/${raised.body.id}`, { state: 'never' }],
    ];
    await expectRefused(writes);
    expect(JSON.stringify((await read(`/api/agreements/${slug}/activities`, keys.editor)).body)).toBe(before);
  });

  it('names the field at fault and stores nothing: a negative or non-numeric cost, a due date before the activity, an owner of another organisation', async () => {
    const slug = await newAgreement();
    const activity = await newActivity(slug, { date: '2024-05-10' });
    const activities = `/api/agreements/${slug}/activities`;
    const points = `${activities}/${activity}/follow-up-points`;
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [activities, { kind: 'meeting', title: 'Möte', date: '2024-10', costSek: -5 }, 'costSek'],
      [activities, { kind: 'meeting', title: 'Möte', date: '2024-10', costSek: '5000' }, 'costSek'],
      [activities, { kind: 'meeting', title: 'Möte', date: '2024-10', costSek: 12.5 }, 'costSek'],
      [activities, { kind: 'meeting', title: '', date: '2024-10' }, 'title'],
      [activities, { kind: 'meeting', title: 'Möte', date: '2024-13' }, 'date'],
      [activities, { kind: 'lunch', title: 'Möte', date: '2024-10' }, 'kind'],
      [activities, { kind: 'meeting', title: 'Möte', date: '2024-10', visibility: 'secret' }, 'visibility'],
      [activities, { kind: 'meeting', title: 'Möte', date: '2024-10', sources: [{ source: 'no-such-source' }] }, 'sources'],
      [activities, { kind: 'meeting', title: 'Möte', date: '2024-10', cost: 5 }, 'cost'],
      [points, { text: 'Före mötet', owner: EDITOR, dueOn: '2024-05-09' }, 'dueOn'],
      [points, { text: 'Fel dag', owner: EDITOR, dueOn: '2024-02-30' }, 'dueOn'],
      [points, { text: 'Fel ägare', owner: 'other@follow-up-api.example', dueOn: '2024-06-01' }, 'owner'],
      [points, { text: 'En läsare', owner: 'reader@follow-up-api.example', dueOn: '2024-06-01' }, 'owner'],
      [points, { text: 'Ingen alls', owner: 'nobody@follow-up-api.example', dueOn: '2024-06-01' }, 'owner'],
      [points, { text: '', owner: EDITOR, dueOn: '2024-06-01' }, 'text'],
      [points, { text: 5, owner: EDITOR, dueOn: '2024-06-01' }, 'text'],
    ];
    const before = JSON.stringify((await read(activities, keys.editor)).body);
    for (const [path, body, field] of cases) {
      const refused = await send('POST', path, body);
      expect(refused.response.status, `${field}: ${JSON.stringify(body)}`).toBe(400);
      expect(refused.body.error?.code).toBe('VALIDATION');
      expect(refused.body.error?.problems.map((p) => p.field.split('.')[0])).toContain(field);
    }
    expect(JSON.stringify((await read(activities, keys.editor)).body)).toBe(before);
  });

  it('answers 404 for an activity or a point that the agreement does not have', async () => {
    const slug = await newAgreement();
    const other = await newAgreement();
    const activity = await newActivity(other);
    const raised = await send<Point>('POST', `/api/agreements/${other}/activities/${activity}/follow-up-points`, { text: 'Annat avtal', owner: EDITOR, dueOn: '2024-06-01' });
    const point = { text: 'x', owner: EDITOR, dueOn: '2024-06-01' };
    for (const id of [String(activity), '999999999', 'abc', '0']) {
      const { response, body } = await send('POST', `/api/agreements/${slug}/activities/${id}/follow-up-points`, point);
      expect(response.status, id).toBe(404);
      expect(body.error?.message).toContain('activity');
    }
    for (const id of [String(raised.body.id), '999999999', 'abc']) {
      const { response, body } = await send('PATCH', `/api/agreements/${slug}/follow-up-points/${id}`, { state: 'done' });
      expect(response.status, id).toBe(404);
      expect(body.error?.message).toContain('follow-up point');
    }
    expect((await send('POST', '/api/agreements/no-such-agreement/activities', { kind: 'meeting', title: 'Möte', date: '2024' })).response.status).toBe(404);
  });
});

describe('action plans through the API', () => {
  type Plan = { title: string; visibility: string; serves: Array<{ slug: string }>; goals: Array<{ id: number; theme: string; themeEn: string | null; followUp: string | null; activities: Array<{ id: number; agreementSlug: string }> }> };

  it('reads the plans serving an agreement as far as the reader may: the public plans for the public, the internal ones for the organisation; each goal with the readable activities serving it', async () => {
    const slug = await newAgreement();
    const ctx = systemCtx(t);
    const [agreement] = await queryRows<{ id: number }>(ctx.db, sql`select id from agreements where slug = ${slug}`);
    const plan = await createActionPlan({ ctx, agreementId: agreement!.id, input: { title: 'Offentlig plan', periodFrom: '2024', periodTo: '2026', goals: [{ theme: 'Kultur', goal: 'Mer kultur', followUp: 'Varje år' }] } });
    await createActionPlan({ ctx, agreementId: agreement!.id, input: { title: 'Intern plan', periodFrom: '2025', periodTo: '2026', visibility: 'internal' } });
    const [goal] = await queryRows<{ id: number }>(ctx.db, sql`select id from action_plan_goals where action_plan_id = ${plan.id}`);
    const serving = await newActivity(slug, { actionPlanGoalId: goal!.id });
    await newActivity(slug, { title: 'Internt besök', actionPlanGoalId: goal!.id, visibility: 'internal' });

    const open = await read<Plan[]>(`/api/agreements/${slug}/action-plans`);
    expect(open.response.status).toBe(200);
    expect(open.body).toEqual([
      expect.objectContaining({ title: 'Offentlig plan', visibility: 'public', serves: [expect.objectContaining({ slug })], goals: [expect.objectContaining({ theme: 'Kultur', themeEn: 'Culture', followUp: 'Varje år', activities: [expect.objectContaining({ id: serving, agreementSlug: slug })] })] }),
    ]);
    const own = await read<Plan[]>(`/api/agreements/${slug}/action-plans`, keys.readKey);
    expect(own.body.map((p) => p.title)).toEqual(['Offentlig plan', 'Intern plan']);
    expect(own.body[0]!.goals[0]!.activities).toHaveLength(2);
    // Another organisation's reader: the public plan, and of the activities only the public one.
    const other = await read<Plan[]>(`/api/agreements/${slug}/action-plans`, keys.otherReader);
    expect(other.body.map((p) => [p.title, p.goals[0]?.activities.length])).toEqual([['Offentlig plan', 1]]);
    expect((await read(`/api/agreements/no-such-agreement/action-plans`)).response.status).toBe(404);
    expect((await read(`/api/agreements/${slug}/action-plans?page=2`)).response.status).toBe(400);
  });
});

describe('action plans written through the API', () => {
  type Goal = { id: number; theme: string; themeEn: string | null; goal: string; goalEn: string | null; indicator: string | null; outcome: string | null; assessment: string; assessmentNote: string | null; activities: Array<{ id: number }> };
  type Cited = { id: number; sourceSlug: string; passage: string | null; passageEn: string | null };
  type Plan = { id: number; title: string; titleEn: string | null; note: string | null; noteEn: string | null; periodFrom: string; periodTo: string; budgetSek: number | null; visibility: string; version: number; reviewedOn: string | null; reviewNote: string | null; serves: Array<{ slug: string }>; goals: Goal[]; sources: Cited[] };
  const plans = (slug: string) => `/api/agreements/${slug}/action-plans`;
  const PLAN = {
    title: 'Handlingsplan 2024–2026',
    titleEn: 'Action plan 2024–2026',
    periodFrom: '2024',
    periodTo: '2026',
    responsibleUnit: 'Internationella enheten',
    budgetSek: 250_000,
    note: 'Antagen av kommunstyrelsen.',
    noteEn: 'Adopted by the municipal executive board.',
    goals: [
      { theme: 'Culture', goal: 'Ett utbyte av kulturskolor', goalEn: 'An exchange of arts schools', indicator: 'Två utbyten' },
      { theme: 'Vattenrening', goal: 'Studiebesök på reningsverk' },
    ],
    sources: [{ source: 'nkk2022', passage: 's. 14', passageEn: 'p. 14' }],
  };
  const page = async (slug: string, lang = '') => (await app.request(`/avtal/${slug}/handlingsplaner${lang}`, { headers: { cookie: editorCookie } })).text();

  it('makes, changes, reviews and cites a plan, links an activity to a goal, and reads it all back in the API and on the pages', async () => {
    const slug = await newAgreement();
    const made = await send<Plan>('POST', plans(slug), PLAN);
    expect(made.response.status, JSON.stringify(made.body)).toBe(201);
    expect(made.response.headers.get('location')).toBe(plans(slug));
    expect(made.response.headers.get('cache-control')).toBe('no-store');
    expect(made.body).toMatchObject({
      title: PLAN.title,
      titleEn: PLAN.titleEn,
      noteEn: PLAN.noteEn,
      budgetSek: 250_000,
      visibility: 'public',
      version: 1,
      serves: [{ slug }],
      // A known area written in English is kept with both names; another as written.
      goals: [
        { theme: 'Kultur', themeEn: 'Culture', goal: 'Ett utbyte av kulturskolor', goalEn: 'An exchange of arts schools', assessment: 'not_assessed', activities: [] },
        { theme: 'Vattenrening', themeEn: null },
      ],
      sources: [{ sourceSlug: 'nkk2022', passage: 's. 14', passageEn: 'p. 14' }],
    });
    const planPath = `${plans(slug)}/${made.body.id}`;
    const [culture, water] = made.body.goals as [Goal, Goal];

    // Changed as a whole at the version read; a stale version is 409 with the plan as listed now.
    const changed = await send<Plan>('PUT', planPath, { ...PLAN, goals: undefined, sources: undefined, title: 'Handlingsplan 2024–2027', periodTo: '2027', budgetSek: 300_000, expectedVersion: 1, reason: 'Förlängd' });
    expect(changed.response.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Handlingsplan 2024–2027', periodTo: '2027', budgetSek: 300_000, version: 2 });
    const stale = await send<Plan>('PUT', planPath, { title: 'Från en gammal läsning', periodFrom: '2024', periodTo: '2026', expectedVersion: 1 });
    expect(stale.response.status).toBe(409);
    expect(stale.body.error?.current).toMatchObject({ id: made.body.id, title: 'Handlingsplan 2024–2027', version: 2 });

    // A goal added (last), one changed, at the plan's version.
    const added = await send<Plan>('POST', `${planPath}/goals`, { theme: 'Handel och näringsliv', goal: 'Två företagsbesök', indicator: 'Antal besök' });
    expect(added.response.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.version).toBe(3);
    const trade = added.body.goals.at(-1)!;
    expect(trade).toMatchObject({ theme: 'Handel och näringsliv', themeEn: 'Trade and business', indicator: 'Antal besök' });
    const goalChanged = await send<Plan>('PUT', `${planPath}/goals/${water.id}`, { theme: 'Miljö och energi', goal: 'Studiebesök på två reningsverk', expectedVersion: 3 });
    expect(goalChanged.response.status, JSON.stringify(goalChanged.body)).toBe(200);
    expect(goalChanged.body.goals.find((g) => g.id === water.id)).toMatchObject({ theme: 'Miljö och energi', themeEn: 'Environment and energy', goal: 'Studiebesök på två reningsverk' });
    expect((await send('PUT', `${planPath}/goals/${water.id}`, { theme: 'Turism', goal: 'x', expectedVersion: 3 })).response.status).toBe(409);

    // An activity linked to a goal shows as its progress.
    const activity = await newActivity(slug, { title: 'Kulturskolans resa', date: '2025-04' });
    const linked = await send<Activity & { actionPlanGoalId: number | null }>('PUT', `/api/agreements/${slug}/activities/${activity}/goal`, { actionPlanGoalId: culture.id });
    expect(linked.response.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body).toMatchObject({ id: activity, actionPlanGoalId: culture.id });

    // A source cited, another removed; each moves the version.
    const cited = await send<Plan>('POST', `${planPath}/citations`, { source: 'nkk2022', passage: 's. 20', expectedVersion: 4 });
    expect(cited.response.status, JSON.stringify(cited.body)).toBe(201);
    expect(cited.body.sources.map((c) => c.passage)).toEqual(['s. 14', 's. 20']);
    const first = cited.body.sources[0]!;
    const uncited = await send<Plan>('DELETE', `${planPath}/citations/${first.id}`, { expectedVersion: 5, reason: 'Fel sida' });
    expect(uncited.response.status, JSON.stringify(uncited.body)).toBe(200);
    expect(uncited.body).toMatchObject({ version: 6, sources: [{ passage: 's. 20' }] });

    // The review: each goal's outcome and assessment by its id.
    const reviewed = await send<Plan>('PUT', `${planPath}/review`, {
      reviewedOn: '2027-02-01',
      reviewNote: 'Planen följdes i stort.',
      goals: { [culture.id]: { outcome: 'Ett utbyte genomfört', assessment: 'partly_met', assessmentNote: 'Ett av två' }, [trade.id]: { assessment: 'met' } },
      expectedVersion: 6,
    });
    expect(reviewed.response.status, JSON.stringify(reviewed.body)).toBe(200);
    expect(reviewed.body).toMatchObject({ reviewedOn: '2027-02-01', reviewNote: 'Planen följdes i stort.', version: 7 });

    // Read back by the public, in the API…
    const read = await send<Plan[]>('GET', plans(slug), undefined, null);
    expect(read.body).toHaveLength(1);
    expect(read.body[0]).toMatchObject({ id: made.body.id, version: 7, sources: [{ sourceSlug: 'nkk2022', passage: 's. 20' }] });
    expect(read.body[0]!.goals.map((g) => [g.theme, g.assessment, g.outcome, g.activities.map((a) => a.id)])).toEqual([
      ['Kultur', 'partly_met', 'Ett utbyte genomfört', [activity]],
      ['Miljö och energi', 'not_assessed', null, []],
      ['Handel och näringsliv', 'met', null, []],
    ]);
    // …on the agreement's public page, in English too…
    const publicPage = await (await app.request(`/avtal/${slug}?lang=en`)).text();
    expect(publicPage).toContain('Action plan 2024–2026'.replace('2026', '2026'));
    expect(publicPage).toContain('An exchange of arts schools');
    expect(publicPage).toContain('Ett utbyte genomfört');
    // …and on the plans page an editor works on, with the English texts on the English page and the sources.
    const own = await page(slug);
    for (const text of ['Handlingsplan 2024–2027', 'Ett utbyte genomfört', 'Kulturskolans resa', 'Studiebesök på två reningsverk', 's. 20']) expect(own).toContain(text);
    const english = await page(slug, '?lang=en');
    for (const text of ['Action plan 2024–2026', 'An exchange of arts schools', 'Adopted by the municipal executive board.']) expect(english).toContain(text);

    // A goal removed leaves its activity, unlinked; the plan removed, nothing of it is listed.
    const goalRemoved = await send<Plan>('DELETE', `${planPath}/goals/${culture.id}`, { expectedVersion: 7 });
    expect(goalRemoved.response.status, JSON.stringify(goalRemoved.body)).toBe(200);
    expect(goalRemoved.body.goals.map((g) => g.id)).toEqual([water.id, trade.id]);
    expect((await read_(`/api/agreements/${slug}/activities`)).find((a) => a.id === activity)).toMatchObject({ actionPlanGoalId: null });
    expect((await send('DELETE', planPath, { expectedVersion: 7 })).response.status).toBe(409);
    const removed = await send<{ removed: number }>('DELETE', planPath, { expectedVersion: 8, reason: 'Ersatt' });
    expect(removed.response.status).toBe(200);
    expect(removed.body).toEqual({ removed: made.body.id });
    expect((await send<Plan[]>('GET', plans(slug), undefined, null)).body).toEqual([]);
  });

  const read_ = async (path: string) => (await send<Array<Activity & { actionPlanGoalId: number | null }>>('GET', path, undefined, keys.editor)).body;

  it('keeps an internal plan to its organisation, and refuses an administrator of another one an internal plan they could not read', async () => {
    const slug = await newAgreement();
    const made = await send<Plan>('POST', plans(slug), { title: 'Intern plan', periodFrom: '2025', periodTo: '2026', visibility: 'internal', sources: [{ source: 'nkk2022' }] });
    expect(made.response.status, JSON.stringify(made.body)).toBe(201);
    expect((await send<Plan[]>('GET', plans(slug), undefined, keys.readKey)).body.map((p) => p.title)).toEqual(['Intern plan']);
    for (const key of [null, keys.otherEditor, keys.otherReader]) expect((await send<Plan[]>('GET', plans(slug), undefined, key)).body).toEqual([]);
    expect(await (await app.request(`/avtal/${slug}`)).text()).not.toContain('Intern plan');
    const refused = await send('POST', plans(slug), { title: 'Annan intern plan', periodFrom: '2025', periodTo: '2026', visibility: 'internal' }, keys.otherAdmin);
    expect(refused.response.status).toBe(400);
    expect(refused.body.error?.problems.map((p) => p.field)).toEqual(['visibility']);
    const shared = await send<Plan>('POST', plans(slug), { title: 'Delad plan', periodFrom: '2025', periodTo: '2026', visibility: 'shared' }, keys.otherAdmin);
    expect(shared.response.status, JSON.stringify(shared.body)).toBe(201);
  });

  it("refuses another organisation's editor, a reader and a read key (403) and no key (401) on every plan write, before the body; nothing changes", async () => {
    const slug = await newAgreement();
    const made = await send<Plan>('POST', plans(slug), { ...PLAN });
    const activity = await newActivity(slug);
    const plan = `${plans(slug)}/${made.body.id}`;
    const [goal] = made.body.goals as [Goal];
    const writes: Array<[string, string, unknown]> = [
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2024', periodTo: '2025' }],
      // A body that is wrong too: who may not write is told so, whatever they sent.
      ['POST', plans(slug), { title: '', budgetSek: -1 }],
      ['PUT', plan, { title: 'Ändrad', periodFrom: '2024', periodTo: '2025', expectedVersion: 1 }],
      ['DELETE', plan, { expectedVersion: 1 }],
      ['POST', `${plan}/goals`, { theme: 'Kultur', goal: 'Mer' }],
      ['PUT', `${plan}/goals/${goal.id}`, { theme: 'Kultur', goal: 'Mer', expectedVersion: 1 }],
      ['DELETE', `${plan}/goals/${goal.id}`, { expectedVersion: 1 }],
      ['PUT', `${plan}/review`, { reviewedOn: '2027-01-01', expectedVersion: 1 }],
      ['POST', `${plan}/citations`, { source: 'nkk2022', expectedVersion: 1 }],
      ['DELETE', `${plan}/citations/${made.body.sources[0]!.id}`, { expectedVersion: 1 }],
      ['PUT', `/api/agreements/${slug}/activities/${activity}/goal`, { actionPlanGoalId: goal.id }],
    ];
    const ignore = { api_tokens: ['last_used_at'], sessions: ['expires_at'] };
    const before = await fingerprint(systemCtx(t), { ignore });
    await expectRefused(writes);
    expect(await fingerprint(systemCtx(t), { ignore })).toEqual(before);
  });

  it('names the field at fault and stores nothing: an unknown agreement, a goal of another plan, a negative budget, a period ending before it begins, wrong types, no theme', async () => {
    const slug = await newAgreement();
    const other = await newAgreement();
    const made = await send<Plan>('POST', plans(slug), { ...PLAN });
    const foreign = await send<Plan>('POST', plans(other), { title: 'Annan plan', periodFrom: '2024', periodTo: '2025', goals: [{ theme: 'Turism', goal: 'Fler turister' }] });
    const foreignGoal = foreign.body.goals[0]!.id;
    const activity = await newActivity(slug);
    const plan = `${plans(slug)}/${made.body.id}`;
    const cases: Array<[string, string, Record<string, unknown>, string]> = [
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2024', periodTo: '2025', budgetSek: -1 }, 'budgetSek'],
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2024', periodTo: '2025', budgetSek: '5000' }, 'budgetSek'],
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2024', periodTo: '2025', budgetSek: 12.5 }, 'budgetSek'],
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2026', periodTo: '2025' }, 'periodTo'],
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2026-05-01', periodTo: '2026-04' }, 'periodTo'],
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2024-13', periodTo: '2025' }, 'periodFrom'],
      ['POST', plans(slug), { title: 5, periodFrom: '2024', periodTo: '2025' }, 'title'],
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2024', periodTo: '2025', visibility: 'secret' }, 'visibility'],
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2024', periodTo: '2025', alsoServes: ['no-such-agreement'] }, 'alsoServes'],
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2024', periodTo: '2025', sources: [{ source: 'no-such-source' }] }, 'sources'],
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2024', periodTo: '2025', goals: [{ theme: '', goal: 'Mål' }] }, 'goals'],
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2024', periodTo: '2025', goals: [{ theme: 7, goal: 'Mål' }] }, 'goals'],
      ['POST', plans(slug), { title: 'Plan', periodFrom: '2024', periodTo: '2025', goals: 'Kultur' }, 'goals'],
      ['PUT', plan, { title: 'Plan', periodFrom: '2024', periodTo: '2023', expectedVersion: 1 }, 'periodTo'],
      ['PUT', plan, { title: 'Plan', periodFrom: '2024', periodTo: '2025', budgetSek: -100, expectedVersion: 1 }, 'budgetSek'],
      ['PUT', plan, { title: 'Plan', periodFrom: '2024', periodTo: '2025', expectedVersion: 'one' }, 'expectedVersion'],
      ['POST', `${plan}/goals`, { goal: 'Utan område' }, 'theme'],
      ['POST', `${plan}/goals`, { theme: ['Kultur'], goal: 'Mål' }, 'theme'],
      ['PUT', `${plan}/review`, { reviewedOn: '2027-01-01', goals: { [foreignGoal]: { assessment: 'met' } } }, `goals.${foreignGoal}`],
      ['PUT', `${plan}/review`, { reviewedOn: '2027-01-01', goals: { [made.body.goals[0]!.id]: { assessment: 'excellent' } } }, 'goals'],
      ['PUT', `${plan}/review`, { reviewedOn: '2023-12-31' }, 'reviewedOn'],
      ['PUT', `${plan}/review`, { reviewedOn: '2027' }, 'reviewedOn'],
      ['POST', `${plan}/citations`, { source: 'no-such-source' }, 'source'],
      ['PUT', `/api/agreements/${slug}/activities/${activity}/goal`, { actionPlanGoalId: foreignGoal }, 'actionPlanGoalId'],
      ['PUT', `/api/agreements/${slug}/activities/${activity}/goal`, { actionPlanGoalId: '12' }, 'actionPlanGoalId'],
    ];
    const ignore = { api_tokens: ['last_used_at'], sessions: ['expires_at'] };
    const before = await fingerprint(systemCtx(t), { ignore });
    for (const [method, path, body, field] of cases) {
      const refused = await send(method, path, body);
      expect(refused.response.status, `${field}: ${JSON.stringify(body)}`).toBe(400);
      expect(refused.body.error?.code).toBe('VALIDATION');
      expect(refused.body.error?.problems.map((p) => p.field), JSON.stringify(body)).toContainEqual(expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}(\\.|$)`)));
    }
    // An agreement, plan, goal or citation that is not there, or is another agreement's: 404.
    expect((await send('POST', plans('no-such-agreement'), { title: 'Plan', periodFrom: '2024', periodTo: '2025' })).response.status).toBe(404);
    expect((await send('PUT', `${plans(slug)}/${foreign.body.id}`, { title: 'Plan', periodFrom: '2024', periodTo: '2025' })).response.status).toBe(404);
    expect((await send('PUT', `${plan}/goals/${foreignGoal}`, { theme: 'Kultur', goal: 'Mål' })).response.status).toBe(404);
    expect((await send('DELETE', `${plan}/citations/${foreign.body.id}`, {})).response.status).toBe(404);
    expect((await send('PUT', `${plans(slug)}/abc/review`, { reviewedOn: '2027-01-01' })).response.status).toBe(404);
    expect(await fingerprint(systemCtx(t), { ignore })).toEqual(before);
  });
});
