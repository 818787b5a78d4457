// Contact surfaces: an editor adds one linked to a Swedish body, a Chinese
// place and a source; it shows on its page, in the filtered list, on the
// body's and the place's pages and in the counts per county and province;
// an internal one shows to its own organisation only; a stale change is a
// conflict; another organisation's editor may not change it; bad input is
// named by field and stores nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { PUBLIC_READER } from '../../src/domain/access.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { surfacesPerCounty, surfacesPerProvince } from '../../src/domain/contact-surfaces/counts.ts';
import { createContactSurface } from '../../src/domain/contact-surfaces/save.ts';
import { createActor } from '../../src/domain/actors/create.ts';
import { changeActor } from '../../src/domain/actors/change.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let visitors: Record<'editor' | 'reader' | 'otherEditor' | 'anonymous', Visitor>;
const count = async () =>
  (await queryRows<{ n: number }>(t.database.db, sql`select (select count(*) from contact_surfaces) + (select count(*) from contact_surface_actors) + (select count(*) from contact_surface_places) + (select count(*) from citations) + (select count(*) from audit_log) as n`))[0]!.n;
const SURFACE = { kind: 'confucius', title: 'Konfuciusklassrum på Kalix gymnasium', 'actors.0': 'Kalix kommun', 'places.0': 'zhejiang', 'sources.0': 'nkk2022', date: '2012', endDate: '2019-06', visibility: 'public', description: 'Ett klassrum med lärare från Zhejiang.' };
const idIn = (location: string | null) => Number(/\/kontaktytor\/(\d+)/.exec(location ?? '')?.[1]);

beforeAll(async () => {
  t = await openTestDatabase();
  const app = createApp(t.database);
  for (const org of ['kyt-a', 'kyt-b']) await addOrganisation({ ctx: systemCtx(t), input: { slug: org, name: `Kommun ${org.slice(-1).toUpperCase()}` } });
  ({ visitors } = await signedInVisitors(t, app, {
    editor: { role: 'editor', organisation: 'kyt-a' },
    reader: { role: 'reader', organisation: 'kyt-a' },
    otherEditor: { role: 'editor', organisation: 'kyt-b' },
  }));
}, 120_000);
afterAll(async () => t?.close());

