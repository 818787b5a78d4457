// Networks changed and ended by their keepers (pages and API), the API's
// writes and a meeting's documents named in GET /api/networks/{id}, and
// networks' meetings in the visits calendar and its feed: each reader sees
// the meetings of the networks they may read, also when the calendar's
// answers are kept per data version and reader.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { shiftMonths } from '../../src/domain/calendar/visits.ts';
import { currentDataVersion } from '../../src/domain/data-version.ts';
import { formatEdtf, todayInStockholm } from '../../src/web/format.ts';
import { addPerson, keyOf } from '../support/api-keys.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
type Who = 'keeper' | 'memberEditor' | 'memberReader' | 'outsideCoordinator' | 'outsider' | 'admin' | 'anonymous';
let visitors: Record<Who, Visitor>;
const key = { keeper: '', readOnly: '', member: '', outsideCoordinator: '', outsider: '' };
/** A month two ahead of today: inside the feed's window and the list view's. */
const MONTH = shiftMonths(todayInStockholm().slice(0, 7), 2);

const count = async () =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select ((select count(*) from networks) + (select count(*) from networks where ended_on is not null) + (select coalesce(sum(version), 0) from networks) + (select count(*) from network_members)
        + (select count(*) from network_meetings) + (select count(*) from network_notes) + (select count(*) from audit_log))::int as n`,
    )
  )[0]!.n;
const networkOf = async (name: string) => (await queryRows<{ id: number; version: number }>(t.database.db, sql`select id, version from networks where name = ${name}`))[0]!;

/** A request to the API with a key (or none), a JSON body when given. */
const api = (method: string, path: string, bearer: string, body?: unknown) =>
  app.fetch(
    new Request(`http://localhost${path}`, {
      method,
      headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );

/** A network started by the keeper with one member (nc-kommun) and one meeting on the 15th of MONTH. */
async function networkWithMeeting(name: string, visibility: 'public' | 'shared' | 'internal', place: string) {
  expect((await visitors.keeper.post('/natverk', { name, kind: 'regional', county: '12', visibility })).status).toBe(303);
  const { id } = await networkOf(name);
  expect((await visitors.keeper.post(`/natverk/${id}/medlemmar`, { organisation: 'nc-kommun' })).status).toBe(303);
  expect((await visitors.keeper.post(`/natverk/${id}/moten`, { heldOn: `${MONTH}-15`, place })).status).toBe(303);
  return id;
}

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  for (const [slug, name] of [
    ['nc-region', 'Region Halland (nc)'],
    ['nc-kommun', 'Varbergs kommun (nc)'],
    ['nc-annan', 'Falkenbergs kommun (nc)'],
  ])
    await addOrganisation({ ctx: systemCtx(t), input: { slug: slug!, name: name! } });
  ({ visitors } = await signedInVisitors(t, app, {
    keeper: { role: 'coordinator', organisation: 'nc-region' },
    memberEditor: { role: 'editor', organisation: 'nc-kommun' },
    memberReader: { role: 'reader', organisation: 'nc-kommun' },
    outsideCoordinator: { role: 'coordinator', organisation: 'nc-annan' },
    outsider: { role: 'editor', organisation: 'nc-annan' },
    admin: { role: 'admin', organisation: 'nc-annan' },
  }));
  const keeper = await addPerson(t, 'keeper@nc.example', 'coordinator', 'nc-region');
  key.keeper = await keyOf(t, keeper);
  key.readOnly = await keyOf(t, keeper, 'read');
  key.member = await keyOf(t, await addPerson(t, 'member@nc.example', 'editor', 'nc-kommun'));
  key.outsideCoordinator = await keyOf(t, await addPerson(t, 'coordinator@nc.example', 'coordinator', 'nc-annan'));
  key.outsider = await keyOf(t, await addPerson(t, 'outsider@nc.example', 'editor', 'nc-annan'));
}, 120_000);
afterAll(async () => t?.close());

