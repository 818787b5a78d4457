// A fresh database per test file: in-memory PGlite, or a new database on the
// PostgreSQL server that TEST_DATABASE_URL points at (dropped afterwards).
// Migrated and loaded with the shipped data, as on a first start.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPrepared } from '../../src/cli/prepare.ts';
import { openDatabase, type Database, type DatabaseTarget } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { Context } from '../../src/domain/context.ts';
import { readEnv } from '../../src/env.ts';

export interface TestDatabase {
  database: Database;
  /** Reads as the public does. */
  anonymous: Context;
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
  const name = `ortsband_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await open({ kind: 'postgres', url: target.toString(), poolSize: 5 });
  return {
    database,
    anonymous: { db: database.db, principal: { kind: 'anonymous' } },
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Acts as the system (loaders, imports) in the editorial organisation. */
export function systemCtx(t: TestDatabase): Context {
  return { db: t.database.db, principal: { kind: 'system', label: 'test', organisationId: 0 } };
}

let counter = 0;
/** A slug no other test uses. */
export const uniqueSlug = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;
