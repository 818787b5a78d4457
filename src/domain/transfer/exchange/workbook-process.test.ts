import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TableName } from './format.ts';
import type { Cells } from './workbook.ts';
import { writeWorkbookInChild } from './workbook-process.ts';

async function* rows(...batches: Array<[TableName, Cells[]]>) {
  yield* batches;
}

describe('the workbook written by a child process', () => {
  it('is a zip with a sheet per table, and counts the rows handed to it', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    expect(await writeWorkbookInChild(rows(['actors', [['a'], ['b']]], ['agreements', [['c']]]), out)).toBe(3);
    expect(out.writableEnded).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.rowCount])).toEqual([['sources', 1], ['actors', 3], ['counterparts', 1], ['agreements', 2]]);
  }, 60_000);

  it("fails when the child fails (rows out of the tables' order), and leaves the output unfinished", async () => {
    const out = new PassThrough();
    out.resume();
    await expect(writeWorkbookInChild(rows(['agreements', [['a']]], ['sources', [['b']]]), out)).rejects.toThrow(/workbook's process ended with code 1/);
    expect(out.writableEnded).toBe(false);
  }, 60_000);
});
