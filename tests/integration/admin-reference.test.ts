// An administrator keeps the reference data in the browser: organisations,
// Swedish parties and their successions, Chinese places and their hierarchy,
// kinds of agreement. The verbs and the pages: who may, bad input named and
// nothing stored, a stale version refused, a loop in the hierarchy refused,
// and the public pages showing each change on the next request.
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { actors, actorSuccessions, agreementKinds, agreements, auditLog, counterparts, organisations } from '../../src/db/schema.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { changeActor } from '../../src/domain/actors/change.ts';
import { createActor } from '../../src/domain/actors/create.ts';
import { addAgreementKind } from '../../src/domain/agreement-kinds/add.ts';
import { renameAgreementKind } from '../../src/domain/agreement-kinds/rename.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import type { Context } from '../../src/domain/context.ts';
import { changeCounterpart } from '../../src/domain/counterparts/change.ts';
import { createCounterpart } from '../../src/domain/counterparts/create.ts';
import { refusal } from '../support/refusal.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';
import { FormBrowser } from '../support/form-browser.ts';
import { expectNamedEntry } from '../support/form-browser.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const PASSWORD = 'a long passphrase';
const people = {} as Record<'admin' | 'editor' | 'reader' | 'coordinator', string>;
let ortsband: number;

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  for (const role of ['admin', 'editor', 'reader', 'coordinator'] as const) {
    people[role] = `${uniqueSlug(role)}@kommun.se`;
    await addUser({ ctx: systemCtx(t), input: { email: people[role], displayName: `The ${role}`, organisation: 'ortsband', role, password: PASSWORD } });
  }
  ortsband = (await t.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'ortsband')))[0]!.id;
});
afterAll(async () => t?.close());

/** A browser's cookie jar for this site. */

/** A browser signed in as the person of the role. */
async function browserAs(role: keyof typeof people) {
  const browser = new FormBrowser(app);
  expect((await browser.signIn(people[role], PASSWORD)).status).toBe(303);
  return browser;
}

const as = (role: 'admin' | 'editor' | 'reader'): Context => ({ db: t.database.db, principal: { kind: 'user', subject: people[role], organisationId: ortsband, role } });
const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;
const forbidden = (work: Promise<unknown>) => expect(work).rejects.toMatchObject({ code: 'FORBIDDEN' });

/** A public place, a city in it, a Swedish party and an agreement between them: what the public pages show. */
async function register(prefix: string) {
  const ctx = systemCtx(t);
  const org = ortsband;
  const province = await createCounterpart({ ctx, organisationId: org, input: { slug: uniqueSlug(`${prefix}-prov`), nameLatin: `${prefix} Province`, nameNative: '测试省', level: 'province', lat: 30, lon: 110 } });
  const other = await createCounterpart({ ctx, organisationId: org, input: { slug: uniqueSlug(`${prefix}-other`), nameLatin: `${prefix} Otherprov`, level: 'province', lat: 35, lon: 115 } });
  const city = await createCounterpart({ ctx, organisationId: org, input: { slug: uniqueSlug(`${prefix}-city`), nameLatin: `${prefix} City`, level: 'prefecture_city', parent: province.slug, lat: 30.5, lon: 110.5 } });
  const district = await createCounterpart({ ctx, organisationId: org, input: { slug: uniqueSlug(`${prefix}-dist`), nameLatin: `${prefix} District`, level: 'district', parent: city.slug } });
  const actor = await createActor({ ctx, organisationId: org, input: { slug: uniqueSlug(`${prefix}-actor`), name: `${prefix} kommun`, kind: 'kommun', countyCode: '09', seatLat: 57.6, seatLon: 18.3 } });
  const agreement = await createAgreement({ ctx, organisationId: org, input: { slug: uniqueSlug(`${prefix}-agr`), kind: 'vanort', parties: [actor.slug], counterparts: [district.slug] } });
  return { province, other, city, district, actor, agreement };
}

