// The server's exchange workbook, written by a child process of its own. The
// server reads the rows (exchangeBatches, batch by batch, as for the CSV and
// JSON downloads) and hands them to the child, which writes the workbook
// (exceljs, the zip's deflate) to its stdout, piped into `out`. Built in the
// server itself at the benchmark's scale, the workbook left it 500 MB larger,
// for good (bench/RESULTS.md, 2026-12-06); a child's memory goes back to the
// system when it ends. The rows come from the server on both databases, so
// PGlite's one process (docs/pglite-lock.md) needs no second connection.
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { write } from './export.ts';
import type { TableName } from './format.ts';
import type { Cells } from './workbook.ts';

const CHILD = fileURLToPath(new URL('./workbook-child.ts', import.meta.url));
// The child loads TypeScript through tsx, whichever way the server was started (npm start or bin/ortsband.js).
const TSX = import.meta.resolve('tsx');

/** As writeWorkbook (workbook.ts): the same bytes, written by a child process from the rows handed to it. */
export async function writeWorkbookInChild(batches: AsyncIterable<[TableName, Cells[]]>, out: Writable): Promise<number> {
  const child = spawn(process.execPath, ['--import', TSX, CHILD], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`the workbook's process ended with ${signal ?? `code ${code}`}`))));
  });
  // The child's end or failure is reported through `exited`; a write to a child that has gone fails through write().
  child.stdin.on('error', () => {});
  // `out` is ended only once the child has ended well: a workbook cut short is never a finished output.
  const copied = pipeline(child.stdout, out, { end: false });
  // Both are awaited below; until then a failure must not count as unhandled. An output that fails ends the child.
  exited.catch(() => {});
  copied.catch(() => child.kill());
  let count = 0;
  try {
    for await (const batch of batches) {
      await write(child.stdin, `${JSON.stringify(batch)}\n`);
      count += batch[1].length;
    }
    child.stdin.end();
    await Promise.all([copied, exited]);
    out.end();
    return count;
  } catch (error) {
    child.kill();
    await Promise.allSettled([copied, exited]);
    throw error;
  }
}