describe('changing and ending a network', () => {
  it("its keepers change it at its version; a stale form is a conflict that keeps what was typed and stores nothing; others are refused", async () => {
    const id = await networkWithMeeting('Hallands nätverk', 'public', 'Halmstad');
    const { version } = await networkOf('Hallands nätverk');
    const form = await (await visitors.keeper.request(`/natverk/${id}`)).text();
    expect(form).toContain('id="andra-natverket"');
    expect(form).toContain(`name="expectedVersion" value="${version}"`);
    for (const who of ['memberEditor', 'outsideCoordinator', 'anonymous'] as const) expect(await (await visitors[who].request(`/natverk/${id}`)).text(), who).not.toContain('andra-natverket');

    const changed = { name: 'Hallands Kinanätverk', description: 'Ny beskrivning', kind: 'county', county: '13', visibility: 'shared', expectedVersion: String(version) };
    const saved = await visitors.keeper.post(`/natverk/${id}/andra`, changed);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/natverk/${id}?klart=natverk-andrat`);
    const page = await (await visitors.memberReader.request(`/natverk/${id}`)).text();
    expect(page).toContain('Hallands Kinanätverk');
    expect(page).toContain('Ny beskrivning');
    expect(page).toContain('Hallands län');
    // Made shared, the public reads it no more.
    expect((await visitors.anonymous.request(`/natverk/${id}`)).status).toBe(404);
    const [entry] = await queryRows<{ before: { name: string }; after: { name: string } }>(t.database.db, sql`select before, after from audit_log where action = 'network.change' and entity_id = ${id}`);
    expect([entry!.before.name, entry!.after.name]).toEqual(['Hallands nätverk', 'Hallands Kinanätverk']);

    const before = await count();
    const stale = await visitors.keeper.post(`/natverk/${id}/andra`, { ...changed, name: 'Ett inaktuellt namn' });
    expect(stale.status).toBe(409);
    const stalePage = await stale.text();
    expect(stalePage).toContain('href="#changeNetwork-expectedVersion"');
    expect(stalePage).toContain('value="Ett inaktuellt namn"');
    expect(stalePage).toContain(`name="expectedVersion" value="${version + 1}"`);
    expect((await visitors.outsideCoordinator.post(`/natverk/${id}/andra`, { ...changed, expectedVersion: String(version + 1) })).status).toBe(403);
    expect((await visitors.memberEditor.post(`/natverk/${id}/andra`, { ...changed, expectedVersion: String(version + 1) })).status).toBe(403);
    expect((await visitors.anonymous.post(`/natverk/${id}/andra`, { ...changed, expectedVersion: String(version + 1) })).status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('names the field of bad input to the change and end forms and stores nothing', async () => {
    const { id, version } = await networkOf('Hallands Kinanätverk');
    const good = { name: 'N', kind: 'county', county: '13', visibility: 'shared', expectedVersion: String(version) };
    const cases: Array<[string, Record<string, string>, string, string]> = [
      ['andra', { ...good, name: '' }, 'changeNetwork', 'name'],
      ['andra', { ...good, name: 'N'.repeat(301) }, 'changeNetwork', 'name'],
      ['andra', { ...good, kind: 'city' }, 'changeNetwork', 'kind'],
      ['andra', { ...good, county: '99' }, 'changeNetwork', 'county'],
      ['andra', { ...good, county: '' }, 'changeNetwork', 'county'],
      ['andra', { ...good, visibility: 'everyone' }, 'changeNetwork', 'visibility'],
      ['andra', { ...good, expectedVersion: 'x' }, 'changeNetwork', 'expectedVersion'],
      ['andra', { ...good, expectedVersion: '0' }, 'changeNetwork', 'expectedVersion'],
      ['avsluta', { endedOn: '', expectedVersion: String(version) }, 'endNetwork', 'endedOn'],
      ['avsluta', { endedOn: '2027-02-30', expectedVersion: String(version) }, 'endNetwork', 'endedOn'],
      ['avsluta', { endedOn: '2027', expectedVersion: String(version) }, 'endNetwork', 'endedOn'],
      ['avsluta', { endedOn: '2999-01-01', expectedVersion: String(version) }, 'endNetwork', 'endedOn'],
      ['avsluta', { endedOn: '2026-01-01', expectedVersion: '' }, 'endNetwork', 'expectedVersion'],
    ];
    for (const [path, fields, form, field] of cases) {
      const before = await count();
      const response = await visitors.keeper.post(`/natverk/${id}/${path}`, fields);
      expect(response.status, `${path} ${field}`).toBe(400);
      expect(await response.text(), `${path} ${field}`).toContain(`href="#${form}-${field}"`);
      expect(await count(), `${path} ${field}`).toBe(before);
    }
  });

  it('an ended network stays, shows as ended, and takes no new members, meetings or notes; ending it twice is a conflict', async () => {
    const { id, version } = await networkOf('Hallands Kinanätverk');
    const ended = await visitors.keeper.post(`/natverk/${id}/avsluta`, { endedOn: '2026-06-30', expectedVersion: String(version) });
    expect(ended.status).toBe(303);
    expect(ended.headers.get('location')).toBe(`/natverk/${id}?klart=avslutat`);
    const page = await (await visitors.memberReader.request(`/natverk/${id}`)).text();
    expect(page).toContain('Avslutat 30 juni 2026');
    expect(page).toContain('Halmstad');
    const keeperPage = await (await visitors.keeper.request(`/natverk/${id}`)).text();
    for (const form of ['ny-medlem', 'nytt-mote', 'avsluta-natverket']) expect(keeperPage, form).not.toContain(`id="${form}"`);
    expect(keeperPage).toContain('id="andra-natverket"');
    expect(await (await visitors.memberReader.request('/natverk?lang=en')).text()).toContain('(ended 30 June 2026)');
    expect((await queryRows(t.database.db, sql`select 1 from audit_log where action = 'network.end' and entity_id = ${id}`)).length).toBe(1);

    const before = await count();
    expect((await visitors.keeper.post(`/natverk/${id}/moten`, { heldOn: '2027' })).status).toBe(409);
    expect((await visitors.keeper.post(`/natverk/${id}/medlemmar`, { organisation: 'nc-annan' })).status).toBe(409);
    expect((await visitors.memberEditor.post(`/natverk/${id}/anteckningar`, { body: 'En sen anteckning' })).status).toBe(409);
    const twice = await visitors.keeper.post(`/natverk/${id}/avsluta`, { endedOn: '2026-07-01', expectedVersion: String(version + 1) });
    expect(twice.status).toBe(409);
    expect(await count()).toBe(before);
    // Corrected after its end: a change at its version still saves.
    expect((await visitors.keeper.post(`/natverk/${id}/andra`, { name: 'Hallands Kinanätverk', kind: 'county', county: '13', visibility: 'shared', expectedVersion: String(version + 1) })).status).toBe(303);
  });
});

describe('reopening an ended network', () => {
  it('its keepers reopen it beside its ended state, at its version; it takes members and meetings again; a stale form or one not ended is a conflict that stores nothing', async () => {
    expect((await visitors.keeper.post('/natverk', { name: 'Nätverket att öppna igen', kind: 'county', county: '13', visibility: 'shared' })).status).toBe(303);
    const { id, version } = await networkOf('Nätverket att öppna igen');
    // Not ended: no form to reopen it, and a post is a conflict named on the page.
    expect(await (await visitors.keeper.request(`/natverk/${id}`)).text()).not.toContain('/ateroppna');
    let before = await count();
    const open = await visitors.keeper.post(`/natverk/${id}/ateroppna`, { expectedVersion: String(version) });
    expect(open.status).toBe(409);
    const openPage = await open.text();
    expect(openPage).toContain('href="#reopenNetwork-expectedVersion"');
    expect(openPage).toContain('Nätverket är inte avslutat');
    expect(await count()).toBe(before);

    expect((await visitors.keeper.post(`/natverk/${id}/avsluta`, { endedOn: '2026-03-31', expectedVersion: String(version) })).status).toBe(303);
    const keeperPage = await (await visitors.keeper.request(`/natverk/${id}`)).text();
    expect(keeperPage).toContain(`action="/natverk/${id}/ateroppna"`);
    expect(keeperPage).toContain('Öppna nätverket igen');
    expect(await (await visitors.keeper.request(`/natverk/${id}?lang=en`)).text()).toContain('Reopen the network');
    for (const who of ['memberEditor', 'outsideCoordinator', 'anonymous'] as const) expect(await (await visitors[who].request(`/natverk/${id}`)).text(), who).not.toContain('/ateroppna');

    before = await count();
    const stale = await visitors.keeper.post(`/natverk/${id}/ateroppna`, { expectedVersion: String(version) });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Någon annan har ändrat nätverket');
    for (const bad of ['', 'abc', '0', '-1', '1.5']) {
      const response = await visitors.keeper.post(`/natverk/${id}/ateroppna`, { expectedVersion: bad });
      expect(response.status, bad).toBe(400);
      expect(await response.text(), bad).toContain('href="#reopenNetwork-expectedVersion"');
    }
    expect((await visitors.outsideCoordinator.post(`/natverk/${id}/ateroppna`, { expectedVersion: String(version + 1) })).status).toBe(403);
    expect((await visitors.memberEditor.post(`/natverk/${id}/ateroppna`, { expectedVersion: String(version + 1) })).status).toBe(403);
    expect((await visitors.anonymous.post(`/natverk/${id}/ateroppna`, { expectedVersion: String(version + 1) })).status).toBe(401);
    expect(await count()).toBe(before);

    const dataVersion = await currentDataVersion(systemCtx(t));
    const reopened = await visitors.keeper.post(`/natverk/${id}/ateroppna`, { expectedVersion: String(version + 1) });
    expect(reopened.status).toBe(303);
    expect(reopened.headers.get('location')).toBe(`/natverk/${id}?klart=ateroppnat`);
    expect(await currentDataVersion(systemCtx(t))).toBeGreaterThan(dataVersion);
    const page = await (await visitors.keeper.request(`/natverk/${id}?klart=ateroppnat`)).text();
    expect(page).toContain('Nätverket är öppnat igen.');
    expect(page).toContain('Pågår');
    for (const form of ['ny-medlem', 'nytt-mote', 'avsluta-natverket']) expect(page, form).toContain(`id="${form}"`);
    const [entry] = await queryRows<{ before: { endedOn: string }; after: { endedOn: string | null; version: number } }>(t.database.db, sql`select before, after from audit_log where action = 'network.reopen' and entity_id = ${id}`);
    expect([entry!.before.endedOn, entry!.after.endedOn, entry!.after.version]).toEqual(['2026-03-31', null, version + 2]);
    expect((await visitors.keeper.post(`/natverk/${id}/moten`, { heldOn: '2027-09' })).status).toBe(303);
    expect((await visitors.keeper.post(`/natverk/${id}/medlemmar`, { organisation: 'nc-kommun' })).status).toBe(303);
    // Reopened twice: a conflict.
    expect((await visitors.keeper.post(`/natverk/${id}/ateroppna`, { expectedVersion: String(version + 2) })).status).toBe(409);
  });

  it('through the API with the keys of its keepers (POST /api/networks/{id}/reopen); others are refused, one not ended is 409 with the network as stored', async () => {
    expect((await visitors.keeper.post('/natverk', { name: 'API-nätverket att öppna', kind: 'other', visibility: 'shared' })).status).toBe(303);
    const { id, version } = await networkOf('API-nätverket att öppna');
    const notEnded = await api('POST', `/api/networks/${id}/reopen`, key.keeper, { expectedVersion: version });
    expect(notEnded.status).toBe(409);
    const conflict = (await notEnded.json()) as { error: { message: string; current: { version: number; endedOn: null } } };
    expect(conflict.error.message).toContain('not ended');
    expect(conflict.error.current).toMatchObject({ version, endedOn: null });
    expect((await api('POST', `/api/networks/${id}/end`, key.keeper, { endedOn: '2026-01-31', expectedVersion: version })).status).toBe(200);
    const before = await count();
    expect((await api('POST', `/api/networks/${id}/reopen`, '', { expectedVersion: version + 1 })).status).toBe(401);
    expect((await api('POST', `/api/networks/${id}/reopen`, key.readOnly, { expectedVersion: version + 1 })).status).toBe(403);
    expect((await api('POST', `/api/networks/${id}/reopen`, key.outsideCoordinator, { expectedVersion: version + 1 })).status).toBe(403);
    expect((await api('POST', `/api/networks/${id}/reopen`, key.member, { expectedVersion: version + 1 })).status).toBe(403);
    expect((await api('POST', '/api/networks/999999/reopen', key.keeper, { expectedVersion: 1 })).status).toBe(404);
    const bad = await api('POST', `/api/networks/${id}/reopen`, key.keeper, { expectedVersion: 'x', endedOn: null });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('"field":"endedOn"');
    const stale = await api('POST', `/api/networks/${id}/reopen`, key.keeper, { expectedVersion: version });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { current: { version: number } } }).error.current.version).toBe(version + 1);
    expect(await count()).toBe(before);

    const reopened = await api('POST', `/api/networks/${id}/reopen`, key.keeper, { expectedVersion: version + 1 });
    expect(reopened.status).toBe(200);
    expect(((await reopened.json()) as { endedOn: string | null; version: number })).toMatchObject({ endedOn: null, version: version + 2 });
    expect((await api('POST', `/api/networks/${id}/meetings`, key.keeper, { heldOn: '2027' })).status).toBe(201);
  });
});

describe("a network's writes through the API", () => {
  it('its keepers change and end it, add and remove members and record meetings with a write key; others are refused, nothing stored', async () => {
    expect((await visitors.keeper.post('/natverk', { name: 'API-nätverket', kind: 'other', visibility: 'shared' })).status).toBe(303);
    const { id, version } = await networkOf('API-nätverket');
    const before = await count();
    expect((await api('PATCH', `/api/networks/${id}`, '', { name: 'X', expectedVersion: version })).status).toBe(401);
    expect((await api('PATCH', `/api/networks/${id}`, key.readOnly, { name: 'X', expectedVersion: version })).status).toBe(403);
    expect((await api('PATCH', `/api/networks/${id}`, key.outsideCoordinator, { name: 'X', expectedVersion: version })).status).toBe(403);
    expect((await api('POST', `/api/networks/${id}/members`, key.outsider, { organisation: 'nc-annan' })).status).toBe(403);
    expect((await api('POST', `/api/networks/999999/meetings`, key.keeper, { heldOn: '2027' })).status).toBe(404);
    const bad = await api('PATCH', `/api/networks/${id}`, key.keeper, { kind: 'city', expectedVersion: version });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('"field":"kind"');
    expect(await count()).toBe(before);

    const patched = await api('PATCH', `/api/networks/${id}`, key.keeper, { description: 'Beskriven', expectedVersion: version });
    expect(patched.status).toBe(200);
    const body = (await patched.json()) as { name: string; description: string; version: number; visibility: string };
    expect([body.name, body.description, body.version, body.visibility]).toEqual(['API-nätverket', 'Beskriven', version + 1, 'shared']);
    const stale = await api('PATCH', `/api/networks/${id}`, key.keeper, { description: 'Inaktuell', expectedVersion: version });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { current: { version: number } } }).error.current.version).toBe(version + 1);

    const added = await api('POST', `/api/networks/${id}/members`, key.keeper, { organisation: 'nc-kommun' });
    expect(added.status).toBe(201);
    expect(((await added.json()) as { members: Array<{ slug: string }> }).members.map((m) => m.slug)).toEqual(['nc-kommun']);
    const meeting = await api('POST', `/api/networks/${id}/meetings`, key.keeper, { heldOn: '2027-03', place: 'Varberg', minutes: 'API-PROTOKOLL' });
    expect(meeting.status).toBe(201);
    expect(((await meeting.json()) as { heldOn: string; minutes: string; documents: unknown[] })).toMatchObject({ heldOn: '2027-03', minutes: 'API-PROTOKOLL', documents: [] });
    expect((await api('POST', `/api/networks/${id}/meetings`, key.member, { heldOn: '2027' })).status).toBe(403);
    const removed = await api('DELETE', `/api/networks/${id}/members`, key.keeper, { organisation: 'nc-kommun' });
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as { members: unknown[] }).members).toEqual([]);
    expect((await api('DELETE', `/api/networks/${id}/members`, key.keeper, { organisation: 'nc-kommun' })).status).toBe(400);

    const ended = await api('POST', `/api/networks/${id}/end`, key.keeper, { endedOn: '2026-01-31', expectedVersion: version + 1 });
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as { endedOn: string }).endedOn).toBe('2026-01-31');
    const late = await api('POST', `/api/networks/${id}/meetings`, key.keeper, { heldOn: '2027' });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { current: { endedOn: string } } }).error.current.endedOn).toBe('2026-01-31');
    expect((await api('POST', `/api/networks/${id}/end`, key.keeper, { endedOn: '2026-02-01', expectedVersion: version + 2 })).status).toBe(409);
  });

  it("a county's network names its county, by form and API, the message naming the field", async () => {
    expect((await visitors.keeper.post('/natverk', { name: 'Nätverket utan län', kind: 'other', visibility: 'shared' })).status).toBe(303);
    const { id, version } = await networkOf('Nätverket utan län');
    const before = await count();
    for (const [path, fields] of [
      ['/natverk', { name: 'Ett läns nätverk utan län', kind: 'county', county: '', visibility: 'shared' }],
      [`/natverk/${id}/andra`, { name: 'Nätverket utan län', kind: 'county', county: '', visibility: 'shared', expectedVersion: String(version) }],
    ] as const) {
      const response = await visitors.keeper.post(path, fields);
      expect(response.status, path).toBe(400);
      const html = await response.text();
      expect(html, path).toMatch(/href="#(network|changeNetwork)-county">Län: välj vilket län nätverket hör till/);
    }
    const english = await visitors.keeper.post('/natverk?lang=en', { name: 'Ett läns nätverk utan län', kind: 'county', visibility: 'shared' });
    expect(await english.text()).toContain("Choose the county of a county&#39;s network");
    const patched = await api('PATCH', `/api/networks/${id}`, key.keeper, { kind: 'county', expectedVersion: version });
    expect(patched.status).toBe(400);
    expect(((await patched.json()) as { error: { problems: Array<{ field: string }> } }).error.problems.map((p) => p.field)).toEqual(['county']);
    expect(await count()).toBe(before);
    // With its county it is saved.
    expect((await api('PATCH', `/api/networks/${id}`, key.keeper, { kind: 'county', county: '13', expectedVersion: version })).status).toBe(200);
  });

  it("an ended network's meetings take no changes and no documents, by form or API, saying why; the list shows no next meeting; its page says once that it ended", async () => {
    const id = await networkWithMeeting('Nätverket som slutar', 'shared', 'Laholm');
    const [meeting] = await queryRows<{ id: number; version: number }>(t.database.db, sql`select id, version from network_meetings where network_id = ${id}`);
    const nextMeeting = async () => ((await (await api('GET', '/api/networks', key.keeper)).json()) as Array<{ id: number; nextMeeting: string | null }>).find((n) => n.id === id)!.nextMeeting;
    const listRow = async () => {
      const html = await (await visitors.keeper.request('/natverk')).text();
      const at = html.indexOf(`href="/natverk/${id}"`);
      return html.slice(at, html.indexOf('</tr>', at));
    };
    expect(await nextMeeting()).toBe(`${MONTH}-15`);
    expect(await listRow()).not.toContain('<td>–</td>');
    const inCalendar = async () => (await (await visitors.keeper.request(`/besokskalender?month=${MONTH}`)).text()).includes('Laholm');
    expect(await inCalendar()).toBe(true);
    const today = todayInStockholm();
    const { version } = await networkOf('Nätverket som slutar');
    const ended = await visitors.keeper.post(`/natverk/${id}/avsluta`, { endedOn: today, expectedVersion: String(version) });
    expect(ended.headers.get('location')).toBe(`/natverk/${id}?klart=avslutat`);
    const endedPage = await (await visitors.keeper.request(`/natverk/${id}?klart=avslutat`)).text();
    expect(endedPage.split(`Nätverket avslutades ${formatEdtf(today, 'sv')}`).length - 1).toBe(1);
    expect(endedPage).toContain('id="avslutat" role="status"');
    expect(endedPage).not.toContain('Nätverket är avslutat.');
    expect(await nextMeeting()).toBeNull();
    expect(await listRow()).toContain('<td>–</td>');
    // Nor is the meeting after its end in the shared calendar; the meeting's own page stays.
    expect(await inCalendar()).toBe(false);

    const meetingPath = `/natverk/${id}/moten/${meeting!.id}`;
    const meetingPage = await (await visitors.keeper.request(meetingPath)).text();
    expect(meetingPage).toContain(`Nätverket avslutades ${formatEdtf(today, 'sv')}`);
    for (const form of ['andra-mote', 'nytt-dokument']) expect(meetingPage, form).not.toContain(`id="${form}"`);

    const documents = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from documents`))[0]!.n;
    const [before, documentsBefore] = [await count(), await documents()];
    const pdf = new TextEncoder().encode('%PDF-1.4\nSENT\n%%EOF\n');
    // Forms of pages opened before the end: refused, the page saying why.
    for (const [what, response] of [
      ['change', await visitors.keeper.post(meetingPath, { heldOn: `${MONTH}-16`, place: 'Ny plats', expectedVersion: String(meeting!.version) })],
      ['document', await visitors.memberEditor.upload(`${meetingPath}/dokument`, {}, { name: 'sent.pdf', type: 'application/pdf', bytes: pdf })],
      ['member', await visitors.keeper.post(`/natverk/${id}/medlemmar`, { organisation: 'nc-annan' })],
    ] as const) {
      expect(response.status, what).toBe(409);
      const html = await response.text();
      expect(html, what).toContain(`Nätverket avslutades ${formatEdtf(today, 'sv')}. Det som registrerades står kvar; nätverket tar inte emot nya medlemmar, möten, ändringar av möten, mötesdokument eller anteckningar förrän samordnarna öppnar det igen. Ingenting sparades.`);
      expect(html.split(`Nätverket avslutades ${formatEdtf(today, 'sv')}`).length - 1, what).toBe(1);
    }
    const english = await visitors.memberEditor.upload(`${meetingPath}/dokument?lang=en`, {}, { name: 'sent.pdf', type: 'application/pdf', bytes: pdf });
    expect(english.status).toBe(409);
    expect(await english.text()).toContain(`The network ended on ${formatEdtf(today, 'en')}. What was recorded stays; it takes no new members, meetings, meeting changes, meeting documents or notes until its coordinators reopen it. Nothing was saved.`);
    // The API: 409 naming why.
    const body = new FormData();
    body.set('file', new File([pdf], 'sent.pdf', { type: 'application/pdf' }));
    const byApi = await app.fetch(new Request(`http://localhost/api/networks/${id}/meetings/${meeting!.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${key.member}` }, body }));
    expect(byApi.status).toBe(409);
    expect(((await byApi.json()) as { error: { message: string } }).error.message).toContain(`ended on ${today}`);
    expect((await api('POST', `/api/networks/${id}/meetings`, key.keeper, { heldOn: '2027' })).status).toBe(409);
    expect([await count(), await documents()]).toEqual([before, documentsBefore]);
    expect((await queryRows<{ version: number }>(t.database.db, sql`select version from network_meetings where id = ${meeting!.id}`))[0]!.version).toBe(meeting!.version);
  });

  it("names a meeting's documents for the network's members only, like the documents themselves", async () => {
    const id = await networkWithMeeting('Dokumentnätverket', 'public', 'Kungsbacka');
    const [meeting] = await queryRows<{ id: number }>(t.database.db, sql`select id from network_meetings where network_id = ${id}`);
    const pdf = new TextEncoder().encode('%PDF-1.4\nDOKUMENTMARKÖR\n%%EOF\n');
    expect((await visitors.memberEditor.upload(`/natverk/${id}/moten/${meeting!.id}/dokument`, {}, { name: 'protokoll-hemligt.pdf', type: 'application/pdf', bytes: pdf })).status).toBe(303);
    const inside = (await (await api('GET', `/api/networks/${id}`, key.member)).json()) as { meetings: Array<{ documents: Array<{ fileName: string; address: string }> }> };
    expect(inside.meetings[0]!.documents.map((d) => d.fileName)).toEqual(['protokoll-hemligt.pdf']);
    const download = await api('GET', inside.meetings[0]!.documents[0]!.address, key.member);
    expect(download.status).toBe(200);
    for (const bearer of ['', key.outsider, key.outsideCoordinator]) {
      const text = await (await api('GET', `/api/networks/${id}`, bearer)).text();
      expect(text, bearer).toContain('Kungsbacka');
      expect(text, bearer).not.toContain('protokoll-hemligt');
      expect(text, bearer).toContain('"documents":[]');
    }
  });
});