describe('contact surfaces', () => {
  it('adds one and shows it on its page, in the list, on the body’s and the place’s pages and in the counts', async () => {
    const added = await visitors.editor.post('/kontaktytor/ny', SURFACE);
    expect(added.status, await added.clone().text()).toBe(303);
    const id = idIn(added.headers.get('location'));
    const page = await (await visitors.anonymous.request(`/kontaktytor/${id}`)).text();
    expect(page).toContain('Konfuciusklassrum på Kalix gymnasium');
    expect(page).toContain('href="/parter/kalix"');
    expect(page).toContain('href="/motparter/zhejiang"');
    expect(page).toContain('href="/kallor/nkk2022"');
    for (const path of ['/kontaktytor', '/kontaktytor?kind=confucius', '/kontaktytor?county=25', '/kontaktytor?province=zhejiang', '/parter/kalix', '/motparter/zhejiang', '/kontaktytor?lang=en']) {
      expect(await (await visitors.anonymous.request(path)).text(), path).toContain(`href="/kontaktytor/${id}`);
    }
    for (const path of ['/kontaktytor?kind=trade', '/kontaktytor?county=01', '/kontaktytor?province=guangdong']) {
      expect(await (await visitors.anonymous.request(path)).text(), path).not.toContain(`href="/kontaktytor/${id}`);
    }
    const ctx = { db: t.database.db, principal: PUBLIC_READER };
    expect((await surfacesPerCounty(ctx)).find((c) => c.county === '25')?.counts.confucius).toBe(1);
    expect((await surfacesPerProvince(ctx)).find((p) => p.slug === 'zhejiang')?.counts.confucius).toBe(1);
  });

  it('shows an internal one to its own organisation only', async () => {
    const added = await visitors.editor.post('/kontaktytor/ny', { ...SURFACE, kind: 'influence', title: 'Påtryckning mot Kalix internt', visibility: 'internal' });
    expect(added.status).toBe(303);
    const id = idIn(added.headers.get('location'));
    expect(await (await visitors.reader.request(`/kontaktytor/${id}`)).text()).toContain('Påtryckning mot Kalix internt');
    expect(await (await visitors.reader.request('/parter/kalix')).text()).toContain('Påtryckning mot Kalix internt');
    for (const who of ['anonymous', 'otherEditor'] as const) {
      expect((await visitors[who].request(`/kontaktytor/${id}`)).status, who).toBe(404);
      for (const path of ['/kontaktytor', '/parter/kalix', '/motparter/zhejiang']) expect(await (await visitors[who].request(path)).text(), `${who} ${path}`).not.toContain('Påtryckning mot Kalix internt');
    }
    const ctx = { db: t.database.db, principal: PUBLIC_READER };
    expect((await surfacesPerCounty(ctx)).find((c) => c.county === '25')?.counts.influence ?? 0).toBe(0);
    // The public export holds the public ones only.
    const exported = (await (await visitors.anonymous.request('/api/export.json')).json()) as { contactSurfaces: Array<{ id: number; title: string; actors: Array<{ slug: string }> }> };
    expect(exported.contactSurfaces.map((x) => x.title)).toContain('Konfuciusklassrum på Kalix gymnasium');
    expect(exported.contactSurfaces.some((x) => x.id === id)).toBe(false);
    // The API: the list and each one as the reader may read them.
    expect(((await (await visitors.anonymous.request('/api/contact-surfaces?kind=influence')).json()) as { total: number }).total).toBe(0);
    expect((await visitors.anonymous.request(`/api/contact-surfaces/${id}`)).status).toBe(404);
    expect(((await (await visitors.reader.request(`/api/contact-surfaces/${id}`)).json()) as { title: string }).title).toBe('Påtryckning mot Kalix internt');
  });

  it('changes one at the version it was opened at; a stale change is a conflict; another body’s editor may not; removes it', async () => {
    const id = idIn((await visitors.editor.post('/kontaktytor/ny', { ...SURFACE, title: 'Att ändra' })).headers.get('location'));
    const form = await (await visitors.editor.request(`/kontaktytor/${id}/andra`)).text();
    expect(form).toContain('value="Att ändra"');
    const changed = await visitors.editor.post(`/kontaktytor/${id}/andra`, { ...SURFACE, title: 'Ändrad', expectedVersion: '1', 'actors.0': 'kalix', 'places.0': '', 'sources.0': '' });
    expect(changed.status).toBe(303);
    const page = await (await visitors.anonymous.request(`/kontaktytor/${id}`)).text();
    expect(page).toContain('Ändrad');
    expect(page).not.toContain('href="/motparter/zhejiang"');
    const stale = await visitors.editor.post(`/kontaktytor/${id}/andra`, { ...SURFACE, title: 'Gammal', expectedVersion: '1' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('value="Gammal"');
    const before = await count();
    expect((await visitors.otherEditor.post(`/kontaktytor/${id}/andra`, { ...SURFACE, expectedVersion: '2' })).status).toBe(403);
    expect((await visitors.otherEditor.post(`/kontaktytor/${id}/ta-bort`, { expectedVersion: '2' })).status).toBe(403);
    expect((await visitors.reader.post(`/kontaktytor/${id}/ta-bort`, { expectedVersion: '2' })).status).toBe(403);
    expect(await count()).toBe(before);
    expect((await visitors.editor.post(`/kontaktytor/${id}/ta-bort`, { expectedVersion: '2' })).status).toBe(303);
    expect((await visitors.anonymous.request(`/kontaktytor/${id}`)).status).toBe(404);
  });

  it('counts a surface in the county of a body only while the body is public, and in its new county when it moves', async () => {
    const ctx = systemCtx(t);
    const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'kyt-a'`);
    await createActor({ ctx, organisationId: org!.id, input: { slug: 'kyt-bolag', name: 'Kyt bolag', kind: 'municipal_company', countyCode: '09' } });
    await createContactSurface({ ctx, organisationId: org!.id, input: { kind: 'procurement', title: 'Upphandling på Gotland', actors: ['kyt-bolag'], visibility: 'public' } });
    const procurementIn = async (county: string) => (await surfacesPerCounty({ db: t.database.db, principal: PUBLIC_READER })).find((c) => c.county === county)?.counts.procurement ?? 0;
    expect(await procurementIn('09')).toBe(1);
    const body = { name: 'Kyt bolag', kind: 'municipal_company', countyCode: '09' };
    await changeActor({ ctx, slug: 'kyt-bolag', input: { ...body, visibility: 'internal' } });
    expect(await procurementIn('09')).toBe(0);
    await changeActor({ ctx, slug: 'kyt-bolag', input: { ...body, countyCode: '10', visibility: 'public' } });
    expect([await procurementIn('09'), await procurementIn('10')]).toEqual([0, 1]);
  });

  it('names the field of bad input and stores nothing; readers and the public may not add', async () => {
    for (const [field, value, id] of [
      ['kind', 'spying', 'kind'],
      ['title', '  ', 'title'],
      ['date', 'i våras', 'date'],
      ['endDate', '2010', 'endDate'],
      ['actors.1', 'Ingen sådan kommun', 'actors'],
      ['places.0', 'no-such-place', 'places'],
      ['sources.0', 'Ingen källa', 'sources'],
      ['visibility', 'everyone', 'visibility'],
      ['descriptionEn', 'English alone', 'descriptionEn'],
    ] as const) {
      const before = await count();
      const response = await visitors.editor.post('/kontaktytor/ny', { ...SURFACE, ...(field === 'descriptionEn' ? { description: '' } : {}), [field]: value });
      expect(response.status, field).toBe(400);
      expect(await response.text(), field).toContain(`href="#surface-${id}`);
      expect(await count(), field).toBe(before);
    }
    const before = await count();
    expect((await visitors.reader.post('/kontaktytor/ny', SURFACE)).status).toBe(403);
    expect((await visitors.anonymous.post('/kontaktytor/ny', SURFACE)).status).toBe(401);
    expect(await count()).toBe(before);
  });
});
