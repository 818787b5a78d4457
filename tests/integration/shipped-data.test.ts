// The shipped data: keyed twice and reconciled (data/check/README.md), loaded
// through the verbs, and consistent with the report where the report is.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { queryRows, type Executor } from '../../src/db/client.ts';
import { getAgreement } from '../../src/domain/agreements/get.ts';
import { listAgreements } from '../../src/domain/agreements/list.ts';
import { getCounterpart } from '../../src/domain/counterparts/get.ts';
import { DATA_DIR, readShippedData } from '../../src/domain/transfer/shipped-data.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

describe('the second keying', () => {
  it('agrees with the first on every appendix row', async () => {
    const data = await readShippedData();
    const first = data.agreements.flatMap((a) => (a.appendix ? [a.appendix.map(String)] : []));
    const second = (parse(await readFile(path.join(DATA_DIR, 'check/appendix-second-key.csv')), { columns: false, from_line: 2 }) as string[][]);
    expect(first).toHaveLength(56);
    // Compare as sets of rows: the order inside a two-kind row is not a fact.
    const key = (row: string[]) => row.join(' | ');
    expect(first.map(key).sort()).toEqual(second.map(key).sort());
    expect(new Set(first.map((r) => r[0])).size).toBe(52);
  });

  it('agrees with the first on every SCB code', async () => {
    const data = await readShippedData();
    const second = parse(await readFile(path.join(DATA_DIR, 'check/actor-codes-second-key.csv')), { columns: true }) as Array<{ name: string; kommunkod: string; lanskod: string }>;
    for (const row of second) {
      const actor = data.actors.find((a) => a.name === row.name || a.aliases.includes(row.name));
      expect(actor, row.name).toBeDefined();
      expect([row.name, actor!.municipalityCode ?? '', actor!.countyCode ?? '']).toEqual([row.name, row.kommunkod, row.lanskod]);
    }
  });
});

describe('the citations of the shipped data', () => {
  type Cited = { where: string; source: string; passage?: string | null };
  /** Every citation written in the data files, with the record and the field it is on. */
  async function writtenCitations(): Promise<Cited[]> {
    const data = await readShippedData();
    const all: Cited[] = [];
    const add = (where: string, list: Array<{ source: string; passage?: string | null }>) => all.push(...list.map((c) => ({ where, ...c })));
    for (const a of data.actors) add(`actor ${a.slug}`, a.sources);
    for (const [i, s] of data.successions.entries()) add(`succession ${i}`, s.sources);
    for (const c of data.counterparts) add(`counterpart ${c.slug}`, c.sources);
    for (const a of data.agreements) {
      const name = `agreement ${a.slug ?? a.appendix!.slice(0, 3).join(' ')}`;
      add(name, a.sources);
      for (const e of a.events) add(`${name} event ${e.type}`, e.sources);
      for (const [field, list] of [['quotation', a.quotations], ['discrepancy', a.discrepancies], ['activity', a.activities], ['action plan', a.actionPlans]] as const) {
        for (const [i, x] of list.entries()) add(`${name} ${field} ${i}`, x.sources);
      }
    }
    return all;
  }

  it('gives every citation of a seed document the passage that supports the fact', async () => {
    const data = await readShippedData();
    // A seed document is a source with a seed file of its own; a source a footnote names carries the footnote as its seedPassage.
    const seeds = Object.entries(data.sources).filter(([, s]) => s.seedFile && !s.seedPassage).map(([slug]) => slug);
    expect(seeds.sort()).toEqual(['nkk2022', 'seed000-kalix', 'seed002-kronoberg', 'seed003-skane', 'seed004-linkoping']);
    const bare = (await writtenCitations()).filter((c) => seeds.includes(c.source) && !c.passage?.trim());
    expect(bare.map((c) => `${c.where}: ${c.source}`)).toEqual([]);
  });

  it('cites the report for every place at provincial level, with the row or passage that names it', async () => {
    const data = await readShippedData();
    const provincial = data.counterparts.filter((c) => ['province', 'autonomous_region', 'municipality', 'sar'].includes(c.level));
    expect(provincial).toHaveLength(19); // 15 provinces, Guangxi, Shanghai, Tianjin, Macau
    const uncited = provincial.filter((c) => !c.sources.some((s) => s.source === 'nkk2022' && s.passage?.trim()));
    expect(uncited.map((c) => c.slug)).toEqual([]);
  });

  it('cites more than the appendix row for every summary: a row does not say what a summary says', async () => {
    const data = await readShippedData();
    const onlyTheRow = data.agreements.filter((a) => a.summary && a.sources.length === 0);
    expect(onlyTheRow.map((a) => a.slug ?? a.appendix!.slice(0, 3).join(' '))).toEqual([]);
  });
});

