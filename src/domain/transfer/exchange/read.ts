// Reads import files (CSV with comma or semicolon, UTF-8 with or without BOM;
// XLSX, in read-xlsx.ts; JSON) into the exchange format's tables, as strings per column. It
// checks only the shape (encoding, quotes, headers, cell counts); what the
// cells mean is checked by plan.ts.
import { parse as parseCsv } from 'csv-parse/sync';
import { COLUMNS, TABLES, tableOfHeader, type TableName } from './format.ts';
import { readXlsx } from './read-xlsx.ts';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface Problem {
  file: string;
  table?: TableName;
  /** As a spreadsheet numbers it: the header is row 1. */
  row?: number;
  column?: string;
  message: string;
}

export interface TableRow {
  row: number;
  cells: Record<string, string>;
}

export interface ReadTable {
  file: string;
  table: TableName;
  rows: TableRow[];
  /** The columns the file has. */
  columns: string[];
}

/** A cell longer than this is refused before anything else looks at it. */
export const MAX_CELL = 20_000;

export type FileFormat = 'csv' | 'xlsx' | 'json';

export function formatOf(file: InputFile): FileFormat {
  if (file.bytes[0] === 0x50 && file.bytes[1] === 0x4b) return 'xlsx'; // "PK": a zip
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.json')) return 'json';
  return 'csv';
}

export async function readFiles(files: InputFile[]): Promise<{ tables: ReadTable[]; problems: Problem[] }> {
  const tables: ReadTable[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const format = formatOf(file);
    const read = format === 'xlsx' ? await readXlsx(file) : format === 'json' ? readJson(file) : readCsv(file);
    tables.push(...read.tables);
    problems.push(...read.problems);
  }
  for (const table of TABLES) {
    const holders = tables.filter((t) => t.table === table);
    if (holders.length > 1) problems.push({ file: holders[1]!.file, table, message: `a second ${table} table; ${holders[0]!.file} has one already. Put all ${table} in one table.` });
  }
  if (!tables.length && !problems.length) problems.push({ file: files.map((f) => f.name).join(', ') || '(no file)', message: 'no table to import' });
  return { tables, problems };
}

/** Checks a header and turns raw rows (arrays of cells) into rows by column name. */
export function tableOf(file: string, rawHeader: unknown[], rawRows: Array<{ row: number; cells: unknown[] }>, problems: Problem[], sheet?: string): ReadTable | null {
  const where = sheet ? `${file} (${sheet})` : file;
  const header = rawHeader.map((h) => String(h ?? '').replace(/^\uFEFF/, '').trim().toLowerCase());
  const table = tableOfHeader(header);
  if (!table) {
    problems.push({
      file: where,
      row: 1,
      message: `the first row names no table: it needs one of the columns ${TABLES.map((t) => COLUMNS[t][0]!.name).join(', ')} (found: ${header.filter(Boolean).join(', ') || 'nothing'})`,
    });
    return null;
  }
  const known = new Set(COLUMNS[table].map((c) => c.name));
  const limits = new Map(COLUMNS[table].map((c) => [c.name, c.max]));
  const before = problems.length;
  header.forEach((name, i) => {
    if (!name) problems.push({ file: where, table, row: 1, message: `column ${i + 1} has no name` });
    else if (!known.has(name)) problems.push({ file: where, table, row: 1, column: name, message: `'${name}' is not a column of the ${table} table; its columns are ${[...known].join(', ')}` });
    else if (header.indexOf(name) !== i) problems.push({ file: where, table, row: 1, column: name, message: `the column '${name}' comes twice` });
  });
  for (const c of COLUMNS[table]) {
    if (c.required && !header.includes(c.name)) problems.push({ file: where, table, row: 1, column: c.name, message: `the column '${c.name}' is missing (${c.en})` });
  }
  if (problems.length > before) return null;
  const rows: TableRow[] = [];
  for (const raw of rawRows) {
    if (raw.cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue; // blank line
    const stray = raw.cells.findIndex((c, i) => i >= header.length && String(c ?? '').trim() !== '');
    if (stray >= 0) {
      problems.push({ file: where, table, row: raw.row, column: String(stray + 1), message: `the row has a value in column ${stray + 1}, but the header names ${header.length} columns` });
      continue;
    }
    const cells: Record<string, string> = {};
    let fits = true;
    header.forEach((name, i) => {
      const value = String(raw.cells[i] ?? '').trim();
      const max = limits.get(name)!;
      if (value.length > max) {
        problems.push({ file: where, table, row: raw.row, column: name, message: `the cell holds ${value.length.toLocaleString('en')} characters; the column ${name} takes at most ${max.toLocaleString('en')}` });
        fits = false;
      } else cells[name] = value;
    });
    // A row with a cell cut away is not planned: its other cells would be read as if that one were empty.
    if (fits) rows.push({ row: raw.row, cells });
  }
  return { file: where, table, rows, columns: header };
}

export function readCsv(file: InputFile): { tables: ReadTable[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    return { tables: [], problems: [{ file: file.name, message: 'the file is not UTF-8 text (perhaps saved as ANSI or Latin-1); in Excel, save it as "CSV UTF-8"' }] };
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) return { tables: [], problems: [{ file: file.name, message: 'the file holds NUL bytes; it is not a CSV text file' }] };
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, max_record_size: 4 * MAX_CELL * 40 }) as string[][];
  } catch (error) {
    const e = error as { code?: string; lines?: number; message: string };
    const row = e.lines;
    const what =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quote (") is opened and never closed'
        : e.code === 'CSV_INVALID_CLOSING_QUOTE' || e.code === 'INVALID_OPENING_QUOTE'
          ? 'a quote (") stands inside a cell that does not start with one; write "" for a quote inside a quoted cell'
          : e.code === 'CSV_MAX_RECORD_SIZE'
            ? 'the row is too long'
            : `the file cannot be read as CSV (${e.message})`;
    return { tables: [], problems: [{ file: file.name, ...(row ? { row } : {}), message: what }] };
  }
  if (!records.length) return { tables: [], problems: [{ file: file.name, message: 'the file is empty' }] };
  const [header, ...rest] = records;
  // Every record has as many cells as the header: a row cut short (or with a
  // stray delimiter) would otherwise be read with its last cells empty, and
  // an empty cell clears a value. Only an empty line is let pass.
  const width = header!.length;
  const table = tableOfHeader(header!.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase())) ?? undefined;
  const rows: Array<{ row: number; cells: string[] }> = [];
  rest.forEach((cells, i) => {
    const row = i + 2;
    if (cells.length === width || (cells.length === 1 && cells[0]!.trim() === '')) rows.push({ row, cells });
    else if (cells.length < width) {
      problems.push({
        file: file.name, ...(table ? { table } : {}), row, column: String(header![cells.length] ?? '').trim() || String(cells.length + 1),
        message: `the row has ${cells.length} cells but the header names ${width} columns: it ends before this column (cut short?)`,
      });
    } else {
      problems.push({ file: file.name, ...(table ? { table } : {}), row, column: String(width + 1), message: `the row has ${cells.length} cells but the header names ${width} columns (a stray ${delimiter} or an unquoted cell?)` });
    }
  });
  const read = tableOf(file.name, header!, rows, problems);
  return { tables: read ? [read] : [], problems };
}

