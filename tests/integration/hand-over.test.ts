// Handing an agreement over to the organisation that is to keep it: only an
// administrator of the keeping organisation may, the receiving body's editors
// may then write it and the old keeper's may not, the agreement's documents
// follow, and bad input is named by field with nothing changed.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { agreements, auditLog } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { changeAgreement } from '../../src/domain/agreements/change.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { handOverAgreement, handOverAgreements, keeperChoices } from '../../src/domain/agreements/hand-over.ts';
import { listAgreements } from '../../src/domain/agreements/list.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { addFollowUpPoint } from '../../src/domain/follow-up/add-point.ts';
import type { Context, Principal } from '../../src/domain/context.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';
import { FormBrowser, formFields } from '../support/form-browser.ts';
import { refusal } from '../support/refusal.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const org = { keeper: { id: 0, slug: '' }, party: { id: 0, slug: '' }, other: { id: 0, slug: '' } };
const PASSWORD = 'a long passphrase';
const people = { keeperAdmin: '', keeperEditor: '', partyAdmin: '', partyEditor: '' };

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
  const sys = systemCtx(t);
  for (const [key, name, actor] of [['keeper', 'Redaktionen', undefined], ['party', 'Linköpings kommun (org)', 'linkoping'], ['other', 'Annan myndighet', undefined]] as const) {
    const slug = uniqueSlug(key);
    org[key] = { id: (await addOrganisation({ ctx: sys, input: { slug, name, ...(actor ? { actor } : {}) } })).id, slug };
  }
  const add = async (key: keyof typeof people, organisation: string, role: 'editor' | 'admin') => {
    people[key] = `${uniqueSlug(key.toLowerCase())}@kommun.se`;
    await addUser({ ctx: sys, input: { email: people[key], displayName: `Person ${key}`, organisation, role, password: PASSWORD } });
  };
  await add('keeperAdmin', org.keeper.slug, 'admin');
  await add('keeperEditor', org.keeper.slug, 'editor');
  await add('partyAdmin', org.party.slug, 'admin');
  await add('partyEditor', org.party.slug, 'editor');
});
afterAll(async () => t?.close());

const as = (principal: Principal): Context => ({ db: t.database.db, principal });
const user = (key: keyof typeof people, organisationId: number, role: 'editor' | 'admin'): Context => as({ kind: 'user', subject: people[key], organisationId, role });

async function newAgreement() {
  return createAgreement({
    ctx: user('keeperEditor', org.keeper.id, 'editor'),
    organisationId: org.keeper.id,
    input: { slug: uniqueSlug('avtal'), kind: 'vanort', parties: ['linkoping'], counterparts: ['hangzhou'], signedOn: '2019-05', visibility: 'internal' },
  });
}


const keeperOf = async (slug: string) => (await t.database.db.select({ organisationId: agreements.organisationId, version: agreements.version }).from(agreements).where(eq(agreements.slug, slug)))[0]!;

