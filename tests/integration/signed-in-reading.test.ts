// A signed-in person reads with their rights: public and shared records of
// every organisation and the internal ones of their own, on the pages (by
// session) and through the API (by key). The public, and the response cache
// that serves it, never see the others.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { organisations, users } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { createApiToken } from '../../src/domain/accounts/api-tokens.ts';
import { startSession } from '../../src/domain/accounts/sessions.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { SESSION_COOKIE } from '../../src/http/session.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const cookie = new Map<string, string>();
const key = new Map<string, string>();

// Two organisations, an agreement of each visibility for the first.
const SLUGS = { shared: 'reading-shared-agreement', internal: 'reading-internal-agreement', public: 'reading-public-agreement' };

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database, undefined, { oidc: undefined, mailer: undefined });
  const ctx = systemCtx(t);
  for (const slug of ['reading-own', 'reading-other']) await addOrganisation({ ctx, input: { slug, name: slug } });
  const [own] = await t.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'reading-own'));
  for (const [visibility, slug] of Object.entries(SLUGS)) {
    await createAgreement({
      ctx,
      organisationId: own!.id,
      input: { slug, kind: 'vanort', officialTitle: `Avtal ${visibility} readingmarker`, parties: ['kalix'], counterparts: ['zhejiang'], visibility: visibility as 'public' },
    });
  }
  for (const [who, organisation] of [['own', 'reading-own'], ['other', 'reading-other']] as const) {
    const email = `${who}@reading.example`;
    await addUser({ ctx, input: { email, displayName: `Reader ${who}`, organisation, role: 'reader' } });
    const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
    cookie.set(who, `${SESSION_COOKIE}=${(await startSession(t.database.db, user!)).token}`);
    key.set(who, (await createApiToken(t.database.db, { userId: user!.id }, { name: 'read', scope: 'read', days: 30 })).token);
  }
}, 120_000);
afterAll(async () => t?.close());

const page = async (path: string, who?: string) => app.request(path, { headers: who ? { cookie: cookie.get(who)! } : {} });
const api = async (path: string, who?: string) => app.request(path, { headers: who ? { authorization: `Bearer ${key.get(who)}` } : {} });
const found = async (response: Promise<Response>) => {
  const r = await response;
  const text = await r.text();
  return (Object.keys(SLUGS) as Array<keyof typeof SLUGS>).filter((v) => text.includes(SLUGS[v]));
};

describe('reading as a signed-in person', () => {
  it('lists public, shared and own internal agreements on the pages and in the API, the public only public ones', async () => {
    // Anonymous first, twice, so that the cache holds the public answer when the signed-in ask.
    for (let i = 0; i < 2; i++) {
      expect(await found(page('/avtal?q=readingmarker'))).toEqual(['public']);
      expect(await found(api('/api/agreements?q=readingmarker'))).toEqual(['public']);
    }
    expect((await found(page('/avtal?q=readingmarker', 'own'))).sort()).toEqual(['internal', 'public', 'shared']);
    expect((await found(page('/avtal?q=readingmarker', 'other'))).sort()).toEqual(['public', 'shared']);
    expect((await found(api('/api/agreements?q=readingmarker', 'own'))).sort()).toEqual(['internal', 'public', 'shared']);
    expect((await found(api('/api/agreements?q=readingmarker', 'other'))).sort()).toEqual(['public', 'shared']);
    // And the public answer did not change by it.
    expect(await found(page('/avtal?q=readingmarker'))).toEqual(['public']);
  });

  it('opens the records each may read, and answers 404 for the others', async () => {
    const status = async (path: string, who?: string, through = page) => (await through(path, who)).status;
    expect([await status(`/avtal/${SLUGS.shared}`), await status(`/avtal/${SLUGS.shared}`, 'other'), await status(`/avtal/${SLUGS.internal}`, 'other'), await status(`/avtal/${SLUGS.internal}`, 'own')]).toEqual([404, 200, 404, 200]);
    expect([await status(`/api/agreements/${SLUGS.shared}`, undefined, api), await status(`/api/agreements/${SLUGS.shared}`, 'other', api), await status(`/api/agreements/${SLUGS.internal}`, 'other', api), await status(`/api/agreements/${SLUGS.internal}`, 'own', api)]).toEqual([404, 200, 404, 200]);
  });

  it('names the signed-in person in the menu of every page, and nobody on a page for the public', async () => {
    expect(await (await page('/avtal', 'own')).text()).toContain('Konto: Reader own');
    const anonymous = await (await page('/avtal')).text();
    expect(anonymous).toContain('Logga in');
    expect(anonymous).not.toContain('Reader own');
  });

  it('keeps the statistics, the map and the exports of the public register for everyone', async () => {
    for (const path of ['/api/exchange/agreements.csv', '/api/export.json']) {
      expect(await found(api(path, 'own')), path).toEqual(['public']);
    }
    expect(await (await api('/api/statistics', 'own')).json()).toEqual(await (await api('/api/statistics')).json());
  });
});
