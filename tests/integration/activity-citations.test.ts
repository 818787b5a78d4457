// An activity's sources through the app, as browsers send them: an editor
// cites sources for an activity on its edit page and removes one, at the
// activity's version; a stale page, an unknown or unreadable source, a
// passage too long and another organisation's editor are refused with
// nothing stored; each reader sees only the sources they may read, on the
// activities page and in the API's activity list.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import type { Role } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { currentDataVersion } from '../../src/domain/data-version.ts';
import { createSource } from '../../src/domain/sources/create.ts';
import { attachDocument } from '../../src/domain/documents/attach.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;

const PEOPLE = {
  editor: { role: 'editor', organisation: 'ortsband' },
  colleague: { role: 'editor', organisation: 'ortsband' },
  otherEditor: { role: 'editor', organisation: 'cite-other' },
  otherReader: { role: 'reader', organisation: 'cite-other' },
} as const satisfies Record<string, { role: Role; organisation: string }>;

let visitors: Record<keyof typeof PEOPLE | 'anonymous', Visitor>;
let agreement: { id: number; slug: string };
/** Sources of the agreement's organisation, shared and internal, and one internal to another organisation. */
const SOURCE = { shared: uniqueSlug('delad-kalla'), internal: uniqueSlug('intern-kalla'), others: uniqueSlug('annans-kalla') };

const activities = () => `/avtal/${agreement.slug}/aktiviteter`;
const edit = (id: number) => `${activities()}/${id}/andra`;

const citationsOf = (activityId: number) =>
  queryRows<{ id: number; slug: string; passage: string | null; passageEn: string | null }>(
    t.database.db,
    sql`select c.id, s.slug, c.passage, c.passage_en as "passageEn" from citations c join sources s on s.id = c.source_id
        where c.subject_type = 'activity' and c.subject_id = ${activityId} order by c.id`,
  );
const versionOf = async (activityId: number) => (await queryRows<{ version: number }>(t.database.db, sql`select version from activities where id = ${activityId}`))[0]!.version;
const auditActions = async (activityId: number) =>
  (await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'activity' and entity_id = ${activityId} order by id`)).map((a) => a.action);

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  const ctx = systemCtx(t);
  await addOrganisation({ ctx, input: { slug: 'cite-other', name: 'Another body' } });
  ({ visitors } = await signedInVisitors(t, app, PEOPLE));
  const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
  const [other] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'cite-other'`);
  agreement = await createAgreement({ ctx, organisationId: org!.id, input: { slug: uniqueSlug('cite-activity'), kind: 'vanort', officialTitle: 'Ett avtal med aktiviteter', parties: ['kalix'], counterparts: ['zhejiang'] } });
  await createSource({ ctx, organisationId: org!.id, input: { slug: SOURCE.shared, kind: 'report', title: 'Delad reserapport', visibility: 'shared' } });
  await createSource({ ctx, organisationId: org!.id, input: { slug: SOURCE.internal, kind: 'email', title: 'Internt mejl om besöket', visibility: 'internal' } });
  await createSource({ ctx, organisationId: other!.id, input: { slug: SOURCE.others, kind: 'email', title: 'Annan organisations mejl', visibility: 'internal' } });
}, 120_000);
afterAll(async () => t?.close());