describe('handing an agreement over', () => {
  it('is for an administrator of the keeping organisation; the new keeper writes it, the old one no longer', async () => {
    const a = await newAgreement();
    const partyAdmin = user('partyAdmin', org.party.id, 'admin');
    // Another body's administrator may not take it (it is internal: they may not even read it).
    expect((await refusal(handOverAgreement({ ctx: partyAdmin, slug: a.slug, input: { organisation: org.party.slug, expectedVersion: a.version } }))).code).toBe('NOT_FOUND');
    // The keeper's editor may change it but not hand it over.
    expect((await refusal(handOverAgreement({ ctx: user('keeperEditor', org.keeper.id, 'editor'), slug: a.slug, input: { organisation: org.party.slug, expectedVersion: a.version } }))).code).toBe('FORBIDDEN');
    expect(await keeperOf(a.slug)).toEqual({ organisationId: org.keeper.id, version: a.version });

    const done = await handOverAgreement({ ctx: user('keeperAdmin', org.keeper.id, 'admin'), slug: a.slug, input: { organisation: org.party.slug, expectedVersion: a.version, comment: 'Kommunen har anslutit sig' } });
    expect(done.to.slug).toBe(org.party.slug);
    expect(await keeperOf(a.slug)).toEqual({ organisationId: org.party.id, version: a.version + 1 });
    const [entry] = await t.database.db.select().from(auditLog).where(sql`${auditLog.entityType} = 'agreement' and ${auditLog.entityId} = ${a.id} and ${auditLog.action} = 'agreement.hand_over'`);
    expect(entry).toMatchObject({ reason: 'Kommunen har anslutit sig', before: { organisation: org.keeper.slug }, after: { organisation: org.party.slug } });

    // The receiving body's editor may now change it; the old keeper's editor may not (nor read it: it is internal).
    await changeAgreement({ ctx: user('partyEditor', org.party.id, 'editor'), slug: a.slug, input: { summary: 'Förvaltas nu av kommunen.', expectedVersion: a.version + 1 } });
    expect((await refusal(changeAgreement({ ctx: user('keeperEditor', org.keeper.id, 'editor'), slug: a.slug, input: { summary: 'x', expectedVersion: a.version + 2 } }))).code).toBe('NOT_FOUND');
  });

  it('names the field of bad input and changes nothing', async () => {
    const a = await newAgreement();
    const admin = user('keeperAdmin', org.keeper.id, 'admin');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ organisation: '', expectedVersion: a.version }, 'organisation', 'choose the organisation'],
      [{ organisation: 'finns-inte', expectedVersion: a.version }, 'organisation', "no organisation 'finns-inte'"],
      [{ organisation: org.keeper.slug, expectedVersion: a.version }, 'organisation', 'keeps the agreement already'],
      [{ organisation: org.party.slug, expectedVersion: 'ett' }, 'expectedVersion', 'must be the version'],
      [{ organisation: org.party.slug, expectedVersion: a.version, comment: 'x'.repeat(2001) }, 'comment', ''],
      [{ organisation: org.party.slug, expectedVersion: a.version, extra: 1 }, '', ''],
    ];
    for (const [input, field, message] of cases) {
      const error = await refusal(handOverAgreement({ ctx: admin, slug: a.slug, input: input as never }));
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION');
      if (field) expect(error.problems.find((p) => p.field === field)?.message ?? '', JSON.stringify(input)).toContain(message);
    }
    // A version another person moved on is a conflict.
    expect((await refusal(handOverAgreement({ ctx: admin, slug: a.slug, input: { organisation: org.party.slug, expectedVersion: a.version + 5 } }))).code).toBe('CONFLICT');
    expect(await keeperOf(a.slug)).toEqual({ organisationId: org.keeper.id, version: a.version });
  });

  it('reads the kept labels and county entries again as the new keeper reads them', async () => {
    const a = await newAgreement();
    const inCounty = async (ctx: Context) => (await listAgreements({ ctx, input: { county: '05', pageSize: 100 } })).rows.some((r) => r.slug === a.slug);
    const keeperEditor = user('keeperEditor', org.keeper.id, 'editor');
    const partyEditor = user('partyEditor', org.party.id, 'editor');
    expect(await inCounty(keeperEditor)).toBe(true);
    expect(await inCounty(partyEditor)).toBe(false);
    await handOverAgreement({ ctx: user('keeperAdmin', org.keeper.id, 'admin'), slug: a.slug, input: { organisation: org.party.slug, expectedVersion: a.version } });
    expect(await inCounty(keeperEditor)).toBe(false);
    expect(await inCounty(partyEditor)).toBe(true);
  });

  it('is refused while the present keeper has open follow-up points on the agreement', async () => {
    const a = await newAgreement();
    const editor = user('keeperEditor', org.keeper.id, 'editor');
    const activity = await createActivity({ ctx: editor, agreementId: a.id, input: { kind: 'meeting', title: 'Möte', date: '2026-05-04', visibility: 'internal' } });
    await addFollowUpPoint({ ctx: editor, agreement: a, activityId: activity.id, input: { text: 'Skicka protokollet', owner: people.keeperEditor, dueOn: '2026-06-01' } });
    const error = await refusal(handOverAgreement({ ctx: user('keeperAdmin', org.keeper.id, 'admin'), slug: a.slug, input: { organisation: org.party.slug, expectedVersion: (await keeperOf(a.slug)).version } }));
    expect(error.code).toBe('VALIDATION');
    expect(error.problems[0]).toMatchObject({ field: 'organisation' });
    expect(error.problems[0]!.message).toContain('1 open follow-up points');
    expect((await keeperOf(a.slug)).organisationId).toBe(org.keeper.id);
  });

  it('hands several over at once, all or none: one with an open point refuses them all, named; a dry run changes nothing', async () => {
    const admin = user('keeperAdmin', org.keeper.id, 'admin');
    const [a, b] = [await newAgreement(), await newAgreement()];
    const activity = await createActivity({ ctx: user('keeperEditor', org.keeper.id, 'editor'), agreementId: b.id, input: { kind: 'meeting', title: 'Möte', date: '2026-05' } });
    await addFollowUpPoint({ ctx: user('keeperEditor', org.keeper.id, 'editor'), agreement: b, activityId: activity.id, input: { text: 'Ring', owner: people.keeperEditor, dueOn: '2026-06-30' } });
    const refused = await refusal(handOverAgreements({ ctx: admin, input: { organisation: org.party.slug, agreements: [a.slug, b.slug] } }));
    expect(refused.problems).toEqual([{ field: `agreements.${b.slug}`, message: expect.stringContaining('1 open follow-up points') }]);
    expect([(await keeperOf(a.slug)).organisationId, (await keeperOf(b.slug)).organisationId]).toEqual([org.keeper.id, org.keeper.id]);
    const dry = await handOverAgreements({ ctx: admin, input: { organisation: org.party.slug, agreements: [a.slug] }, dryRun: true });
    expect(dry.handed).toEqual([{ slug: a.slug, from: org.keeper.slug }]);
    expect(await keeperOf(a.slug)).toEqual({ organisationId: org.keeper.id, version: a.version });
    // Another body's administrator may hand over none of them.
    expect((await refusal(handOverAgreements({ ctx: user('partyAdmin', org.party.id, 'admin'), input: { organisation: org.party.slug, agreements: [a.slug] } }))).problems.map((p) => p.field)).toEqual([`agreements.${a.slug}`]);
    expect((await handOverAgreements({ ctx: admin, input: { organisation: org.party.slug, agreements: [a.slug] } })).handed).toHaveLength(1);
    expect((await keeperOf(a.slug)).organisationId).toBe(org.party.id);
  });

  it('lists the organisations that are a party first', async () => {
    const a = await newAgreement();
    const choices = await keeperChoices(systemCtx(t), a.id);
    const party = await queryRows<{ actor_id: number | null }>(t.database.db, sql`select actor_id from organisations where id = ${org.party.id}`);
    expect(party[0]!.actor_id).not.toBeNull();
    expect(choices[0]).toMatchObject({ slug: org.party.slug, party: true });
    expect(choices.filter((c) => c.party)).toHaveLength(1);
    expect(choices.find((c) => c.keeps)?.slug).toBe(org.keeper.slug);
  });

  it('works in the browser: the link, the form, a named problem, and the hand-over', async () => {
    const a = await newAgreement();
    const admin = new FormBrowser(app);
    expect((await admin.signIn(people.keeperAdmin, PASSWORD)).status).toBe(303);
    const page = await admin.page(`/avtal/${a.slug}`);
    expect(page.html).toContain(`href="/avtal/${a.slug}/forvaltare"`);
    const form = await admin.page(`/avtal/${a.slug}/forvaltare`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('Annan myndighet');
    const fields = formFields(form.html, `/avtal/${a.slug}/forvaltare`);
    const empty = await admin.post(`/avtal/${a.slug}/forvaltare`, fields);
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('href="#forvaltare-organisation"');
    expect(emptyHtml).toContain('Välj den organisation som ska förvalta avtalet.');
    fields.set('organisation', org.other.slug);
    const saved = await admin.post(`/avtal/${a.slug}/forvaltare`, fields);
    expect(saved.status).toBe(303);
    // The agreement is internal: no longer the keeper's to read, so the list.
    expect(saved.headers.get('location')).toBe('/avtal');
    expect((await keeperOf(a.slug)).organisationId).toBe(org.other.id);
    // No longer the keeper: the link is gone, and the form is refused.
    const editor = new FormBrowser(app);
    expect((await editor.signIn(people.partyEditor, PASSWORD)).status).toBe(303);
    expect((await editor.page(`/avtal/${a.slug}/forvaltare`)).status).toBe(404);
    expect((await admin.page(`/avtal/${a.slug}/forvaltare`)).status).toBe(404);
  });
});

