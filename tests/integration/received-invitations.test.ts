// Invitations received from China: an editor records one with its sender,
// place, date and the bodies known to have it too; another body's shared
// invitation from the same sender (or place) near it in time shows beside
// it, with whom to contact, and so does another body's visit near it in time
// and place; bad input is named by field and stores nothing;
// readers and the public may not record one.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let visitors: Record<'editor' | 'reader' | 'otherEditor' | 'anonymous', Visitor>;
const count = async () => (await queryRows<{ n: number }>(t.database.db, sql`select (select count(*) from received_invitations) + (select count(*) from received_invitation_recipients) + (select count(*) from audit_log) as n`))[0]!.n;
const INVITATION = { subject: 'Zhejiang Investment Forum 2027', sender: 'Zhejiangs utrikesbyrå', place: 'zhejiang', receivedOn: '2026-11-20', eventDate: '2027-03', visibility: 'shared' };

beforeAll(async () => {
  t = await openTestDatabase();
  const app = createApp(t.database);
  for (const org of ['inbj-a', 'inbj-b']) await addOrganisation({ ctx: systemCtx(t), input: { slug: org, name: `Kommun ${org.slice(-1).toUpperCase()}` } });
  ({ visitors } = await signedInVisitors(t, app, {
    editor: { role: 'editor', organisation: 'inbj-a' },
    reader: { role: 'reader', organisation: 'inbj-a' },
    otherEditor: { role: 'editor', organisation: 'inbj-b' },
  }));
}, 120_000);
afterAll(async () => t?.close());

