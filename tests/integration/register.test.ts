// The register's verbs on a real database: search, filters, the point-in-time
// view, visibility, append-only history, bad input that stores nothing.
import { PassThrough } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { createActor } from '../../src/domain/actors/create.ts';
import { listActors } from '../../src/domain/actors/list.ts';
import { createCounterpart } from '../../src/domain/counterparts/create.ts';
import { listCounterparts, placeMenu } from '../../src/domain/counterparts/list.ts';
import { currentDataVersion } from '../../src/domain/data-version.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { getAgreement } from '../../src/domain/agreements/get.ts';
import { listAgreements } from '../../src/domain/agreements/list.ts';
import type { Context } from '../../src/domain/context.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { writePublicRegister } from '../../src/domain/transfer/export-json.ts';
import { normalizeForSearch } from '../../src/domain/text/normalize.ts';
import { textMatches } from '../../src/domain/text/search.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t?.close());

const slugsFor = async (input: Record<string, unknown>) => (await listAgreements({ ctx: t.anonymous, input: { pageSize: 100, ...input } })).rows.map((r) => r.slug);

/** What `write` writes to a stream, as text. */
async function written(write: (out: PassThrough) => Promise<unknown>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

async function rejects(work: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

describe('search', () => {
  it.each(['蘇州', '苏州', 'suzhou', 'Sūzhōu', 'SUZHOU'])('finds Kronoberg–Suzhou by %s', async (q) => {
    expect(await slugsFor({ q })).toContain('region-kronoberg--suzhou');
  });

  it.each(['Göteborg', 'Goteborg', 'goteborgs stad', 'Gothenburg', 'City of Gothenburg'])('finds Göteborg–Shanghai by %s', async (q) => {
    expect(await slugsFor({ q })).toContain('goteborg--shanghai');
  });

  it.each(['Kanton', 'Canton', 'Kwangchou'])("finds Linköping–Guangzhou, the place and only places called so, by %s", async (q) => {
    expect(await slugsFor({ q })).toContain('linkoping--guangzhou');
    const places = await listCounterparts({ ctx: t.anonymous, input: { q } });
    expect(places.map((p) => p.slug)).toEqual(['guangzhou']);
  });

  it('finds a body by a name it is also known by, and a new other name at once', async () => {
    expect((await listActors({ ctx: t.anonymous, input: { q: 'gothenburg' } })).map((a) => a.slug)).toEqual(['goteborg']);
    const org = (await t.database.db.query.organisations.findFirst())!;
    const slug = uniqueSlug('other-names');
    await createActor({ ctx: systemCtx(t), organisationId: org.id, input: { slug, name: 'Zyxborgs kommun', otherNames: ['Qwertyville'], kind: 'kommun' } });
    expect((await listActors({ ctx: t.anonymous, input: { q: 'qwertyville' } })).map((a) => a.slug)).toEqual([slug]);
  });

  it('finds everything inside a province by the province\'s name', async () => {
    const found = await slugsFor({ q: 'zhejiang' });
    expect(found).toEqual(expect.arrayContaining(['region-kalmar--changxing', 'overkalix--zhuji', 'lst-uppsala--zhejiang']));
  });

  it.each([
    { q: '苏州' },
    { q: '蘇州' },
    { q: 'su' },
    { q: 'Ka' },
    { q: 'ö' },
    { q: 'wu', county: '20' },
    { q: '州', county: '07' },
    { q: '州' },
    { q: '蘇' },
  ])('finds what contains a query of one or two characters, $q in county $county, as a longer one would', async ({ q, county }) => {
    const rows = await queryRows<{ slug: string; search_text: string; party_counties: string[] }>(
      t.anonymous.db,
      sql`select slug, search_text, party_counties from agreements where visibility = 'public'`,
    );
    const needle = normalizeForSearch(q);
    const expected = rows.filter((r) => r.search_text.includes(needle) && (!county || r.party_counties.includes(county))).map((r) => r.slug);
    expect(expected.length).toBeGreaterThan(0);
    expect((await slugsFor({ q, county })).sort()).toEqual(expected.sort());
  });

  it('a two-character or one-Chinese-character query can be answered from the bigram indexes, of agreements and of county entries', async () => {
    const plan = async (query: SQL) => {
      const lines = await t.anonymous.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${query}`);
      });
      return lines.map((l) => l['QUERY PLAN']).join('\n');
    };
    const text = textMatches(sql`a.search_text`, '苏州')!;
    expect(await plan(sql`select a.id from agreements a where ${text}`)).toContain('agreements_search_bigrams');
    // (With a county too, a register this small is read by the primary key.)
    expect(await plan(sql`select a.agreement_id from agreement_county_entries a where ${text}`)).toContain(
      'agreement_county_entries_search_bigrams',
    );
    expect(await plan(sql`select a.id from agreements a where ${textMatches(sql`a.search_text`, '州')!}`)).toContain('agreements_search_bigrams');
    // One Latin letter is not indexed: it is read row by row.
    expect(await plan(sql`select a.id from agreements a where ${textMatches(sql`a.search_text`, 'k')!}`)).not.toContain('search_bigrams');
  });

  it('a search of punctuation only is refused, not a wildcard; a lenient list leaves it out and says so', async () => {
    await expect(slugsFor({ q: '%_%' })).rejects.toMatchObject({ code: 'VALIDATION', problems: [{ field: 'q' }] });
    const lenient = await listAgreements({ ctx: t.anonymous, input: { q: '%_%', pageSize: 100 }, lenient: true });
    expect(lenient.rows).toHaveLength(58);
    expect(lenient.leftOut).toEqual([{ field: 'q', value: '%_%' }]);
    expect(await slugsFor({ q: '%suzhou_' })).toEqual(['region-kronoberg--suzhou']);
  });
});

describe('filters', () => {
  it('filters by kind of party, county, kind and status together', async () => {
    const found = await slugsFor({ actorKind: 'kommun', county: '20', kind: 'vanort', status: 'ended' });
    expect(found.sort()).toEqual(['borlange--wuhan', 'falun--nanjing', 'mora--changchun']);
  });

  it('filters by a place and everything inside it', async () => {
    expect((await slugsFor({ place: 'huzhou' })).sort()).toEqual(['region-kalmar--changxing', 'region-kalmar--huzhou']);
  });

  it("the list's place menu holds the provinces and their cities, the provinces alone when they are too many, and always the place chosen", async () => {
    const full = await placeMenu(t.anonymous, undefined);
    expect(full.provincesOnly).toBe(false);
    expect(full.places.map((p) => p.slug)).toEqual(expect.arrayContaining(['zhejiang', 'huzhou']));
    expect(full.places.every((p) => p.depth <= 1)).toBe(true);
    const provinces = full.places.filter((p) => p.depth === 0).length;
    // Changxing lies inside Huzhou inside Zhejiang: chosen, it is in the menu, after its province's cities.
    const chosen = await placeMenu(t.anonymous, 'changxing');
    const chosenSlugs = chosen.places.map((p) => p.slug);
    expect([...chosenSlugs].sort()).toEqual([...full.places.map((p) => p.slug), 'changxing'].sort());
    expect(chosenSlugs.indexOf('changxing')).toBeGreaterThan(chosenSlugs.indexOf('huzhou'));
    expect(chosen.places.find((p) => p.slug === 'changxing')?.depth).toBe(2);
    const short = await placeMenu(t.anonymous, 'changxing', provinces + 1);
    expect(short.provincesOnly).toBe(true);
    expect(short.places.map((p) => p.slug).sort()).toEqual([...full.places.filter((p) => p.depth === 0).map((p) => p.slug), 'changxing'].sort());
  });

  it("the list's place menu is read again once the data version moves, and not before", async () => {
    const version = await currentDataVersion(t.anonymous);
    const first = await placeMenu(t.anonymous, undefined, undefined, version);
    expect(await placeMenu(t.anonymous, undefined, undefined, version)).toBe(first);
    const slug = uniqueSlug('menu-city');
    await createCounterpart({ ctx: systemCtx(t), organisationId: 1, input: { slug, level: 'prefecture_city', nameLatin: 'Menucity', parent: 'zhejiang' } });
    expect(await placeMenu(t.anonymous, undefined, undefined, version)).toBe(first);
    const moved = await placeMenu(t.anonymous, undefined, undefined, await currentDataVersion(t.anonymous));
    expect(moved.places.map((p) => p.slug)).toContain(slug);
    expect(first.places.map((p) => p.slug)).not.toContain(slug);
  });

  it('filters by establishment years', async () => {
    expect((await slugsFor({ establishedFrom: 1986, establishedTo: 1987 })).sort()).toEqual(['goteborg--shanghai', 'malmo--tangshan']);
  });

  it('shows the register as it stood on a date', async () => {
    const on2016 = await listAgreements({ ctx: t.anonymous, input: { on: '2016-12-31', status: 'in_force', pageSize: 100 } });
    // 47 twinnings less the 6 ended by 2016, Göteborg's 2003 agreement, and the 9 partnerships.
    expect(on2016.total).toBe(51);
    const borlange = on2016.rows.find((r) => r.slug === 'borlange--wuhan');
    expect(borlange?.status).toBe('active');
    const on1989 = await listAgreements({ ctx: t.anonymous, input: { on: '1989-12-31' } });
    expect(on1989.rows.map((r) => [r.slug, r.status])).toEqual([
      ['goteborg--shanghai', 'paused'],
      ['malmo--tangshan', 'active'],
    ]);
  });

  it('counts the register on a day from the day deltas exactly as a count over agreements does', async () => {
    const system = systemCtx(t); // reads through the exact count
    for (let year = 1985; year <= 2026; year++) {
      for (const status of ['in_force', 'ended', 'paused', undefined] as const) {
        const input = { on: `${year}-12-31`, ...(status ? { status } : {}), pageSize: 1 };
        const fast = await listAgreements({ ctx: t.anonymous, input });
        const exact = await listAgreements({ ctx: system, input });
        expect(fast.total, `${year} ${status}`).toBe(exact.total);
      }
    }
  });

  it('pages through results and says how many there are', async () => {
    const page2 = await listAgreements({ ctx: t.anonymous, input: { pageSize: 10, page: 2, sort: 'established' } });
    expect(page2.total).toBe(58);
    expect(page2.pages).toBe(6);
    expect(page2.rows).toHaveLength(10);
    const beyond = await rejects(listAgreements({ ctx: t.anonymous, input: { pageSize: 10, page: 99 } }), 'VALIDATION');
    expect(beyond.problems).toEqual([{ field: 'page', message: 'there are 6 pages of results' }]);
  });

  it('a list narrowed by county, place or a text query with few matches (read from its matches) pages and counts as the whole list does', async () => {
    const sorts = ['actor', '-actor', 'counterpart', '-counterpart', 'established', '-established', 'status'] as const;
    const filters = [{ county: '20' }, { county: '14', kind: 'vanort' }, { place: 'zhejiang' }, { county: '12', on: '2010-12-31' }, { county: '20', q: 'wuhan' }, { q: 'zhou' }, { q: 'göteborg', kind: 'vanort' }, { q: 'zhou', on: '2010-12-31' }, { q: 'kommun', kind: 'vanort' }];
    let compared = 0;
    // A text query with more matches than a few is counted and read by its
    // sort order: with the threshold at 4, 'zhou' (short: counted first) and
    // 'kommun' (long: its first five matches read, then counted) go that
    // way, and 'göteborg' (2) does not; each page both ways.
    for (const fewMatches of [undefined, 4]) {
      for (const filter of filters) {
        if (fewMatches && !filter.q) continue;
        for (const sort of sorts) {
          const whole = await listAgreements({ ctx: t.anonymous, input: { ...filter, sort }, all: true });
          expect(whole.rows.length, JSON.stringify(filter)).toBeGreaterThan(0);
          for (let page = 1; (page - 1) * 3 < whole.rows.length; page++) {
            const one = await listAgreements({ ctx: t.anonymous, input: { ...filter, sort, pageSize: 3, page }, fewMatches });
            expect(one.total).toBe(whole.rows.length);
            expect(one.rows).toEqual(whole.rows.slice((page - 1) * 3, page * 3));
            compared++;
          }
          const beyond = Math.ceil(whole.rows.length / 3) + 1;
          await rejects(listAgreements({ ctx: t.anonymous, input: { ...filter, sort, pageSize: 3, page: beyond }, fewMatches }), 'VALIDATION');
        }
      }
    }
    // No match: an empty first page, and no second.
    expect(await listAgreements({ ctx: t.anonymous, input: { q: 'zyxwvut' } })).toMatchObject({ rows: [], total: 0, pages: 1 });
    await rejects(listAgreements({ ctx: t.anonymous, input: { q: 'zyxwvut', page: 2 } }), 'VALIDATION');
    expect(compared).toBeGreaterThan(100);
  });

  it("finds and sorts by county an agreement with the longest names and title the register takes", async () => {
    const ctx = systemCtx(t);
    const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
    // Two holders with 300-character names and a 2,000-character title: more
    // than a btree index entry holds (2,704 bytes), which the county entries
    // must not depend on.
    const names = ['Ö', 'Å'].map((letter) => `${letter}${'stra samordningsförbundet för internationella frågor '.repeat(6)}`.slice(0, 300));
    const holders = [];
    for (const [i, name] of names.entries()) {
      holders.push((await createActor({ ctx, organisationId: org!.id, input: { slug: uniqueSlug(`long-${i}`), name, kind: 'other', countyCode: '20' } })).slug);
    }
    const slug = uniqueSlug('long');
    await createAgreement({
      ctx,
      organisationId: org!.id,
      input: { slug, kind: 'vanort', parties: holders, counterparts: ['wuhan'], officialTitle: `${'Avtal om samarbete '.repeat(60)}Zyxelkvist`.slice(0, 2000) },
    });
    expect(await slugsFor({ county: '20', q: 'zyxelkvist' })).toEqual([slug]);
    for (const sort of ['actor', '-actor'] as const) {
      const whole = await listAgreements({ ctx: t.anonymous, input: { county: '20', sort }, all: true });
      const paged = await listAgreements({ ctx: t.anonymous, input: { county: '20', sort, pageSize: 100 } });
      expect(paged.rows).toEqual(whole.rows);
      expect(paged.rows.map((r) => r.slug)).toContain(slug);
    }
  });

  it('names the parameter that is wrong', async () => {
    const error = await rejects(listAgreements({ ctx: t.anonymous, input: { status: 'gone', page: '-1', on: '2019-13-45', colour: 'red' } as never }), 'VALIDATION');
    expect(error.problems.map((p) => p.field).sort()).toEqual(['(input)', 'on', 'page', 'status']);
  });
});

describe('visibility', () => {
  it('keeps internal agreements out of the public list, page and export', async () => {
    const ctx = systemCtx(t);
    const slug = uniqueSlug('internal');
    const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
    await createAgreement({ ctx, organisationId: org!.id, input: { slug, kind: 'vanort', parties: ['mora'], counterparts: ['wuhan'], visibility: 'internal' } });
    expect(await slugsFor({ q: 'mora' })).not.toContain(slug);
    await rejects(getAgreement({ ctx: t.anonymous, slug }), 'NOT_FOUND');
    const exported = JSON.parse(await written((out) => writePublicRegister(t.anonymous, out))) as { agreements: Array<{ agreement: { slug: string } }> };
    expect(exported.agreements.length).toBeGreaterThan(50);
    expect(exported.agreements.map((a) => a.agreement.slug)).not.toContain(slug);
  });

  it("shows each part of an agreement's page only to those who may read it", async () => {
    const ctx = systemCtx(t);
    const [owner] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
    const [other] = await queryRows<{ id: number }>(t.database.db, sql`insert into organisations (slug, name) values (${uniqueSlug('org')}, 'Another office') returning id`);
    const a = await createAgreement({ ctx, organisationId: owner!.id, input: { slug: uniqueSlug('parts'), kind: 'vanort', parties: ['mora'], counterparts: ['wuhan'] } });
    await recordStatusEvent({ ctx, agreementId: a.id, input: { type: 'established', date: '2001' } });
    await recordStatusEvent({ ctx, agreementId: a.id, input: { type: 'paused', date: '2019' } });
    await recordStatusEvent({ ctx, agreementId: a.id, input: { type: 'resumed', date: '2020' } });
    // The pause is the other office's internal note; the resumption is shared between public bodies.
    await t.database.db.execute(sql`update status_events set visibility = 'internal', organisation_id = ${other!.id} where agreement_id = ${a.id} and type = 'paused'`);
    await t.database.db.execute(sql`update status_events set visibility = 'shared' where agreement_id = ${a.id} and type = 'resumed'`);
    await t.database.db.execute(sql`insert into quotations (agreement_id, text, speaker_role, speaker_name, organisation_id, visibility) values
      (${a.id}, 'Said in public', 'kommunstyrelsen', 'A. Person', ${owner!.id}, 'public'),
      (${a.id}, 'Said inside', 'a civil servant', 'B. Person', ${owner!.id}, 'internal')`);
    const [shared] = await queryRows<{ id: number }>(t.database.db, sql`insert into sources (slug, kind, title, organisation_id, visibility) values (${uniqueSlug('memo')}, 'email', 'A memo', ${owner!.id}, 'shared') returning id`);
    await t.database.db.execute(sql`insert into citations (source_id, subject_type, subject_id) values (${shared!.id}, 'agreement', ${a.id})`);

    const seen = async (principal: Context['principal']) => {
      const detail = await getAgreement({ ctx: { db: t.database.db, principal }, slug: a.slug });
      return {
        events: detail.events.map((e) => e.type),
        quotations: detail.quotations.map((q) => [q.text, q.speakerName]),
        sources: detail.sources.map((s) => s.title),
      };
    };
    expect(await seen({ kind: 'anonymous' })).toEqual({ events: ['established'], quotations: [['Said in public', null]], sources: [] });
    expect(await seen({ kind: 'user', subject: 'other', organisationId: other!.id, role: 'reader' })).toEqual({
      events: ['established', 'paused', 'resumed'],
      quotations: [['Said in public', 'A. Person']],
      sources: ['A memo'],
    });
    expect(await seen({ kind: 'user', subject: 'owner', organisationId: owner!.id, role: 'reader' })).toEqual({
      events: ['established', 'resumed'],
      quotations: [['Said in public', 'A. Person'], ['Said inside', 'B. Person']],
      sources: ['A memo'],
    });
  });

  it('exports every public agreement in batches exactly as its own page reads it', async () => {
    // Batches of 7: the parents, children and pairs of an agreement often sit in another batch.
    const exported = JSON.parse(await written((out) => writePublicRegister(t.anonymous, out, 7))) as { agreements: Array<{ agreement: { slug: string } }> };
    const shipped = await queryRows<{ slug: string }>(t.database.db, sql`select slug from agreements where visibility = 'public' order by id`);
    expect(exported.agreements.map((a) => a.agreement.slug)).toEqual(shipped.map((r) => r.slug));
    let withSamePair = 0;
    let withParentOrChildren = 0;
    let withQuotations = 0;
    for (const one of exported.agreements) {
      const alone = JSON.parse(JSON.stringify(await getAgreement({ ctx: t.anonymous, slug: one.agreement.slug }))) as Record<string, unknown[]>;
      expect(one).toEqual(alone);
      if (alone.samePair!.length) withSamePair++;
      if (alone.parent || alone.children!.length) withParentOrChildren++;
      if (alone.quotations!.length) withQuotations++;
    }
    // The comparison covers the parts a batch could mix up between agreements.
    expect(withSamePair).toBeGreaterThan(0);
    expect(withParentOrChildren).toBeGreaterThan(0);
    expect(withQuotations).toBeGreaterThan(0);
  });
});

describe('status history', () => {
  async function newAgreement() {
    const ctx = systemCtx(t);
    const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
    const a = await createAgreement({ ctx, organisationId: org!.id, input: { slug: uniqueSlug('history'), kind: 'vanort', parties: ['umea'], counterparts: ['jinan'] } });
    await recordStatusEvent({ ctx, agreementId: a.id, input: { type: 'established', date: '2010' } });
    return { ctx, a };
  }

  it('derives the status from the events and writes the audit entry in the same transaction', async () => {
    const { ctx, a } = await newAgreement();
    await recordStatusEvent({ ctx, agreementId: a.id, input: { type: 'ended', date: '2020-05-04', side: 'swedish', mode: 'decision', reasons: [{ code: 'lack_of_activity' }] } });
    const detail = await getAgreement({ ctx, slug: a.slug });
    expect(detail.agreement.currentStatus).toBe('ended');
    const audit = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'agreement' and entity_id = ${a.id} order by id`);
    expect(audit.map((r) => r.action)).toEqual(['agreement.create', 'status.established', 'status.ended']);
  });

  it('ending an agreement twice is a conflict', async () => {
    const { ctx, a } = await newAgreement();
    await recordStatusEvent({ ctx, agreementId: a.id, input: { type: 'ended', date: '2020' } });
    await rejects(recordStatusEvent({ ctx, agreementId: a.id, input: { type: 'ended', date: '2021' } }), 'CONFLICT');
  });

  it('an edit made on an old version is a conflict, not a lost change', async () => {
    const { ctx, a } = await newAgreement();
    await rejects(recordStatusEvent({ ctx, agreementId: a.id, input: { type: 'paused', date: '2021', expectedVersion: 1 } }), 'CONFLICT');
  });

  it('a bad event stores nothing and names the field', async () => {
    const { ctx, a } = await newAgreement();
    const before = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from status_events where agreement_id = ${a.id}`);
    const error = await rejects(
      recordStatusEvent({ ctx, agreementId: a.id, input: { type: 'ended', date: '2019-13-45', reasons: [{ code: 'other' }], sources: [{ source: 'no-such-source' }] } }),
      'VALIDATION',
    );
    expect(error.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['date', 'reasons.0.text']));
    await rejects(recordStatusEvent({ ctx, agreementId: a.id, input: { type: 'ended', date: '2019', sources: [{ source: 'no-such-source' }] } }), 'VALIDATION');
    const after = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from status_events where agreement_id = ${a.id}`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('the public cannot write', async () => {
    const { a } = await newAgreement();
    await rejects(recordStatusEvent({ ctx: t.anonymous, agreementId: a.id, input: { type: 'paused', date: '2021' } }), 'FORBIDDEN');
  });
});
