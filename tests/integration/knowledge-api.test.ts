// The knowledge base through the API and in the open data: everyone reads
// the articles (in force, and apart the withdrawn ones) in both languages,
// with the earlier versions' titles and days, and each version's text at an
// address of its own; the owner's name and address
// only with a key; coordinators' and administrators' write keys add, change,
// withdraw and reinstate with the forms' verbs, each audited, a stale
// version 409 with the version stored now, nothing written by anyone else;
// a withdrawn article is put back in force from its page too; and
// /api/export.json holds the articles in force, never a withdrawn one.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { knowledgeArticles } from '../../src/db/schema.ts';
import { addPerson, keyOf } from '../support/api-keys.ts';
import { openTestDatabase, uniqueSlug, type TestDatabase } from '../support/database.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
let visitors: Record<'coordinator' | 'anonymous', Visitor>;
const key = { coordinator: '', admin: '', editor: '', readOnly: '' };
const COORDINATOR = 'samordnare@knowledge-api.example';

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database, undefined, { oidc: undefined, mailer: undefined });
  const coordinator = await addPerson(t, COORDINATOR, 'coordinator', 'knowledge-api-lan');
  key.coordinator = await keyOf(t, coordinator);
  key.readOnly = await keyOf(t, coordinator, 'read');
  key.admin = await keyOf(t, await addPerson(t, 'admin@knowledge-api.example', 'admin', 'knowledge-api-lan'));
  key.editor = await keyOf(t, await addPerson(t, 'editor@knowledge-api.example', 'editor', 'knowledge-api-lan'));
  ({ visitors } = await signedInVisitors(t, app, { coordinator: { role: 'coordinator', organisation: 'knowledge-api-lan' } }));
}, 120_000);
afterAll(async () => t?.close());