describe('invitations received', () => {
  it('records an invitation and shows another body’s like it beside it, with whom to contact', async () => {
    // B got it first, from the same sender.
    expect((await visitors.otherEditor.post('/inbjudningar', { ...INVITATION, place: '', subject: 'Investeringsforum i Hangzhou', 'recipients.0': '' })).status).toBe(303);
    const recorded = await visitors.editor.post('/inbjudningar', { ...INVITATION, 'recipients.0': 'Kalix kommun' });
    expect(recorded.status).toBe(303);
    const html = await (await visitors.editor.request('/inbjudningar')).text();
    expect(html).toContain('Zhejiang Investment Forum 2027');
    expect(html).toContain('href="/parter/kalix"');
    expect(html).toContain('Andra organisationer har fått en liknande inbjudan');
    expect(html).toContain('Kommun B');
    expect(html).toContain('Investeringsforum i Hangzhou');
    expect(html).toContain('mailto:');
    // A's reader reads it too; B sees A's in turn.
    expect(await (await visitors.reader.request('/inbjudningar')).text()).toContain('Zhejiang Investment Forum 2027');
    expect(await (await visitors.otherEditor.request('/inbjudningar')).text()).toContain('Kommun A');
  });

  it("shows other bodies' visits near it in time and place, shared ones only, and not those far off", async () => {
    const ctx = systemCtx(t);
    const [b] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'inbj-b'`);
    // B's agreement with Hangzhou, a city in Zhejiang (the invitation's province), shared with other bodies.
    const agreement = await createAgreement({ ctx, organisationId: b!.id, input: { slug: 'inbj-b-hangzhou', kind: 'vanort', parties: ['kalix'], counterparts: ['hangzhou'], visibility: 'shared' } });
    const visit = (title: string, date: string, visibility: string) => createActivity({ ctx, agreementId: agreement.id, input: { kind: 'visit_incoming', title, date, visibility: visibility as never } });
    await visit('Delegation från Hangzhou till Kommun B', '2027-03-18', 'shared');
    await visit('Besök långt senare', '2027-09-01', 'shared');
    await visit('Kommun B:s interna besök', '2027-03-20', 'internal');
    const html = await (await visitors.editor.request('/inbjudningar')).text();
    expect(html).toContain('Andra organisationer har besök eller möten med samma ort kring samma tid');
    expect(html).toContain('Delegation från Hangzhou till Kommun B');
    expect(html).toContain('href="/avtal/inbj-b-hangzhou"');
    expect(html).not.toContain('Besök långt senare');
    expect(html).not.toContain('Kommun B:s interna besök');
  });

  it("shows the invitation beside another body's visit near it, on that body's activities page and on its /delegationer; an internal invitation to no one else", async () => {
    // A keeps another invitation to itself.
    expect((await visitors.editor.post('/inbjudningar', { ...INVITATION, subject: 'Hemlig inbjudan till Hangzhou', visibility: 'internal', 'recipients.0': '' })).status).toBe(303);
    const line = 'Kommun A</strong> fick en inbjudan från Zhejiangs utrikesbyrå: &quot;Zhejiang Investment Forum 2027&quot; (till mars 2027).';
    const page = await (await visitors.otherEditor.request('/avtal/inbj-b-hangzhou/aktiviteter')).text();
    expect(page).toContain('Inbjudningar som andra organisationer har fått');
    expect(page).toContain(line);
    // Beside the visit in March, not the one in September.
    const section = (html: string, title: string) => html.slice(html.indexOf(title), html.indexOf('</section>', html.indexOf(title)));
    expect(section(page, 'Delegation från Hangzhou till Kommun B')).toContain(line);
    expect(section(page, 'Besök långt senare')).not.toContain('fick en inbjudan');
    const delegations = await (await visitors.otherEditor.request('/delegationer')).text();
    expect(delegations).toContain('Inbjudningar till andra organisationer');
    expect(delegations).toMatch(/#aktivitet-[0-9]+">18 mars 2027: Delegation från Hangzhou till Kommun B<\/a> – <strong>Kommun A<\/strong> fick en inbjudan/);
    for (const html of [page, delegations]) expect(html).not.toContain('Hemlig inbjudan');
    // A's own invitations are not shown to A as another's.
    expect(await (await visitors.editor.request('/delegationer')).text()).not.toContain('Kommun A</strong> fick en inbjudan');
  });

  it("lists on /delegationer another body's incoming visit near the organisation's own meeting", async () => {
    const ctx = systemCtx(t);
    const [a] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'inbj-a'`);
    const agreement = await createAgreement({ ctx, organisationId: a!.id, input: { slug: 'inbj-a-hangzhou', kind: 'vanort', parties: ['lulea'], counterparts: ['hangzhou'], visibility: 'shared' } });
    await createActivity({ ctx, agreementId: agreement.id, input: { kind: 'meeting', title: 'Möte om Hangzhou', date: '2027-03-25', visibility: 'shared' } });
    const html = await (await visitors.editor.request('/delegationer')).text();
    const part = html.slice(html.indexOf('id="besok"'), html.indexOf('id="inbjudningar"'));
    expect(part).toContain('25 mars 2027: Möte om Hangzhou</a> – <strong>Kommun B</strong>');
    expect(part).toContain('Delegation från Hangzhou till Kommun B');
    expect(part).not.toContain('Besök långt senare');
    expect(part).not.toContain('Kommun B:s interna besök');
  });

  it('names the field of bad input and stores nothing; readers and the public may not record', async () => {
    for (const [field, value, id] of [
      ['subject', '', 'subject'],
      ['sender', '   ', 'sender'],
      ['receivedOn', '2026-02-30', 'receivedOn'],
      ['eventDate', 'i vår', 'eventDate'],
      ['place', 'no-such-place', 'place'],
      ['recipients.1', 'Ingen sådan kommun', 'recipients'],
      ['visibility', 'everyone', 'visibility'],
    ] as const) {
      const before = await count();
      const response = await visitors.editor.post('/inbjudningar', { ...INVITATION, [field]: value });
      expect(response.status, field).toBe(400);
      expect(await response.text(), field).toContain(`href="#invitation-${id}`);
      expect(await count(), field).toBe(before);
    }
    const before = await count();
    expect((await visitors.reader.post('/inbjudningar', INVITATION)).status).toBe(403);
    expect((await visitors.anonymous.post('/inbjudningar', INVITATION)).status).toBe(401);
    expect((await visitors.anonymous.request('/inbjudningar')).status).toBe(303);
    expect(await count()).toBe(before);
  });
});
