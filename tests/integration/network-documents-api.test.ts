// A network meeting's documents through the API: uploaded as multipart/
// form-data by the network's members who write (the browser form's verb,
// checks and size limit), downloaded by its members only, removed by its
// keepers and the adding organisation's members. Bad files name the field
// and store nothing; everyone else is told as little as for a document that
// is not there.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { DOCUMENT_MAX_BYTES } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addNetworkMeeting, addNetworkMember, createNetwork } from '../../src/domain/coordination/networks.ts';
import { organisationIdOf } from '../../src/domain/accounts/list-organisations.ts';
import { currentDataVersion } from '../../src/domain/data-version.ts';
import { addPerson, keyOf } from '../support/api-keys.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const key = { keeper: '', memberEditor: '', memberReader: '', memberCoordinator: '', memberReadOnly: '', outsideAdmin: '', outsideCoordinator: '' };
const at = { network: 0, meeting: 0, otherMeeting: 0 };
const PDF = new TextEncoder().encode('%PDF-1.7\nAPI-MOTESDOKUMENT\n%%EOF\n');

const count = async () =>
  (await queryRows<{ n: number }>(t.database.db, sql`select ((select count(*) from documents) + (select count(*) from audit_log))::int as n`))[0]!.n;

const documentsPath = (meeting = at.meeting, network = at.network) => `/api/networks/${network}/meetings/${meeting}/documents`;

/** A multipart upload with a key (or none): the fields as given, a file in `file` unless left out. */
function upload(bearer: string, fields: Record<string, string | File> = {}, path = documentsPath()) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return app.fetch(new Request(`http://localhost${path}`, { method: 'POST', headers: bearer ? { authorization: `Bearer ${bearer}` } : {}, body }));
}
const pdfFile = (name = 'protokoll.pdf', bytes: Uint8Array = PDF, type = 'application/pdf') => new File([new Uint8Array(bytes)], name, { type });
const request = (method: string, path: string, bearer: string, init: RequestInit = {}) =>
  app.fetch(new Request(`http://localhost${path}`, { ...init, method, headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(init.headers as Record<string, string>) } }));

type ErrorBody = { error: { code: string; message: string; problems: Array<{ field: string; message: string }> } };
const fieldsOf = async (response: Response) => ((await response.json()) as ErrorBody).error.problems.map((p) => p.field);

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  for (const [slug, name] of [
    ['nd-region', 'Region Gävleborg (nd)'],
    ['nd-kommun', 'Gävle kommun (nd)'],
    ['nd-ute', 'Sandvikens kommun (nd)'],
  ])
    await addOrganisation({ ctx: systemCtx(t), input: { slug: slug!, name: name! } });
  const convener = { db: t.database.db, principal: { kind: 'system' as const, label: 'test', organisationId: await organisationIdOf(t.database.db, 'nd-region') } };
  const network = await createNetwork({ ctx: convener, input: { name: 'Gävleborgs nätverk', kind: 'county', county: '21', visibility: 'public' } });
  await addNetworkMember({ ctx: convener, networkId: network.id, input: { organisation: 'nd-kommun' } });
  at.network = network.id;
  at.meeting = (await addNetworkMeeting({ ctx: convener, networkId: network.id, input: { heldOn: '2027-05-20', place: 'Gävle' } })).id;
  at.otherMeeting = (await addNetworkMeeting({ ctx: convener, networkId: network.id, input: { heldOn: '2027-11' } })).id;
  key.keeper = await keyOf(t, await addPerson(t, 'keeper@nd.example', 'coordinator', 'nd-region'));
  const memberEditor = await addPerson(t, 'editor@nd.example', 'editor', 'nd-kommun');
  key.memberEditor = await keyOf(t, memberEditor);
  key.memberReadOnly = await keyOf(t, memberEditor, 'read');
  key.memberReader = await keyOf(t, await addPerson(t, 'reader@nd.example', 'reader', 'nd-kommun'));
  key.memberCoordinator = await keyOf(t, await addPerson(t, 'coordinator@nd.example', 'coordinator', 'nd-kommun'));
  key.outsideAdmin = await keyOf(t, await addPerson(t, 'admin@nd.example', 'admin', 'nd-ute'));
  key.outsideCoordinator = await keyOf(t, await addPerson(t, 'outside@nd.example', 'coordinator', 'nd-ute'));
}, 120_000);
afterAll(async () => t?.close());

