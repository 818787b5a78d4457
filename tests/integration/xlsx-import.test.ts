// The XLSX reader at its limits: a stray cell far to the right or far down,
// a flood of blank rows, a workbook too large to read, formulas; and the
// cells it reads from an exported register are the cells CSV gives. Sizes
// are chosen so that a reader that asked the sheet for its extent per cell
// (as one did: 8,000 rows took 95 s) would run past the tests' timeout.
import { mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.ts';
import { createContactSurface } from '../../src/domain/contact-surfaces/save.ts';
import { changeArticle, getArticle } from '../../src/domain/knowledge/articles.ts';
import { writeCsv, writeXlsx } from '../../src/domain/transfer/exchange/export.ts';
import { TABLES } from '../../src/domain/transfer/exchange/format.ts';
import { readFiles } from '../../src/domain/transfer/exchange/read.ts';
import { MAX_SHEET_ROWS, MAX_XLSX_BYTES } from '../../src/domain/transfer/exchange/read-xlsx.ts';
import { MAX_SHARED_STRINGS_BYTES } from '../../src/domain/transfer/exchange/xlsx-parts.ts';
import { ortsband } from '../support/cli.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';
import { rowXml, workbookOf } from '../support/xlsx.ts';

let shipped: TestDatabase;
beforeAll(async () => {
  shipped = await openTestDatabase();
});
afterAll(async () => shipped?.close());

async function capture(work: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  await work(out);
  return Buffer.concat(chunks);
}

const HEADER = ['agreement', 'kind', 'parties', 'counterparts', 'official_title', 'event', 'event_date'];
/** The XML of rows 2…`last`, each a full agreement row. */
function dataRows(last: number): string {
  const rows: string[] = [];
  for (let r = 2; r <= last; r++) rows.push(rowXml(r, [`avtal-${r}`, 'vanort', 'Åmåls kommun', 'Gansu > Dunhuang', `Avtal ${r}`, 'established', String(1980 + (r % 40))]));
  return rows.join('');
}
const read = (sheets: Record<string, string>) => readFiles([{ name: 'f.xlsx', bytes: workbookOf(sheets) }]);

describe('limits', () => {
  it('a cell in column XFD under the header is a problem naming the sheet and the cell, found in a sheet of 20,000 rows', async () => {
    const { tables, problems } = await read({ agreements: rowXml(1, HEADER) + dataRows(20_000) + rowXml(20_001, { A20001: 'avtal-x', XFD20001: 'kvar' }) });
    expect(problems).toEqual([
      {
        file: 'f.xlsx (agreements)',
        row: 20_001,
        column: 'XFD',
        message: "cell XFD20001 is beyond the last column this table has (G, 'event_date'); delete what stands there, or give its column a name in the header",
      },
    ]);
    expect(tables[0]!.rows).toHaveLength(20_000);
  });

  it('a cell in column XFD of the header row stops the reading with the cell named', async () => {
    const { tables, problems } = await read({ agreements: rowXml(1, { A1: 'agreement', B1: 'kind', XFD1: 'x' }) + dataRows(20_000) });
    expect(tables).toEqual([]);
    expect(problems).toEqual([{ file: 'f.xlsx (agreements)', row: 1, column: 'XFD', message: "cell XFD1 is beyond the last column a table's header may use (CV); delete what stands there" }]);
  });

  // Under a minute alone; the longer timeout is for a machine busy with other suites (the reader this replaced took over ten minutes).
  it('a million blank rows under the table are skipped', { timeout: 180_000 }, async () => {
    const blank: string[] = [];
    for (let r = 10; r <= 1_000_000; r++) blank.push(r % 2 ? `<row r="${r}"/>` : `<row r="${r}"><c r="A${r}"/><c r="B${r}" t="inlineStr"><is><t> </t></is></c></row>`);
    const { tables, problems } = await read({ agreements: rowXml(1, HEADER) + dataRows(9) + blank.join('') });
    expect(problems).toEqual([]);
    expect(tables[0]!.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it(`a cell at row 1,000,000 (past ${MAX_SHEET_ROWS.toLocaleString('en')} rows) is refused with the cell named, after blank rows or none`, { timeout: 180_000 }, async () => {
    const blank: string[] = [];
    for (let r = 10; r < 1_000_000; r++) blank.push(`<row r="${r}"/>`);
    const expected = {
      file: 'f.xlsx (agreements)',
      row: 1_000_000,
      column: 'official_title',
      message: 'cell E1000000 is below the last row a sheet may use (row 200,001: 200,000 rows under the header); split the table into files of fewer rows, or delete what stands below it',
    };
    for (const between of ['', blank.join('')]) {
      const { tables, problems } = await read({ agreements: rowXml(1, HEADER) + dataRows(9) + between + rowXml(1_000_000, { E1000000: 'vilse' }) });
      expect(tables).toEqual([]);
      expect(problems).toEqual([expected]);
    }
  });

  it("a sheet of more row elements than Excel's 1,048,576 is refused", { timeout: 180_000 }, async () => {
    const { problems } = await read({ agreements: rowXml(1, HEADER) + '<row r="5"/>'.repeat(1_048_577) });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/more rows than Excel's 1,048,576/);
  });

  it('a formula is refused, plain or shared, naming the cell; a sheet of formulas stops after a hundred problems', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('agreements');
    sheet.addRow(HEADER);
    sheet.addRow(['avtal-2', 'vanort', 'Åmåls kommun', 'Gansu > Dunhuang', { formula: 'HYPERLINK("http://example.com","klicka")', result: 'klicka' }, 'established', 2019]);
    sheet.addRow(['avtal-3', 'vanort', 'Åmåls kommun', 'Gansu > Dunhuang', 'Avtal', 'established', { formula: '2000+19', result: 2019 }]);
    sheet.getCell('G4').value = { sharedFormula: 'G3', result: 2019 };
    for (const [i, v] of ['avtal-4', 'vanort', 'Åmåls kommun', 'Gansu > Dunhuang', 'Avtal', 'established'].entries()) sheet.getCell(4, i + 1).value = v;
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { problems } = await readFiles([{ name: 'f.xlsx', bytes }]);
    expect(problems).toEqual([
      { file: 'f.xlsx (agreements)', row: 2, column: 'official_title', message: 'cell E2: the cell holds a formula; paste its value instead' },
      { file: 'f.xlsx (agreements)', row: 3, column: 'event_date', message: 'cell G3: the cell holds a formula; paste its value instead' },
      { file: 'f.xlsx (agreements)', row: 4, column: 'event_date', message: 'cell G4: the cell holds a formula; paste its value instead' },
    ]);

    const formulas: string[] = [];
    for (let r = 2; r <= 5_000; r++) formulas.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>avtal-${r}</t></is></c><c r="E${r}"><f>1+1</f><v>2</v></c></row>`);
    const many = await read({ agreements: rowXml(1, HEADER) + formulas.join('') });
    expect(many.tables).toEqual([]);
    expect(many.problems).toHaveLength(101);
    expect(many.problems.at(-1)!.message).toBe('100 problems; the workbook was read no further than row 101 of this sheet');
  });
});

describe('cells', () => {
  it('reads an exported register cell for cell as the CSV export of it reads', async () => {
    // The shipped register has no contact surfaces: two, with lists in their cells.
    const ctx = systemCtx(shipped);
    const [own] = await queryRows<{ id: number }>(ctx.db, sql`select id from organisations where slug = 'ortsband'`);
    await createContactSurface({ ctx, organisationId: own!.id, input: { kind: 'trade', title: 'Handel', description: 'Rad ett\nrad två', date: '2019', actors: ['kalix', 'lulea'], places: ['zhejiang', 'guangzhou'], sources: ['nkk2022'], visibility: 'public' } });
    await createContactSurface({ ctx, organisationId: own!.id, input: { kind: 'academic', title: '=Forskning', date: '2020/2022', visibility: 'public' } });
    // Nor earlier versions of its guidance: a shipped article changed twice, to a text that starts as a formula would.
    for (const expectedVersion of [1, 2]) {
      const a = await getArticle(ctx, 'folj-upp-avtalen');
      await changeArticle({ ctx, slug: 'folj-upp-avtalen', input: { titleSv: a.titleSv, titleEn: a.titleEn, bodySv: `- Steg ${expectedVersion}\n\n${a.bodySv}`, bodyEn: a.bodyEn, sourceNote: a.sourceNote, reviewOn: a.reviewOn, topics: a.topics, expectedVersion } });
    }
    const xlsx = await readFiles([{ name: 'register.xlsx', bytes: await capture((out) => writeXlsx(shipped.anonymous, out)) }]);
    const csv = await readFiles(await Promise.all(TABLES.map(async (table) => ({ name: `${table}.csv`, bytes: await capture((out) => writeCsv(shipped.anonymous, table, out)) }))));
    expect(xlsx.problems).toEqual([]);
    expect(csv.problems).toEqual([]);
    expect(xlsx.tables.map((t) => t.table)).toEqual([...TABLES]);
    for (const table of TABLES) {
      const a = xlsx.tables.find((t) => t.table === table)!;
      const b = csv.tables.find((t) => t.table === table)!;
      // The shipped register has one action plan, of seven goals, and three guidance articles; two contact surfaces and two versions were added above.
      const fewest: Partial<Record<(typeof TABLES)[number], number>> = { action_plans: 6, contact_surfaces: 1, knowledge_articles: 2, knowledge_article_versions: 1 };
      expect(a.rows.length, table).toBeGreaterThan(fewest[table] ?? 10);
      expect(a.columns, table).toEqual(b.columns);
      expect(a.rows, table).toEqual(b.rows);
    }
  });

  it('reads every sheet of an exported register, by its name, every time', async () => {
    // exceljs's own zip walk lost the parts stored after the sheets in most reads of such a workbook (xlsx-parts.ts).
    const bytes = await capture((out) => writeXlsx(shipped.anonymous, out));
    const first = await readFiles([{ name: 'register.xlsx', bytes }]);
    expect(first.problems).toEqual([]);
    expect(first.tables.map((t) => t.table)).toEqual([...TABLES]);
    const reads = await Promise.all(Array.from({ length: 40 }, () => readFiles([{ name: 'register.xlsx', bytes }])));
    for (const again of reads) expect(again).toEqual(first);
  });

  it("names each sheet as the workbook lists it, also when its parts are named from the package's root", async () => {
    const sheets = { anvisningar: rowXml(1, ['Läs mig']), avtal: rowXml(1, HEADER) + dataRows(3), 'källor': rowXml(1, ['source', 'kind', 'title']) + rowXml(2, ['kalla', 'report', 'En källa']) };
    for (const absoluteTargets of [false, true]) {
      const { tables, problems } = await readFiles([{ name: 'f.xlsx', bytes: workbookOf(sheets, { absoluteTargets }) }]);
      expect(problems).toEqual([]);
      expect(tables.map((t) => [t.file, t.rows.length])).toEqual([
        ['f.xlsx (avtal)', 2],
        ['f.xlsx (källor)', 1],
      ]);
    }
  });

  it('a workbook without its workbook part, with too many shared strings, or not a zip at all, is a problem naming what is wrong', { timeout: 60_000 }, async () => {
    const sheets = { agreements: rowXml(1, HEADER) + dataRows(3) };
    expect((await readFiles([{ name: 'f.xlsx', bytes: workbookOf(sheets, { without: 'xl/workbook.xml' }) }])).problems).toEqual([
      { file: 'f.xlsx', message: 'the file is not an Excel workbook (.xlsx) that can be read: it has no xl/workbook.xml' },
    ]);
    expect((await readFiles([{ name: 'f.xlsx', bytes: workbookOf(sheets, { without: 'xl/worksheets/sheet1.xml' }) }])).problems).toEqual([
      { file: 'f.xlsx', message: 'the file is not an Excel workbook (.xlsx) that can be read: it has no xl/worksheets/sheet1.xml' },
    ]);
    // A shared-strings table that unpacks past the limit is refused before it is read.
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'a'.repeat(MAX_SHARED_STRINGS_BYTES)}</t></si></sst>`;
    expect((await readFiles([{ name: 'f.xlsx', bytes: workbookOf(sheets, { extra: [{ name: 'xl/sharedStrings.xml', text: strings }] }) }])).problems).toEqual([
      {
        file: 'f.xlsx',
        message: `the file is not an Excel workbook (.xlsx) that can be read: its shared strings unpack to ${strings.length.toLocaleString('en')} bytes; a workbook may hold at most 268,435,456 (256 MiB) of them; split it into several files, or save the tables as CSV`,
      },
    ]);
    const notZip = await readFiles([{ name: 'f.xlsx', bytes: Buffer.concat([Buffer.from('PK'), Buffer.alloc(200)]) }]);
    expect(notZip.tables).toEqual([]);
    expect(notZip.problems).toHaveLength(1);
    expect(notZip.problems[0]!.message).toMatch(/^the file is not an Excel workbook \(\.xlsx\) that can be read: it is not a zip archive \(/);
  });

  it('takes a workbook as Excel saves it: shared strings, dates, numbers, rich text; skips the instructions sheet and blank rows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('anvisningar').addRow(['Läs mig', { formula: '1+1', result: 2 }]);
    const sheet = workbook.addWorksheet('avtal');
    sheet.addRow([...HEADER, 'signed_on']);
    sheet.addRow(['avtal-2', 'vanort', 'Åmåls kommun', 'Gansu > Dunhuang', { richText: [{ text: 'Vänort ' }, { font: { bold: true }, text: 'Dunhuang' }] }, 'established', new Date(Date.UTC(2019, 4, 14)), 1999]);
    sheet.addRow([]);
    sheet.addRow(['avtal-4', 'vanort', 'Åmåls kommun & Co', 'Gansu > Dunhuang', '  Avtal <4>  ', 'established', '2019-05', null]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { tables, problems } = await readFiles([{ name: 'excel.xlsx', bytes }]);
    expect(problems).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.file).toBe('excel.xlsx (avtal)');
    expect(tables[0]!.rows).toEqual([
      { row: 2, cells: { agreement: 'avtal-2', kind: 'vanort', parties: 'Åmåls kommun', counterparts: 'Gansu > Dunhuang', official_title: 'Vänort Dunhuang', event: 'established', event_date: '2019-05-14', signed_on: '1999' } },
      { row: 4, cells: { agreement: 'avtal-4', kind: 'vanort', parties: 'Åmåls kommun & Co', counterparts: 'Gansu > Dunhuang', official_title: 'Avtal <4>', event: 'established', event_date: '2019-05', signed_on: '' } },
    ]);
  });
});

describe('the command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ortsband-xlsx-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('refuses a workbook over the size limit before reading it, and a stray cell, with exit 3 and each named', { timeout: 180_000 }, async () => {
    // A sparse file: as large as the limit and a byte, without writing it.
    const large = path.join(dir, 'stor.xlsx');
    await writeFile(large, 'PK\u0003\u0004');
    const handle = await open(large, 'r+');
    await handle.truncate(MAX_XLSX_BYTES + 1);
    await handle.close();
    const stray = path.join(dir, 'vilse.xlsx');
    await writeFile(stray, workbookOf({ agreements: rowXml(1, HEADER) + dataRows(6) + rowXml(7, { A7: 'avtal-7', XFD7: 'kvar' }) }));
    const result = await ortsband('--database', path.join(dir, 'db'), 'import', '--dry-run', '--summary', large, stray);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toContain('stor.xlsx: the workbook is 104,857,601 bytes; an import reads XLSX files of at most 104,857,600 bytes (100 MiB); split it into several files, or save the tables as CSV');
    expect(result.stderr).toContain("vilse.xlsx (agreements), row 7, column XFD: cell XFD7 is beyond the last column this table has (G, 'event_date')");
    expect(result.stderr).toContain('nothing was imported');
    expect((await stat(large)).size).toBe(MAX_XLSX_BYTES + 1);
  });
});
