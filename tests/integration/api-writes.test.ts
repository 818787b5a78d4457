// The API's writes with a personal access key: who may, what each refusal
// says, and that a write is what the next public read shows (the response
// cache included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { startSession } from '../../src/domain/accounts/sessions.ts';
import { SESSION_COOKIE } from '../../src/http/session.ts';
import { addPerson, EDITORIAL, keyOf } from '../support/api-keys.ts';
import { openTestDatabase, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const keys: Record<'editor' | 'readKey' | 'reader' | 'otherEditor', string> = { editor: '', readKey: '', reader: '', otherEditor: '' };
let editorId = 0;

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database, undefined, { oidc: undefined, mailer: undefined });
  editorId = await addPerson(t, 'editor@writes.example', 'editor', EDITORIAL);
  keys.editor = await keyOf(t, editorId, 'write');
  keys.readKey = await keyOf(t, editorId, 'read');
  keys.reader = await keyOf(t, await addPerson(t, 'reader@writes.example', 'reader', EDITORIAL), 'write');
  keys.otherEditor = await keyOf(t, await addPerson(t, 'other@writes.example', 'editor', 'writes-other'), 'write');
}, 120_000);
afterAll(async () => t?.close());

type Body = { error?: { code: string; message: string; problems: Array<{ field: string; message: string }>; current?: { version: number } } } & Record<string, unknown>;

async function send(method: string, path: string, body: unknown, headers: Record<string, string> = {}, key: string | null = keys.editor) {
  const response = await app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { response, body: (await response.json()) as Body };
}
const post = (path: string, body: unknown, key?: string | null, headers?: Record<string, string>) => send('POST', path, body, headers, key === undefined ? keys.editor : key);

const agreementInput = (slug: string) => ({ slug, kind: 'vanort', officialTitle: `Vänortsavtal ${slug}`, parties: ['kalix'], counterparts: ['zhejiang'] });