describe('who may', () => {
  const pages = ['/admin', '/admin/organisationer', '/admin/parter', '/admin/parter/ny', '/admin/parter/kalix/andra', '/admin/motparter', '/admin/motparter/ny', '/admin/motparter/zhejiang/andra', '/admin/avtalstyper', '/admin/avtalstyper/vanort/andra'];

  it('sends an anonymous visitor to sign in, refuses a reader, an editor and a coordinator (403), and opens every page to an administrator, never cached', async () => {
    for (const path of pages) {
      const anonymous = await new FormBrowser(app).request(path);
      expect([path, anonymous.status, anonymous.headers.get('location')]).toEqual([path, 303, `/logga-in?tillbaka=${encodeURIComponent(path)}`]);
    }
    for (const role of ['reader', 'editor', 'coordinator'] as const) {
      const b = await browserAs(role);
      for (const path of pages) {
        const { status, html } = await b.page(path);
        expect([role, path, status]).toEqual([role, path, 403]);
        expect(html).toContain('Sidan är inte öppen');
      }
    }
    const admin = await browserAs('admin');
    for (const path of pages) {
      const { status, response, html } = await admin.page(path);
      expect([path, status]).toEqual([path, 200]);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(html).toContain('aria-label="Administration"');
    }
    expect((await admin.page('/admin/parter/no-such-body/andra')).status).toBe(404);
    expect((await admin.page('/admin/avtalstyper/no_such_kind/andra')).status).toBe(404);
  });

  it('refuses every post of a non-administrator and stores nothing', async () => {
    const before = await auditCount();
    const posts: Array<[string, Record<string, string>]> = [
      ['/admin/organisationer', { name: 'Sveriges Kommuner och Regioner' }],
      ['/admin/parter/ny', { name: 'Nybyggda kommun', kind: 'kommun', visibility: 'public' }],
      ['/admin/parter/kalix/andra', { name: 'Kalix stad', kind: 'kommun', visibility: 'public', version: '1' }],
      ['/admin/parter/kalix/efterfoljd', { direction: 'predecessor', kind: 'renamed', other: 'lulea' }],
      ['/admin/motparter/ny', { nameLatin: 'Newtown', level: 'prefecture_city', visibility: 'public' }],
      ['/admin/motparter/zhejiang/andra', { nameLatin: 'Chekiang', level: 'province', visibility: 'public' }],
      ['/admin/avtalstyper', { code: 'projektavtal', nameSv: 'Projektavtal', nameEn: 'Project agreement', timeLimited: 'yes' }],
      ['/admin/avtalstyper/vanort/andra', { nameSv: 'Vänort', nameEn: 'Sister city' }],
    ];
    // Without a session: a page that says so and offers to sign in (401), not a redirect that drops the post.
    for (const [path, fields] of posts) {
      expect([path, (await new FormBrowser(app).post(path, fields)).status]).toEqual([path, 401]);
    }
    for (const role of ['reader', 'editor'] as const) {
      const b = await browserAs(role);
      const csrf = await b.formToken('/konto');
      for (const [path, fields] of posts) expect([role, path, (await b.post(path, { ...fields, csrf })).status]).toEqual([role, path, 403]);
    }
    expect(await auditCount()).toBe(before);
  });

  it('lets only an administrator (or the command line) call the verbs', async () => {
    const { actor, city } = await register('perm');
    for (const role of ['reader', 'editor'] as const) {
      await forbidden(changeActor({ ctx: as(role), slug: actor.slug, input: { name: 'X', kind: 'kommun' } }));
      await forbidden(changeCounterpart({ ctx: as(role), slug: city.slug, input: { nameLatin: 'X', level: 'prefecture_city' } }));
      await forbidden(createActor({ ctx: as(role), organisationId: ortsband, input: { slug: uniqueSlug('x'), name: 'X', kind: 'kommun' } }));
      await forbidden(createCounterpart({ ctx: as(role), organisationId: ortsband, input: { slug: uniqueSlug('x'), nameLatin: 'X', level: 'province' } }));
      await forbidden(addAgreementKind({ ctx: as(role), input: { code: 'x', nameSv: 'X', nameEn: 'X', timeLimited: false } }));
      await forbidden(renameAgreementKind({ ctx: as(role), code: 'vanort', input: { nameSv: 'X', nameEn: 'X' } }));
    }
    await forbidden(changeActor({ ctx: t.anonymous, slug: actor.slug, input: { name: 'X', kind: 'kommun' } }));
  });
});

