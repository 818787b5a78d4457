// The large public downloads (the register as JSON, the exchange tables as
// CSV, JSON and XLSX), made once per data version and read by every client
// from a file. Each client used to get its own writer: twenty clients of the
// XLSX download at the benchmark's scale were twenty workbooks deflated at
// once, half an hour of one core and gigabytes of memory. Now the first
// request for a download at a data version starts its build, a writer into a
// file in a folder of this process's own; that request and every other one
// for it at that version read the file as it grows, each at its own pace, and
// the build's writer goes at the pace of the disk. A client that stops
// reading holds nothing but its open file. A newer version's finished build
// replaces the older one, whose file is removed (open readers keep reading it).
import { EventEmitter, once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

const CHUNK_BYTES = 256 * 1024;

/** One download at one data version: its file, how much of it is written, and whether it is whole. */
class Build extends EventEmitter {
  /** The file exists: readers may open it. */
  created = false;
  written = 0;
  done = false;
  failed: Error | null = null;
  /** Streams handed out and not yet ended: the file stays until the last has let go. */
  readers = 0;
  /** A newer build has replaced this one: its file goes once nobody reads it. */
  replaced = false;
  constructor(
    readonly name: string,
    readonly file: string,
    readonly version: number,
  ) {
    super();
    this.setMaxListeners(0);
  }

  /** Settles when the build has written its first bytes or is whole; rejects with its failure. */
  async begun(): Promise<void> {
    while (this.written === 0 && !this.done && !this.failed) await once(this, 'progress');
    if (this.failed) throw this.failed;
  }

  /** The file's bytes as they are written: from the start to the end of the build, read as the client pulls. */
  stream(): ReadableStream<Uint8Array> {
    let handle: FileHandle | null = null;
    let position = 0;
    let holding = true;
    this.readers++;
    const close = async () => {
      const h = handle;
      handle = null;
      await h?.close();
      if (!holding) return;
      holding = false;
      if (--this.readers === 0 && this.replaced) await unlink(this.file).catch(() => {});
    };
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          try {
            while (!this.created && !this.failed) await once(this, 'progress');
            if (this.failed) throw this.failed;
            handle ??= await open(this.file, 'r');
            while (position >= this.written && !this.done && !this.failed) await once(this, 'progress');
            if (this.failed) throw this.failed;
            if (position >= this.written) {
              await close();
              controller.close();
              return;
            }
            const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, this.written - position));
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
            if (bytesRead === 0) throw new Error(`the download's file ended at ${position} of ${this.written} bytes written`);
            position += bytesRead;
            controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
          } catch (error) {
            await close();
            controller.error(error);
          }
        },
        cancel: close,
      },
      { highWaterMark: 0 },
    );
  }
}