/**
 * Runs `first` in a transaction held open while `second` starts on another
 * connection and reaches what `first` holds; then ends `first` and answers
 * how `second` ended: 'done', or the error it threw.
 */
async function meanwhile(first: (db: Context['db']) => Promise<unknown>, second: () => Promise<unknown>): Promise<unknown> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let ready!: () => void;
  const begun = new Promise<void>((resolve) => (ready = resolve));
  const holding = t.database.db.transaction(async (tx) => {
    await first(tx);
    ready();
    await held;
  });
  await begun;
  const outcome = second().then(
    () => 'done',
    (error: unknown) => error,
  );
  // Long enough for `second` to reach the lock (it waits there until `first` ends).
  await new Promise((resolve) => setTimeout(resolve, 500));
  release();
  await holding;
  return outcome;
}

// Two connections at once: PostgreSQL only (in-memory PGlite has one).
describe.skipIf(!process.env.TEST_DATABASE_URL)('a hand-over and a write under the agreement at the same moment', () => {
  it("are ordered: the old keeper's editor waiting on a hand-over in progress is refused, and a hand-over waiting on a point raised sees it", async () => {
    const admin = user('keeperAdmin', org.keeper.id, 'admin');
    const oldEditor = user('keeperEditor', org.keeper.id, 'editor');
    const count = async (agreementId: number) => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from activities where agreement_id = ${agreementId}`))[0]!.n;

    // The hand-over holds the agreement's row; the old keeper's editor records an activity meanwhile.
    const a = await newAgreement();
    const recording = await meanwhile(
      (db) => handOverAgreement({ ctx: { ...admin, db }, slug: a.slug, input: { organisation: org.party.slug, expectedVersion: a.version } }),
      () => createActivity({ ctx: oldEditor, agreementId: a.id, input: { kind: 'meeting', title: 'Möte under överlämningen', date: '2026-05' } }),
    );
    // The agreement is internal: the new keeper's, which the old keeper's editor may no longer even read.
    expect(recording).toMatchObject({ code: 'NOT_FOUND' });
    expect(await count(a.id)).toBe(0);

    // A point raised while the hand-over waits for it: the hand-over then sees the open point and is refused.
    const b = await newAgreement();
    const activity = await createActivity({ ctx: oldEditor, agreementId: b.id, input: { kind: 'meeting', title: 'Möte', date: '2026-05' } });
    const handing = await meanwhile(
      (db) => addFollowUpPoint({ ctx: { ...oldEditor, db }, agreement: b, activityId: activity.id, input: { text: 'Skicka protokollet', owner: people.keeperEditor, dueOn: '2026-06-30' } }),
      async () => handOverAgreement({ ctx: admin, slug: b.slug, input: { organisation: org.party.slug, expectedVersion: (await keeperOf(b.slug)).version } }),
    );
    expect(handing).toMatchObject({ code: 'VALIDATION' });
    expect((await keeperOf(b.slug)).organisationId).toBe(org.keeper.id);
  });
});