describe("networks' meetings in the visits calendar", () => {
  it('each reader sees the meetings of the networks they may read, in the month, the list and (the public) the feed', async () => {
    await networkWithMeeting('Offentliga nätverket', 'public', 'PLATS-OFFENTLIG');
    await networkWithMeeting('Delade nätverket', 'shared', 'PLATS-DELAD');
    const internal = await networkWithMeeting('Interna nätverket', 'internal', 'PLATS-INTERN');
    const month = `/besokskalender?month=${MONTH}`;
    const list = '/besokskalender?visa=lista';
    const seen = async (who: Who, path: string) => {
      const page = await (await visitors[who].request(path)).text();
      return ['PLATS-OFFENTLIG', 'PLATS-DELAD', 'PLATS-INTERN'].filter((marker) => page.includes(marker));
    };
    // Read in this order, each reader's answer kept: a member's must not reach the next reader, nor the public's a member.
    for (const path of [month, list]) {
      expect(await seen('memberReader', path), path).toEqual(['PLATS-OFFENTLIG', 'PLATS-DELAD', 'PLATS-INTERN']);
      expect(await seen('outsider', path), path).toEqual(['PLATS-OFFENTLIG', 'PLATS-DELAD']);
      expect(await seen('admin', path), path).toEqual(['PLATS-OFFENTLIG', 'PLATS-DELAD']);
      expect(await seen('anonymous', path), path).toEqual(['PLATS-OFFENTLIG']);
      expect(await seen('keeper', path), path).toEqual(['PLATS-OFFENTLIG', 'PLATS-DELAD', 'PLATS-INTERN']);
    }
    const page = await (await visitors.anonymous.request(`${month}&lang=en`)).text();
    expect(page).toContain('Network meeting');
    expect(page).toContain('class="network-meeting"');
    const feed = await (await visitors.memberReader.request('/besokskalender.ics')).text();
    expect(feed).toContain('PLATS-OFFENTLIG');
    expect(feed).toContain('Nätverksmöte: Offentliga nätverket');
    expect(feed).not.toContain('PLATS-DELAD');
    expect(feed).not.toContain('PLATS-INTERN');
    // Narrowed to a direction or a place in China, no meetings; to another county, none either.
    expect(await seen('memberReader', `${month}&direction=incoming`)).toEqual([]);
    expect(await seen('memberReader', `${month}&county=01`)).toEqual([]);
    expect(await seen('memberReader', `${month}&county=12`)).toEqual(['PLATS-OFFENTLIG', 'PLATS-DELAD', 'PLATS-INTERN']);

    // The member removed, its people stop seeing the internal network's meeting at once: the kept answer is of the older data version.
    expect((await visitors.keeper.post(`/natverk/${internal}/medlemmar/ta-bort`, { organisation: 'nc-kommun' })).status).toBe(303);
    expect(await seen('memberReader', month)).toEqual(['PLATS-OFFENTLIG', 'PLATS-DELAD']);
    // A network made public reaches the public's calendar and feed.
    const { version } = await networkOf('Delade nätverket');
    const delad = (await networkOf('Delade nätverket')).id;
    expect((await visitors.keeper.post(`/natverk/${delad}/andra`, { name: 'Delade nätverket', kind: 'regional', county: '12', visibility: 'public', expectedVersion: String(version) })).status).toBe(303);
    expect(await seen('anonymous', month)).toEqual(['PLATS-OFFENTLIG', 'PLATS-DELAD']);
    expect(await (await visitors.anonymous.request('/besokskalender.ics')).text()).toContain('PLATS-DELAD');
  });
});
