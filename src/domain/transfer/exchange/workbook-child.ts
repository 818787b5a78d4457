// The child process of workbook-process.ts: reads the rows as JSON lines
// ([table, cells[]] per batch) from stdin and writes the workbook to stdout.
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import type { TableName } from './format.ts';
import { writeWorkbook, type Cells } from './workbook.ts';

async function* batches(): AsyncGenerator<[TableName, Cells[]]> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) yield JSON.parse(line) as [TableName, Cells[]];
}

// Through a PassThrough: exceljs ends its output and waits for it to finish, which stdout never does (it cannot be ended).
const out = new PassThrough();
out.pipe(process.stdout);
await writeWorkbook(batches(), out);