const call = (method: string, path: string, k?: string, body?: unknown) =>
  app.fetch(new Request(`http://localhost${path}`, { method, headers: { ...(k ? { authorization: `Bearer ${k}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined }));
type ArticleJson = { slug: string; version: number; titleSv: string; titleEn: string; bodySv: string; bodyEn: string; topics: string[]; withdrawnAt: string | null; owner: { name: string | null; email: string | null; organisation: string } | null; earlier: Array<Record<string, unknown>> };
const read = async (slug: string, k?: string) => (await (await call('GET', `/api/knowledge/articles/${slug}`, k)).json()) as ArticleJson;
const list = async () => (await (await call('GET', '/api/knowledge/articles')).json()) as { articles: Array<{ slug: string }>; withdrawn: Array<{ slug: string }> };
const exported = async () => (await (await call('GET', '/api/export.json')).json()) as { knowledgeArticles: ArticleJson[] };
const audited = async (slug: string) =>
  (await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'knowledge_article' and entity_id = (select id from knowledge_articles where slug = ${slug}) order by id`)).map((r) => r.action);

describe('the knowledge base through the API', () => {
  it('reads the shipped articles in both languages, the owner named to key holders only', async () => {
    const { articles, withdrawn } = await list();
    expect(articles.map((a) => a.slug)).toEqual(expect.arrayContaining(['infor-beslut', 'folj-upp-avtalen', 'samordna-med-andra']));
    expect(withdrawn).toEqual([]);
    const article = await read('folj-upp-avtalen');
    expect(article).toMatchObject({ slug: 'folj-upp-avtalen', titleSv: 'Följ upp avtalen', titleEn: 'Follow up the agreements', version: 1, withdrawnAt: null, earlier: [] });
    expect(article.bodySv).toContain('Region Skåne');
    expect(article.bodyEn.length).toBeGreaterThan(0);
    expect((await call('GET', '/api/knowledge/articles/ingen-sadan')).status).toBe(404);
    expect((await call('GET', '/api/knowledge/articles/UPPER')).status).toBe(404);
    expect((await call('GET', '/api/knowledge/articles?x=1')).status).toBe(400);
  });

  it('adds, changes, withdraws and reinstates with a coordinator’s or administrator’s write key, each audited; others write nothing', async () => {
    const slug = uniqueSlug('api-artikel');
    const article = { slug, titleSv: 'Inför en resa', titleEn: 'Before a journey', bodySv: 'Fråga länsstyrelsen.', bodyEn: 'Ask the county board.', owner: COORDINATOR, reviewOn: '2027-10-01', topics: ['delegation_warning'] };
    for (const [k, status] of [[undefined, 401], [key.editor, 403], [key.readOnly, 403]] as const) {
      const refused = await call('POST', '/api/knowledge/articles', k, article);
      expect(refused.status, String(k)).toBe(status);
      expect(refused.headers.get('cache-control')).toBe('no-store');
    }
    expect((await call('POST', '/api/knowledge/articles', key.coordinator, { ...article, reviewOn: '2027-13-01' })).status).toBe(400);
    expect(await audited(slug)).toEqual([]);

    const added = await call('POST', '/api/knowledge/articles', key.coordinator, article);
    expect(added.status).toBe(201);
    expect(added.headers.get('location')).toBe(`/api/knowledge/articles/${slug}`);
    expect(await added.json()).toMatchObject({ slug, version: 1, topics: ['delegation_warning'], owner: { email: COORDINATOR } });
    // The public is told the owner's organisation, a key holder their name and address too.
    expect((await read(slug)).owner).toEqual({ name: null, email: null, organisation: 'knowledge-api-lan' });
    expect((await read(slug, key.editor)).owner).toMatchObject({ email: COORDINATOR });

    const changed = await call('PUT', `/api/knowledge/articles/${slug}`, key.admin, { ...article, slug: undefined, titleSv: 'Inför en resa till Kina', expectedVersion: 1 });
    expect(changed.status).toBe(200);
    const now = (await changed.json()) as ArticleJson;
    expect(now).toMatchObject({ version: 2, titleSv: 'Inför en resa till Kina' });
    expect(now.earlier).toEqual([{ version: 1, titleSv: 'Inför en resa', titleEn: 'Before a journey', reviewOn: '2027-10-01', savedAt: expect.any(String) }]);
    // Each version's text has an address of its own: the earlier one as it stood, the current one marked so; a number the article never had is 404 naming those it has.
    const version = (n: string) => call('GET', `/api/knowledge/articles/${slug}/versions/${n}`);
    expect(await (await version('1')).json()).toEqual({ slug, version: 1, current: false, titleSv: 'Inför en resa', titleEn: 'Before a journey', bodySv: 'Fråga länsstyrelsen.', bodyEn: 'Ask the county board.', sourceNote: null, reviewOn: '2027-10-01', savedAt: expect.any(String) });
    expect(await (await version('2')).json()).toMatchObject({ version: 2, current: true, titleSv: 'Inför en resa till Kina', savedAt: null });
    for (const n of ['3', '0', '01', 'ett', '99999999999']) {
      const missing = await version(n);
      expect(missing.status, n).toBe(404);
      expect(((await missing.json()) as { error: { code: string; message: string } }).error, n).toMatchObject({ code: 'NOT_FOUND', message: n === '3' ? `the article '${slug}' has no version 3: its versions are 1–2` : expect.stringContaining('is not a version number') });
    }
    expect((await call('GET', '/api/knowledge/articles/ingen-sadan/versions/1')).status).toBe(404);
    expect((await call('GET', `/api/knowledge/articles/${slug}/versions/1?x=1`)).status).toBe(400);
    // A stale version: 409 with the version stored now.
    const stale = await call('PUT', `/api/knowledge/articles/${slug}`, key.coordinator, { ...article, slug: undefined, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { current: { version: number } } }).error.current.version).toBe(2);

    expect((await call('POST', `/api/knowledge/articles/${slug}/withdraw`, key.editor, { expectedVersion: 2 })).status).toBe(403);
    expect((await call('POST', `/api/knowledge/articles/${slug}/reinstate`, key.coordinator, { expectedVersion: 2 })).status).toBe(409); // in force
    const withdrawn = await call('POST', `/api/knowledge/articles/${slug}/withdraw`, key.coordinator, { expectedVersion: 2 });
    expect(withdrawn.status).toBe(200);
    expect(((await withdrawn.json()) as ArticleJson).withdrawnAt).not.toBeNull();
    expect((await list()).withdrawn.map((a) => a.slug)).toContain(slug);
    expect((await list()).articles.map((a) => a.slug)).not.toContain(slug);
    expect((await call('POST', `/api/knowledge/articles/${slug}/withdraw`, key.coordinator, { expectedVersion: 2 })).status).toBe(409);

    const reinstated = await call('POST', `/api/knowledge/articles/${slug}/reinstate`, key.admin, { expectedVersion: 2 });
    expect(reinstated.status).toBe(200);
    expect(await reinstated.json()).toMatchObject({ version: 2, withdrawnAt: null, titleSv: 'Inför en resa till Kina' });
    expect((await list()).articles.map((a) => a.slug)).toContain(slug);
    expect(await audited(slug)).toEqual(['knowledge_article.add', 'knowledge_article.change', 'knowledge_article.withdraw', 'knowledge_article.reinstate']);
  });

  it('puts a withdrawn article back in force from its page, for coordinators and administrators only', async () => {
    const slug = 'folj-upp-avtalen';
    expect((await visitors.coordinator.post(`/kunskap/${slug}/dra-tillbaka`, { expectedVersion: '1' })).status).toBe(303);
    // The button is on the page of a withdrawn article, for who may use it.
    const page = await (await visitors.coordinator.request(`/kunskap/${slug}`)).text();
    expect(page).toContain(`action="/kunskap/${slug}/aterinfor"`);
    expect(page).toContain('Återinför artikeln');
    expect(await (await visitors.anonymous.request(`/kunskap/${slug}`)).text()).not.toContain('aterinfor');
    expect((await visitors.anonymous.post(`/kunskap/${slug}/aterinfor`, { expectedVersion: '1' })).status).toBe(401);
    expect((await visitors.coordinator.post(`/kunskap/${slug}/aterinfor`, { expectedVersion: '7' })).status).toBe(409);
    expect((await visitors.coordinator.post(`/kunskap/${slug}/aterinfor`, { expectedVersion: 'x' })).status).toBe(400);
    const back = await visitors.coordinator.post(`/kunskap/${slug}/aterinfor`, { expectedVersion: '1' });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`/kunskap/${slug}?klart=reinstated`);
    const [row] = await t.database.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.slug, slug));
    expect(row).toMatchObject({ withdrawnAt: null, version: 1 });
    const after = await (await visitors.coordinator.request(`/kunskap/${slug}?klart=reinstated`)).text();
    expect(after).toContain('Artikeln är gällande igen.');
    expect(after).not.toContain('Artikeln drogs tillbaka');
    expect(after).toContain(`href="/kunskap/${slug}/andra"`);
    expect((await visitors.coordinator.post(`/kunskap/${slug}/aterinfor`, { expectedVersion: '1' })).status).toBe(409);
    expect(await audited(slug)).toEqual(['knowledge_article.withdraw', 'knowledge_article.reinstate']);
  });

  it('puts the articles in force in /api/export.json, never a withdrawn one', async () => {
    const slug = uniqueSlug('indragen');
    const marker = `INDRAGEN-${slug}`;
    const body = { slug, titleSv: marker, titleEn: marker, bodySv: marker, bodyEn: marker, owner: COORDINATOR, reviewOn: '2027-10-01' };
    expect((await call('POST', '/api/knowledge/articles', key.coordinator, body)).status).toBe(201);
    let text = JSON.stringify(await exported());
    expect(text).toContain(marker);
    expect((await call('POST', `/api/knowledge/articles/${slug}/withdraw`, key.coordinator, { expectedVersion: 1 })).status).toBe(200);
    const document = await exported();
    text = JSON.stringify(document);
    expect(text).not.toContain(marker);
    const slugs = document.knowledgeArticles.map((a) => a.slug);
    expect(slugs).toEqual(expect.arrayContaining(['infor-beslut', 'samordna-med-andra']));
    // Read as the public: no person's name or address.
    expect(text).not.toContain(COORDINATOR);
    for (const a of document.knowledgeArticles) expect(a.withdrawnAt).toBeNull();
  });
});
