// The knowledge base: the guidance shipped with the product, read by
// everyone; a coordinator changes an article and every earlier version is
// kept and readable; a stale form is a conflict; bad input names its field
// and stores nothing; only coordinators and administrators change it; the
// owner's name is for signed-in readers; the lessons page gives the public
// register's endings by reason with the decisions and quotations behind
// them, never a non-public one; the forms where guidance matters link to it
// by topic, and to the whole knowledge base when no article in force has
// the topic; a new article is added, and an article withdrawn keeps its page
// and history but leaves the list and the links.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { knowledgeArticles, knowledgeArticleVersions } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';

let t: TestDatabase;
let visitors: Record<'coordinator' | 'admin' | 'editor' | 'reader' | 'anonymous', Visitor>;
let emails: Record<'coordinator' | 'admin' | 'editor' | 'reader', string>;
const stored = async () => (await queryRows<{ n: string }>(t.database.db, sql`select (select count(*) from knowledge_article_versions) || '/' || (select string_agg(version || title_sv || body_sv || review_on, ',' order by id) from knowledge_articles) || '/' || (select count(*) from audit_log) as n`))[0]!.n;

async function articleForm(slug: string, visitor = visitors.coordinator) {
  const html = await (await visitor.request(`/kunskap/${slug}/andra`)).text();
  const value = (name: string) => {
    const input = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];
    const area = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1];
    return (input ?? area ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'");
  };
  // A topic's checkbox is sent when it is checked, as a browser sends it.
  const topics = [...html.matchAll(/<input[^>]*name="(topic\.\w+)"[^>]*checked/g)].map((m) => [m[1]!, '1']);
  return { ...Object.fromEntries(['titleSv', 'titleEn', 'bodySv', 'bodyEn', 'sourceNote', 'owner', 'reviewOn', 'expectedVersion'].map((f) => [f, value(f)])), ...Object.fromEntries(topics) };
}

beforeAll(async () => {
  t = await openTestDatabase();
  const app = createApp(t.database);
  await addOrganisation({ ctx: systemCtx(t), input: { slug: 'kunskap-lan', name: 'Länsstyrelsen i Kunskapslän' } });
  ({ visitors, emails } = await signedInVisitors(t, app, {
    coordinator: { role: 'coordinator', organisation: 'kunskap-lan' },
    admin: { role: 'admin', organisation: 'kunskap-lan' },
    editor: { role: 'editor', organisation: 'ortsband' },
    reader: { role: 'reader', organisation: 'ortsband' },
  }));
}, 120_000);
afterAll(async () => t?.close());

