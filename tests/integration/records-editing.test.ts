// Sources, documents and contact persons through the app, as browsers send
// them: who may do what, bad input named by field and nothing stored, the
// document's type read from its bytes and its size limit, and documents
// served only to those who may read them.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeBackup } from '../../src/db/backup.ts';
import { restoreBackup } from '../../src/db/restore.ts';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { agreements, auditLog, citations, contactPersons, documents, DOCUMENT_MAX_BYTES, sources, type Role } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;

const PEOPLE = {
  editor: { role: 'editor', organisation: 'ortsband' },
  reader: { role: 'reader', organisation: 'ortsband' },
  otherEditor: { role: 'editor', organisation: 'records-other' },
  otherReader: { role: 'reader', organisation: 'records-other' },
  admin: { role: 'admin', organisation: 'records-other' },
} as const satisfies Record<string, { role: Role; organisation: string }>;
type Person = keyof typeof PEOPLE | 'anonymous';
let emails: Record<keyof typeof PEOPLE, string>;

let visitors: Record<Person, Visitor>;

const PDF = (text: string) => new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Title (${text}) >> endobj\n%%EOF\n`);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

let publicAgreement: { id: number; slug: string };
let internalAgreement: { id: number; slug: string };
let eventId: number;

const count = async (table: typeof sources | typeof citations | typeof documents | typeof contactPersons | typeof auditLog) =>
  (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
/** Rows of the tables a form could write, and the audit log: compared before and after a refused post. */
const snapshot = async () => ({ sources: await count(sources), citations: await count(citations), documents: await count(documents), contacts: await count(contactPersons), audit: await count(auditLog) });

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  const ctx = systemCtx(t);
  await addOrganisation({ ctx, input: { slug: 'records-other', name: 'Another body' } });
  ({ visitors, emails } = await signedInVisitors(t, app, PEOPLE));
  const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
  const o = { ctx, organisationId: org!.id };
  publicAgreement = await createAgreement({ ...o, input: { slug: uniqueSlug('rec-public'), kind: 'vanort', officialTitle: 'Ett offentligt avtal', parties: ['kalix'], counterparts: ['zhejiang'] } });
  internalAgreement = await createAgreement({ ...o, input: { slug: uniqueSlug('rec-internal'), kind: 'vanort', officialTitle: 'Ett internt avtal', parties: ['kalix'], counterparts: ['zhejiang'], visibility: 'internal' } });
  eventId = (await recordStatusEvent({ ctx, agreementId: publicAgreement.id, input: { type: 'established', date: '2015-03' } })).id;
}, 120_000);
afterAll(async () => t?.close());

const sourcesPage = (slug = publicAgreement.slug) => `/avtal/${slug}/kallor`;
const contactsPage = (slug = publicAgreement.slug) => `/avtal/${slug}/kontakter`;

describe('who may open the pages', () => {
  it('sends an anonymous visitor to sign in, and back to the page after', async () => {
    for (const path of [sourcesPage(), contactsPage()]) {
      const response = await visitors.anonymous.request(path);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/logga-in?tillbaka=${encodeURIComponent(path)}`);
    }
    // A post without a session is told so, with the way to sign in, and stores nothing.
    const posted = await visitors.anonymous.post(`${contactsPage()}`, { name: 'Ingen' });
    expect(posted.status).toBe(401);
    expect(await posted.text()).toContain(`href="/logga-in?tillbaka=${encodeURIComponent(contactsPage())}"`);
    expect(await count(contactPersons)).toBe(0);
  });

  it('shows the sources page to editors of the owning organisation and administrators only; others get 403, or 404 where they may not read the agreement', async () => {
    const status = async (who: Person, path: string) => (await visitors[who].request(path)).status;
    expect(await status('editor', sourcesPage())).toBe(200);
    expect(await status('admin', sourcesPage())).toBe(200);
    expect(await status('reader', sourcesPage())).toBe(403);
    expect(await status('otherEditor', sourcesPage())).toBe(403);
    expect(await status('otherEditor', sourcesPage(internalAgreement.slug))).toBe(404);
    expect(await status('editor', sourcesPage('no-such-agreement'))).toBe(404);
  });

  it('links the agreement’s page to the pages each person may use, and nobody else', async () => {
    const links = async (who: Person) => {
      const html = await (await visitors[who].request(`/avtal/${publicAgreement.slug}`)).text();
      return ['kallor', 'kontakter'].filter((page) => html.includes(`href="/avtal/${publicAgreement.slug}/${page}"`));
    };
    expect(await links('editor')).toEqual(['kallor', 'kontakter']);
    expect(await links('admin')).toEqual(['kallor', 'kontakter']);
    expect(await links('reader')).toEqual(['kontakter']);
    expect(await links('otherEditor')).toEqual([]);
    expect(await links('anonymous')).toEqual([]);
  });

  it('is no-store, Swedish first, and English with ?lang=en', async () => {
    const sv = await visitors.editor.request(sourcesPage());
    expect(sv.headers.get('cache-control')).toBe('no-store');
    expect(await sv.text()).toContain('Lägg till en källa');
    const en = await (await visitors.editor.request(`${sourcesPage()}?lang=en`)).text();
    expect(en).toContain('Add a source');
    expect(en).toContain('action="/avtal/' + publicAgreement.slug + '/kallor?lang=en"');
  });
});

