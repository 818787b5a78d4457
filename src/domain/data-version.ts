// The register's data version: bumped as every change commits (the audit
// entry's trigger, migration 0022; an import bumps it itself), read by caches
// to know that nothing has changed since they computed an answer.
import { AsyncLocalStorage } from 'node:async_hooks';
import { eq, max, min, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditLog, dataVersion } from '../db/schema.ts';
import type { Context } from './context.ts';

export async function currentDataVersion(ctx: Context): Promise<number> {
  const [row] = await ctx.db.select({ version: dataVersion.version }).from(dataVersion).where(eq(dataVersion.id, 1));
  return row?.version ?? 0;
}

/** Bumps the version and returns the new one; the row stays locked until the transaction ends. */
export async function bumpDataVersion(ctx: Context): Promise<number> {
  const [row] = await ctx.db
    .update(dataVersion)
    .set({ version: sql`${dataVersion.version} + 1` })
    .where(eq(dataVersion.id, 1))
    .returning({ version: dataVersion.version });
  return row?.version ?? 0;
}

// Readers that arrive together share one read of the version, as long as the
// read started after they arrived: a read already under way may have begun
// before a write that a reader has seen finish, so later arrivals wait for the
// next read instead of joining it. Under 20 concurrent readers of cached
// answers this is one or two statements instead of twenty.
const readers = new WeakMap<Executor, () => Promise<number>>();

export function freshDataVersion(ctx: Context): Promise<number> {
  let read = readers.get(ctx.db);
  if (!read) readers.set(ctx.db, (read = coalescedReader(() => currentDataVersion(ctx))));
  return read();
}

function coalescedReader(query: () => Promise<number>): () => Promise<number> {
  let running: Promise<number> | null = null;
  let next: Promise<number> | null = null;
  const start = () => {
    const p = query();
    running = p;
    const clear = () => {
      if (running === p) running = null;
    };
    p.then(clear, clear);
    return p;
  };
  return () => {
    if (!running) return start();
    next ??= running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      next = null;
      return start();
    });
    return next;
  };
}

/**
 * When the register was first filled and last changed: the oldest and newest
 * audit entries (null while it is empty). Counts every change, as the data
 * version does, including those to records the public cannot see.
 */
export async function registerChangeTimes(ctx: Context): Promise<{ first: Date | null; last: Date | null }> {
  const [row] = await ctx.db.select({ first: min(auditLog.at), last: max(auditLog.at) }).from(auditLog);
  return { first: row?.first ?? null, last: row?.last ?? null };
}

// The version a read (a GET request) learnt as it arrived (app.ts): the kept
// answers it asks for are read at that version rather than reading it again.
// As fresh for the reader: it was read after the request arrived, so after
// any write the reader had seen finish. Under load the second read was a
// round trip each request waited for (coalesced, but begun after it
// arrived), and answers read at one version are also what its key says.
const arrival = new AsyncLocalStorage<{ db: Executor; version: number; open: boolean }>();

/**
 * Runs `work` as a read of `db` that began at data version `version`. Work
 * that outlives it (a timer, a build that goes on after the answer) reads
 * afresh: the version holds only while the read is open.
 */
export async function readingAt<T>(db: Executor, version: number, work: () => Promise<T>): Promise<T> {
  const read = { db, version, open: true };
  try {
    return await arrival.run(read, work);
  } finally {
    read.open = false;
  }
}

/** The data version the current read began at on this database (readingAt), or else a fresh read of it. */
export function versionOfRead(ctx: Context): Promise<number> {
  const began = arrival.getStore();
  return began?.open && began.db === ctx.db ? Promise.resolve(began.version) : freshDataVersion(ctx);
}
