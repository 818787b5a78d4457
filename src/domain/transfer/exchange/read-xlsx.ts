// Reads an XLSX workbook into the exchange format's tables, one per sheet
// (the instructions sheet aside); the header and cells are checked by tableOf
// as for CSV.
//
// The workbook is read as a stream (exceljs's WorkbookReader, fed its parts
// from the zip's directory: xlsx-parts.ts says why): one row at a time, each
// cell looked at once, so the time grows with the cells the sheets hold and
// not with the sheet's size squared. A sheet's extent is what its
// cells say, never a column count asked of the whole sheet: one stray cell in
// column XFD, or a cell a million rows down, is a problem naming that cell,
// and reading stops there. The limits below keep a file that is too large for
// one import (or built to be) from taking minutes or gigabytes; why each has
// its value is in docs/xlsx-import.md.
import type ExcelJS from 'exceljs';
import { tableOf, type InputFile, type Problem, type ReadTable } from './read.ts';
import { INSTRUCTIONS_SHEET } from './template.ts';
import { openWorkbook, UnreadableWorkbook, type OpenedWorkbook } from './xlsx-parts.ts';

/** A workbook larger than this is refused before it is opened. */
export const MAX_XLSX_BYTES = 100 * 1024 * 1024;
/** Rows of data under a sheet's header: a non-blank row below row MAX_SHEET_ROWS + 1 is refused. */
export const MAX_SHEET_ROWS = 200_000;
/** Columns a header may use (the widest table has 28): a non-blank header cell further right is refused. */
export const MAX_HEADER_COLUMNS = 100;
/** Excel's own last row: a row element past it, or more row elements than this in one sheet, means the file was not saved by a spreadsheet. */
const EXCEL_ROWS = 1_048_576;
/** Problems one workbook reports before reading stops: a sheet of formulas is one mistake, not a page per cell. */
const MAX_PROBLEMS = 100;

/** A cell as text: dates as YYYY-MM-DD, rich text joined, a formula refused. */
function xlsxCellText(value: ExcelJS.CellValue): { text: string } | { problem: string } {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { problem: 'the cell holds a formula; paste its value instead' };
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
    if ('text' in value && typeof value.text === 'string') return { text: value.text };
    if ('error' in value) return { problem: `the cell holds the error ${String(value.error)}` };
    return { problem: 'the cell holds something that is not text, a number or a date' };
  }
  return { text: String(value) };
}

/** Column number → letters, as a spreadsheet names it (1 → A, 28 → AB, 16384 → XFD). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Reading stops here: the workbook is refused with what was found so far. */
class Stop extends Error {}

