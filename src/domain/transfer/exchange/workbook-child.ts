// The child process of workbook-process.ts: reads the rows as JSON lines
// ([table, cells[]] per batch) from stdin and writes the workbook to stdout.
import { PassThrough } from 'node:stream';
import type { TableName } from './format.ts';
import { writeWorkbook, type Cells } from './workbook.ts';

/**
 * The batches, one line each, read as the workbook takes them. Not through
 * readline: its iterator reads ahead up to 1,024 lines, and a line here is a
 * batch of thousands of rows (the child grew past 1 GB at the benchmark's
 * scale); stdin's own iterator reads a chunk at a time.
 */
async function* batches(): AsyncGenerator<[TableName, Cells[]]> {
  let parts: string[] = [];
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      parts.push(chunk.slice(start, end));
      yield JSON.parse(parts.join('')) as [TableName, Cells[]];
      parts = [];
      start = end + 1;
    }
    if (start < chunk.length) parts.push(chunk.slice(start));
  }
  if (parts.join('').trim()) throw new Error('the rows ended in the middle of a line');
}

// Through a PassThrough: exceljs ends its output and waits for it to finish, which stdout never does (it cannot be ended).
const out = new PassThrough();
out.pipe(process.stdout);
await writeWorkbook(batches(), out);