describe('adding and citing sources', () => {
  it('adds a source for the agreement’s organisation, audited with the editor’s name, and offers it for citing', async () => {
    const response = await visitors.editor.post(sourcesPage(), { kind: 'decision_protocol', title: 'Kommunfullmäktiges protokoll 2020-05-04', published: '2020-05-04', archiveReference: 'KS 2020/123', visibility: 'public', reason: 'Protokollet finns nu' });
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/avtal\/[^/]+\/kallor\?klart=source&kalla=kommunfullmaktiges-protokoll-2020-05-04-[a-z0-9]{6}#citera$/);
    const slug = new URL(location, 'http://x').searchParams.get('kalla')!;
    const [row] = await t.database.db.select().from(sources).where(eq(sources.slug, slug));
    expect(row).toMatchObject({ kind: 'decision_protocol', archiveReference: 'KS 2020/123', visibility: 'public' });
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'source'), eq(auditLog.entityId, row!.id)));
    expect(entry).toMatchObject({ action: 'source.create', actorLabel: emails.editor, reason: 'Protokollet finns nu' });
    const page = await (await visitors.editor.request(location)).text();
    expect(page).toContain(`<option value="${slug}" selected="">`);
  });

  it('keeps a confidential interview out of the public even when public was chosen', async () => {
    const response = await visitors.editor.post(sourcesPage(), { kind: 'interview', title: 'Intervju med en tjänsteperson', visibility: 'public', confidential: '1' });
    expect(response.status).toBe(303);
    const slug = new URL(response.headers.get('location')!, 'http://x').searchParams.get('kalla')!;
    const [row] = await t.database.db.select().from(sources).where(eq(sources.slug, slug));
    expect(row).toMatchObject({ confidential: true, visibility: 'internal' });
  });

  it('names every bad field, keeps what was typed, and stores nothing', async () => {
    const before = await snapshot();
    const response = await visitors.editor.post(sourcesPage(), { kind: 'tabloid', title: '', url: 'inte en länk', published: '2019-13-45', author: 'Anna <b>Andersson</b>' });
    expect(response.status).toBe(400);
    const page = await response.text();
    for (const field of ['kind', 'title', 'url', 'published']) expect(page).toContain(`href="#source-${field}"`);
    expect(page).toContain('Skriv titeln.');
    expect(page).toContain('value="inte en länk"');
    expect(page).toContain('value="Anna &lt;b&gt;Andersson&lt;/b&gt;"');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses another organisation’s editor and a reader with 403, and stores nothing', async () => {
    const before = await snapshot();
    for (const who of ['otherEditor', 'reader'] as const) {
      expect((await visitors[who].post(sourcesPage(), { kind: 'report', title: 'En rapport' })).status).toBe(403);
      expect((await visitors[who].post(`${sourcesPage()}/citera`, { source: 'nkk2022', on: 'agreement' })).status).toBe(403);
    }
    // Without the form's token, even the editor.
    expect((await visitors.editor.post(sourcesPage(), { kind: 'report', title: 'En rapport', csrf: 'wrong' })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('cites a source on the agreement and on an event with the passage, moving the agreement’s version', async () => {
    const [{ version }] = (await t.database.db.select({ version: agreements.version }).from(agreements).where(eq(agreements.id, publicAgreement.id))) as [{ version: number }];
    const onAgreement = await visitors.editor.post(`${sourcesPage()}/citera`, { source: 'nkk2022', on: 'agreement', passage: 'Bilaga, rad 4', expectedVersion: String(version) });
    expect([onAgreement.status, onAgreement.headers.get('location')]).toEqual([303, `${sourcesPage()}?klart=cite#citera`]);
    const onEvent = await visitors.editor.post(`${sourcesPage()}/citera`, { source: 'nkk2022', on: String(eventId), passage: '§ 112' });
    expect(onEvent.status).toBe(303);
    const rows = await t.database.db.select().from(citations).where(sql`(subject_type = 'agreement' and subject_id = ${publicAgreement.id}) or (subject_type = 'event' and subject_id = ${eventId})`);
    expect(rows.map((r) => [r.subjectType, r.passage]).sort()).toEqual([
      ['agreement', 'Bilaga, rad 4'],
      ['event', '§ 112'],
    ]);
    const [after] = await t.database.db.select({ version: agreements.version }).from(agreements).where(eq(agreements.id, publicAgreement.id));
    expect(after!.version).toBe(version + 2);
    // The public page shows the citation.
    expect(await (await app.request(`/avtal/${publicAgreement.slug}`)).text()).toContain('Bilaga, rad 4');
  });

  it('refuses a stale version as a conflict, keeping the passage typed; an unknown source or event is named', async () => {
    const before = await snapshot();
    const stale = await visitors.editor.post(`${sourcesPage()}/citera`, { source: 'nkk2022', on: 'agreement', passage: 'Mitt stycke', expectedVersion: '1' });
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toContain('Någon annan ändrade avtalet');
    expect(page).toContain('Mitt stycke');
    const unknown = await visitors.editor.post(`${sourcesPage()}/citera`, { source: 'no-such-source', on: '999999' });
    expect(unknown.status).toBe(400);
    const text = await unknown.text();
    expect(text).toContain('href="#cite-source"');
    expect(await snapshot()).toEqual(before);
    const badEvent = await visitors.editor.post(`${sourcesPage()}/citera`, { source: 'nkk2022', on: '999999' });
    expect(await badEvent.text()).toContain('href="#cite-on"');
    expect(await snapshot()).toEqual(before);
  });
  it('changes a citation’s passage and removes a citation at the version the page was opened at; the source stays; others may not', async () => {
    const cite = await visitors.editor.post(`${sourcesPage()}/citera`, { source: 'nkk2022', on: 'agreement', passage: 'Sida 1' });
    expect(cite.status).toBe(303);
    const [row] = await t.database.db.select().from(citations).where(and(eq(citations.subjectType, 'agreement'), eq(citations.subjectId, publicAgreement.id), eq(citations.passage, 'Sida 1')));
    const version = async () => (await t.database.db.select({ version: agreements.version }).from(agreements).where(eq(agreements.id, publicAgreement.id)))[0]!.version;
    const opened = await version();
    // The sources page offers both forms on the citation's row.
    const page = await (await visitors.editor.request(sourcesPage())).text();
    expect(page).toContain(`action="/avtal/${publicAgreement.slug}/kallor/citat/${row!.id}"`);
    expect(page).toContain(`action="/avtal/${publicAgreement.slug}/kallor/citat/${row!.id}/ta-bort"`);

    const changePath = `${sourcesPage()}/citat/${row!.id}`;
    const changed = await visitors.editor.post(changePath, { passage: 'Sida 2, § 7', reason: 'Rätt sida', expectedVersion: String(opened) });
    expect([changed.status, changed.headers.get('location')]).toEqual([303, `${sourcesPage()}?klart=citationChanged#citerade`]);
    expect((await t.database.db.select().from(citations).where(eq(citations.id, row!.id)))[0]!.passage).toBe('Sida 2, § 7');
    expect(await version()).toBe(opened + 1);

    // A stale version, a passage over the limit, another organisation's editor and a reader change nothing.
    const before = await snapshot();
    const stale = await visitors.editor.post(changePath, { passage: 'Sida 3', expectedVersion: String(opened) });
    expect(stale.status).toBe(409);
    const staleText = await stale.text();
    expect(staleText).toContain('Någon annan ändrade avtalet');
    expect(staleText).toContain('Sida 3');
    const long = await visitors.editor.post(changePath, { passage: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain(`href="#citation-${row!.id}-passage"`);
    expect((await visitors.otherEditor.post(changePath, { passage: 'Fel' })).status).toBe(403);
    expect((await visitors.reader.post(`${changePath}/ta-bort`, {})).status).toBe(403);
    // A citation of another agreement is not found through this one.
    expect((await visitors.editor.post(changePath.replace(publicAgreement.slug, internalAgreement.slug), { passage: 'Fel' })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect((await t.database.db.select().from(citations).where(eq(citations.id, row!.id)))[0]!.passage).toBe('Sida 2, § 7');

    const removed = await visitors.editor.post(`${changePath}/ta-bort`, { reason: 'Fel källa', expectedVersion: String(opened + 1) });
    expect([removed.status, removed.headers.get('location')]).toEqual([303, `${sourcesPage()}?klart=citationRemoved#citerade`]);
    expect(await t.database.db.select().from(citations).where(eq(citations.id, row!.id))).toEqual([]);
    expect(await t.database.db.select({ id: sources.id }).from(sources).where(eq(sources.slug, 'nkk2022'))).toHaveLength(1);
    const entries = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'agreement'), eq(auditLog.entityId, publicAgreement.id), sql`action in ('citation.change', 'citation.remove')`));
    expect(entries.map((e) => [e.action, e.reason])).toEqual([
      ['citation.change', 'Rätt sida'],
      ['citation.remove', 'Fel källa'],
    ]);
    // The history names both acts.
    const history = await (await visitors.editor.request(`/avtal/${publicAgreement.slug}/historik`)).text();
    expect(history).toContain('Ändrade en citering');
    expect(history).toContain('Tog bort en citering');
  });
});

describe('changing a source', () => {
  const editPage = (slug: string) => `/kallor/${slug}/andra`;
  const fieldsOf = (row: typeof sources.$inferSelect) => ({
    kind: row.kind,
    title: row.title,
    author: row.author ?? '',
    publisher: row.publisher ?? '',
    published: row.published ?? '',
    url: row.url ?? '',
    archiveReference: row.archiveReference ?? '',
    visibility: row.visibility,
    confidential: row.confidential ? '1' : '',
    note: row.note ?? '',
    language: row.language,
    expectedVersion: String(row.version),
  });
  const made = async () => {
    const title = uniqueSlug('Protokoll att ändra');
    expect((await visitors.editor.post(sourcesPage(), { kind: 'decision_protocol', title, visibility: 'public' })).status).toBe(303);
    return (await t.database.db.select().from(sources).where(eq(sources.title, title)))[0]!;
  };

  it('saves every field at the version the form was opened at, audited with the comment, and goes back to the agreement’s sources', async () => {
    const source = await made();
    const page = await visitors.editor.request(`${editPage(source.slug)}?avtal=${publicAgreement.slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`value="${source.title}"`);
    expect(html).toContain('name="expectedVersion" value="1"');
    const sent = await visitors.editor.post(`${editPage(source.slug)}?avtal=${publicAgreement.slug}`, {
      ...fieldsOf(source),
      title: 'Kommunfullmäktiges protokoll 2021-03-15',
      published: '2021-03-15',
      archiveReference: 'KS 2021/112',
      language: 'sv',
      reason: 'Rätt datum',
    });
    expect([sent.status, sent.headers.get('location')]).toEqual([303, `${sourcesPage()}?klart=sourceChanged#citerade`]);
    const [after] = await t.database.db.select().from(sources).where(eq(sources.id, source.id));
    expect([after!.title, after!.published, after!.archiveReference, after!.version]).toEqual(['Kommunfullmäktiges protokoll 2021-03-15', '2021-03-15', 'KS 2021/112', 2]);
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'source'), eq(auditLog.entityId, source.id), eq(auditLog.action, 'source.change')));
    expect(entry!.reason).toBe('Rätt datum');
    expect((entry!.before as { title: string }).title).toBe(source.title);
    // Without an agreement to go back to, the form itself says it is saved.
    const again = await visitors.editor.post(editPage(source.slug), { ...fieldsOf(after!), note: 'Finns i kommunarkivet.' });
    expect([again.status, again.headers.get('location')]).toEqual([303, `${editPage(source.slug)}?klart=sparad`]);
    expect(await (await visitors.editor.request(`${editPage(source.slug)}?klart=sparad`)).text()).toContain('Källan är sparad.');
  });

  it('keeps a confidential source out of the public, names bad fields and keeps what was typed, and refuses others; nothing stored', async () => {
    const source = await made();
    const confidential = await visitors.editor.post(editPage(source.slug), { ...fieldsOf(source), confidential: '1', visibility: 'public' });
    expect(confidential.status).toBe(303);
    const [kept] = await t.database.db.select().from(sources).where(eq(sources.id, source.id));
    expect([kept!.confidential, kept!.visibility]).toEqual([true, 'internal']);

    const before = await snapshot();
    const bad = await visitors.editor.post(editPage(source.slug), { ...fieldsOf(kept!), title: '', published: '2019-13-45', url: 'inte en länk', language: 'svenska', kind: 'nope' });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    for (const field of ['title', 'published', 'url', 'language', 'kind']) expect(text, field).toContain(`href="#source-${field}"`);
    expect(text).toContain('value="inte en länk"');
    // Another organisation's editor may not change a public source of this one, and does not find an internal one.
    expect((await visitors.otherEditor.post(editPage('nkk2022'), fieldsOf((await t.database.db.select().from(sources).where(eq(sources.slug, 'nkk2022')))[0]!))).status).toBe(403);
    expect((await visitors.otherEditor.post(editPage(source.slug), fieldsOf(kept!))).status).toBe(404);
    expect((await visitors.reader.post(editPage(source.slug), fieldsOf(kept!))).status).toBe(403);
    expect((await visitors.reader.request(editPage(source.slug))).status).toBe(403);
    expect((await visitors.otherEditor.request(editPage(source.slug))).status).toBe(404);
    expect((await visitors.anonymous.request(editPage(source.slug))).status).toBe(303);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the English note, which the form does not show, and the version the form was opened at through a refusal for bad input', async () => {
    const source = await made();
    await t.database.db.update(sources).set({ note: 'Finns i arkivet.', noteEn: 'In the archive.' }).where(eq(sources.id, source.id));
    const [withNotes] = await t.database.db.select().from(sources).where(eq(sources.id, source.id));
    expect((await visitors.editor.post(editPage(source.slug), { ...fieldsOf(withNotes!), title: 'Ny titel' })).status).toBe(303);
    const [after] = await t.database.db.select().from(sources).where(eq(sources.id, source.id));
    expect([after!.title, after!.noteEn]).toEqual(['Ny titel', 'In the archive.']);
    // Someone saves; a refused post made at the version before keeps that version, so sending it again is a conflict.
    await t.database.db.update(sources).set({ version: sql`${sources.version} + 1` }).where(eq(sources.id, source.id));
    const bad = await visitors.editor.post(editPage(source.slug), { ...fieldsOf(after!), published: '2019-13-45' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain(`name="expectedVersion" value="${after!.version}"`);
  });

  it('shows someone else’s save beside what was typed, which the form keeps, and stores nothing', async () => {
    const source = await made();
    expect((await visitors.admin.post(editPage(source.slug), { ...fieldsOf(source), author: 'Administratören' })).status).toBe(303);
    const before = await snapshot();
    const stale = await visitors.editor.post(editPage(source.slug), { ...fieldsOf(source), author: 'Redaktören' });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Någon annan sparade källan');
    expect(html).toMatch(/<th scope="row">Författare<\/th><td>Administratören<\/td><td>Redaktören<\/td>/);
    expect(html).toContain('value="Redaktören"');
    expect(html).toContain('name="expectedVersion" value="2"');
    expect(await snapshot()).toEqual(before);
    expect((await t.database.db.select().from(sources).where(eq(sources.id, source.id)))[0]!.author).toBe('Administratören');
  });
});

describe('documents', () => {
  const upload = (who: Person, file: { name: string; type: string; bytes: Uint8Array } | undefined, fields: Record<string, string> = {}, slug = publicAgreement.slug) =>
    visitors[who].upload(`/avtal/${slug}/dokument`, fields, file);
  const newest = async () => (await t.database.db.select().from(documents).orderBy(sql`id desc`).limit(1))[0]!;

  it('keeps a PDF with its name, type, size, SHA-256 and who added it, and serves it to those who may read the agreement only', async () => {
    const bytes = PDF('Protokoll');
    const response = await upload('editor', { name: 'Protokoll KF 2020-05-04 §112.pdf', type: 'application/pdf', bytes }, { reason: 'Skannat' });
    expect(response.status).toBe(303);
    const row = await newest();
    expect(row).toMatchObject({ agreementId: publicAgreement.id, sourceId: null, fileName: 'Protokoll KF 2020-05-04 §112.pdf', mediaType: 'application/pdf', sizeBytes: bytes.length, public: false, addedBy: emails.editor });
    expect(row.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const served = await visitors.reader.request(`/dokument/${row.id}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toBe(`attachment; filename="Protokoll KF 2020-05-04 _112.pdf"; filename*=UTF-8''${encodeURIComponent('Protokoll KF 2020-05-04 §112.pdf')}`);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(Buffer.from(bytes));
    // Not marked public: the public does not get it, though the agreement is public.
    expect((await visitors.anonymous.request(`/dokument/${row.id}`)).status).toBe(404);
    // The audit entry says what was added, never the bytes.
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'document'), eq(auditLog.entityId, row.id)));
    expect(entry).toMatchObject({ action: 'document.attach', actorLabel: emails.editor, reason: 'Skannat' });
    expect(JSON.stringify(entry!.after)).not.toContain('content');
  });

  it('serves a document marked public of a public agreement to anyone, and one of an internal agreement only to its organisation', async () => {
    expect((await upload('editor', { name: 'avtal.pdf', type: 'application/pdf', bytes: PDF('Avtalet') }, { public: '1' })).status).toBe(303);
    const open = await newest();
    const anonymous = await visitors.anonymous.request(`/dokument/${open.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=300');

    const refused = await upload('editor', { name: 'internt.pdf', type: 'application/pdf', bytes: PDF('Internt') }, { public: '1' }, internalAgreement.slug);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('href="#document-public"');
    expect((await upload('editor', { name: 'internt.pdf', type: 'application/pdf', bytes: PDF('Internt') }, {}, internalAgreement.slug)).status).toBe(303);
    const internal = await newest();
    expect((await visitors.reader.request(`/dokument/${internal.id}`)).status).toBe(200);
    // An administrator of another organisation does not read its internal records either (access.ts).
    for (const who of ['anonymous', 'otherReader', 'otherEditor', 'admin'] as const) expect((await visitors[who].request(`/dokument/${internal.id}`)).status, who).toBe(404);
    for (const id of ['0', '999999', 'abc', '1e3']) expect((await visitors.editor.request(`/dokument/${id}`)).status).toBe(404);

    // The agreements' pages list what each visitor may download, and nothing else.
    const link = (d: { id: number }) => `href="/dokument/${d.id}"`;
    expect(await (await visitors.anonymous.request(`/avtal/${publicAgreement.slug}`)).text()).toContain(link(open));
    expect(await (await visitors.reader.request(`/avtal/${internalAgreement.slug}`)).text()).toContain(link(internal));
    expect((await visitors.otherReader.request(`/avtal/${internalAgreement.slug}`)).status).toBe(404);
    expect((await upload('editor', { name: 'utkast.pdf', type: 'application/pdf', bytes: PDF('Utkast') })).status).toBe(303);
    const draft = await newest();
    expect(await (await visitors.anonymous.request(`/avtal/${publicAgreement.slug}`)).text()).not.toContain(link(draft));
    // Signed-in officials read the documents of every record they may read (access.ts).
    for (const who of ['reader', 'otherReader'] as const) expect(await (await visitors[who].request(`/avtal/${publicAgreement.slug}`)).text(), who).toContain(link(draft));
  });

  it('attaches a document to a source the editor’s organisation owns', async () => {
    const added = await visitors.editor.post(sourcesPage(), { kind: 'agreement_text', title: 'Avtalstexten', visibility: 'public' });
    const slug = new URL(added.headers.get('location')!, 'http://x').searchParams.get('kalla')!;
    await visitors.editor.post(`${sourcesPage()}/citera`, { source: slug, on: 'agreement' });
    expect((await upload('editor', { name: 'avtalstext.png', type: 'image/png', bytes: PNG }, { attachTo: slug })).status).toBe(303);
    const row = await newest();
    expect(row).toMatchObject({ agreementId: null, mediaType: 'image/png' });
    const page = await (await visitors.editor.request(sourcesPage())).text();
    expect(page).toContain('avtalstext.png');
  });

  it('does not list to the public a document of a source cited only on an event the public may not read', async () => {
    const added = await visitors.editor.post(sourcesPage(), { kind: 'decision_protocol', title: 'Internt beslut', visibility: 'public' });
    const slug = new URL(added.headers.get('location')!, 'http://x').searchParams.get('kalla')!;
    const hidden = await recordStatusEvent({ ctx: systemCtx(t), agreementId: publicAgreement.id, input: { type: 'dormant', date: '2019', visibility: 'internal' } });
    expect((await visitors.editor.post(`${sourcesPage()}/citera`, { source: slug, on: String(hidden.id) })).status).toBe(303);
    expect((await upload('editor', { name: 'internt-beslut.pdf', type: 'application/pdf', bytes: PDF('Beslut') }, { attachTo: slug, public: '1' })).status).toBe(303);
    const row = await newest();
    expect(await (await visitors.anonymous.request(`/avtal/${publicAgreement.slug}`)).text()).not.toContain(`href="/dokument/${row.id}"`);
    expect(await (await visitors.reader.request(`/avtal/${publicAgreement.slug}`)).text()).toContain(`href="/dokument/${row.id}"`);
  });

  it('refuses a file whose bytes are not what its name or declared type says, an empty form, and a file over the limit, storing nothing', async () => {
    const before = await snapshot();
    const cases: Array<[string, { name: string; type: string; bytes: Uint8Array } | undefined, number]> = [
      ['a PNG named .pdf', { name: 'protokoll.pdf', type: 'application/pdf', bytes: PNG }, 400],
      ['a web page named .pdf', { name: 'protokoll.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>') }, 400],
      ['a PDF declared as HTML', { name: 'protokoll.pdf', type: 'text/html', bytes: PDF('x') }, 400],
      ['an empty file', { name: 'tom.pdf', type: 'application/pdf', bytes: new Uint8Array() }, 400],
      ['no file', undefined, 400],
      ['a file a byte over 20 MB', { name: 'stor.pdf', type: 'application/pdf', bytes: new Uint8Array(DOCUMENT_MAX_BYTES + 1).fill(0x25) }, 400],
      // A request far over the limit is refused before its body is read.
      ['a file of 21 MB', { name: 'stor.pdf', type: 'application/pdf', bytes: new Uint8Array(DOCUMENT_MAX_BYTES + 1024 * 1024).fill(0x25) }, 413],
    ];
    for (const [what, file, status] of cases) {
      const response = await upload('editor', file, {});
      expect(response.status, what).toBe(status);
      const page = await response.text();
      expect(page, what).toContain('href="#document-file"');
    }
    expect(await snapshot()).toEqual(before);
    // Nor may another organisation's editor attach anything.
    expect((await upload('otherEditor', { name: 'a.pdf', type: 'application/pdf', bytes: PDF('a') })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('lets an editor of the owning organisation remove a document; a reader or another organisation’s editor is refused', async () => {
    await upload('editor', { name: 'bort.pdf', type: 'application/pdf', bytes: PDF('Bort') });
    const row = await newest();
    expect((await visitors.reader.post(`/dokument/${row.id}/ta-bort`, { tillbaka: publicAgreement.slug })).status).toBe(403);
    expect((await visitors.otherEditor.post(`/dokument/${row.id}/ta-bort`, { tillbaka: publicAgreement.slug })).status).toBe(403);
    const removed = await visitors.editor.post(`/dokument/${row.id}/ta-bort`, { tillbaka: publicAgreement.slug, reason: 'Fel fil' });
    expect([removed.status, removed.headers.get('location')]).toEqual([303, `${sourcesPage()}?klart=removed`]);
    expect((await visitors.editor.request(`/dokument/${row.id}`)).status).toBe(404);
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'document'), eq(auditLog.entityId, row.id), eq(auditLog.action, 'document.remove')));
    expect(entry).toMatchObject({ reason: 'Fel fil', before: expect.objectContaining({ fileName: 'bort.pdf' }) });
  });
});

describe('contact persons', () => {
  const contactsOf = (agreementId: number) => t.database.db.select().from(contactPersons).where(eq(contactPersons.agreementId, agreementId));

  it('are added by an editor, read by the organisation’s readers and administrators, and absent to everyone else', async () => {
    const response = await visitors.editor.post(contactsPage(), { name: 'Karin Kontaktsson', role: 'Internationell strateg', email: 'Karin.Kontaktsson@Kalix.se', phone: '+46 923-650 00', reason: 'Ny kontakt' });
    expect([response.status, response.headers.get('location')]).toEqual([303, `${contactsPage()}?klart=added`]);
    const [row] = await contactsOf(publicAgreement.id);
    expect(row).toMatchObject({ name: 'Karin Kontaktsson', email: 'karin.kontaktsson@kalix.se', phone: '+46 923-650 00' });
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'contact'), eq(auditLog.entityId, row!.id)));
    expect(entry).toMatchObject({ action: 'contact.add', actorLabel: emails.editor, reason: 'Ny kontakt' });
    for (const who of ['reader', 'admin', 'editor'] as const) {
      const page = await visitors[who].request(contactsPage());
      expect(page.status, who).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(await page.text(), who).toContain('Karin Kontaktsson');
    }
    // A reader sees them, without forms.
    expect(await (await visitors.reader.request(contactsPage())).text()).not.toContain('Lägg till en kontaktperson');
    for (const who of ['otherReader', 'otherEditor'] as const) {
      const page = await visitors[who].request(contactsPage());
      expect(page.status, who).toBe(404);
      expect(await page.text()).not.toContain('Karin');
    }
    // Never in the public answers about the agreement.
    for (const path of [`/avtal/${publicAgreement.slug}`, `/api/agreements/${publicAgreement.slug}`, '/api/export.json', '/api/exchange/register.json']) {
      expect(await (await app.request(path)).text(), path).not.toContain('Kontaktsson');
    }
  });

  it('names every bad field, keeps what was typed, and stores nothing; others may not add', async () => {
    const before = await snapshot();
    const response = await visitors.editor.post(contactsPage(), { name: '', email: 'inte-en-adress', phone: 'ring mig', role: 'x'.repeat(201) });
    expect(response.status).toBe(400);
    const page = await response.text();
    for (const field of ['name', 'email', 'phone', 'role']) expect(page).toContain(`href="#contact-new-${field}"`);
    expect(page).toContain('value="inte-en-adress"');
    expect(page).toContain('Skriv namnet.');
    for (const who of ['reader', 'otherEditor'] as const) expect((await visitors[who].post(contactsPage(), { name: 'Någon' })).status).toBe(403);
    expect((await visitors.otherEditor.post(contactsPage(internalAgreement.slug), { name: 'Någon' })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('changes a contact at the version it was opened at; a stale one shows the other change and keeps the input', async () => {
    await visitors.editor.post(contactsPage(internalAgreement.slug), { name: 'Olle Ändrad', email: 'olle@kalix.se' });
    const [row] = await contactsOf(internalAgreement.id);
    const path = `${contactsPage(internalAgreement.slug)}/${row!.id}`;
    const first = await visitors.editor.post(path, { name: 'Olle Ändrad', role: 'Kanslichef', email: 'olle@kalix.se', expectedVersion: String(row!.version) });
    expect(first.status).toBe(303);
    const before = await snapshot();
    const stale = await visitors.editor.post(path, { name: 'Olle Ändrad', role: 'Min roll', email: 'olle@kalix.se', expectedVersion: String(row!.version) });
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toContain('Någon annan sparade kontaktpersonen');
    expect(page).toContain('Kanslichef');
    expect(page).toContain('value="Min roll"');
    expect(await snapshot()).toEqual(before);
    expect((await visitors.otherEditor.post(path, { name: 'X' })).status).toBe(404);
    expect((await visitors.reader.post(path, { name: 'X' })).status).toBe(403);
    const [current] = await contactsOf(internalAgreement.id);
    expect(current).toMatchObject({ role: 'Kanslichef', version: row!.version + 1 });
  });

  it('removes a contact, audited with who it was', async () => {
    await visitors.editor.post(contactsPage(), { name: 'Bo Bortsson' });
    const row = (await contactsOf(publicAgreement.id)).find((c) => c.name === 'Bo Bortsson')!;
    expect((await visitors.otherEditor.post(`${contactsPage()}/${row.id}/ta-bort`, {})).status).toBe(403);
    const removed = await visitors.editor.post(`${contactsPage()}/${row.id}/ta-bort`, { expectedVersion: String(row.version) });
    expect([removed.status, removed.headers.get('location')]).toEqual([303, `${contactsPage()}?klart=removed`]);
    expect((await contactsOf(publicAgreement.id)).some((c) => c.name === 'Bo Bortsson')).toBe(false);
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'contact'), eq(auditLog.entityId, row.id), eq(auditLog.action, 'contact.remove')));
    expect(entry!.before).toMatchObject({ name: 'Bo Bortsson' });
    expect((await visitors.editor.post(`${contactsPage()}/${row.id}/ta-bort`, {})).status).toBe(404);
  });
});

describe('a backup', () => {
  it('carries the documents’ bytes and the contact persons to a restored database', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ortsband-records-'));
    const target = await openTestDatabase({ empty: true });
    try {
      const file = path.join(dir, 'backup.ndjson.gz');
      await writeBackup(t.database, file);
      await restoreBackup(target.database, file);
      const read = (db: typeof t.database.db) => db.select({ id: documents.id, sha256: documents.sha256, content: documents.content }).from(documents).orderBy(documents.id);
      const [original, restored] = [await read(t.database.db), await read(target.database.db)];
      expect(restored.length).toBeGreaterThan(0);
      expect(restored).toEqual(original);
      for (const row of restored) expect(createHash('sha256').update(row.content).digest('hex')).toBe(row.sha256);
      expect(await target.database.db.select().from(contactPersons)).toEqual(await t.database.db.select().from(contactPersons));
    } finally {
      await target.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