async function recordActivity(title: string) {
  const response = await visitors.editor.post(activities(), { kind: 'visit_outgoing', title, date: '2026-04', visibility: 'public' });
  expect(response.status).toBe(303);
  return Number(/#aktivitet-(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
}

describe("an activity's sources from its edit page", () => {
  it('cites sources at the version the page showed, lists them, and removes one; each step audited and the data version moved', async () => {
    const id = await recordActivity('Resa till Hangzhou');
    const form = await (await visitors.editor.request(edit(id))).text();
    expect(form).toContain(`action="${edit(id).replace('/andra', '/kallor')}"`);
    // No source is chosen until the editor chooses one: the form sent as it comes is refused, naming the source.
    expect(form).toContain('<option value="">Välj en källa</option>');
    expect(form).toContain(`href="/avtal/${agreement.slug}/kallor"`);
    const unchosen = await visitors.editor.post(`${activities()}/${id}/kallor`, { source: '', expectedVersion: '1' });
    expect(unchosen.status).toBe(400);
    expect(await unchosen.text()).toContain('id="cite-source-error"');
    expect(await citationsOf(id)).toEqual([]);

    const dataBefore = await currentDataVersion(systemCtx(t));
    const cited = await visitors.editor.post(`${activities()}/${id}/kallor`, { source: 'nkk2022', passage: 's. 14', passageEn: 'p. 14', expectedVersion: '1' });
    expect(cited.status).toBe(303);
    expect(cited.headers.get('location')).toBe(`${edit(id)}?klart=cited#kallor`);
    expect(await versionOf(id)).toBe(2);
    expect(await currentDataVersion(systemCtx(t))).toBeGreaterThan(dataBefore);
    for (const [source, version] of [[SOURCE.shared, '2'], [SOURCE.internal, '3']] as const) {
      expect((await visitors.editor.post(`${activities()}/${id}/kallor`, { source, expectedVersion: version })).status).toBe(303);
    }
    expect(await citationsOf(id)).toMatchObject([
      { slug: 'nkk2022', passage: 's. 14', passageEn: 'p. 14' },
      { slug: SOURCE.shared, passage: null },
      { slug: SOURCE.internal, passage: null },
    ]);
    expect(await versionOf(id)).toBe(4);
    const page = await (await visitors.editor.request(`${edit(id)}?klart=cited`)).text();
    expect(page).toContain('Källan är citerad.');
    expect(page).toContain('Ta bort citeringen av Delad reserapport');
    expect(page).toContain(`href="/kallor/${SOURCE.internal}"`);

    const [first] = await citationsOf(id);
    const removed = await visitors.editor.post(`${activities()}/${id}/kallor/${first!.id}/ta-bort`, { expectedVersion: '4' });
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe(`${edit(id)}?klart=uncited#kallor`);
    expect((await citationsOf(id)).map((c) => c.slug)).toEqual([SOURCE.shared, SOURCE.internal]);
    expect(await versionOf(id)).toBe(5);
    expect(await auditActions(id)).toEqual(['activity.create', 'activity.cite', 'activity.cite', 'activity.cite', 'activity.uncite']);
    const history = await (await visitors.editor.request(`/avtal/${agreement.slug}/historik`)).text();
    expect(history).toContain('Citerade en källa för en aktivitet');
    expect(history).toContain('Tog bort en källa från en aktivitet');
  });

  it('refuses a stale page, an unknown or unreadable source, a passage too long and another organisation’s editor, storing nothing', async () => {
    const id = await recordActivity('Möte om skolutbyte');
    expect((await visitors.editor.post(`${activities()}/${id}/kallor`, { source: 'nkk2022', expectedVersion: '1' })).status).toBe(303);
    const [citation] = await citationsOf(id);
    const before = { citations: await citationsOf(id), version: await versionOf(id), audit: await auditActions(id), data: await currentDataVersion(systemCtx(t)) };

    // Someone else cited a source since the page was opened at version 1: what was typed is kept, the form now carries version 2.
    const stale = await visitors.colleague.post(`${activities()}/${id}/kallor`, { source: SOURCE.shared, passage: 's. 20', expectedVersion: '1' });
    expect(stale.status).toBe(409);
    const stalePage = await stale.text();
    expect(stalePage).toContain('Någon annan ändrade aktiviteten');
    expect(stalePage).toContain('value="s. 20"');
    expect((await visitors.editor.post(`${activities()}/${id}/kallor/${citation!.id}/ta-bort`, { expectedVersion: '1' })).status).toBe(409);

    for (const [fields, field] of [
      [{ source: 'no-such-source' }, 'source'],
      [{ source: SOURCE.others }, 'source'],
      [{ source: 'nkk2022', passage: 'x'.repeat(1001) }, 'passage'],
      [{ source: 'nkk2022', passage: 's. 1', passageEn: 'p'.repeat(1001) }, 'passageEn'],
      [{ source: 'nkk2022', expectedVersion: 'abc' }, 'expectedVersion'],
    ] as const) {
      const refused = await visitors.editor.post(`${activities()}/${id}/kallor`, { expectedVersion: '2', ...fields });
      expect(refused.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      const html = await refused.text();
      if (field !== 'expectedVersion') expect(html).toContain(`id="cite-${field}-error"`);
      expect(html).toContain('error-summary');
    }
    // Another organisation's editor may neither cite nor remove; a removal of a citation that is not the activity's is none.
    expect((await visitors.otherEditor.post(`${activities()}/${id}/kallor`, { source: 'nkk2022', expectedVersion: '2' })).status).toBe(403);
    expect((await visitors.otherEditor.post(`${activities()}/${id}/kallor/${citation!.id}/ta-bort`, { expectedVersion: '2' })).status).toBe(403);
    expect((await visitors.editor.post(`${activities()}/${id}/kallor/${citation!.id + 100_000}/ta-bort`, { expectedVersion: '2' })).status).toBe(404);
    expect({ citations: await citationsOf(id), version: await versionOf(id), audit: await auditActions(id), data: await currentDataVersion(systemCtx(t)) }).toEqual(before);
  });

  it('shows each reader only the sources they may read: the public the public one, another organisation the shared one too, the organisation all', async () => {
    const id = await recordActivity('Besök av en delegation');
    for (const [source, version] of [['nkk2022', '1'], [SOURCE.shared, '2'], [SOURCE.internal, '3']] as const) {
      expect((await visitors.editor.post(`${activities()}/${id}/kallor`, { source, expectedVersion: version })).status).toBe(303);
    }
    const apiSources = async (who: Visitor) => {
      const response = await who.request(`/api/agreements/${agreement.slug}/activities`);
      expect(response.status).toBe(200);
      const list = (await response.json()) as Array<{ id: number; sources: Array<{ id: number; sourceSlug: string }> }>;
      return list.find((a) => a.id === id)!.sources.map((s) => s.sourceSlug);
    };
    expect(await apiSources(visitors.anonymous)).toEqual(['nkk2022']);
    expect(await apiSources(visitors.otherReader)).toEqual(['nkk2022', SOURCE.shared]);
    expect(await apiSources(visitors.editor)).toEqual(['nkk2022', SOURCE.shared, SOURCE.internal]);
    // As the API's description says.
    const openapi = (await (await visitors.anonymous.request('/api/openapi.json')).json()) as { components: { schemas: Record<string, { required: string[]; properties: Record<string, unknown> }> } };
    expect(openapi.components.schemas.Activity!.required).toContain('sources');
    expect(openapi.components.schemas.Activity!.properties.sources).toEqual(expect.objectContaining({ items: { $ref: '#/components/schemas/ActivityCitation' } }));
    expect(Object.keys(openapi.components.schemas.ActivityCitation!.properties)).toEqual(expect.arrayContaining(['id', 'sourceSlug', 'title', 'passage', 'passageEn']));
    // On the agreement's activities page, where the activity is shown.
    const others = await (await visitors.otherReader.request(activities())).text();
    expect(others).toContain(`href="/kallor/${SOURCE.shared}"`);
    expect(others).not.toContain(SOURCE.internal);
    expect(others).not.toContain('Internt mejl om besöket');
    const own = await (await visitors.editor.request(activities())).text();
    expect(own).toContain(`href="/kallor/${SOURCE.internal}"`);
  });
});

describe('documents of a source cited on an activity', () => {
  it("are listed on the agreement's page, on the source's own page and in the API's source, as far as the reader may read them", async () => {
    const ctx = systemCtx(t);
    const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
    const open = uniqueSlug('offentlig-kalla');
    const quiet = uniqueSlug('tyst-kalla');
    await createSource({ ctx, organisationId: org!.id, input: { slug: open, kind: 'report', title: 'Offentlig reserapport', visibility: 'public' } });
    await createSource({ ctx, organisationId: org!.id, input: { slug: quiet, kind: 'report', title: 'Anteckningar från ett internt möte', visibility: 'shared' } });
    const visit = await recordActivity('Besök med reserapport');
    for (const [source, version] of [[open, '1'], [SOURCE.shared, '2']] as const) {
      expect((await visitors.editor.post(`${activities()}/${visit}/kallor`, { source, expectedVersion: version })).status).toBe(303);
    }
    // A source cited only on an internal activity is not the agreement's for another organisation.
    const internal = await visitors.editor.post(activities(), { kind: 'meeting', title: 'Internt möte', date: '2026-05', visibility: 'internal' });
    const meeting = Number(/#aktivitet-(\d+)$/.exec(internal.headers.get('location') ?? '')?.[1]);
    expect((await visitors.editor.post(`${activities()}/${meeting}/kallor`, { source: quiet, expectedVersion: '1' })).status).toBe(303);
    const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    const attach = async (attachTo: string, name: string, isPublic: boolean) => (await attachDocument({ ctx, agreementId: agreement.id, input: { attachTo, file: { name, bytes: pdf }, public: isPublic } })).id;
    const ids = { open: await attach(open, 'reserapport.pdf', true), shared: await attach(SOURCE.shared, 'delad-bilaga.pdf', false), quiet: await attach(quiet, 'motesanteckningar.pdf', false) };

    const text = async (who: Visitor, path: string) => {
      const response = await who.request(path);
      expect(response.status, path).toBe(200);
      return response.text();
    };
    const listed = (html: string) => Object.entries(ids).filter(([, id]) => html.includes(`href="/dokument/${id}"`)).map(([name]) => name);
    expect(listed(await text(visitors.anonymous, `/avtal/${agreement.slug}`))).toEqual(['open']);
    expect(listed(await text(visitors.otherReader, `/avtal/${agreement.slug}`))).toEqual(['open', 'shared']);
    expect(listed(await text(visitors.colleague, `/avtal/${agreement.slug}`))).toEqual(['open', 'shared', 'quiet']);

    expect(listed(await text(visitors.anonymous, `/kallor/${open}`))).toEqual(['open']);
    expect(listed(await text(visitors.otherReader, `/kallor/${quiet}`))).toEqual(['quiet']);
    expect((await visitors.anonymous.request(`/kallor/${SOURCE.shared}`)).status).toBe(404);
    const api = async (who: Visitor, slug: string) => ((await (await who.request(`/api/sources/${slug}`)).json()) as { documents: Array<{ fileName: string; address: string; public: boolean }> }).documents;
    expect(await api(visitors.anonymous, open)).toEqual([{ id: ids.open, fileName: 'reserapport.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length, public: true, address: `/dokument/${ids.open}` }]);
    expect((await api(visitors.otherReader, SOURCE.shared)).map((d) => d.fileName)).toEqual(['delad-bilaga.pdf']);
  });
});
