// A PGlite image of the shipped data: built once (by `npm install`'s prepare
// step, or the test suite's global setup), loaded on a first start instead
// of initialising a cluster and loading data/ through the verbs again. Its
// name carries a hash of the data, the migrations and the domain code, so a changed file means
// a new image and a stale one is never loaded.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/client.ts';
import { prepareDatabase } from './prepare.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SNAPSHOT_DIR = path.join(ROOT, 'var/snapshots');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

export async function snapshotPath(): Promise<string> {
  const hash = createHash('sha256');
  // The data, the migrations, and the code that loads the data and computes the caches.
  const inputs = await Promise.all(['data', 'drizzle', 'src/db', 'src/domain'].map((dir) => filesUnder(path.join(ROOT, dir))));
  for (const file of inputs.flat().filter((f) => !f.endsWith('.test.ts'))) {
    hash.update(path.relative(ROOT, file)).update(await readFile(file));
  }
  return path.join(SNAPSHOT_DIR, `shipped-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

/** The image's bytes, or null when none was built for the current data and migrations. */
export async function readSnapshot(): Promise<Blob | null> {
  try {
    return new Blob([await readFile(await snapshotPath())]);
  } catch {
    return null;
  }
}

export async function buildSnapshot(): Promise<string> {
  const target = await snapshotPath();
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  try {
    await prepareDatabase(database);
    const image = await database.dumpDataDir!();
    await mkdir(SNAPSHOT_DIR, { recursive: true });
    // Written beside and renamed: a reader never sees half an image.
    const partial = `${target}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await image.arrayBuffer()));
    await rename(partial, target);
    // Images of earlier code are never loaded again (their hash no longer
    // matches): 5 MB each, one per change to data/, drizzle/, src/db or src/domain.
    for (const name of await readdir(SNAPSHOT_DIR)) {
      if (/^shipped-[0-9a-f]{16}\.tar\.gz$/.test(name) && path.join(SNAPSHOT_DIR, name) !== target) await rm(path.join(SNAPSHOT_DIR, name), { force: true });
    }
    return target;
  } finally {
    await database.close();
  }
}