describe("a meeting's documents through the API", () => {
  it("a member who writes uploads one (multipart, the form's fields); members download it, nobody else; it is listed under the meeting; the data version moves", async () => {
    const dataVersion = await currentDataVersion(systemCtx(t));
    const added = await upload(key.memberEditor, { file: pdfFile('Protokoll 2027-05-20.pdf'), reason: 'Justerat protokoll' });
    expect(added.status).toBe(201);
    expect(added.headers.get('cache-control')).toBe('no-store');
    const document = (await added.json()) as { id: number; fileName: string; mediaType: string; sizeBytes: number; addedBy: string; download: string; address: string };
    expect(document).toMatchObject({ fileName: 'Protokoll 2027-05-20.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, address: `/dokument/${document.id}` });
    expect(document.download).toBe(`${documentsPath()}/${document.id}`);
    expect(added.headers.get('location')).toBe(document.download);
    expect(await currentDataVersion(systemCtx(t))).toBeGreaterThan(dataVersion);
    const [entry] = await queryRows<{ reason: string }>(t.database.db, sql`select reason from audit_log where action = 'document.attach' and entity_id = ${document.id}`);
    expect(entry!.reason).toBe('Justerat protokoll');
    const [stored] = await queryRows<{ public: boolean; network_meeting_id: number }>(t.database.db, sql`select public, network_meeting_id from documents where id = ${document.id}`);
    expect(stored).toEqual({ public: false, network_meeting_id: at.meeting });

    for (const bearer of [key.memberEditor, key.memberReader, key.memberReadOnly, key.keeper]) {
      const download = await request('GET', document.download, bearer);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('cache-control')).toBe('private, no-store');
      expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''Protokoll%202027-05-20.pdf");
      expect(await download.text()).toContain('API-MOTESDOKUMENT');
      const listed = (await (await request('GET', `/api/networks/${at.network}`, bearer)).json()) as { meetings: Array<{ id: number; documents: Array<{ id: number }> }> };
      expect(listed.meetings.find((m) => m.id === at.meeting)!.documents.map((d) => d.id)).toEqual([document.id]);
    }
    // Everyone else: as absent as a document that is not there; under another meeting's address, absent too.
    // The public is asked for a key, whether the document is there or not.
    expect((await request('GET', document.download, '')).status).toBe(401);
    for (const bearer of [key.outsideAdmin, key.outsideCoordinator]) {
      const response = await request('GET', document.download, bearer);
      const absent = await request('GET', `${documentsPath()}/999999`, bearer);
      expect(response.status, bearer).toBe(404);
      expect(await response.text(), bearer).toBe(await absent.text());
    }
    expect((await request('GET', `${documentsPath(at.otherMeeting)}/${document.id}`, key.memberReader)).status).toBe(404);
    expect((await request('GET', `${documentsPath(at.meeting, 999999)}/${document.id}`, key.memberReader)).status).toBe(404);
    expect((await request('GET', `${document.download}?x=1`, key.memberReader)).status).toBe(400);
  });

  it('refuses who may not add one, before anything is stored: no key, a read-only key, a reader, an outsider, an administrator of another organisation', async () => {
    const before = await count();
    expect((await upload('', { file: pdfFile() })).status).toBe(401);
    for (const bearer of [key.memberReadOnly, key.memberReader, key.outsideCoordinator, key.outsideAdmin]) expect((await upload(bearer, { file: pdfFile() })).status, bearer).toBe(403);
    expect((await upload(key.memberEditor, { file: pdfFile() }, documentsPath(999999))).status).toBe(404);
    expect((await upload(key.memberEditor, { file: pdfFile() }, documentsPath(at.meeting, 999999))).status).toBe(404);
    expect((await upload(key.memberEditor, { file: pdfFile() }, documentsPath('abc' as never))).status).toBe(404);
    expect(await count()).toBe(before);
  });

  it('bad files and bodies name the field (file, reason, content-type, the body) and store nothing', async () => {
    const before = await count();
    const html = new TextEncoder().encode('<html><script>alert(1)</script>');
    const cases: Array<[string, Record<string, string | File>, number, string]> = [
      ['no file', {}, 400, 'file'],
      ['only a reason', { reason: 'Ingen fil' }, 400, 'file'],
      ['an empty file', { file: pdfFile('tom.pdf', new Uint8Array()) }, 400, 'file'],
      ['no file chosen', { file: new File([], '', { type: 'application/octet-stream' }) }, 400, 'file'],
      ['HTML named .pdf', { file: pdfFile('protokoll.pdf', html) }, 400, 'file'],
      ['a PDF named .png', { file: pdfFile('protokoll.png') }, 400, 'file'],
      ['declared as HTML', { file: pdfFile('protokoll.pdf', PDF, 'text/html') }, 400, 'file'],
      ['a name with a slash', { file: pdfFile('a/b.pdf') }, 400, 'file'],
      ['a name of 300 characters', { file: pdfFile(`${'x'.repeat(296)}.pdf`) }, 400, 'file'],
      ['the file as text', { file: '%PDF-1.7 as text' }, 400, 'file'],
      ['a reason as a file', { file: pdfFile(), reason: pdfFile('reason.pdf') }, 400, 'reason'],
      ['a reason of 2001 characters', { file: pdfFile(), reason: 'x'.repeat(2001) }, 400, 'reason'],
      ['a reason with a NUL', { file: pdfFile(), reason: 'a\u0000b' }, 400, 'reason'],
      ['a field it does not take', { file: pdfFile(), public: 'true' }, 400, 'public'],
    ];
    for (const [what, fields, status, field] of cases) {
      const response = await upload(key.memberEditor, fields);
      expect(response.status, what).toBe(status);
      // Named by the field, or a dotted path in it (file.name, file.bytes).
      expect((await fieldsOf(response)).map((f) => f.split('.')[0]), what).toContain(field);
    }
    // Too large: refused naming the file, before it is read whole.
    const large = await upload(key.memberEditor, { file: pdfFile('stor.pdf', new Uint8Array(DOCUMENT_MAX_BYTES + 100 * 1024).fill(0x25)) });
    expect(large.status).toBe(413);
    expect(await fieldsOf(large)).toEqual(['file']);
    const send = (type: string | undefined, body: string) => request('POST', documentsPath(), key.memberEditor, { headers: type === undefined ? {} : { 'content-type': type }, body });
    const notMultipart = await send('application/json', JSON.stringify({ file: 'x' }));
    expect(notMultipart.status).toBe(415);
    expect(await fieldsOf(notMultipart)).toEqual(['content-type']);
    const broken = await send('multipart/form-data; boundary=x', 'no parts at all');
    expect(broken.status).toBe(400);
    expect(await fieldsOf(broken)).toEqual(['(body)']);
    const notUtf8 = await app.fetch(
      new Request(`http://localhost${documentsPath()}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key.memberEditor}`, 'content-type': 'multipart/form-data; boundary=x' },
        body: Buffer.concat([Buffer.from('--x\r\nContent-Disposition: form-data; name="reason"\r\n\r\na'), Buffer.from([0xff, 0xfe]), Buffer.from('b\r\n--x--\r\n')]),
      }),
    );
    expect(notUtf8.status).toBe(400);
    expect(await fieldsOf(notUtf8)).toEqual(['reason']);
    expect(await count()).toBe(before);
  });

  it('refuses a second file of a name the meeting holds, saying whether it is the same file; another meeting takes it', async () => {
    expect((await upload(key.memberEditor, { file: pdfFile('Dagordning 2027-05-20.pdf') })).status).toBe(201);
    const before = await count();
    const problemsOf = async (response: Response) => ((await response.json()) as ErrorBody).error.problems;
    const again = await upload(key.keeper, { file: pdfFile('Dagordning 2027-05-20.pdf') });
    expect(again.status).toBe(400);
    expect(await problemsOf(again)).toEqual([{ field: 'file', message: "is added to this meeting already, as 'Dagordning 2027-05-20.pdf'" }]);
    const changed = await upload(key.memberEditor, { file: pdfFile('Dagordning 2027-05-20.pdf', new TextEncoder().encode('%PDF-1.7\nANDRA DAGORDNINGEN\n%%EOF\n')) });
    expect(changed.status).toBe(400);
    expect(await problemsOf(changed)).toEqual([{ field: 'file', message: "a file named 'Dagordning 2027-05-20.pdf' is added to this meeting already: remove it first, or give this file another name" }]);
    expect(await count()).toBe(before);
    expect((await upload(key.memberEditor, { file: pdfFile('Dagordning 2027-05-20.pdf') }, documentsPath(at.otherMeeting))).status).toBe(201);
  });

  it("removes one: its keepers and the adding organisation's members; others are refused or told it is absent; the history keeps what it was", async () => {
    const add = async (bearer: string, name: string) => ((await (await upload(bearer, { file: pdfFile(name) })).json()) as { id: number; download: string });
    const byMember = await add(key.memberEditor, 'medlemmens.pdf');
    const byKeeper = await add(key.keeper, 'sammankallandes.pdf');
    const before = await count();
    const remove = (bearer: string, path: string, body?: unknown) => request('DELETE', path, bearer, body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await remove('', byMember.download)).status).toBe(401);
    expect((await remove(key.memberReadOnly, byMember.download)).status).toBe(403);
    expect((await remove(key.memberReader, byMember.download)).status).toBe(403);
    expect((await remove(key.outsideAdmin, byMember.download)).status).toBe(403);
    // The member organisation's coordinator may not remove the convener's document; under another meeting it is absent.
    expect((await remove(key.memberCoordinator, byKeeper.download)).status).toBe(403);
    expect((await remove(key.keeper, `${documentsPath(at.otherMeeting)}/${byMember.id}`)).status).toBe(404);
    expect((await remove(key.keeper, `${documentsPath()}/999999`)).status).toBe(404);
    const bad = await remove(key.keeper, byMember.download, { reason: 'x'.repeat(2001), why: 1 });
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toContain('why');
    expect(await count()).toBe(before);

    const removed = await remove(key.memberCoordinator, byMember.download, { reason: 'Fel fil' });
    expect(removed.status).toBe(204);
    expect((await request('GET', byMember.download, key.memberReader)).status).toBe(404);
    const [entry] = await queryRows<{ reason: string; before: { fileName: string; sha256: string } }>(t.database.db, sql`select reason, before from audit_log where action = 'document.remove' and entity_id = ${byMember.id}`);
    expect(entry!.reason).toBe('Fel fil');
    expect(entry!.before.fileName).toBe('medlemmens.pdf');
    expect((await remove(key.keeper, byKeeper.download)).status).toBe(204);
    expect((await remove(key.keeper, byKeeper.download)).status).toBe(404);
  });
});
