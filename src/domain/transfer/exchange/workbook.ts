// The exchange format's workbook (a sheet per table) written from its rows
// (export.ts, writeXlsx, reads them), with exceljs's streaming writer.
import type { Readable, Writable } from 'node:stream';
import { COLUMNS, neutraliseCell, TABLES, type TableName } from './format.ts';

/** A row's cells in its table's column order, not yet neutralised. */
export type Cells = string[];

/**
 * The workbook from the tables' rows as exchangeBatches (export.ts) gives
 * them: a sheet per table in TABLES' order, also for a table without rows.
 */
export async function writeWorkbook(batches: AsyncIterable<[TableName, Cells[]]>, out: Writable): Promise<number> {
  let count = 0;
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  // Fixed metadata: the same register gives the same cells and properties.
  workbook.creator = 'Ortsband';
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  let sheet: ReturnType<typeof workbook.addWorksheet> | null = null;
  let opened = 0;
  // Opens the sheets up to and including `table`'s, committing the one before.
  const openUpTo = (table: TableName | null) => {
    while (opened < TABLES.length && (table === null || TABLES[opened - 1] !== table)) {
      const name = TABLES[opened++]!;
      sheet?.commit();
      sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = COLUMNS[name].map((c) => ({ header: c.name, key: c.name, width: Math.min(40, Math.max(12, c.name.length + 2)) }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
    }
  };
  for await (const [table, rows] of batches) {
    openUpTo(table);
    if (TABLES[opened - 1] !== table) throw new Error(`rows of ${table} came after those of ${TABLES[opened - 1]}`);
    for (const cells of rows) sheet!.addRow(cells.map(neutraliseCell)).commit();
    count += rows.length;
    await zipHasTaken((workbook as unknown as { zip: Readable }).zip, sheet, out);
  }
  openUpTo(null);
  sheet!.commit();
  await workbook.commit();
  return count;
}

/**
 * exceljs's streaming writer (4.4) ignores backpressure, and so does the
 * zip (archiver) under it: rows committed go through the sheet's buffer
 * into the zip, which deflates and queues them as output whether or not
 * anyone reads. Measured with a slow reader at the benchmark's scale, the
 * process grew by about 15 MB a second outside the JS heap. The sheet's
 * buffer does the same before the zip: it writes to the zip entry's input
 * (a PassThrough) without looking at what that holds, so rows that come
 * faster than they are deflated pile up there (a process writing the
 * workbook from rows handed to it as fast as the server read them held
 * 661 MB of them at the benchmark's scale, bench/RESULTS.md 2026-12-06). After each batch, wait until the sheet's entry has
 * deflated what it was given, the zip's queued output is small and `out`
 * (the download's file, http/export-files.ts) has taken what it was given;
 * an output closed under it stops the writer.
 */
const QUEUE_BYTES = 1024 * 1024;
async function zipHasTaken(zip: Readable, sheet: unknown, out: Writable) {
  // The streams the sheet's StreamBuf writes to (exceljs's utils/stream-buf.js): archiver's
  // PassThrough of readable-stream 2, which has no writableLength or readableLength.
  type Buffered = { _writableState?: { length: number }; _readableState?: { length: number } };
  const entry = () => (sheet as { stream: { pipes: Buffered[] } }).stream.pipes.reduce((bytes, pipe) => bytes + (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0), 0);
  while (!out.destroyed && (out.writableNeedDrain || zip.readableLength > QUEUE_BYTES || entry() > QUEUE_BYTES)) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (out.destroyed) throw new Error('the workbook\'s output was closed before it was written');
}