describe('the shipped register', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(async () => t?.close());

  it('holds the 56 cooperations of the appendix and the cases of the other seeds', async () => {
    const all = await listAgreements({ ctx: t.anonymous, input: { pageSize: 100 } });
    expect(all.total).toBe(58); // 56 + Göteborg's 2003 agreement + Region Skåne–Tianjin (planned)
    const byStatus = Object.groupBy(all.rows, (r) => r.status);
    expect(byStatus.ended?.length).toBe(29); // 28 Avslutat in the table + Göteborg's 2003 agreement
    expect(byStatus.dormant?.length).toBe(16);
    expect(byStatus.active?.length).toBe(7);
    expect(byStatus.paused?.length).toBe(4);
    expect(byStatus.partly_ended?.length).toBe(1);
    expect(byStatus.planned?.length).toBe(1);
  });

  it('keeps Changxing inside Huzhou inside Zhejiang, and Zhejiang lists all of them', async () => {
    const changxing = await getCounterpart({ ctx: t.anonymous, slug: 'changxing' });
    expect(changxing.chain.map((c) => c.nameNative)).toEqual(['浙江省', '湖州市']);
    const zhejiang = await getCounterpart({ ctx: t.anonymous, slug: 'zhejiang' });
    expect(zhejiang.agreements.map((a) => a.slug).sort()).toEqual(
      ['lst-uppsala--zhejiang', 'lund--hangzhou', 'overkalix--zhuji', 'region-kalmar--changxing', 'region-kalmar--huzhou'].sort(),
    );
    expect(zhejiang.bodies.map((b) => b.name)).toContain('Region Kalmar län');
  });

  it('records Borlänge\'s decision with its body, section, case number, reasons and sources', async () => {
    const detail = await getAgreement({ ctx: t.anonymous, slug: 'borlange--wuhan' });
    const ended = detail.events.find((e) => e.type === 'ended')!;
    expect(ended).toMatchObject({ date: '2019-12-10', datePrecision: 'day', reference: '§211', caseNumber: '2019/1060', side: 'swedish', mode: 'decision' });
    expect(ended.reasons.map((r) => r.code)).toContain('democracy_human_rights');
    expect(ended.sources.map((s) => s.sourceSlug)).toContain('fn28-borlange-protocol');
  });

  it('shows where the report\'s text and table disagree, with both sources', async () => {
    const detail = await getAgreement({ ctx: t.anonymous, slug: 'vara--huangshan--kp' });
    expect(detail.discrepancies).toMatchObject([{ field: 'established', recordedValue: '2006', otherValue: '2009' }]);
    expect(detail.discrepancies[0]!.sources.length).toBeGreaterThanOrEqual(2);
  });

  it('never shows a speaker\'s name to the public', async () => {
    const detail = await getAgreement({ ctx: t.anonymous, slug: 'skelleftea--tongling' });
    expect(detail.quotations.length).toBeGreaterThan(0);
    expect(detail.quotations.every((q) => q.speakerName === null)).toBe(true);
  });

  it('has an English text beside every Swedish free text', async () => {
    // Each pair: a table, its Swedish column, its English column.
    const pairs = [
      ['agreements', 'summary', 'summary_en'],
      ['status_events', 'note', 'note_en'],
      ['event_reasons', 'text', 'text_en'],
      ['quotations', 'text', 'text_en'],
      ['quotations', 'speaker_role', 'speaker_role_en'],
      ['activities', 'title', 'title_en'],
      ['activities', 'participants', 'participants_en'],
      ['activities', 'purpose', 'purpose_en'],
      ['activities', 'outcome', 'outcome_en'],
      ['action_plans', 'title', 'title_en'],
      ['action_plans', 'note', 'note_en'],
      ['action_plan_goals', 'theme', 'theme_en'],
      ['action_plan_goals', 'goal', 'goal_en'],
      ['actors', 'note', 'note_en'],
      ['actor_successions', 'note', 'note_en'],
      ['counterparts', 'note', 'note_en'],
      ['agreement_parties', 'note', 'note_en'],
      ['sources', 'note', 'note_en'],
    ];
    const counts: Record<string, { swedish: number; without: number; copied: string[] }> = {};
    for (const [table, sv, en] of pairs) {
      const [row] = await queryRows<{ swedish: number; without: number; copied: string[] }>(
        t.database.db,
        sql.raw(`select count(${sv})::int as swedish, count(*) filter (where ${sv} is not null and coalesce(${en}, '') = '')::int as without,
          coalesce(array_agg(${sv}) filter (where ${en} = ${sv}), '{}') as copied from ${table}`),
      );
      counts[`${table}.${sv}`] = row!;
    }
    expect(Object.entries(counts).filter(([, c]) => c.without > 0)).toEqual([]);
    // An English that repeats the Swedish is no translation (and would be read
    // as English): only a text that is English already may.
    expect(Object.values(counts).flatMap((c) => c.copied)).toEqual(['Guangzhou International Urban Innovation Award: Linköping Carbon Neutral 2025']);
    expect(counts['agreements.summary']!.swedish).toBe(14);
    expect(counts['quotations.text']!.swedish).toBe(12);
    expect(counts['actors.note']!.swedish + counts['actor_successions.note']!.swedish + counts['counterparts.note']!.swedish).toBe(9);
    expect(counts['agreement_parties.note']!.swedish).toBe(4);
    expect(counts['sources.note']!.swedish).toBe(22);
  });

  /** The data-changing statements of migrations (not their ALTER TABLE, which this register has had). */
  async function migrationUpdates(...files: string[]): Promise<string[]> {
    const statements: string[] = [];
    for (const file of files) statements.push(...(await readFile(path.join(import.meta.dirname, '../../drizzle', file), 'utf8')).split('--> statement-breakpoint'));
    return statements.filter((s) => !/^\s*(--.*\n\s*)*ALTER TABLE/.test(s));
  }

  /** Runs `work` in a transaction rolled back at the end: the rest of the file reads the register as shipped. */
  async function rolledBack(work: (tx: Executor) => Promise<void>) {
    await t.database.db
      .transaction(async (tx) => {
        await work(tx);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
  }

  it('migrations 0012 and 0013 give a register loaded before them its notes and reference titles in Swedish, and leave a note someone changed alone', async () => {
    const statements = await migrationUpdates('0012_shipped-notes-in-swedish.sql', '0013_reference-source-titles-in-swedish.sql');
    const after: Array<{ slug: string; note: string; note_en: string | null }> = [];
    await rolledBack(async (tx) => {
        await tx.execute(sql`update actors set note = 'Calls itself Malmö stad (the report''s footnote 52).', note_en = null where slug = 'malmo'`);
        await tx.execute(sql`update counterparts set note = 'Our own note.', note_en = null where slug = 'qufu'`);
        await tx.execute(sql`update agreement_parties set note = 'The appendix writes "Region Kronoberg (Växjö)".' where note like 'I rapportens bilaga%'`);
        await tx.execute(sql`update sources set title = 'Coordinates of towns and cities (reference data, not from the seeds)' where slug = 'coordinates'`);
        for (const statement of statements) await tx.execute(sql.raw(statement));
        after.push(
          ...(await queryRows<{ slug: string; note: string; note_en: string | null }>(
            tx,
            sql`select slug, note, note_en from actors where slug = 'malmo' union all select slug, note, note_en from counterparts where slug = 'qufu'
                union all select 'party', note, null from agreement_parties where note like '%Region Kronoberg (Växjö)%'
                union all select slug, title, null from sources where slug = 'coordinates'`,
          )),
        );
    });
    expect(after).toEqual([
      { slug: 'malmo', note: 'Kallar sig Malmö stad (rapportens fotnot 52).', note_en: 'Calls itself Malmö stad (the report\'s footnote 52).' },
      { slug: 'qufu', note: 'Our own note.', note_en: null },
      { slug: 'party', note: 'I rapportens bilaga står "Region Kronoberg (Växjö)".', note_en: null },
      { slug: 'coordinates', note: 'Koordinater för orter och städer (referensdata, inte från underlaget)', note_en: null },
    ]);
    const [malmo] = await queryRows<{ note: string }>(t.database.db, sql`select note from actors where slug = 'malmo'`);
    expect(malmo!.note).toBe('Kallar sig Malmö stad (rapportens fotnot 52).');
  });

  it('migrations 0014 and 0015 give a register loaded before them the Kalix case study as English and the English of the party notes, and leave a changed note alone', async () => {
    const statements = await migrationUpdates('0014_source-language.sql', '0015_party-notes-in-english.sql');
    expect(statements).toHaveLength(4);
    const read = (tx: Executor) =>
      queryRows<{ what: string; value: string | null }>(
        tx,
        sql`select 'language' as what, language as value from sources where slug = 'seed000-kalix'
            union all (select p.slug || ' ' || ap.role, ap.note_en from agreement_parties ap join actors p on p.id = ap.actor_id where ap.note is not null order by p.slug, ap.role)`,
      );
    const shipped = await read(t.database.db);
    let after: Array<{ what: string; value: string | null }> = [];
    await rolledBack(async (tx) => {
      await tx.execute(sql`update sources set language = 'sv'`);
      await tx.execute(sql`update agreement_parties set note_en = null`);
      await tx.execute(sql`update agreement_parties set note = 'Vår egen anteckning.' where role = 'co_financier' and actor_id = (select id from actors where slug = 'lst-kronoberg')`);
      for (const statement of statements) await tx.execute(sql.raw(statement));
      after = await read(tx);
    });
    expect(shipped.map((r) => r.what)).toEqual(['language', 'handelskammaren-norrbotten participant', 'lst-kronoberg co_financier', 'vaxjo co_financier', 'vaxjo participant']);
    expect(shipped.every((r) => r.value)).toBe(true);
    expect(after).toEqual(shipped.map((r) => (r.what === 'lst-kronoberg co_financier' ? { ...r, value: null } : r)));
  });

  it('migrations 0016 and 0017 give a register loaded before them the sources\' notes in Swedish with their English and footnote 12 as two sources, and leave a changed note alone', async () => {
    const statements = await migrationUpdates('0016_source-notes-in-english.sql', '0017_footnote-12-two-sources.sql');
    expect(statements).toHaveLength(14 + 3);
    type Row = { slug: string; title: string; language: string; published: string | null; note: string; note_en: string | null };
    type Citation = { id: number; slug: string; subject: string };
    const read = async (tx: Executor) => ({
      sources: await queryRows<Row>(tx, sql`select slug, title, language, published, note, note_en from sources where note is not null order by slug`),
      citations: await queryRows<Citation>(
        tx,
        sql`select c.id, s.slug, c.subject_type || ' of ' || coalesce(a.slug, e.slug) as subject from citations c join sources s on s.id = c.source_id
              left join agreements a on c.subject_type = 'agreement' and a.id = c.subject_id
              left join (select e.id, x.slug || ' ' || e.type as slug from status_events e join agreements x on x.id = e.agreement_id) e on c.subject_type = 'event' and e.id = c.subject_id
            where s.slug like 'fn12-%' order by c.id`,
      ),
    });
    const shipped = await read(t.database.db);
    let after: Awaited<ReturnType<typeof read>> | undefined;
    await rolledBack(async (tx) => {
      // As a register loaded before 0017 holds footnote 12: one source with a mixed title, cited by all three facts.
      await tx.execute(sql`update sources set slug = 'fn12-goteborg-agreements', language = 'sv', published = null,
        title = 'Memorandum of cooperation mellan Göteborgs Stad och Shanghai (maj 1986); Agreement on the establishment of sister city relationship between Shanghai municipality and the city of Göteborg (2003-10-23)'
        where slug = 'fn12-goteborg-mou-1986'`);
      await tx.execute(sql`update citations set source_id = (select id from sources where slug = 'fn12-goteborg-agreements')
        where source_id = (select id from sources where slug = 'fn12-goteborg-sister-city-2003')`);
      await tx.execute(sql`delete from sources where slug = 'fn12-goteborg-sister-city-2003'`);
      // As a register loaded before 0016 holds them: the English in note, nothing beside it; one note changed by someone.
      await tx.execute(sql`update sources set note = note_en, note_en = null where note_en is not null`);
      // Its English was made clearer with the Swedish: the shipped English before read so.
      await tx.execute(sql`update sources set note = 'As cited in the report (s. 13); not read by Ortsband.' where slug = 'fn13-hellqvist'`);
      await tx.execute(sql`update sources set note = 'Our own note.' where slug = 'coordinates'`);
      for (const statement of statements) await tx.execute(sql.raw(statement));
      after = await read(tx);
    });
    expect(shipped.sources).toHaveLength(22);
    // Two notes changed after 0016 (the Region Skåne succession, the Latin
    // names of four provinces): 0016 knows only the English it shipped, so it
    // leaves the newer English alone, as it does any note it does not know.
    const changedSince = ['admin-divisions', 'swedish-admin-history'];
    expect(after!.sources.filter((r) => changedSince.includes(r.slug)).map((r) => r.note_en)).toEqual([null, null]);
    expect(after!.sources.filter((r) => !changedSince.includes(r.slug))).toEqual(
      shipped.sources.filter((r) => !changedSince.includes(r.slug)).map((r) => (r.slug === 'coordinates' ? { ...r, note: 'Our own note.', note_en: null } : r)),
    );
    expect(after!.citations).toEqual(shipped.citations);
    expect(shipped.citations.map((c) => `${c.slug}: ${c.subject}`)).toEqual([
      'fn12-goteborg-mou-1986: event of goteborg--shanghai established',
      'fn12-goteborg-sister-city-2003: agreement of goteborg--shanghai--2003',
      'fn12-goteborg-sister-city-2003: event of goteborg--shanghai--2003 established',
    ]);
    expect(shipped.sources.find((r) => r.slug === 'fn27-borlange-motion')).toMatchObject({ note: 'Källan återges så som den anges i rapporten; Ortsband har inte läst den.', note_en: 'As cited in the report; not read by Ortsband.' });
  });

  it("cites SCB's code list for every actor's municipality and county code", async () => {
    const rows = await queryRows<{ slug: string; municipality_code: string | null; county_code: string | null; passages: string[] }>(
      t.database.db,
      sql`select a.slug, a.municipality_code, a.county_code,
            coalesce(array_agg(c.passage) filter (where s.slug = 'scb-codes'), '{}') as passages
          from actors a left join citations c on c.subject_type = 'actor' and c.subject_id = a.id left join sources s on s.id = c.source_id
          group by a.id order by a.slug`,
    );
    const coded = rows.filter((r) => r.municipality_code || r.county_code);
    expect(coded.length).toBeGreaterThanOrEqual(53);
    const uncited = coded.filter(
      (r) => r.passages.length !== 1 || (r.municipality_code && !r.passages[0]!.includes('kommunkod')) || (r.county_code && !r.passages[0]!.includes('länskod')),
    );
    expect(uncited.map((r) => r.slug)).toEqual([]);
  });

  it('dates Region Skåne\'s taking over no earlier than Region Skåne existed (1999-01-01), and cites the strategy and the history', async () => {
    const [row] = await queryRows<{ date: string; passages: string[] }>(
      t.database.db,
      sql`select x.date, array_agg(s.slug || ': ' || c.passage order by c.id) as passages from actor_successions x
            join actors p on p.id = x.predecessor_id join actors n on n.id = x.successor_id
            join citations c on c.subject_type = 'succession' and c.subject_id = x.id join sources s on s.id = c.source_id
          where p.slug = 'lst-malmohus' and n.slug = 'region-skane' group by x.id`,
    );
    expect(row!.date).toBe('1999-01-01/2012-11');
    expect(row!.passages).toEqual(['seed003-skane: Samarbetsavtal, första stycket', 'swedish-admin-history: Skåne län 1997-01-01; Region Skåne 1999-01-01']);
  });

  it('dates every status event at the precision of its source', async () => {
    const overkalix = await getAgreement({ ctx: t.anonymous, slug: 'overkalix--zhuji' });
    expect(overkalix.events.find((e) => e.type === 'ended')).toMatchObject({ date: '2002/2022', datePrecision: 'interval' });
    const goteborg = await getAgreement({ ctx: t.anonymous, slug: 'goteborg--shanghai' });
    expect(goteborg.events.map((e) => [e.type, e.date])).toEqual([
      ['established', '1986-05'],
      ['paused', '1989'],
      ['resumed', '1990'],
      ['partly_ended', '2020'],
    ]);
    expect(goteborg.children.map((c) => c.slug)).toEqual(['goteborg--shanghai--2003']);
  });
});