describe('bad input', () => {
  it('names each bad field beside it and in the summary, keeps what was typed, and stores nothing', async () => {
    const admin = await browserAs('admin');
    const csrf = await admin.formToken('/admin/parter/ny');
    const [actorsBefore, auditBefore] = [(await t.database.db.select({ n: count() }).from(actors))[0]!.n, await auditCount()];
    const response = await admin.post('/admin/parter/ny', {
      csrf,
      name: '',
      otherNames: 'Ett annat namn',
      kind: 'kommun',
      municipalityCode: '12',
      countyCode: '09',
      existedFrom: '2019-13-45',
      seatLat: 'norr',
      seatLon: '18.3',
      visibility: 'public',
      note: 'En anteckning <b>fet</b>',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const [id, message] of [
      ['actor-name', 'Skriv namnet.'],
      ['actor-municipalityCode', 'Skriv SCB:s kommunkod med fyra siffror, till exempel 1480.'],
      ['actor-existedFrom', '”2019-13-45” är inget datum'],
      ['actor-seatLat', 'Skriv ett tal, till exempel 57.71.'],
    ] as const) {
      expectNamedEntry(html, id, message);
      expect(html).toContain(`id="${id}-error"`);
    }
    expect(html).not.toContain('href="#actor-slug"'); // the slug is made from the name: the name's problem, not the slug's
    expect(html).toMatch(/<textarea[^>]*name="otherNames"[^>]*>Ett annat namn<\/textarea>/);
    expect(html).toContain('value="norr"');
    expect(html).toContain('En anteckning &lt;b&gt;fet&lt;/b&gt;');
    expect((await t.database.db.select({ n: count() }).from(actors))[0]!.n).toBe(actorsBefore);
    expect(await auditCount()).toBe(auditBefore);

    const english = await admin.post('/admin/parter/ny?lang=en', { csrf, name: 'Somewhere', kind: 'nonsense', visibility: 'public' });
    expect(english.status).toBe(400);
    expectNamedEntry(await english.text(), 'actor-kind', 'Choose one of the kinds');
  });

  it('refuses a form without its token (403) and a post from another site', async () => {
    const admin = await browserAs('admin');
    const before = await auditCount();
    expect((await admin.post('/admin/avtalstyper', { code: 'utan_token', nameSv: 'Utan', nameEn: 'Without', timeLimited: 'no' })).status).toBe(403);
    const csrf = await admin.formToken('/admin/avtalstyper');
    const foreign = await admin.request('/admin/avtalstyper', {
      method: 'POST',
      body: new URLSearchParams({ csrf, code: 'fran_annan', nameSv: 'Från', nameEn: 'From', timeLimited: 'no' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a kommunkod another party has, naming the field', async () => {
    const { actor } = await register('code');
    const error = await refusal(changeActor({ ctx: as('admin'), slug: actor.slug, input: { name: actor.name, kind: 'kommun', municipalityCode: '1480', countyCode: '14' } }));
    expect(error.problems).toEqual([{ field: 'municipalityCode', message: "kommunkod 1480 is Göteborgs Stad's already" }]);
  });
});

describe('versions', () => {
  it('refuses a change made to a stale version, in the verb and in the form, which shows both and keeps what was typed', async () => {
    const { actor } = await register('stale');
    const admin = as('admin');
    await changeActor({ ctx: admin, slug: actor.slug, input: { name: 'Stale kommun (rättad)', kind: 'kommun', countyCode: '09', version: 1 } });
    expect((await refusal(changeActor({ ctx: admin, slug: actor.slug, input: { name: 'Another', kind: 'kommun', version: 1 } }))).code).toBe('CONFLICT');

    const b = await browserAs('admin');
    const csrf = await b.formToken(`/admin/parter/${actor.slug}/andra`);
    const before = await auditCount();
    const response = await b.post(`/admin/parter/${actor.slug}/andra`, { csrf, version: '1', name: 'Mitt namn', kind: 'kommun', countyCode: '09', visibility: 'public' });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain('Någon annan sparade under tiden');
    expect(html).toMatch(/<th scope="row">Namn<\/th><td>Stale kommun \(rättad\)<\/td><td>Mitt namn<\/td>/);
    expect(html).toContain('value="Mitt namn"');
    expect(html).toContain('name="version" value="2"'); // saving again overrides, knowingly
    expect(await auditCount()).toBe(before);
    const again = await b.post(`/admin/parter/${actor.slug}/andra`, { csrf, version: '2', name: 'Mitt namn', kind: 'kommun', countyCode: '09', visibility: 'public' });
    expect([again.status, again.headers.get('location')]).toEqual([303, `/admin/parter/${actor.slug}/andra?sparat=1`]);
  });

  it('refuses a stale version of a place too', async () => {
    const { city } = await register('stale-place');
    const admin = as('admin');
    await changeCounterpart({ ctx: admin, slug: city.slug, input: { nameLatin: 'Renamed City', level: 'prefecture_city', parent: null, version: 1 } });
    expect((await refusal(changeCounterpart({ ctx: admin, slug: city.slug, input: { nameLatin: 'Again', level: 'prefecture_city', version: 1 } }))).code).toBe('CONFLICT');
  });
});

describe('the hierarchy of places', () => {
  it('refuses to put a place inside itself or inside a place inside it, naming the field', async () => {
    const { province, district, city } = await register('loop');
    const admin = as('admin');
    const self = await refusal(changeCounterpart({ ctx: admin, slug: province.slug, input: { nameLatin: province.nameLatin, level: 'province', parent: province.slug } }));
    expect(self.problems).toEqual([{ field: 'parent', message: 'a place cannot lie inside itself' }]);
    const below = await refusal(changeCounterpart({ ctx: admin, slug: province.slug, input: { nameLatin: province.nameLatin, level: 'province', parent: district.slug } }));
    expect(below.problems).toEqual([{ field: 'parent', message: `${district.nameLatin} lies inside ${province.nameLatin}: a place cannot lie inside itself` }]);

    const b = await browserAs('admin');
    const csrf = await b.formToken(`/admin/motparter/${city.slug}/andra`);
    const response = await b.post(`/admin/motparter/${province.slug}/andra`, { csrf, version: '1', nameLatin: province.nameLatin, level: 'province', parent: city.slug, visibility: 'public', lat: '30', lon: '110' });
    expect(response.status).toBe(400);
    expectNamedEntry(await response.text(), 'place-parent', `${city.nameLatin} ligger i ${province.nameLatin}: en ort kan inte ligga i sig själv.`);
    const [row] = await t.database.db.select().from(counterparts).where(eq(counterparts.id, province.id));
    expect([row!.parentId, row!.ancestorIds, row!.version]).toEqual([null, [], 1]);
  });

  it('moves a place with everything inside it, and the agreements that name them follow, in one change', async () => {
    const { province, other, city, district, agreement } = await register('move');
    const anonymous = new FormBrowser(app);
    // Read (and cached) before the move.
    expect((await anonymous.page(`/avtal?place=${province.slug}`)).html).toContain(agreement.slug);
    expect((await anonymous.page(`/avtal?place=${other.slug}`)).html).not.toContain(agreement.slug);
    expect((await anonymous.page(`/motparter/${other.slug}`)).html).not.toContain(agreement.slug);

    const b = await browserAs('admin');
    const csrf = await b.formToken(`/admin/motparter/${city.slug}/andra`);
    const moved = await b.post(`/admin/motparter/${city.slug}/andra`, {
      csrf,
      version: '1',
      nameLatin: city.nameLatin,
      nameNative: '测试市',
      namePinyin: 'Cèshì',
      otherNames: 'Old Testcity\nTestopolis',
      level: 'prefecture_city',
      parent: other.slug,
      lat: '35,5',
      lon: '115.5',
      visibility: 'public',
      comment: 'It lies in the other province (the source was wrong).',
    });
    expect([moved.status, moved.headers.get('location')]).toEqual([303, `/admin/motparter/${city.slug}/andra?sparat=1`]);

    const ids = async (id: number) => (await t.database.db.select({ a: counterparts.ancestorIds }).from(counterparts).where(eq(counterparts.id, id)))[0]!.a;
    expect(await ids(city.id)).toEqual([other.id]);
    expect(await ids(district.id)).toEqual([other.id, city.id]);
    const [cached] = await t.database.db.select({ placeIds: agreements.placeIds, label: agreements.counterpartLabel, search: agreements.searchText }).from(agreements).where(eq(agreements.id, agreement.id));
    expect(cached!.placeIds).toEqual([other.id, city.id, district.id].sort((a, b) => a - b));
    expect(cached!.search).toContain('testopolis');

    // The public pages, on the next request.
    expect((await anonymous.page(`/avtal?place=${other.slug}`)).html).toContain(agreement.slug);
    expect((await anonymous.page(`/avtal?place=${province.slug}`)).html).not.toContain(agreement.slug);
    expect((await anonymous.page(`/motparter/${other.slug}`)).html).toContain(agreement.slug);
    expect((await anonymous.page(`/avtal?q=Testopolis`)).html).toContain(agreement.slug);
    const cityPage = (await anonymous.page(`/motparter/${city.slug}`)).html;
    expect(cityPage).toContain('测试市');
    expect(cityPage).toContain(other.nameLatin);

    const [entry] = await t.database.db.select().from(auditLog).where(sql`${auditLog.entityType} = 'counterpart' and ${auditLog.entityId} = ${city.id} and ${auditLog.action} = 'counterpart.change'`);
    expect(entry!.reason).toBe('It lies in the other province (the source was wrong).');
    expect((entry!.before as { parentId: number }).parentId).toBe(province.id);
    expect((entry!.after as { parentId: number; lat: number }).parentId).toBe(other.id);
    expect((entry!.after as { lat: number }).lat).toBe(35.5);
  });
});

describe('Swedish parties', () => {
  it("a change of name shows on the party's page, in the lists and on the map on the next request", async () => {
    const { actor, agreement } = await register('rename');
    const anonymous = new FormBrowser(app);
    for (const path of [`/parter/${actor.slug}`, '/parter', '/avtal?county=09', `/avtal/${agreement.slug}`, '/karta?county=09']) expect((await anonymous.page(path)).html).toContain('rename kommun');

    const b = await browserAs('admin');
    const csrf = await b.formToken(`/admin/parter/${actor.slug}/andra`);
    const saved = await b.post(`/admin/parter/${actor.slug}/andra`, {
      csrf,
      version: '1',
      name: 'Omdöpta kommun',
      otherNames: 'Renamedtown',
      kind: 'kommun',
      municipalityCode: '0985',
      countyCode: '09',
      existedFrom: '1971',
      seatLat: '57.7',
      seatLon: '18.4',
      note: 'Namnet rättat.',
      noteEn: 'The name corrected.',
      visibility: 'public',
      comment: 'Stavfel',
    });
    expect([saved.status, saved.headers.get('location')]).toEqual([303, `/admin/parter/${actor.slug}/andra?sparat=1`]);
    const after = await b.page(`/admin/parter/${actor.slug}/andra?sparat=1`);
    expect(after.html).toContain('Sparat.');
    expect(after.html).toContain('value="Omdöpta kommun"');

    for (const path of [`/parter/${actor.slug}`, '/parter', '/avtal?county=09', `/avtal/${agreement.slug}`, '/karta?county=09', '/avtal?q=renamedtown']) {
      const { html } = await anonymous.page(path);
      expect([path, html.includes('Omdöpta kommun'), html.includes('rename kommun')]).toEqual([path, true, false]);
    }
    const [row] = await t.database.db.select().from(actors).where(eq(actors.id, actor.id));
    expect([row!.version, row!.municipalityCode, row!.existedFrom, row!.note, row!.noteEn]).toEqual([2, '0985', '1971', 'Namnet rättat.', 'The name corrected.']);
  });

  it('a party made internal leaves the public label of its agreement in the same change', async () => {
    const { actor, agreement } = await register('hide');
    await changeActor({ ctx: as('admin'), slug: actor.slug, input: { name: actor.name, kind: 'kommun', countyCode: '09', visibility: 'internal' } });
    const [row] = await t.database.db.select({ label: agreements.partyLabel }).from(agreements).where(eq(agreements.id, agreement.id));
    expect(row!.label).toBe('');
    expect((await new FormBrowser(app).page(`/parter/${actor.slug}`)).status).toBe(404);
  });

  it('adds a party through the form, its address part made from its name', async () => {
    const b = await browserAs('admin');
    const csrf = await b.formToken('/admin/parter/ny');
    const name = `Nyskapade Ödeshögs ${Date.now().toString(36)} kommun`;
    const response = await b.post('/admin/parter/ny', { csrf, name, kind: 'kommun', countyCode: '05', visibility: 'public', seatLat: '', seatLon: '' });
    expect(response.status).toBe(303);
    const slug = /\/admin\/parter\/([a-z0-9-]+)\/andra/.exec(response.headers.get('location')!)![1]!;
    expect(slug).toMatch(/^nyskapade-odeshogs-/);
    expect((await new FormBrowser(app).page(`/parter/${slug}`)).html).toContain(name);
    const again = await b.post('/admin/parter/ny', { csrf, name, kind: 'kommun', visibility: 'public' });
    expect(again.status).toBe(409);
    expectNamedEntry(await again.text(), 'actor-slug', `Det finns redan en part med kortnamnet ”${slug}”.`);
  });

  it('records a renaming: both parties keep their pages, linked to each other', async () => {
    const { actor } = await register('succ');
    const successor = await createActor({ ctx: systemCtx(t), organisationId: ortsband, input: { slug: uniqueSlug('succ-new'), name: 'Succ region', kind: 'region', countyCode: '09' } });
    const b = await browserAs('admin');
    const path = `/admin/parter/${actor.slug}/efterfoljd`;
    const csrf = await b.formToken(`/admin/parter/${actor.slug}/andra`);
    const bad = await b.post(path, { csrf, direction: 'predecessor', kind: 'renamed', other: '', date: '2019-13' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#succession-other"');
    expect(badHtml).toContain('href="#succession-date"');
    const self = await b.post(path, { csrf, direction: 'predecessor', kind: 'renamed', other: actor.slug });
    expectNamedEntry(await self.text(), 'succession-other', 'En part kan inte efterträda sig själv.');
    expect((await t.database.db.select({ n: count() }).from(actorSuccessions).where(eq(actorSuccessions.predecessorId, actor.id)))[0]!.n).toBe(0);

    const ok = await b.post(path, { csrf, direction: 'predecessor', kind: 'merged', other: successor.slug, date: '2019-01-01', note: 'Gick upp i regionen.', comment: 'Beslut 2018' });
    expect(ok.status).toBe(303);
    const [row] = await t.database.db.select().from(actorSuccessions).where(eq(actorSuccessions.predecessorId, actor.id));
    expect([row!.successorId, row!.kind, row!.date]).toEqual([successor.id, 'merged', '2019-01-01']);
    expect((await new FormBrowser(app).page(`/parter/${actor.slug}`)).html).toContain('Succ region');
    expect((await new FormBrowser(app).page(`/parter/${successor.slug}`)).html).toContain(actor.name);
    expect((await b.page(`/admin/parter/${successor.slug}/andra`)).html).toContain('gick upp i');
  });
});

describe('organisations and kinds of agreement', () => {
  it('adds a national body and a Swedish body found by its name, and names a body that is not there', async () => {
    const b = await browserAs('admin');
    const csrf = await b.formToken('/admin/organisationer');
    const skr = await b.post('/admin/organisationer', { csrf, name: 'Sveriges Kommuner och Regioner', slug: 'skr', actor: '' });
    expect([skr.status, skr.headers.get('location')]).toEqual([303, '/admin/organisationer?tillagd=Sveriges+Kommuner+och+Regioner']);
    const byName = await b.post('/admin/organisationer', { csrf, name: 'Kalix kommun (internationella enheten)', actor: 'kalix kommun' });
    expect(byName.status).toBe(303);
    const rows = await t.database.db.select({ slug: organisations.slug, actor: organisations.actorId }).from(organisations).where(sql`${organisations.slug} in ('skr', 'kalix-kommun-internationella-enheten')`);
    expect(rows.find((r) => r.slug === 'skr')!.actor).toBeNull();
    expect(rows.find((r) => r.slug !== 'skr')!.actor).toBe((await t.database.db.select({ id: actors.id }).from(actors).where(eq(actors.slug, 'kalix')))[0]!.id);
    const list = await b.page('/admin/organisationer');
    expect(list.html).toContain('Sveriges Kommuner och Regioner');
    expect(list.html).toContain('nationellt organ');

    const before = await auditCount();
    const missing = await b.post('/admin/organisationer', { csrf, name: 'Ingenstans', actor: 'Ingenstans kommun' });
    expect(missing.status).toBe(400);
    const html = await missing.text();
    expectNamedEntry(html, 'organisation-actor', 'Det finns ingen svensk part ”Ingenstans kommun” i registret');
    expect(html).toContain('value="Ingenstans kommun"');
    const twice = await b.post('/admin/organisationer', { csrf, name: 'Kalix igen', actor: '2514' });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('href="#organisation-actor"');
    expect(await auditCount()).toBe(before);
  });

  it('adds a kind and renames it, naming each bad field', async () => {
    const b = await browserAs('admin');
    const csrf = await b.formToken('/admin/avtalstyper');
    const bad = await b.post('/admin/avtalstyper', { csrf, code: 'Projekt Avtal', nameSv: '', nameEn: 'Project agreement', timeLimited: 'maybe' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    for (const id of ['kind-code', 'kind-nameSv', 'kind-timeLimited']) expect(badHtml).toContain(`href="#${id}"`);
    expect(badHtml).toContain('value="Projekt Avtal"');
    expect((await t.database.db.select().from(agreementKinds).where(eq(agreementKinds.code, 'Projekt Avtal'))).length).toBe(0);

    const added = await b.post('/admin/avtalstyper', { csrf, code: 'projektavtal', nameSv: 'Projektavtal', nameEn: 'Project agreement', timeLimited: 'yes' });
    expect(added.status).toBe(303);
    const taken = await b.post('/admin/avtalstyper', { csrf, code: 'projektavtal', nameSv: 'Igen', nameEn: 'Again', timeLimited: 'no' });
    expectNamedEntry(await taken.text(), 'kind-code', 'Koden projektavtal används redan (Project agreement).');

    const renamed = await b.post('/admin/avtalstyper/projektavtal/andra', { csrf, nameSv: 'Projektöverenskommelse', nameEn: 'Project arrangement', comment: 'Bättre namn' });
    expect(renamed.status).toBe(303);
    const [row] = await t.database.db.select().from(agreementKinds).where(eq(agreementKinds.code, 'projektavtal'));
    expect(row).toEqual({ code: 'projektavtal', nameSv: 'Projektöverenskommelse', nameEn: 'Project arrangement', timeLimited: true });
    expect((await b.page('/admin/avtalstyper')).html).toContain('Projektöverenskommelse');
    // The public pages name an agreement of the kind by the kind's name as kept, in each language.
    const made = await createAgreement({ ctx: as('editor'), organisationId: ortsband, input: { slug: uniqueSlug('projekt'), kind: 'projektavtal', parties: ['kalix'], counterparts: ['zhejiang'] } });
    for (const path of [`/avtal/${made.slug}`, '/avtal?kind=projektavtal']) expect(await (await app.request(path)).text(), path).toContain('Projektöverenskommelse');
    expect(await (await app.request(`/avtal/${made.slug}?lang=en`)).text()).toContain('Project arrangement');
    // The list's and the map's filters offer it, by its name.
    for (const [path, id] of [['/avtal', 'f-kind'], ['/karta', 'm-kind']] as const) {
      const select = new RegExp(`<select[^>]*id="${id}"[\\s\\S]*?</select>`).exec(await (await app.request(path)).text())?.[0] ?? '';
      expect(select, path).toContain('<option value="projektavtal">Projektöverenskommelse</option>');
      expect(select, path).toContain('value="vanort"');
    }
    const empty = await b.post('/admin/avtalstyper/projektavtal/andra', { csrf, nameSv: ' ', nameEn: 'X' });
    expect(empty.status).toBe(400);
    expectNamedEntry(await empty.text(), 'rename-nameSv', 'Skriv det svenska namnet.');
  });
});

describe('text no column can hold', () => {
  it('refuses a NUL or half a surrogate pair in any field, naming it, and stores nothing', async () => {
    const b = await browserAs('admin');
    const csrf = await b.formToken('/admin/parter/ny');
    const before = await auditCount();
    const nul = await b.post('/admin/parter/ny', { csrf, name: 'Nul\u0000kommun', kind: 'kommun', visibility: 'public' });
    expect(nul.status).toBe(400);
    expectNamedEntry(await nul.text(), 'actor-name', 'Innehåller ett tecken (NUL) som inte kan sparas.');
    const error = await refusal(changeCounterpart({ ctx: as('admin'), slug: 'suzhou', input: { nameLatin: 'Suzhou', otherNames: ['ok', 'half \ud800'], level: 'prefecture_city' } }));
    expect(error.problems).toEqual([{ field: 'otherNames.1', message: 'is not valid Unicode text' }]);
    expect(await auditCount()).toBe(before);
  });
});