describe('the knowledge base', () => {
  it('ships guidance drawn from the seeds, read by everyone in both languages', async () => {
    const list = await (await visitors.anonymous.request('/kunskap')).text();
    for (const slug of ['infor-beslut', 'folj-upp-avtalen', 'samordna-med-andra']) expect(list).toContain(`href="/kunskap/${slug}"`);
    expect(list).toContain('href="/kunskap/lardomar"');
    const article = await (await visitors.anonymous.request('/kunskap/folj-upp-avtalen')).text();
    expect(article).toContain('Följ upp avtalen');
    expect(article).toContain('<li>Region Skåne: dokumentationen efter varje besök');
    expect(article).toContain('seed 003');
    expect(article).toContain('Ortsbands redaktion');
    expect(await (await visitors.anonymous.request('/kunskap/folj-upp-avtalen?lang=en')).text()).toContain('Follow up the agreements');
    expect((await visitors.anonymous.request('/kunskap/ingen-sadan')).status).toBe(404);
    // The site's footer leads there.
    expect(await (await visitors.anonymous.request('/')).text()).toContain('href="/kunskap"');
  });

  it('keeps every version when a coordinator changes an article, and names its owner to signed-in readers only', async () => {
    const before = await articleForm('samordna-med-andra');
    const saved = await visitors.coordinator.post('/kunskap/samordna-med-andra/andra', { ...before, bodySv: `${before.bodySv}\n\nNy rad om länsstyrelsens samordning.`, owner: emails.coordinator, reviewOn: '2027-12-31' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/kunskap/samordna-med-andra?klart=saved');
    const [article] = await t.database.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.slug, 'samordna-med-andra'));
    expect(article).toMatchObject({ version: 2, reviewOn: '2027-12-31' });
    const earlier = await t.database.db.select().from(knowledgeArticleVersions).where(eq(knowledgeArticleVersions.articleId, article!.id));
    expect(earlier.map((v) => [v.version, v.bodySv === before.bodySv, v.reviewOn])).toEqual([[1, true, '2027-06-30']]);
    const page = await (await visitors.anonymous.request('/kunskap/samordna-med-andra')).text();
    expect(page).toContain('Ny rad om länsstyrelsens samordning.');
    expect(page).toContain('href="/kunskap/samordna-med-andra?version=1"');
    expect(page).toContain('Länsstyrelsen i Kunskapslän');
    expect(page).not.toContain(emails.coordinator);
    expect(page).not.toContain('Person coordinator');
    expect(await (await visitors.reader.request('/kunskap/samordna-med-andra')).text()).toContain('Person coordinator');
    const old = await (await visitors.anonymous.request('/kunskap/samordna-med-andra?version=1')).text();
    expect(old).toContain('Detta är version 1');
    expect(old).not.toContain('Ny rad om länsstyrelsens samordning.');
    expect((await visitors.anonymous.request('/kunskap/samordna-med-andra?version=7')).status).toBe(404);
  });

  it('shows the organisation an import named without a person; a form naming nobody keeps it, one naming a person gives theirs, and clearing the person clears it', async () => {
    // As an import leaves it (exchange/apply-articles.ts): an organisation, nobody named.
    await addOrganisation({ ctx: systemCtx(t), input: { slug: 'importerad-lan', name: 'Länsstyrelsen i Importlän' } });
    await t.database.db.execute(sql`update knowledge_articles set owner_id = null, owner_organisation_id = (select id from organisations where slug = 'importerad-lan') where slug = 'folj-upp-avtalen'`);
    const owner = async () => (await queryRows<{ person: number | null; organisation: string | null }>(t.database.db, sql`select k.owner_id as person, o.slug as organisation from knowledge_articles k left join organisations o on o.id = k.owner_organisation_id where k.slug = 'folj-upp-avtalen'`))[0]!;
    expect(await (await visitors.anonymous.request('/kunskap/folj-upp-avtalen')).text()).toContain('Länsstyrelsen i Importlän');
    const post = async (changes: Record<string, string>) => {
      const saved = await visitors.coordinator.post('/kunskap/folj-upp-avtalen/andra', { ...(await articleForm('folj-upp-avtalen')), ...changes });
      expect(saved.status).toBe(303);
    };
    await post({ owner: '', reviewOn: '2027-10-01' });
    expect(await owner()).toEqual({ person: null, organisation: 'importerad-lan' });
    await post({ owner: emails.coordinator });
    expect(await owner()).toEqual({ person: expect.any(Number), organisation: 'kunskap-lan' });
    expect(await (await visitors.anonymous.request('/kunskap/folj-upp-avtalen')).text()).toContain('Länsstyrelsen i Kunskapslän');
    await post({ owner: '' });
    expect(await owner()).toEqual({ person: null, organisation: null });
    expect(await (await visitors.anonymous.request('/kunskap/folj-upp-avtalen')).text()).toContain('Ortsbands redaktion');
  });

  it('refuses a form opened before another save, keeping what was typed', async () => {
    const opened = await articleForm('infor-beslut');
    expect((await visitors.admin.post('/kunskap/infor-beslut/andra', { ...opened, titleEn: 'Before deciding on a cooperation with China' })).status).toBe(303);
    const before = await stored();
    const stale = await visitors.coordinator.post('/kunskap/infor-beslut/andra', { ...opened, titleSv: 'Min egen rubrik' });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Någon annan har sparat artikeln');
    expect(html).toContain('value="Min egen rubrik"');
    expect(await stored()).toBe(before);
  });

  it('names the field of bad input and stores nothing; only coordinators and administrators change it', async () => {
    const form = await articleForm('folj-upp-avtalen');
    for (const [field, value] of [
      ['titleSv', ''],
      ['titleEn', '  '],
      ['bodySv', ''],
      ['bodyEn', 'x'.repeat(50_001)],
      ['reviewOn', '2027-02-30'],
      ['reviewOn', ''],
      ['owner', 'ingen@example.org'],
      ['expectedVersion', 'x'],
    ] as const) {
      const before = await stored();
      const response = await visitors.coordinator.post('/kunskap/folj-upp-avtalen/andra', { ...form, [field]: value });
      expect(response.status, field).toBe(400);
      expect(await response.text(), field).toContain(`href="#article-${field}"`);
      expect(await stored(), field).toBe(before);
    }
    const before = await stored();
    for (const who of ['editor', 'reader'] as const) {
      expect((await visitors[who].request('/kunskap/folj-upp-avtalen/andra')).status, who).toBe(403);
      expect((await visitors[who].post('/kunskap/folj-upp-avtalen/andra', form)).status, who).toBe(403);
    }
    expect((await visitors.anonymous.post('/kunskap/folj-upp-avtalen/andra', form)).status).toBe(401);
    expect(await stored()).toBe(before);
    expect(await (await visitors.anonymous.request('/kunskap/folj-upp-avtalen')).text()).not.toContain('/andra"');
  });

  it('draws lessons from the public register: endings by reason, with the decisions and quotations behind them', async () => {
    // An internal ending with a reason of its own: never among the lessons.
    const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
    const hidden = await createAgreement({ ctx: systemCtx(t), organisationId: org!.id, input: { slug: uniqueSlug('lardom'), kind: 'vanort', parties: ['kalix'], counterparts: ['hangzhou'], visibility: 'internal' } });
    await recordStatusEvent({ ctx: systemCtx(t), agreementId: hidden.id, input: { type: 'ended', date: '2025', visibility: 'internal', reasons: [{ code: 'other', text: 'Ett internt skäl som inte syns' }] } });
    const html = await (await visitors.reader.request('/kunskap/lardomar')).text();
    expect(html).toContain('Demokrati och mänskliga rättigheter i Kina');
    expect(html).toContain('href="/avtal/borlange--wuhan');
    expect(html).toContain('Kommunfullmäktige, Borlänge kommun, §211');
    expect(html).toContain('Den politiska majoriteten har med oro följt utvecklingen i Kina och är nu överens om att successivt avsluta avtal och projekt.');
    expect(html).not.toContain('Ett internt skäl som inte syns');
    expect(await (await visitors.anonymous.request('/kunskap/lardomar?lang=en')).text()).toContain('The political majority has followed developments in China with concern.');
  });

  it('adds an article with its topics; bad input names the field and stores nothing; only coordinators and administrators add', async () => {
    const form = { slug: 'infor-besok', titleSv: 'Inför ett besök från Kina', titleEn: 'Before a visit from China', bodySv: 'Fråga länsstyrelsen.\n\n- Vem kommer?\n- Varför?', bodyEn: 'Ask the county board.', sourceNote: '', owner: emails.coordinator, reviewOn: '2027-09-30', 'topic.delegation_warning': '1' };
    const before = await stored();
    for (const [field, value] of [
      ['slug', ''],
      ['slug', 'Stora Bokstäver'],
      ['slug', 'ny'],
      ['slug', 'lardomar'],
      ['slug', 'infor-beslut'],
      ['titleSv', ''],
      ['bodyEn', ''],
      ['reviewOn', '2027-13-01'],
      ['owner', 'ingen@example.org'],
    ] as const) {
      const response = await visitors.coordinator.post('/kunskap/ny', { ...form, [field]: value });
      expect(response.status, `${field}=${value}`).toBe(400);
      expect(await response.text(), `${field}=${value}`).toContain(`href="#article-${field}"`);
    }
    expect(await stored()).toBe(before);
    for (const who of ['editor', 'reader'] as const) {
      expect((await visitors[who].request('/kunskap/ny')).status, who).toBe(403);
      expect((await visitors[who].post('/kunskap/ny', form)).status, who).toBe(403);
    }
    expect((await visitors.anonymous.post('/kunskap/ny', form)).status).toBe(401);
    expect(await stored()).toBe(before);
    expect(await (await visitors.reader.request('/kunskap')).text()).not.toContain('href="/kunskap/ny"');

    // The form opens with the writer as owner.
    expect(await (await visitors.coordinator.request('/kunskap/ny')).text()).toContain(`value="${emails.coordinator}"`);
    const added = await visitors.coordinator.post('/kunskap/ny', form);
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/kunskap/infor-besok?klart=added');
    const [row] = await t.database.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.slug, 'infor-besok'));
    expect(row).toMatchObject({ version: 1, reviewOn: '2027-09-30', topics: ['delegation_warning'], withdrawnAt: null });
    const [entry] = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'knowledge_article' and entity_id = ${row!.id}`);
    expect(entry?.action).toBe('knowledge_article.add');
    const page = await (await visitors.anonymous.request('/kunskap/infor-besok')).text();
    expect(page).toContain('<li>Vem kommer?</li>');
    expect(await (await visitors.anonymous.request('/kunskap')).text()).toContain('href="/kunskap/infor-besok"');
    expect(await (await visitors.coordinator.request('/kunskap')).text()).toContain('href="/kunskap/ny"');
    // Its checkbox is checked in the change form, and linked from the delegation warnings.
    expect((await articleForm('infor-besok'))['topic.delegation_warning']).toBe('1');
    expect(await (await visitors.editor.request('/delegationer')).text()).toContain('href="/kunskap/infor-besok"');
  });

  it('is linked from the decision basis, the delegation warnings and the new agreement form', async () => {
    expect(await (await visitors.editor.request('/avtal/ny')).text()).toContain('href="/kunskap/infor-beslut"');
    expect(await (await visitors.editor.request('/delegationer')).text()).toContain('href="/kunskap/samordna-med-andra"');
    const [decision] = await queryRows<{ id: number }>(t.database.db, sql`select e.id from status_events e join agreements a on a.id = e.agreement_id where a.slug = 'goteborg--shanghai' and e.type = 'established' order by e.id limit 1`);
    expect(await (await visitors.editor.request(`/avtal/goteborg--shanghai/beslut/${decision!.id}`)).text()).toContain('href="/kunskap/infor-beslut"');
  });

  it('withdraws an article: its page and versions stay, it leaves the list and the links, which fall back to the knowledge base', async () => {
    const page = async (slug: string) => (await visitors.anonymous.request(`/kunskap/${slug}`)).text();
    const versionsBefore = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from knowledge_article_versions`);
    const opened = await articleForm('samordna-med-andra');
    expect(opened.expectedVersion).toBe('2');
    for (const who of ['editor', 'reader'] as const) expect((await visitors[who].post('/kunskap/samordna-med-andra/dra-tillbaka', { expectedVersion: '2' })).status, who).toBe(403);
    // A withdrawal at a version someone else has replaced is refused.
    expect((await visitors.coordinator.post('/kunskap/samordna-med-andra/dra-tillbaka', { expectedVersion: '1' })).status).toBe(409);
    const withdrawn = await visitors.coordinator.post('/kunskap/samordna-med-andra/dra-tillbaka', { expectedVersion: '2' });
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.headers.get('location')).toBe('/kunskap/samordna-med-andra?klart=withdrawn');
    expect((await visitors.coordinator.post('/kunskap/samordna-med-andra/dra-tillbaka', { expectedVersion: '2' })).status).toBe(409);
    // Kept: the page, its versions, nothing deleted.
    const html = await page('samordna-med-andra');
    expect(html).toContain('Artikeln drogs tillbaka');
    expect(html).toContain('href="/kunskap/samordna-med-andra?version=1"');
    expect(await page('samordna-med-andra?version=1')).toContain('Detta är version 1');
    expect((await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from knowledge_article_versions`))[0]!.n).toBe(versionsBefore[0]!.n);
    expect(await (await visitors.coordinator.request('/kunskap/samordna-med-andra')).text()).not.toContain('/andra"');
    // Its text is not changed any more.
    expect((await visitors.coordinator.request('/kunskap/samordna-med-andra/andra')).status).toBe(404);
    expect((await visitors.coordinator.post('/kunskap/samordna-med-andra/andra', opened)).status).toBe(409);
    // Listed apart; no longer linked from the delegation warnings, where the other article on the topic still is.
    const list = await (await visitors.anonymous.request('/kunskap')).text();
    expect(list.indexOf('href="/kunskap/samordna-med-andra"')).toBeGreaterThan(list.indexOf('Indragna artiklar'));
    let delegations = await (await visitors.editor.request('/delegationer')).text();
    expect(delegations).not.toContain('href="/kunskap/samordna-med-andra"');
    expect(delegations).toContain('href="/kunskap/infor-besok"');
    // With no article in force on the topic, the form links to the whole knowledge base.
    const besok = await articleForm('infor-besok');
    expect((await visitors.admin.post('/kunskap/infor-besok/dra-tillbaka', { expectedVersion: besok.expectedVersion! })).status).toBe(303);
    delegations = await (await visitors.editor.request('/delegationer')).text();
    expect(delegations).toMatch(/<p class="guidance">Vägledning: <a href="\/kunskap">kunskapsbanken<\/a><\/p>/);
    const actions = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where action = 'knowledge_article.withdraw'`);
    expect(actions).toHaveLength(2);
  });
});
