// Opens the configured database, migrates it, and on first start loads the
// shipped data. Used by `serve`, `migrate`, `seed` and the test fixtures.
import { sql } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { openDatabase, queryRows, type Database, type DatabaseTarget } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { withServerLock } from '../db/server-lock.ts';
import type { Context } from '../domain/context.ts';
import { loadShippedData, readShippedData, type LoadSummary } from '../domain/transfer/shipped-data.ts';
import { readSnapshot } from './snapshot.ts';

export function targetFromEnv(env: Pick<Env, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATA_DIR'>): DatabaseTarget {
  return env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE } : { kind: 'pglite', dataDir: env.DATA_DIR };
}

export function systemContext(database: Database, label: string): Context {
  // organisationId is checked only for users; the loader assigns its own.
  return { db: database.db, principal: { kind: 'system', label, organisationId: 0 } };
}

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from organisations`);
  return row!.n === 0;
}

export async function seedShippedData(database: Database): Promise<LoadSummary> {
  return loadShippedData(systemContext(database, 'seed'), await readShippedData());
}

/** Migrates, and seeds an empty database. Returns what was seeded, if anything. */
export async function prepareDatabase(database: Database): Promise<LoadSummary | null> {
  await migrate(database);
  return (await isEmpty(database)) ? seedShippedData(database) : null;
}

export async function openPrepared(target: DatabaseTarget): Promise<{ database: Database; seeded: LoadSummary | null }> {
  // A first start on PGlite loads the image of the shipped data when there is
  // one; whether the folder is empty is looked at under its lock.
  const database = await openDatabase(target.kind === 'pglite' && !target.loadDataDir ? { ...target, imageIfEmpty: readSnapshot } : target);
  try {
    // Several servers starting at once on one PostgreSQL database: one migrates and seeds, the others then find it done.
    const seeded = target.kind === 'postgres' ? await withServerLock(target.url, 'prepare', () => prepareDatabase(database)) : await prepareDatabase(database);
    return { database, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}