describe('who may write through the API', () => {
  it('answers a write without a key with 401 and WWW-Authenticate', async () => {
    const { response, body } = await post('/api/agreements', agreementInput(uniqueSlug('nokey')), null);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="ortsband"/);
    expect(body.error?.code).toBe('UNAUTHENTICATED');
    expect(body.error?.message).toContain('Authorization');
  });

  it('does not take a browser session as a key: a session cookie alone cannot write (CSRF)', async () => {
    const { token } = await startSession(t.database.db, { id: editorId, version: 1 });
    const { response, body } = await post('/api/agreements', agreementInput(uniqueSlug('cookie')), null, { cookie: `${SESSION_COOKIE}=${token}` });
    expect(response.status).toBe(401);
    expect(body.error?.message).toContain('browser session');
  });

  it('refuses a read key, a reader and an editor of another organisation with 403', async () => {
    const slug = uniqueSlug('forbidden');
    for (const key of [keys.readKey, keys.reader]) {
      const { response, body } = await post('/api/agreements', agreementInput(slug), key);
      expect(response.status).toBe(403);
      expect(body.error?.code).toBe('FORBIDDEN');
    }
    const event = await post('/api/agreements/goteborg--shanghai/events', { type: 'dormant', date: '2024' }, keys.otherEditor);
    expect(event.response.status).toBe(403);
    expect((await app.request(`/api/agreements/${slug}`)).status).toBe(404);
  });

  it('answers 401 for a key that is unknown', async () => {
    const { response } = await post('/api/agreements', agreementInput(uniqueSlug('unknown')), `ortsband_${'A'.repeat(43)}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
  });
});

describe('writing', () => {
  it('creates an agreement (201, Location), and the next public read shows it, through the cache', async () => {
    const slug = uniqueSlug('created');
    const list = `/api/agreements?q=${slug}`;
    for (let i = 0; i < 2; i++) expect(((await (await app.request(list)).json()) as { total: number }).total).toBe(0);
    expect((await app.request(list)).headers.get('x-cache')).toBe('hit');

    const { response, body } = await post('/api/agreements', agreementInput(slug));
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/agreements/${slug}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((body.agreement as { slug: string; version: number }).slug).toBe(slug);

    const after = await app.request(list);
    expect(after.headers.get('x-cache')).toBe('miss');
    expect(((await after.json()) as { total: number }).total).toBe(1);
    expect((await app.request(`/api/agreements/${slug}`)).status).toBe(200);
  });

  it('records a status event with the version it saw; a stale version is 409 with the version stored now', async () => {
    const slug = uniqueSlug('events');
    const created = await post('/api/agreements', agreementInput(slug));
    const version = (created.body.agreement as { version: number }).version;

    const established = await post(`/api/agreements/${slug}/events`, { type: 'established', date: '2015-03-01', expectedVersion: version });
    expect(established.response.status).toBe(201);
    expect(established.body.agreement).toMatchObject({ slug, version: version + 1, status: 'active' });

    const stale = await post(`/api/agreements/${slug}/events`, { type: 'ended', date: '2021-05', mode: 'decision', side: 'swedish', expectedVersion: version });
    expect(stale.response.status).toBe(409);
    expect(stale.body.error?.current?.version).toBe(version + 1);

    const ended = await post(`/api/agreements/${slug}/events`, {
      type: 'ended',
      date: '2021-05',
      mode: 'decision',
      side: 'swedish',
      reasons: [{ code: 'democracy_human_rights' }],
      expectedVersion: version + 1,
    });
    expect(ended.response.status).toBe(201);
    const page = (await (await app.request(`/api/agreements/${slug}`)).json()) as { agreement: { currentStatus: string } };
    expect(page.agreement.currentStatus).toBe('ended');
  });

  it('changes the fields sent and keeps the others; a stale version is 409 with the agreement as stored now', async () => {
    const slug = uniqueSlug('changed');
    const created = await post('/api/agreements', { ...agreementInput(slug), term: 'Tills vidare' });
    const version = (created.body.agreement as { version: number }).version;
    const patch = (body: unknown, key?: string | null) => send('PATCH', `/api/agreements/${slug}`, body, {}, key === undefined ? keys.editor : key);

    const changed = await patch({ officialTitle: 'Avsiktsförklaring om samarbete', parties: ['kalix', { actor: 'lulea', role: 'co_financier' }], expectedVersion: version, comment: 'enligt protokollet' });
    expect(changed.response.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.response.headers.get('cache-control')).toBe('no-store');
    const read = (await (await app.request(`/api/agreements/${slug}`)).json()) as { agreement: { officialTitle: string; term: string; version: number }; parties: Array<{ slug: string; role: string }> };
    expect(read.agreement).toMatchObject({ officialTitle: 'Avsiktsförklaring om samarbete', term: 'Tills vidare', version: version + 1 });
    expect(read.parties.map((p) => [p.slug, p.role]).sort()).toEqual([['kalix', 'party'], ['lulea', 'co_financier']]);

    const stale = await patch({ term: 'Fem år', expectedVersion: version });
    expect(stale.response.status).toBe(409);
    const current = stale.body.error?.current as unknown as { version: number; fields: { officialTitle: string; term: string } };
    expect(current.version).toBe(version + 1);
    expect(current.fields).toMatchObject({ officialTitle: 'Avsiktsförklaring om samarbete', term: 'Tills vidare' });

    // Nothing changed: nothing written, the version stays.
    const same = await patch({ term: 'Tills vidare', expectedVersion: version + 1 });
    expect(same.response.status).toBe(200);
    expect((same.body.agreement as { version: number }).version).toBe(version + 1);

    expect((await patch({ term: 'Fem år', expectedVersion: version + 1 }, keys.otherEditor)).response.status).toBe(403);
    expect((await patch({ term: 'Fem år', expectedVersion: version + 1 }, keys.readKey)).response.status).toBe(403);
    expect((await patch({ term: 'Fem år', expectedVersion: version + 1 }, null)).response.status).toBe(401);
    const history = await app.request(`/api/agreements/${slug}`);
    expect(((await history.json()) as { agreement: { term: string } }).agreement.term).toBe('Tills vidare');
  });

  it('creates a source (201, Location) that can be read back', async () => {
    const slug = uniqueSlug('source');
    const { response } = await post('/api/sources', { slug, kind: 'media_article', title: 'En artikel', url: 'https://example.org/a' });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/sources/${slug}`);
    const read = await app.request(`/api/sources/${slug}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { title: string }).title).toBe('En artikel');
  });
});

describe('changing a source', () => {
  it('changes the fields sent and keeps the others, at the version read; stale is 409 with the source as stored now', async () => {
    const slug = uniqueSlug('changed-source');
    expect((await post('/api/sources', { slug, kind: 'media_article', title: 'En artikel', author: 'A. Skribent', url: 'https://example.org/a' })).response.status).toBe(201);
    const changed = await send('PATCH', `/api/sources/${slug}`, { title: 'En artikel om vänorter', expectedVersion: 1 });
    expect(changed.response.status).toBe(200);
    expect([changed.body.title, changed.body.author, changed.body.url, changed.body.version]).toEqual(['En artikel om vänorter', 'A. Skribent', 'https://example.org/a', 2]);
    const stale = await send('PATCH', `/api/sources/${slug}`, { title: 'Annan titel', expectedVersion: 1 });
    expect(stale.response.status).toBe(409);
    expect((stale.body.error?.current as unknown as { title: string; version: number })).toMatchObject({ title: 'En artikel om vänorter', version: 2 });
    const cleared = await send('PATCH', `/api/sources/${slug}`, { author: null, confidential: true });
    expect([cleared.body.author, cleared.body.visibility]).toEqual([null, 'internal']);
    expect((await send('PATCH', `/api/sources/${slug}`, { title: '' })).body.error?.problems.map((p) => p.field)).toEqual(['title']);
    expect((await send('PATCH', `/api/sources/${slug}`, { slug: 'other' })).body.error?.problems.map((p) => p.field)).toEqual(['slug']);
    expect((await send('PATCH', '/api/sources/nkk2022', { title: 'x' }, {}, keys.otherEditor)).response.status).toBe(403);
    expect((await send('PATCH', '/api/sources/nkk2022', { title: 'x' }, {}, keys.readKey)).response.status).toBe(403);
    expect((await send('PATCH', '/api/sources/no-such-source', { title: 'x' })).response.status).toBe(404);
  });
});

describe('citing a source', () => {
  it('cites a new source on an agreement and on its event, with the passage; the public agreement shows both', async () => {
    const slug = uniqueSlug('cited');
    const source = uniqueSlug('protocol');
    const created = await post('/api/agreements', agreementInput(slug));
    let version = (created.body.agreement as { version: number }).version;
    expect((await post('/api/sources', { slug: source, kind: 'decision_protocol', title: 'Kommunstyrelsens protokoll' })).response.status).toBe(201);
    const event = await post(`/api/agreements/${slug}/events`, { type: 'established', date: '2016', expectedVersion: version });
    version = (event.body.agreement as { version: number }).version;

    const onAgreement = await post(`/api/agreements/${slug}/citations`, { source, on: 'agreement', passage: '§ 12', expectedVersion: version });
    expect(onAgreement.response.status).toBe(201);
    expect(onAgreement.response.headers.get('location')).toBe(`/api/agreements/${slug}`);
    version = (onAgreement.body.agreement as { version: number }).version;
    const eventId = (event.body.event as { id: number }).id;
    expect((await post(`/api/agreements/${slug}/citations`, { source, on: eventId, passage: '§ 13', expectedVersion: version })).response.status).toBe(201);

    const stale = await post(`/api/agreements/${slug}/citations`, { source, on: 'agreement', expectedVersion: version });
    expect(stale.response.status).toBe(409);
    expect(stale.body.error?.current?.version).toBe(version + 1);

    const page = (await (await app.request(`/api/agreements/${slug}`)).json()) as { sources: Array<{ sourceSlug: string; passage: string }>; events: Array<{ sources: Array<{ passage: string }> }> };
    expect(page.sources.map((s) => [s.sourceSlug, s.passage])).toEqual([[source, '§ 12']]);
    expect(page.events[0]!.sources.map((s) => s.passage)).toEqual(['§ 13']);
  });

  it('changes a citation’s passage and removes it at the agreement’s version; a stale version, another agreement’s citation and another organisation are refused', async () => {
    const slug = uniqueSlug('recited');
    const created = await post('/api/agreements', agreementInput(slug));
    let version = (created.body.agreement as { version: number }).version;
    const cited = await post(`/api/agreements/${slug}/citations`, { source: 'nkk2022', on: 'agreement', passage: 's. 1', expectedVersion: version });
    const id = (cited.body.citation as { id: number }).id;
    version = (cited.body.agreement as { version: number }).version;
    const at = `/api/agreements/${slug}/citations/${id}`;

    const changed = await send('PATCH', at, { passage: 's. 4', reason: 'Rätt sida', expectedVersion: version });
    expect(changed.response.status).toBe(200);
    expect((changed.body.citation as { passage: string }).passage).toBe('s. 4');
    expect((changed.body.agreement as { version: number }).version).toBe(version + 1);
    const stale = await send('PATCH', at, { passage: 's. 5', expectedVersion: version });
    expect([stale.response.status, stale.body.error?.current?.version]).toEqual([409, version + 1]);
    expect((await send('PATCH', at, { passage: 's. 5' }, {}, keys.otherEditor)).response.status).toBe(403);
    expect((await send('PATCH', `/api/agreements/goteborg--shanghai/citations/${id}`, { passage: 's. 5' })).response.status).toBe(404);
    expect((await send('PATCH', at, { passage: 5 })).body.error?.problems.map((p) => p.field)).toEqual(['passage']);
    // A change without a passage leaves it as it is.
    const kept = await send('PATCH', at, { reason: 'Bara en kommentar' });
    expect((kept.body.citation as { passage: string }).passage).toBe('s. 4');
    version = (kept.body.agreement as { version: number }).version - 1;
    const page = (await (await app.request(`/api/agreements/${slug}`)).json()) as { sources: Array<{ passage: string }> };
    expect(page.sources.map((x) => x.passage)).toEqual(['s. 4']);

    const removed = await send('DELETE', at, { reason: 'Fel källa', expectedVersion: version + 1 });
    expect(removed.response.status).toBe(200);
    expect((removed.body.agreement as { version: number }).version).toBe(version + 2);
    expect((await send('DELETE', at, {})).response.status).toBe(404);
    expect(((await (await app.request(`/api/agreements/${slug}`)).json()) as { sources: unknown[] }).sources).toEqual([]);
  });

  it('names an unknown source, an event of another agreement, and a field it does not take', async () => {
    const unknown = await post('/api/agreements/goteborg--shanghai/citations', { source: 'no-such-source', on: 'agreement' });
    expect(unknown.response.status).toBe(400);
    expect(unknown.body.error?.problems).toEqual([{ field: 'source', message: "no source 'no-such-source'" }]);
    const typo = await post('/api/agreements/goteborg--shanghai/citations', { source: 'nkk2022', on: 'agreement', pasage: 'x' });
    expect(typo.response.status).toBe(400);
    expect(typo.body.error?.problems.map((p) => p.field)).toEqual(['pasage']);
    const elsewhere = await post('/api/agreements/goteborg--shanghai/citations', { source: 'nkk2022', on: 999_999 });
    expect(elsewhere.response.status).toBe(400);
    expect(elsewhere.body.error?.problems.map((p) => p.field)).toEqual(['on']);
  });
});

describe('bad writes', () => {
  it('names the field of a bad value, and of an unknown id, with 400', async () => {
    const bad = await post('/api/agreements', { ...agreementInput(uniqueSlug('bad')), signedOn: '2019-13-45', parties: ['no-such-actor'] });
    expect(bad.response.status).toBe(400);
    expect(bad.body.error?.problems.map((p) => p.field)).toContain('signedOn');
    const unknown = await post('/api/agreements', { ...agreementInput(uniqueSlug('bad')), parties: ['no-such-actor'] });
    expect(unknown.response.status).toBe(400);
    expect(unknown.body.error?.problems).toEqual([{ field: 'parties.0.actor', message: "no actor 'no-such-actor'" }]);
  });

  it('answers broken JSON, another content type and a body over 1 MB with 400, 415 and 413', async () => {
    const broken = await post('/api/agreements', '{"slug": ');
    expect(broken.response.status).toBe(400);
    expect(broken.body.error?.problems[0]?.field).toBe('(body)');
    const form = await post('/api/agreements', 'slug=x', undefined, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.response.status).toBe(415);
    expect(form.body.error?.problems[0]?.field).toBe('content-type');
    const huge = await post('/api/agreements', { ...agreementInput(uniqueSlug('huge')), summary: 'x'.repeat(1_100_000) });
    expect(huge.response.status).toBe(413);
    expect(huge.response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an agreement it does not have with 404', async () => {
    const { response } = await post('/api/agreements/no-such-agreement/events', { type: 'dormant', date: '2024' });
    expect(response.status).toBe(404);
  });
});