// Every folder made, removed as the process ends.
const folders = new Set<string>();
process.once('exit', () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Writes the whole chunk (a file write may take part of it). */
async function writeAll(handle: FileHandle, chunk: Buffer) {
  for (let offset = 0; offset < chunk.length; ) offset += (await handle.write(chunk, offset, chunk.length - offset)).bytesWritten;
}

export interface ExportFiles {
  /** Where the builds' files are: a folder of this process's own under the system's temporary folder. */
  readonly folder: string;
  /**
   * The download `name` (one per route and its parameters) at data version
   * `version`, as a stream of its bytes; started by `write` unless a build
   * of it at this version or a newer one is under way or done.
   */
  read(name: string, version: number, write: (out: Writable) => Promise<unknown>): ReadableStream<Uint8Array>;
  /**
   * As `read`, once the build has written its first bytes: a build that
   * fails before (a refused filter) rejects with its error, which the route
   * can then answer with its status instead of a 200 cut short.
   */
  readWhenBegun(name: string, version: number, write: (out: Writable) => Promise<unknown>): Promise<ReadableStream<Uint8Array>>;
  /** Removes the folder (at the server's end). */
  close(): void;
}

/**
 * `afterLargeBuild` runs when a build of at least LARGE_BUILD_BYTES has
 * finished: the server collects the build's garbage there (a workbook of
 * 120 MB leaves hundreds of MB of it, which V8, with the heap allowed to
 * grow to three times what it keeps, would otherwise hold as resident memory
 * long after; docs/performance.md).
 */
export const LARGE_BUILD_BYTES = 32 * 1024 * 1024;

/**
 * `maxFinished`: how many finished builds to keep, the least recently read
 * removed first; for a download keyed on the reader's parameters (the list's
 * CSV), whose distinct keys have no other bound.
 */
export function exportFiles(options: { afterLargeBuild?: () => void; maxFinished?: number } = {}): ExportFiles {
  const folder = mkdtempSync(path.join(tmpdir(), 'ortsband-downloads-'));
  folders.add(folder);
  // By `name@version`, the least recently read first.
  const builds = new Map<string, Build>();
  let counter = 0;

  /** No new reader gets this build; its file goes once nobody reads it (unlinked, it stays readable to those who have it open). */
  async function retire(key: string, build: Build) {
    builds.delete(key);
    build.replaced = true;
    if (build.readers === 0) await unlink(build.file).catch(() => {});
  }

  async function run(build: Build, write: (out: Writable) => Promise<unknown>) {
    const handle = await open(build.file, 'w');
    build.created = true;
    build.emit('progress');
    const sink = new Writable({
      highWaterMark: CHUNK_BYTES,
      write(chunk: Buffer, _encoding, callback) {
        writeAll(handle, chunk).then(() => {
          build.written += chunk.length;
          build.emit('progress');
          callback();
        }, callback);
      },
    });
    // A failed file write reaches the writer through write() and finished(); nothing else listens.
    sink.on('error', () => {});
    try {
      await write(sink);
      // A writer may end the stream itself (exceljs pipes its zip into it).
      if (!sink.writableEnded) sink.end();
      await finished(sink);
      build.done = true;
    } catch (error) {
      build.failed = error instanceof Error ? error : new Error(String(error));
      builds.delete(`${build.name}@${build.version}`);
      sink.destroy();
    } finally {
      await handle.close();
      build.emit('progress');
    }
    if (build.failed) return unlink(build.file).catch(() => {});
    if (build.written >= LARGE_BUILD_BYTES) options.afterLargeBuild?.();
    // Of the finished builds of this download, the newest stays.
    const whole = [...builds.entries()].filter(([, b]) => b.name === build.name && b.done);
    const newest = Math.max(...whole.map(([, b]) => b.version));
    for (const [key, b] of whole) if (b.version < newest) await retire(key, b);
    if (options.maxFinished !== undefined) {
      const finished = [...builds.entries()].filter(([, b]) => b.done);
      for (const [key, b] of finished.slice(0, Math.max(0, finished.length - options.maxFinished))) await retire(key, b);
    }
  }

  /** The newest build of this download that is as new as the request, started if there is none. */
  function buildFor(name: string, version: number, write: (out: Writable) => Promise<unknown>): Build {
    const found = [...builds.entries()].filter(([, b]) => b.name === name && b.version >= version && !b.failed).sort(([, a], [, b]) => b.version - a.version)[0];
    if (found) {
      const [key, build] = found;
      builds.delete(key); // to the back: read most recently
      builds.set(key, build);
      return build;
    }
    const build = new Build(name, path.join(folder, `${++counter}.part`), version);
    builds.set(`${name}@${version}`, build);
    run(build, write).catch((error: unknown) => {
      build.failed = error instanceof Error ? error : new Error(String(error));
      builds.delete(`${name}@${version}`);
      build.emit('progress');
    });
    return build;
  }

  return {
    folder,
    read: (name, version, write) => buildFor(name, version, write).stream(),
    async readWhenBegun(name, version, write) {
      const build = buildFor(name, version, write);
      const stream = build.stream();
      try {
        await build.begun();
      } catch (error) {
        await stream.cancel();
        throw error;
      }
      return stream;
    },
    close() {
      rmSync(folder, { recursive: true, force: true });
      folders.delete(folder);
    },
  };
}
