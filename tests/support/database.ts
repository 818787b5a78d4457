// A fresh database per test file: in-memory PGlite, or a new database on the
// PostgreSQL server that TEST_DATABASE_URL points at (dropped afterwards).
// Migrated and loaded with the shipped data, as on a first start.
import { randomBytes } from 'node:crypto';
import { openPrepared } from '../../src/cli/prepare.ts';
import { openDatabase, type Database, type DatabaseTarget } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createDatabase, databaseUrl, dropDatabase } from '../../src/db/server-databases.ts';
import type { Context } from '../../src/domain/context.ts';
import { readEnv } from '../../src/env.ts';

export interface TestDatabase {
  database: Database;
  /** Reads as the public does. */
  anonymous: Context;
  /** The PostgreSQL database's address, for other processes; none for in-memory PGlite. */
  url?: string;
  close(): Promise<void>;
}

/** `empty`: migrated only, without the shipped data (imports and restores into an empty register). */
export async function openTestDatabase({ empty = false }: { empty?: boolean } = {}): Promise<TestDatabase> {
  const url = readEnv().TEST_DATABASE_URL;
  const open = async (target: DatabaseTarget) => {
    if (!empty) return (await openPrepared(target)).database;
    const database = await openDatabase(target);
    await migrate(database);
    return database;
  };
  if (!url) {
    const database = await open({ kind: 'pglite', dataDir: undefined });
    return { database, anonymous: { db: database.db, principal: { kind: 'anonymous' } }, close: () => database.close() };
  }
  const scratch = await createScratchDatabase(url);
  const database = await open({ kind: 'postgres', url: scratch.url, poolSize: 5 });
  return {
    database,
    anonymous: { db: database.db, principal: { kind: 'anonymous' } },
    url: scratch.url,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

/** A new, empty database on the server `serverUrl` points at, and how to drop it. */
export async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ortsband_test_${randomBytes(6).toString('hex')}`;
  await createDatabase(serverUrl, name);
  return { url: databaseUrl(serverUrl, name), drop: async () => void (await dropDatabase(serverUrl, name)) };
}

/** Acts as the system (loaders, imports) in the editorial organisation. */
export function systemCtx(t: TestDatabase): Context {
  return { db: t.database.db, principal: { kind: 'system', label: 'test', organisationId: 0 } };
}

let counter = 0;
/** A slug no other test uses. */
export const uniqueSlug = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;