export async function readXlsx(file: InputFile): Promise<{ tables: ReadTable[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  if (file.bytes.length > MAX_XLSX_BYTES) {
    return { tables: [], problems: [{ file: file.name, message: tooLarge(file.bytes.length) }] };
  }
  // exceljs is large; loaded only when a workbook comes.
  const { default: Excel } = await import('exceljs');
  // Styles are read for the number formats that mark a number as a date;
  // shared strings are kept (a sheet's cells point into them), hyperlinks not.
  let workbook: OpenedWorkbook;
  try {
    workbook = await openWorkbook(Excel, file.bytes, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  } catch (error) {
    return { tables: [], problems: [unreadable(file, error)] };
  }
  const tables: ReadTable[] = [];
  const report = (problem: Problem) => {
    problems.push(problem);
    if (problems.length >= MAX_PROBLEMS) {
      problems.push({ file: problem.file, message: `${MAX_PROBLEMS} problems; the workbook was read no further than ${problem.row !== undefined ? `row ${problem.row} of this sheet` : 'here'}` });
      throw new Stop();
    }
  };
  try {
    for await (const worksheet of workbook.reader) {
      const sheet = (worksheet as unknown as { name: string }).name;
      const where = `${file.name} (${sheet})`;
      let rowElements = 0;
      let header: string[] | null = null;
      const rows: Array<{ row: number; cells: string[] }> = [];
      let previous = 0;
      for await (const row of worksheet) {
        // A row without its number (allowed, rarely written) follows the one before.
        const number = Number.isInteger(row.number) && row.number > 0 ? row.number : previous + 1;
        previous = number;
        if (++rowElements > EXCEL_ROWS || number > EXCEL_ROWS) {
          report({ file: where, row: number, message: `the sheet has more rows than Excel's ${EXCEL_ROWS.toLocaleString('en')}, or a row below the last one; it was not saved by a spreadsheet program` });
          throw new Stop();
        }
        if (sheet === INSTRUCTIONS_SHEET) continue;
        // The cells that hold something, by column number: read once each, in the row's order.
        const filled: Array<{ column: number; text: string }> = [];
        row.eachCell((cell, column) => {
          const read = xlsxCellText(cell.value);
          if ('problem' in read) {
            report({ file: where, row: number, column: header?.[column - 1] || columnLetters(column), message: `cell ${columnLetters(column)}${number}: ${read.problem}` });
          } else if (read.text.trim() !== '') filled.push({ column, text: read.text });
        });
        if (!filled.length) continue; // a blank row, however many there are
        const first = filled[0]!;
        if (number > MAX_SHEET_ROWS + 1) {
          report({
            file: where,
            row: number,
            column: header?.[first.column - 1] || columnLetters(first.column),
            message: `cell ${columnLetters(first.column)}${number} is below the last row a sheet may use (row ${(MAX_SHEET_ROWS + 1).toLocaleString('en')}: ${MAX_SHEET_ROWS.toLocaleString('en')} rows under the header); split the table into files of fewer rows, or delete what stands below it`,
          });
          throw new Stop();
        }
        if (header === null) {
          const far = filled.find((c) => c.column > MAX_HEADER_COLUMNS);
          if (far) {
            report({
              file: where,
              row: number,
              column: columnLetters(far.column),
              message: `cell ${columnLetters(far.column)}${number} is beyond the last column a table's header may use (${columnLetters(MAX_HEADER_COLUMNS)}); delete what stands there`,
            });
            throw new Stop();
          }
          header = Array.from({ length: filled.at(-1)!.column }, () => '');
          for (const c of filled) header[c.column - 1] = c.text;
          continue;
        }
        const cells = Array.from({ length: header.length }, () => '');
        for (const c of filled) {
          if (c.column <= header.length) cells[c.column - 1] = c.text;
          else {
            report({
              file: where,
              row: number,
              column: columnLetters(c.column),
              message: `cell ${columnLetters(c.column)}${number} is beyond the last column this table has (${columnLetters(header.length)}, '${header.at(-1)}'); delete what stands there, or give its column a name in the header`,
            });
          }
        }
        rows.push({ row: number, cells });
      }
      if (header) {
        const table = tableOf(file.name, header, rows, problems, sheet);
        if (table) tables.push(table);
      }
    }
  } catch (error) {
    if (!(error instanceof Stop)) return { tables: [], problems: [...problems, unreadable(file, error)] };
    // Refused: what was read of the sheets is not imported.
    return { tables: [], problems };
  } finally {
    workbook.close();
  }
  if (!tables.length && !problems.length) problems.push({ file: file.name, message: 'the workbook has no sheet with a table' });
  return { tables, problems };
}

function unreadable(file: InputFile, error: unknown): Problem {
  const why = error instanceof UnreadableWorkbook ? error.message : (error as Error).message.slice(0, 200);
  return { file: file.name, message: `the file is not an Excel workbook (.xlsx) that can be read: ${why}` };
}

export function tooLarge(bytes: number): string {
  return `the workbook is ${bytes.toLocaleString('en')} bytes; an import reads XLSX files of at most ${MAX_XLSX_BYTES.toLocaleString('en')} bytes (${MAX_XLSX_BYTES / 2 ** 20} MiB); split it into several files, or save the tables as CSV`;
}
