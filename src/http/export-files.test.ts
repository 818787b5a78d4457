import { existsSync, readdirSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { exportFiles, LARGE_BUILD_BYTES, type ExportFiles } from './export-files.ts';

let files: ExportFiles | undefined;
afterEach(() => files?.close());

const text = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer()).toString();

/** A writer of `lines` lines, slowly enough for readers to meet it under way; counts how often it ran. */
function slowWriter(lines: number, label = 'line') {
  const writer = async (out: Writable) => {
    writer.runs++;
    for (let i = 0; i < lines; i++) {
      if (!out.write(`${label} ${i}\n`)) await new Promise((resolve) => out.once('drain', resolve));
      if (i % 50 === 0) await sleep(1);
    }
  };
  writer.runs = 0;
  return writer;
}
const expected = (lines: number, label = 'line') => Array.from({ length: lines }, (_, i) => `${label} ${i}\n`).join('');

describe('downloads made once per data version', () => {
  it('gives every reader at one version the same bytes from one build, also those who come while it is written', async () => {
    files = exportFiles();
    const write = slowWriter(2_000);
    const first = text(files.read('x', 7, write));
    await sleep(5);
    const rest = await Promise.all(Array.from({ length: 5 }, () => text(files!.read('x', 7, write))));
    expect(await first).toBe(expected(2_000));
    for (const body of rest) expect(body).toBe(expected(2_000));
    expect(write.runs).toBe(1);
    // A request that read an older version is served the newer build.
    expect(await text(files.read('x', 6, write))).toBe(expected(2_000));
    expect(write.runs).toBe(1);
  });

  it('makes a newer version anew and removes the older file once the newer is whole', async () => {
    files = exportFiles();
    const older = slowWriter(100, 'old');
    expect(await text(files.read('x', 1, older))).toBe(expected(100, 'old'));
    const newer = slowWriter(100, 'new');
    expect(await text(files.read('x', 2, newer))).toBe(expected(100, 'new'));
    await sleep(20);
    expect([older.runs, newer.runs]).toEqual([1, 1]);
    expect(readdirSync(files.folder)).toHaveLength(1);
    // Other downloads are kept apart.
    expect(await text(files.read('y', 2, slowWriter(3, 'y')))).toBe(expected(3, 'y'));
  });

  it('keeps a replaced file for a reader who has not finished, and removes it after', async () => {
    files = exportFiles();
    const older = slowWriter(50, 'old');
    expect(await text(files.read('x', 1, older))).toBe(expected(50, 'old'));
    // A reader of version 1 that has not begun when version 2 is made and replaces it.
    const late = files.read('x', 1, older);
    expect(await text(files.read('x', 2, slowWriter(50, 'new')))).toBe(expected(50, 'new'));
    await sleep(20);
    expect(readdirSync(files.folder)).toHaveLength(2);
    expect(await text(late)).toBe(expected(50, 'old'));
    await sleep(20);
    expect(readdirSync(files.folder)).toHaveLength(1);
  });

  it('goes on for the others when a reader stops half-way', async () => {
    files = exportFiles();
    const write = slowWriter(3_000);
    const quitter = files.read('x', 1, write).getReader();
    await quitter.read();
    await quitter.cancel();
    expect(await text(files.read('x', 1, write))).toBe(expected(3_000));
    expect(write.runs).toBe(1);
  });

  it('fails the readers of a failed build, and the next request builds again', async () => {
    files = exportFiles();
    const failing = async (out: Writable) => {
      out.write('half\n');
      await sleep(5);
      throw new Error('the database went away');
    };
    await expect(text(files.read('x', 1, failing))).rejects.toThrow('the database went away');
    expect(await text(files.read('x', 1, slowWriter(10)))).toBe(expected(10));
  });

  it('takes a writer that ends the stream itself', async () => {
    files = exportFiles();
    const ends = async (out: Writable) => {
      out.end('whole\n');
    };
    expect(await text(files.read('x', 1, ends))).toBe('whole\n');
  });

  it('calls afterLargeBuild once a build of the large size is whole, and not after a small one', async () => {
    let calls = 0;
    files = exportFiles({ afterLargeBuild: () => calls++ });
    await text(files.read('small', 1, slowWriter(100)));
    expect(calls).toBe(0);
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const large = async (out: Writable) => {
      for (let written = 0; written < LARGE_BUILD_BYTES; written += chunk.length) {
        if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      }
    };
    expect((await new Response(files.read('large', 1, large)).arrayBuffer()).byteLength).toBe(LARGE_BUILD_BYTES);
    await sleep(10);
    expect(calls).toBe(1);
  });

  it('keeps at most maxFinished finished builds, removing the least recently read first', async () => {
    files = exportFiles({ maxFinished: 2 });
    const a = slowWriter(3, 'a');
    expect(await text(files.read('a', 1, a))).toBe(expected(3, 'a'));
    expect(await text(files.read('b', 1, slowWriter(3, 'b')))).toBe(expected(3, 'b'));
    // a is read again, so b is the least recently read when c is made.
    expect(await text(files.read('a', 1, a))).toBe(expected(3, 'a'));
    expect(await text(files.read('c', 1, slowWriter(3, 'c')))).toBe(expected(3, 'c'));
    await sleep(20);
    expect(readdirSync(files.folder)).toHaveLength(2);
    expect(await text(files.read('a', 1, a))).toBe(expected(3, 'a'));
    expect(a.runs).toBe(1);
    const b = slowWriter(3, 'b');
    expect(await text(files.read('b', 1, b))).toBe(expected(3, 'b'));
    expect(b.runs).toBe(1);
  });

  it('readWhenBegun rejects with the error of a build that fails before its first bytes, and the next request builds again', async () => {
    files = exportFiles();
    const refused = async () => {
      await sleep(5);
      throw new Error('no such county');
    };
    await expect(files.readWhenBegun('x', 1, refused)).rejects.toThrow('no such county');
    const write = slowWriter(500);
    const [first, second] = await Promise.all([files.readWhenBegun('x', 1, write), files.readWhenBegun('x', 1, write)]);
    expect(await text(first)).toBe(expected(500));
    expect(await text(second)).toBe(expected(500));
    expect(write.runs).toBe(1);
    await sleep(20);
    expect(readdirSync(files.folder)).toHaveLength(1);
  });

  it('removes its folder when closed', () => {
    const own = exportFiles();
    expect(existsSync(own.folder)).toBe(true);
    own.close();
    expect(existsSync(own.folder)).toBe(false);
  });
});