/** JSON: `{ "sources": [...], "actors": [...], "counterparts": [...], "agreements": [...] }`, rows as objects by column name. */
export function readJson(file: InputFile): { tables: ReadTable[]; problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, ''));
  } catch (error) {
    return { tables: [], problems: [{ file: file.name, message: `the file is not valid UTF-8 JSON (${(error as Error).message.slice(0, 200)})` }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { tables: [], problems: [{ file: file.name, message: `the file must hold one object with the tables ${TABLES.join(', ')} as arrays` }] };
  }
  const problems: Problem[] = [];
  const tables: ReadTable[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'format' || key === 'version') continue;
    if (!(TABLES as readonly string[]).includes(key)) {
      problems.push({ file: file.name, message: `'${key}' is not a table; the tables are ${TABLES.join(', ')}` });
      continue;
    }
    const table = key as TableName;
    if (!Array.isArray(value)) {
      problems.push({ file: file.name, table, message: `${table} must be an array of rows` });
      continue;
    }
    const columns = new Map(COLUMNS[table].map((c) => [c.name, c]));
    const names = [...columns.keys()];
    const rawRows: Array<{ row: number; cells: unknown[] }> = [];
    const extra = new Set<string>();
    value.forEach((entry: unknown, i) => {
      const row = i + 2; // as if the array were a sheet under a header row
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        problems.push({ file: file.name, table, row, message: `a row must be an object of column: value, not ${describeJson(entry)}` });
        return;
      }
      let typed = true;
      for (const [name, v] of Object.entries(entry)) {
        const column = columns.get(name);
        if (!column) extra.add(name);
        else if (typeof v === 'string' || (column.number && typeof v === 'number' && Number.isFinite(v))) continue;
        else {
          // Nothing is coerced: true or 12 where the format has text is a mistake, not the text "true" or "12".
          problems.push({ file: file.name, table, row, column: name, message: `${describeJson(v)} is not ${column.number ? 'a number or text' : 'text'}; write the value in quotes, or leave the column out` });
          typed = false;
        }
      }
      if (!typed) return;
      const cells = names.map((name) => {
        const v = (entry as Record<string, unknown>)[name];
        return v === undefined ? '' : String(v);
      });
      rawRows.push({ row, cells });
    });
    const header = [...names, ...extra];
    const read = tableOf(file.name, header, rawRows, problems);
    if (read) tables.push({ ...read, table });
  }
  return { tables, problems };
}

/** A JSON value as a message names it. */
function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}
