// Template files for an import: each table's header and one example row, and
// in the workbook a sheet "anvisningar" (instructions) describing every
// column in Swedish and English. The reader skips that sheet.
import type { Writable } from 'node:stream';
import { COLUMNS, csvLine, TABLES, type TableName } from './format.ts';

export const INSTRUCTIONS_SHEET = 'anvisningar';

export function templateCsv(table: TableName, delimiter: ',' | ';' = ','): string {
  return `\uFEFF${csvLine(COLUMNS[table].map((c) => c.name), delimiter)}${csvLine(COLUMNS[table].map((c) => c.example), delimiter)}`;
}

export async function writeTemplateXlsx(out: Writable): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ortsband';
  const about = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  about.columns = [
    { header: 'tabell / table', width: 14 },
    { header: 'kolumn / column', width: 20 },
    { header: 'krävs / required', width: 10 },
    { header: 'svenska', width: 70 },
    { header: 'English', width: 70 },
  ];
  about.getRow(1).font = { bold: true };
  for (const table of TABLES) for (const c of COLUMNS[table]) about.addRow([table, c.name, c.required ? 'ja / yes' : '', c.sv, c.en]);
  for (const table of TABLES) {
    const sheet = workbook.addWorksheet(table, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS[table].map((c) => ({ header: c.name, width: Math.min(40, Math.max(12, c.name.length + 2)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRow(COLUMNS[table].map((c) => c.example));
  }
  await workbook.xlsx.write(out);
}
