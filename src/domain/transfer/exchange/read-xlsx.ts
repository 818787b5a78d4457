// Reads an XLSX workbook into the exchange format's tables, one per sheet
// (the instructions sheet aside); the header and cells are checked by tableOf
// as for CSV.
import type ExcelJS from 'exceljs';
import { tableOf, type InputFile, type Problem, type ReadTable } from './read.ts';
import { INSTRUCTIONS_SHEET } from './template.ts';

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

export async function readXlsx(file: InputFile): Promise<{ tables: ReadTable[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  // exceljs is large; loaded only when a workbook comes.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { tables: [], problems: [{ file: file.name, message: `the file is not an Excel workbook (.xlsx) that can be read (${(error as Error).message.slice(0, 200)})` }] };
  }
  const tables: ReadTable[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.rowCount === 0 || sheet.name === INSTRUCTIONS_SHEET) return;
    const rows: Array<{ row: number; cells: unknown[] }> = [];
    let header: unknown[] | null = null;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: unknown[] = [];
      for (let i = 1; i <= Math.max(row.cellCount, sheet.columnCount); i++) {
        const read = xlsxCellText(row.getCell(i).value);
        if ('problem' in read) {
          problems.push({ file: `${file.name} (${sheet.name})`, row: rowNumber, column: header ? String(header[i - 1] ?? i) : String(i), message: read.problem });
          cells.push('');
        } else cells.push(read.text);
      }
      while (cells.length && cells.at(-1) === '') cells.pop();
      if (header === null) header = cells;
      else rows.push({ row: rowNumber, cells });
    });
    if (header) {
      const table = tableOf(file.name, header, rows, problems, sheet.name);
      if (table) tables.push(table);
    }
  });
  if (!tables.length && !problems.length) problems.push({ file: file.name, message: 'the workbook has no sheet with a table' });
  return { tables, problems };
}
