// Networks of bodies: a coordinator starts one for their organisation, adds
// member organisations and meetings with agenda and minutes; members write
// notes. The minutes and the notes reach the network's members only; an
// internal network is read by its members only; bad input names the field
// and stores nothing; who may not is refused.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';
import { expectNamedEntry } from '../support/form-browser.ts';
import { askedAs } from '../support/not-found.ts';

let t: TestDatabase;
type Who = 'coordinator' | 'memberEditor' | 'memberReader' | 'memberCoordinator' | 'outsider' | 'outsideCoordinator' | 'admin' | 'strangerEditor' | 'strangerCoordinator' | 'strangerAdmin' | 'anonymous';
let visitors: Record<Who, Visitor>;
let emails: Record<Exclude<Who, 'anonymous'>, string>;
const count = async () =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select ((select count(*) from networks) + (select count(*) from network_members) + (select count(*) from network_meetings) + (select count(*) from network_notes) + (select count(*) from documents) + (select count(*) from audit_log))::int as n`,
    )
  )[0]!.n;
const networkId = async (name: string) => (await queryRows<{ id: number }>(t.database.db, sql`select id from networks where name = ${name}`))[0]!.id;

beforeAll(async () => {
  t = await openTestDatabase();
  const app = createApp(t.database);
  for (const [slug, name] of [
    ['nv-region', 'Region Skåne (nätverk)'],
    ['nv-kommun', 'Lunds kommun (nätverk)'],
    ['nv-annan', 'Kalix kommun (nätverk)'],
    ['nv-ute', 'Kiruna kommun (nätverk)'],
  ])
    await addOrganisation({ ctx: systemCtx(t), input: { slug: slug!, name: name! } });
  ({ visitors, emails } = await signedInVisitors(t, app, {
    coordinator: { role: 'coordinator', organisation: 'nv-region' },
    memberEditor: { role: 'editor', organisation: 'nv-kommun' },
    memberReader: { role: 'reader', organisation: 'nv-kommun' },
    memberCoordinator: { role: 'coordinator', organisation: 'nv-kommun' },
    outsider: { role: 'editor', organisation: 'nv-annan' },
    outsideCoordinator: { role: 'coordinator', organisation: 'nv-annan' },
    admin: { role: 'admin', organisation: 'nv-annan' },
    // Of an organisation that never becomes a member (nv-annan does, when the administrator adds it).
    strangerEditor: { role: 'editor', organisation: 'nv-ute' },
    strangerCoordinator: { role: 'coordinator', organisation: 'nv-ute' },
    strangerAdmin: { role: 'admin', organisation: 'nv-ute' },
  }));
}, 120_000);
afterAll(async () => t?.close());

describe('networks of bodies', () => {
  it('a coordinator starts a network, adds a member and a meeting; members read the minutes and write notes, others do not', async () => {
    const made = await visitors.coordinator.post('/natverk', { name: 'Skånes Kinanätverk', description: 'Samordning i Skåne', kind: 'regional', county: '12', visibility: 'public' });
    expect(made.status).toBe(303);
    const id = await networkId('Skånes Kinanätverk');
    expect(made.headers.get('location')).toBe(`/natverk/${id}?klart=natverk`);
    expect((await visitors.coordinator.post(`/natverk/${id}/medlemmar`, { organisation: 'nv-kommun' })).status).toBe(303);
    expect((await visitors.coordinator.post(`/natverk/${id}/moten`, { heldOn: '2027-04-15', place: 'Malmö', agenda: 'Dagordning: besök från Guangdong', minutes: 'PROTOKOLL-HEMLIGT' })).status).toBe(303);
    expect((await visitors.memberEditor.post(`/natverk/${id}/anteckningar`, { body: 'ANTECKNING-HEMLIG' })).status).toBe(303);

    const [meeting] = await queryRows<{ id: number }>(t.database.db, sql`select id from network_meetings where network_id = ${id}`);
    for (const who of ['coordinator', 'memberEditor', 'memberReader'] as const) {
      const page = await (await visitors[who].request(`/natverk/${id}`)).text();
      expect(page, who).toContain('Lunds kommun (nätverk)');
      expect(page, who).toContain('ANTECKNING-HEMLIG');
      // The note's writer by name, its day as the register writes days; the e-mail address is the audit's.
      expect(page, who).toContain('Person memberEditor');
      expect(page, who).not.toContain(emails.memberEditor);
      expect(page, who).toMatch(/Lunds kommun \(nätverk\), \d{1,2} [a-z]+ \d{4} \d{2}:\d{2}/);
      expect(await (await visitors[who].request(`/natverk/${id}/moten/${meeting!.id}`)).text(), who).toContain('PROTOKOLL-HEMLIGT');
    }
    for (const who of ['outsider', 'outsideCoordinator', 'admin', 'anonymous'] as const) {
      const page = await (await visitors[who].request(`/natverk/${id}`)).text();
      expect(page, who).toContain('Skånes Kinanätverk');
      expect(page, who).toContain('Malmö');
      expect(page, who).not.toContain('ANTECKNING-HEMLIG');
      expect(page, who).not.toContain('PROTOKOLL-HEMLIGT');
      const meetingPage = await (await visitors[who].request(`/natverk/${id}/moten/${meeting!.id}`)).text();
      expect(meetingPage, who).toContain('besök från Guangdong');
      expect(meetingPage, who).not.toContain('PROTOKOLL-HEMLIGT');
      const api = await (await visitors[who].request(`/api/networks/${id}`)).text();
      expect(api, who).toContain('Skånes Kinanätverk');
      expect(api, who).not.toContain('HEMLIG');
    }
    const inside = (await (await visitors.memberReader.request(`/api/networks/${id}`)).json()) as { notes: unknown[]; meetings: Array<{ minutes: string }> };
    expect(inside.notes).toHaveLength(1);
    expect(inside.meetings[0]!.minutes).toBe('PROTOKOLL-HEMLIGT');
    // The list names it for everyone (public); the English page too.
    expect(await (await visitors.anonymous.request('/natverk')).text()).toContain('Skånes Kinanätverk');
    expect(await (await visitors.anonymous.request('/natverk?lang=en')).text()).toContain('Regional network');
  });

  it('an internal network is read by its members only; another coordinator may not change it', async () => {
    expect((await visitors.coordinator.post('/natverk', { name: 'Internt nätverk', kind: 'county', county: '12', visibility: 'internal' })).status).toBe(303);
    const id = await networkId('Internt nätverk');
    expect((await visitors.coordinator.post(`/natverk/${id}/medlemmar`, { organisation: 'nv-kommun' })).status).toBe(303);
    expect((await visitors.memberReader.request(`/natverk/${id}`)).status).toBe(200);
    for (const who of ['outsider', 'admin', 'anonymous'] as const) {
      expect((await visitors[who].request(`/natverk/${id}`)).status, who).toBe(404);
      expect((await visitors[who].request(`/api/networks/${id}`)).status, who).toBe(404);
      expect(await (await visitors[who].request('/natverk')).text(), who).not.toContain('Internt nätverk');
    }
    const before = await count();
    // Refused: a network they may read but not keep, a note by a reader, a network by an editor.
    const shared = await networkId('Skånes Kinanätverk');
    expect((await visitors.outsideCoordinator.post(`/natverk/${shared}/medlemmar`, { organisation: 'nv-annan' })).status).toBe(403);
    expect((await visitors.memberEditor.post(`/natverk/${shared}/moten`, { heldOn: '2027' })).status).toBe(403);
    expect((await visitors.outsider.post(`/natverk/${shared}/anteckningar`, { body: 'x' })).status).toBe(403);
    expect((await visitors.memberReader.post(`/natverk/${shared}/anteckningar`, { body: 'x' })).status).toBe(403);
    expect((await visitors.memberEditor.post('/natverk', { name: 'x', kind: 'other' })).status).toBe(403);
    expect((await visitors.anonymous.post('/natverk', { name: 'x', kind: 'other' })).status).toBe(401);
    expect((await visitors.outsider.post(`/natverk/${id}/anteckningar`, { body: 'x' })).status).toBe(404);
    expect(await count()).toBe(before);
    // An administrator keeps any network's members (the reference data is theirs).
    expect((await visitors.admin.post(`/natverk/${shared}/medlemmar`, { organisation: 'nv-annan' })).status).toBe(303);
  });

  it('names the field of bad input and stores nothing', async () => {
    const id = await networkId('Skånes Kinanätverk');
    const [meeting] = await queryRows<{ id: number; version: number }>(t.database.db, sql`select id, version from network_meetings where network_id = ${id}`);
    const cases: Array<[string, Record<string, string>, string, string]> = [
      ['/natverk', { name: '', kind: 'county' }, 'network', 'name'],
      ['/natverk', { name: 'N', kind: 'city' }, 'network', 'kind'],
      ['/natverk', { name: 'N', kind: 'county', county: '99' }, 'network', 'county'],
      ['/natverk', { name: 'N', kind: 'county', county: 'Skåne' }, 'network', 'county'],
      ['/natverk', { name: 'N', kind: 'county', county: '' }, 'network', 'county'],
      ['/natverk', { name: 'N', kind: 'county' }, 'network', 'county'],
      ['/natverk', { name: 'N', kind: 'county', visibility: 'everyone' }, 'network', 'visibility'],
      ['/natverk', { name: 'N'.repeat(301), kind: 'county' }, 'network', 'name'],
      [`/natverk/${id}/medlemmar`, { organisation: '' }, 'member', 'organisation'],
      [`/natverk/${id}/medlemmar`, { organisation: 'no-such-organisation' }, 'member', 'organisation'],
      [`/natverk/${id}/medlemmar`, { organisation: 'nv-kommun' }, 'member', 'organisation'],
      [`/natverk/${id}/medlemmar`, { organisation: 'nv-region' }, 'member', 'organisation'],
      [`/natverk/${id}/moten`, { heldOn: '' }, 'meeting', 'heldOn'],
      [`/natverk/${id}/moten`, { heldOn: 'i vår' }, 'meeting', 'heldOn'],
      [`/natverk/${id}/moten`, { heldOn: 'XXXX' }, 'meeting', 'heldOn'],
      [`/natverk/${id}/moten`, { heldOn: '2027', place: 'P'.repeat(301) }, 'meeting', 'place'],
      [`/natverk/${id}/moten/${meeting!.id}`, { heldOn: '2027-02-30', expectedVersion: String(meeting!.version) }, 'meeting', 'heldOn'],
      [`/natverk/${id}/moten/${meeting!.id}`, { heldOn: '2027', expectedVersion: 'x' }, 'meeting', 'expectedVersion'],
      [`/natverk/${id}/anteckningar`, { body: '  ' }, 'note', 'body'],
    ];
    for (const [path, fields, form, field] of cases) {
      const before = await count();
      const response = await visitors.coordinator.post(path, fields);
      expect(response.status, `${path} ${field}`).toBe(400);
      expect(await response.text(), `${path} ${field}`).toContain(`href="#${form}-${field}"`);
      expect(await count(), `${path} ${field}`).toBe(before);
    }
    // A date the meeting must have is asked for as such, not offered to be left empty.
    const blank = await (await visitors.coordinator.post(`/natverk/${id}/moten`, { heldOn: '' })).text();
    expect(blank).toContain('Skriv när mötet hålls');
    expect(blank).not.toContain('lämna fältet tomt');
  });

  it('changes a meeting at its version; a stale one is a conflict that stores nothing', async () => {
    const id = await networkId('Skånes Kinanätverk');
    const [meeting] = await queryRows<{ id: number; version: number }>(t.database.db, sql`select id, version from network_meetings where network_id = ${id}`);
    const fields = { heldOn: '2027-04-16', place: 'Lund', agenda: 'Ny dagordning', minutes: 'Nytt protokoll' };
    expect((await visitors.coordinator.post(`/natverk/${id}/moten/${meeting!.id}`, { ...fields, expectedVersion: String(meeting!.version) })).status).toBe(303);
    const before = await count();
    expect((await visitors.coordinator.post(`/natverk/${id}/moten/${meeting!.id}`, { ...fields, place: 'Ystad', expectedVersion: String(meeting!.version) })).status).toBe(409);
    expect(await count()).toBe(before);
    const page = await (await visitors.memberReader.request(`/natverk/${id}/moten/${meeting!.id}`)).text();
    expect(page).toContain('Lund');
    expect(page).toContain('Nytt protokoll');
  });

  it("a meeting's documents: members who write add them, members read them, the adder's organisation and the keepers remove them, everyone else is told nothing", async () => {
    const id = await networkId('Skånes Kinanätverk');
    const [meeting] = await queryRows<{ id: number }>(t.database.db, sql`select id from network_meetings where network_id = ${id}`);
    const base = `/natverk/${id}/moten/${meeting!.id}`;
    const pdf = new TextEncoder().encode('%PDF-1.7\nMOTESDOKUMENT-HEMLIGT\n%%EOF\n');
    const added = await visitors.memberEditor.upload(`${base}/dokument`, { reason: 'Protokollet justerat' }, { name: 'Protokoll 2027-04-15.pdf', type: 'application/pdf', bytes: pdf });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`${base}?klart=dokument#dokument`);
    const [document] = await queryRows<{ id: number; public: boolean }>(t.database.db, sql`select id, public from documents where network_meeting_id = ${meeting!.id}`);
    expect(document!.public).toBe(false);
    // The list names who added it by name, not by e-mail address.
    const listed = await (await visitors.memberReader.request(base)).text();
    expect(listed).toContain('<td>Person memberEditor</td>');
    expect(listed).not.toContain(emails.memberEditor);
    expect((await visitors.coordinator.upload(`${base}/dokument`, {}, { name: 'dagordning.pdf', type: 'application/pdf', bytes: pdf })).status).toBe(303);
    const [second] = await queryRows<{ id: number }>(t.database.db, sql`select id from documents where network_meeting_id = ${meeting!.id} and file_name = 'dagordning.pdf'`);

    for (const who of ['coordinator', 'memberEditor', 'memberReader', 'memberCoordinator'] as const) {
      const download = await visitors[who].request(`/dokument/${document!.id}`);
      expect(download.status, who).toBe(200);
      expect(download.headers.get('cache-control'), who).toBe('private, no-store');
      expect(await download.text(), who).toContain('MOTESDOKUMENT-HEMLIGT');
      expect(await (await visitors[who].request(base)).text(), who).toContain('Protokoll 2027-04-15.pdf');
    }
    // Everyone else: the same answer as for a document that is not there (the page names its own address).
    for (const who of ['strangerEditor', 'strangerCoordinator', 'strangerAdmin', 'anonymous'] as const) {
      const response = await visitors[who].request(`/dokument/${document!.id}`);
      const absent = await visitors[who].request('/dokument/999999');
      expect(response.status, who).toBe(404);
      expect(askedAs(await response.text(), `/dokument/${document!.id}`, '/dokument/999999'), who).toBe(await absent.text());
      expect(await (await visitors[who].request(base)).text(), who).not.toContain('Protokoll 2027-04-15');
      expect(await (await visitors[who].request(`/api/networks/${id}`)).text(), who).not.toContain('Protokoll 2027-04-15');
    }

    const before = await count();
    // Refused: a reader adds nothing, an outsider neither (whatever the network's visibility), nor an administrator of another organisation.
    for (const who of ['memberReader', 'strangerEditor', 'strangerCoordinator', 'strangerAdmin'] as const) {
      expect((await visitors[who].upload(`${base}/dokument`, {}, { name: 'x.pdf', type: 'application/pdf', bytes: pdf })).status, who).toBe(403);
    }
    expect((await visitors.anonymous.upload(`${base}/dokument`, {}, { name: 'x.pdf', type: 'application/pdf', bytes: pdf })).status).toBe(401);
    // Removal: a reader and an outsider are refused; the member organisation's coordinator may not remove the convener's document.
    expect((await visitors.memberReader.post(`${base}/dokument/${document!.id}/ta-bort`, {})).status).toBe(403);
    expect((await visitors.strangerEditor.post(`${base}/dokument/${document!.id}/ta-bort`, {})).status).toBe(403);
    expect((await visitors.memberCoordinator.post(`${base}/dokument/${second!.id}/ta-bort`, {})).status).toBe(403);
    // The agreements' removal route refuses outsiders as absent, and another meeting's address finds no such document.
    expect((await visitors.strangerEditor.post(`/dokument/${document!.id}/ta-bort`, {})).status).toBe(404);
    const other = await visitors.coordinator.post(`/natverk/${id}/moten`, { heldOn: '2027-10' });
    expect(other.status).toBe(303);
    const [otherMeeting] = await queryRows<{ id: number }>(t.database.db, sql`select id from network_meetings where network_id = ${id} and held_on = '2027-10'`);
    expect((await visitors.coordinator.post(`/natverk/${id}/moten/${otherMeeting!.id}/dokument/${document!.id}/ta-bort`, {})).status).toBe(404);
    const afterRefusals = await count();
    expect(afterRefusals).toBe(before + 2); // the second meeting and its audit entry

    // Bad files name the field and store nothing.
    for (const file of [undefined, { name: 'protokoll.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('<html>') }, { name: 'protokoll.png', type: 'image/png', bytes: pdf }, { name: 'a/b.pdf', type: 'application/pdf', bytes: pdf }]) {
      const response = await visitors.memberEditor.upload(`${base}/dokument`, {}, file);
      expect(response.status, file?.name).toBe(400);
      expect(await response.text(), file?.name).toContain('href="#document-file"');
    }
    // A name the meeting holds already: refused, saying whether it is the same file.
    for (const [bytes, says] of [
      [pdf, 'Filen "Protokoll 2027-04-15.pdf" finns redan vid mötet.'],
      [new TextEncoder().encode('%PDF-1.7\nEN ANNAN VERSION\n%%EOF\n'), 'Mötet har redan en fil som heter "Protokoll 2027-04-15.pdf": ta bort den först, eller ge den här filen ett annat namn.'],
    ] as const) {
      const response = await visitors.coordinator.upload(`${base}/dokument`, {}, { name: 'Protokoll 2027-04-15.pdf', type: 'application/pdf', bytes });
      expect(response.status).toBe(400);
      const html = (await response.text()).replaceAll('&quot;', '"');
      expectNamedEntry(html, 'document-file', says);
    }
    expect(await count()).toBe(afterRefusals);

    // The member organisation's coordinator removes its own organisation's document; the convener's coordinator (a keeper) any.
    expect((await visitors.memberCoordinator.post(`${base}/dokument/${document!.id}/ta-bort`, {})).status).toBe(303);
    expect((await visitors.coordinator.post(`${base}/dokument/${second!.id}/ta-bort`, {})).status).toBe(303);
    expect((await visitors.memberReader.request(`/dokument/${document!.id}`)).status).toBe(404);
    const [left] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from documents where network_meeting_id = ${meeting!.id}`);
    expect(left!.n).toBe(0);
    const [audit] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = 'document.remove' and entity_id = ${document!.id}`);
    expect(audit!.n).toBe(1);
  });

  it('removing a member: its keepers, after the confirmation; the member stops reading the minutes at once', async () => {
    const id = await networkId('Skånes Kinanätverk');
    const [meeting] = await queryRows<{ id: number }>(t.database.db, sql`select id from network_meetings where network_id = ${id} order by id limit 1`);
    const page = await (await visitors.coordinator.request(`/natverk/${id}`)).text();
    expect(page).toContain('action="/natverk/' + id + '/medlemmar/ta-bort"');
    expect(page).toContain('slutar genast att läsa');
    expect(await (await visitors.memberEditor.request(`/natverk/${id}`)).text()).not.toContain('/medlemmar/ta-bort');
    const before = await count();
    // Refused: a member's editor, another organisation's coordinator, the public; bad input names the field.
    expect((await visitors.memberEditor.post(`/natverk/${id}/medlemmar/ta-bort`, { organisation: 'nv-kommun' })).status).toBe(403);
    expect((await visitors.outsideCoordinator.post(`/natverk/${id}/medlemmar/ta-bort`, { organisation: 'nv-kommun' })).status).toBe(403);
    expect((await visitors.anonymous.post(`/natverk/${id}/medlemmar/ta-bort`, { organisation: 'nv-kommun' })).status).toBe(401);
    for (const organisation of ['', 'nv-region', 'no-such-organisation', 'x'.repeat(121)]) {
      const response = await visitors.coordinator.post(`/natverk/${id}/medlemmar/ta-bort`, { organisation });
      expect(response.status, organisation).toBe(400);
      expect(await response.text(), organisation).toContain('href="#removeMember-organisation"');
    }
    expect(await count()).toBe(before);
    const removed = await visitors.coordinator.post(`/natverk/${id}/medlemmar/ta-bort`, { organisation: 'nv-kommun' });
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe(`/natverk/${id}?klart=medlem-borttagen`);
    expect(await (await visitors.coordinator.request(`/natverk/${id}?klart=medlem-borttagen`)).text()).toContain('Medlemmen är borttagen ur nätverket.');
    const meetingPage = await (await visitors.memberReader.request(`/natverk/${id}/moten/${meeting!.id}`)).text();
    expect(meetingPage).not.toContain('Nytt protokoll');
    expect(await (await visitors.memberReader.request(`/natverk/${id}`)).text()).not.toContain('ANTECKNING-HEMLIG');
    // Removing it again: no longer a member.
    expect((await visitors.coordinator.post(`/natverk/${id}/medlemmar/ta-bort`, { organisation: 'nv-kommun' })).status).toBe(400);
  });
});
